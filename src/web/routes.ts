// What each address of the practice channel does. Pages are GET; every change is a POST of a form
// (application/x-www-form-urlencoded) that carries the form token and who acts, runs one use case,
// waits until the outbox delivered what it enqueued, and redirects (post/redirect/get) with a
// message for the person. A form with errors is shown again with them, nothing stored.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeRequest, openCloseForm } from '../app/closeRequest.js';
import { runCommand } from '../app/commands.js';
import type { Ctx } from '../app/deps.js';
import { digestForMonth, resolveDigestMonth } from '../app/digest.js';
import { editRequest, openEditForm } from '../app/editRequest.js';
import { fileRequest, openRequestForm, suggestInForm } from '../app/fileRequest.js';
import { markPaidFromChat } from '../app/finance.js';
import { recordPrevented } from '../app/prevented.js';
import { giveObjectionReason, openObjectionForm } from '../app/objectionReason.js';
import type { Outcome } from '../app/outcome.js';
import { overview } from '../app/overview.js';
import { channelCard, channelPage, messagesFor, PRACTICE_CHANNEL, PRACTICE_TEAM_NAME } from '../app/practice.js';
import { vote, withdrawVote } from '../app/vote.js';
import { cardText, confirm, formText, refusal } from '../core/messages.js';
import type { RequestFormInput } from '../core/requestForm.js';
import { addMonthsKey, monthKey } from '../core/time.js';
import { cardFactsHtml, cardHtml } from './card.js';
import { alternativeFormHtml, objectionFormHtml, requestFormHtml, withdrawConfirmHtml } from './forms.js';
import type { Flash, View } from './layout.js';
import { cardPage, channelView, digestView, formPage, helpView, overviewView } from './pages.js';
import { h, type Html } from './render.js';
import { nonce } from './session.js';

/** What a route gets: the use-case context, the request, who acts, and how to answer. */
export interface Call {
  ctx: Ctx;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: URLSearchParams;
  view: View;
  /** The request id in the path (0 when the path has none). */
  id: number;
  /** Wait until the outbox delivered what the use case enqueued (the next page shows it). */
  delivered(): Promise<void>;
  html(status: number, body: string): void;
  /** Redirect (303) to `path`, with a message shown there once (next to the card it is about). */
  redirect(path: string, flash?: Flash | null, requestId?: number): void;
  flash(): Flash | null;
  teamId: number;
}

export type Route = (c: Call) => Promise<void> | void;

const said = (o: Outcome<unknown>, fallback = confirm.nothingChanged(0)): Flash => ({ tone: o.ok ? 'ok' : 'refused', message: o.message ?? fallback });
/** Where a form sends the person back to: a path of this site only. */
export const backTo = (s: string | null): string => (s && /^\/(?!\/)[A-Za-z0-9/_\-?=&]*$/.test(s) ? s.replace(/[?&]melding=[^&]*/, '') : '/');

function readForm(b: URLSearchParams): RequestFormInput {
  const opt = (k: string) => (b.get(k) ?? '') || null;
  return {
    amount: b.get('amount') ?? '',
    description: b.get('description') ?? '',
    supplierName: b.get('supplierName') ?? '',
    supplierIban: b.get('supplierIban') ?? '',
    categorySlug: opt('categorySlug'),
    caseRef: b.get('caseRef') ?? '',
    reason: opt('reason'),
    reasonText: b.get('reasonText') ?? '',
  };
}

/** "seconds.micro", as the reaction path sorts event times. */
function eventTs(at: Date): string {
  const ms = at.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

const channel = { channel: PRACTICE_CHANNEL, channelName: PRACTICE_TEAM_NAME };

/** A form about one request, with that request's card (without its buttons) below it. */
function about(c: Call, form: Html): Html {
  const found = channelCard(c.ctx, c.id);
  return h`${form}${found ? cardFactsHtml(found, c.view) : ''}`;
}

export const getChannel: Route = (c) => {
  const voor = Number(c.url.searchParams.get('voor'));
  const beforeId = Number.isSafeInteger(voor) && voor > 0 ? voor : null;
  const p = channelPage(c.ctx, PRACTICE_CHANNEL, { limit: 20, beforeId: beforeId ?? undefined });
  c.html(200, channelView(c.view, p, { beforeId, flash: c.flash() }));
};

export const getCard: Route = (c) => {
  const found = channelCard(c.ctx, c.id);
  if (!found) return c.redirect('/', { tone: 'refused', message: refusal.notFound });
  c.html(200, cardPage(c.view, found, c.flash()));
};

/** The card alone, for a page that swaps it in place. */
export const getCardFragment: Route = (c) => {
  const found = channelCard(c.ctx, c.id);
  if (!found) return c.html(404, '');
  c.html(200, cardHtml(found, { ...c.view, here: '/' }).value);
};

export const getNewRequest: Route = async (c) => {
  const o = await openRequestForm(c.ctx, { actorId: c.view.who.id, ...channel });
  if (!o.ok) return c.redirect('/', said(o));
  c.html(200, formPage(c.view, formText.titleNew, requestFormHtml(o.value, c.view, nonce()), '/aanvraag/nieuw'));
};

export const postNewRequest: Route = async (c) => {
  const form = readForm(c.body);
  const formId = c.body.get('formId') || nonce();
  if (c.body.get('_voorstel')) {
    const view = suggestInForm(c.ctx, { channel: PRACTICE_CHANNEL, values: form });
    return c.html(200, formPage(c.view, formText.titleNew, requestFormHtml(view, c.view, formId), '/aanvraag/nieuw'));
  }
  const o = await fileRequest(c.ctx, { actorId: c.view.who.id, ...channel, form, suggestedSlug: c.body.get('suggestedSlug') || null, formId });
  if (o.ok) {
    await c.delivered();
    return c.redirect('/', said(o), o.value.requestId);
  }
  c.html(o.code === 'form.check_suggestion' ? 200 : 422, formPage(c.view, formText.titleNew, requestFormHtml(o.form, c.view, formId), '/aanvraag/nieuw'));
};

export const getEdit: Route = async (c) => {
  const o = await openEditForm(c.ctx, { actorId: c.view.who.id, requestId: c.id });
  if (!o.ok) return c.redirect('/', said(o), c.id);
  c.html(200, formPage(c.view, formText.titleEdit, about(c, requestFormHtml(o.value, c.view, null)), '', c.id));
};

export const postEdit: Route = async (c) => {
  const o = await editRequest(c.ctx, { actorId: c.view.who.id, requestId: c.id, form: readForm(c.body) });
  if (o.ok) {
    await c.delivered();
    return c.redirect('/', said(o), c.id);
  }
  if (o.code === 'request.not_yours' || o.code === 'request.not_found' || o.code === 'request.decided') return c.redirect('/', said(o), c.id);
  c.html(422, formPage(c.view, formText.titleEdit, about(c, requestFormHtml(o.form, c.view, null)), '', c.id));
};

export const getAlternative: Route = async (c) => {
  const o = await openCloseForm(c.ctx, { actorId: c.view.who.id, requestId: c.id });
  if (!o.ok) return c.redirect('/', said(o), c.id);
  c.html(200, formPage(c.view, formText.alternativeTitle, about(c, alternativeFormHtml(c.id, c.view))));
};

export const postAlternative: Route = async (c) => {
  const kind = c.body.get('kind') || null;
  const reason = c.body.get('reason') ?? '';
  const prevented = c.body.get('uitkomst') || null;
  const o = await closeRequest(c.ctx, { actorId: c.view.who.id, requestId: c.id, how: 'alternative', kind, reason, prevented });
  if (o.ok) await c.delivered();
  if (o.ok || o.code !== 'form.invalid') return c.redirect('/', said(o), c.id);
  c.html(422, formPage(c.view, formText.alternativeTitle, about(c, alternativeFormHtml(c.id, c.view, { errors: o.fields ?? {}, ...o.values }))));
};

export const getWithdraw: Route = async (c) => {
  const o = await openCloseForm(c.ctx, { actorId: c.view.who.id, requestId: c.id });
  if (!o.ok) return c.redirect('/', said(o), c.id);
  c.html(200, formPage(c.view, cardText.withdrawConfirmTitle, about(c, withdrawConfirmHtml(c.id, c.view, nonce()))));
};

export const getObjection: Route = (c) => {
  const o = openObjectionForm(c.ctx, { actorId: c.view.who.id, requestId: c.id });
  if (!o.ok) return c.redirect('/', said(o), c.id);
  c.html(200, formPage(c.view, formText.objectionTitle, about(c, objectionFormHtml(c.id, c.view))));
};

export const postObjection: Route = async (c) => {
  const reason = c.body.get('reason') ?? '';
  const o = giveObjectionReason(c.ctx, { actorId: c.view.who.id, requestId: c.id, reason });
  if (o.ok) await c.delivered();
  if (o.ok || o.code !== 'form.invalid') return c.redirect('/', said(o), c.id);
  c.html(422, formPage(c.view, formText.objectionTitle, about(c, objectionFormHtml(c.id, c.view, { error: o.message, reason: o.values?.reason ?? '' }))));
};

/** The card's buttons: approve, object, withdraw my vote, withdraw the request, mark paid. */
export const postAction: Route = async (c) => {
  const actorId = c.view.who.id;
  const requestId = c.id;
  const click = { actorId, requestId, eventId: (c.body.get('klik') ?? '').slice(0, 64) || nonce(), eventTs: eventTs(c.ctx.clock.now()) };
  const action = c.body.get('actie');
  let o: Outcome<unknown>;
  if (action === 'approve' || action === 'object') o = await vote(c.ctx, { ...click, kind: action });
  else if (action === 'unvote') o = await withdrawVote(c.ctx, click);
  else if (action === 'withdraw') o = await closeRequest(c.ctx, { actorId, requestId, how: 'withdraw' });
  else if (action === 'markPaid') o = markPaidFromChat(c.ctx, { actorId, requestId });
  else if (action === 'prevented') o = await recordPrevented(c.ctx, { actorId, requestId, outcome: c.body.get('uitkomst') || null });
  else return c.redirect('/', { tone: 'refused', message: refusal.notFound });
  await c.delivered();
  c.redirect(backTo(c.body.get('terug')), said(o, confirm.nothingChanged(requestId)), requestId);
};

/** The command field, as `/minimaatwerk …` in Slack: the answer is for the asker alone. */
export const postCommand: Route = async (c) => {
  const text = (c.body.get('tekst') ?? '').trim().replace(/^\/?minimaatwerk\b/i, '').trim();
  const o = await runCommand(c.ctx, { actorId: c.view.who.id, ...channel, conversation: PRACTICE_CHANNEL, text });
  await c.delivered();
  if (!o.ok) return c.redirect('/', { tone: 'refused', message: o.message ?? refusal.notFound });
  const a = o.value;
  if (a.kind === 'form') return c.redirect('/aanvraag/nieuw');
  c.redirect('/', a.kind === 'reply' ? { tone: 'answer', message: a.message } : { tone: 'answer', text: a.text });
};

export const getOverview: Route = async (c) => {
  const o = await overview(c.ctx, { actorId: c.view.who.id });
  c.html(200, overviewView(c.view, o.ok ? o.value.text : [], messagesFor(c.ctx, c.view.who.id)));
};

/** The month asked for (default: last month), and the months the page offers. */
function digestMonth(c: Call): { month: string; months: string[] } {
  const now = c.ctx.clock.now();
  const asked = resolveDigestMonth(c.url.searchParams.get('maand') ?? '', now);
  const current = monthKey(now);
  const months = Array.from({ length: 13 }, (_, i) => addMonthsKey(current, -i));
  return { month: asked.ok ? asked.value : addMonthsKey(current, -1), months };
}

export const getDigest: Route = (c) => {
  const { month, months } = digestMonth(c);
  const d = digestForMonth(c.ctx, month, { chart: false, teamIds: [c.teamId] });
  c.html(200, digestView(c.view, { month, months, text: d.text, altText: d.altText }));
};

export const getDigestChart: Route = (c) => {
  const { month } = digestMonth(c);
  const png = digestForMonth(c.ctx, month, { teamIds: [c.teamId] }).png;
  c.res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store', 'content-length': png?.length ?? 0 });
  c.res.end(png);
};

export const getHelp: Route = (c) => c.html(200, helpView(c.view));
