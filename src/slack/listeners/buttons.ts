// Buttons on the card (edit, withdraw, alternative found, mark paid), the objection-reason button,
// and the category suggestion while the form is being filled in (Enter in a dispatching field).
import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { openCloseForm, closeRequest } from '../../app/closeRequest.js';
import { openEditForm } from '../../app/editRequest.js';
import { suggestInForm } from '../../app/fileRequest.js';
import { markPaidFromChat } from '../../app/finance.js';
import { openObjectionForm } from '../../app/objectionReason.js';
import type { Outcome } from '../../app/outcome.js';
import { recordPrevented } from '../../app/prevented.js';
import { signalFromDigest } from '../../app/signals.js';
import { errorFields } from '../../log.js';
import { ACTION } from '../blocks/card.js';
import { alternativeModal, objectionModal } from '../blocks/closeModals.js';
import { DISPATCH, parseMeta, readRequestForm, requestModal } from '../blocks/requestModal.js';
import { SIGNAL_ACTION, type SignalButtonValue } from '../digest.js';
import { bilingual } from '../render.js';
import type { SlackContext } from '../context.js';

type Client = Parameters<Parameters<App['action']>[1]>[0]['client'];
type Press = { body: BlockAction; client: Client; requestId: number; userId: string };

export function registerButtons(app: App, { ctx, log }: SlackContext): void {
  /** A refusal is shown to the presser only (a button of a request that does not exist is ignored). */
  const tell = async ({ body, client, userId }: Press, o: Outcome<unknown>) => {
    const channel = body.channel?.id;
    if (!o.ok && o.message && channel && o.code !== 'request.not_found') await client.chat.postEphemeral({ channel, user: userId, text: bilingual(o.message) });
  };
  const onButton = (actionId: string, handle: (p: Press) => Promise<void>) =>
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      try {
        const requestId = Number(action.value);
        if (!Number.isSafeInteger(requestId) || requestId <= 0) return;
        await handle({ body, client, requestId, userId: body.user.id });
      } catch (e) {
        log.error('action.failed', { action: action.action_id, ...errorFields(e) });
      }
    });

  onButton(ACTION.edit, async (p) => {
    const o = await openEditForm(ctx, { actorId: p.userId, requestId: p.requestId });
    if (o.ok) await p.client.views.open({ trigger_id: p.body.trigger_id, view: requestModal(o.value) as never });
    else await tell(p, o);
  });
  onButton(ACTION.withdraw, async (p) => {
    const o = await closeRequest(ctx, { actorId: p.userId, requestId: p.requestId, how: 'withdraw' });
    if (o.ok) log.info('request.withdrawn', { requestId: p.requestId });
    else await tell(p, o);
  });
  onButton(ACTION.alternative, async (p) => {
    const o = await openCloseForm(ctx, { actorId: p.userId, requestId: p.requestId });
    if (o.ok) await p.client.views.open({ trigger_id: p.body.trigger_id, view: alternativeModal(p.requestId) as never });
    else await tell(p, o);
  });
  onButton(ACTION.objectionReason, async (p) => {
    const o = openObjectionForm(ctx, { actorId: p.userId, requestId: p.requestId });
    if (o.ok) await p.client.views.open({ trigger_id: p.body.trigger_id, view: objectionModal(p.requestId) as never });
    else await tell(p, o);
  });
  onButton(ACTION.markPaid, async (p) => {
    const o = markPaidFromChat(ctx, { actorId: p.userId, requestId: p.requestId });
    if (o.ok) log.info('payment.paid', { requestId: p.requestId });
    else {
      log.info('payment.mark_paid_refused', { requestId: p.requestId });
      await tell(p, o);
    }
  });

  // What the request prevented: one choice on the card once paid or closed with an alternative.
  app.action<BlockAction<StaticSelectAction>>(ACTION.prevented, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const [id = '', outcome = ''] = action.selected_option.value.split(':');
      const requestId = Number(id);
      if (!Number.isSafeInteger(requestId) || requestId <= 0) return;
      const o = await recordPrevented(ctx, { actorId: body.user.id, requestId, outcome });
      log.info(o.ok ? 'request.prevented' : 'request.prevented_refused', { requestId, code: o.code });
      const channel = body.channel?.id;
      if (o.message && channel && o.code !== 'request.not_found') await client.chat.postEphemeral({ channel, user: body.user.id, text: bilingual(o.message) });
    } catch (e) {
      log.error('action.failed', { action: ACTION.prevented, ...errorFields(e) });
    }
  });

  // A "make a signal" button under the monthly digest (admins; the use case checks).
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${SIGNAL_ACTION}(:\\d+)?$`), async ({ ack, body, action, client }) => {
    await ack();
    try {
      const v = parseSignalButton(action.value);
      const workspaceId = body.team?.id ?? body.user.team_id ?? '';
      if (!v || !workspaceId) return;
      const o = await signalFromDigest(ctx, { actorId: body.user.id, slug: v.s, teamIds: v.t, month: v.m, within: { platform: 'slack', workspaceId } });
      log.info(o.ok ? 'signal.created' : 'signal.refused', { code: o.code, ...(o.ok ? { signalId: o.value.signal.id } : {}) });
      const channel = body.channel?.id;
      if (o.message && channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: bilingual(o.message) });
    } catch (e) {
      log.error('action.failed', { action: SIGNAL_ACTION, ...errorFields(e) });
    }
  });

  // Enter in the description or supplier field: pre-select the suggested category (visible, changeable).
  for (const actionId of [DISPATCH.description, DISPATCH.supplier]) {
    app.action(actionId, async ({ ack, body, client }) => {
      await ack();
      try {
        const view = (body as BlockAction).view;
        if (!view) return;
        const form = readRequestForm(view.state.values as Parameters<typeof readRequestForm>[0]);
        const meta = parseMeta(view.private_metadata);
        const channelId = meta.channelId ?? form.channelId;
        const channel = channelId ? { platform: 'slack' as const, workspaceId: (body as BlockAction).team?.id ?? '', channelId } : null;
        const suggested = suggestInForm(ctx, { channel, values: form });
        const updated = { ...suggested, mode: meta.requestId !== undefined ? ('edit' as const) : ('new' as const), requestId: meta.requestId ?? null, channelId: meta.channelId ?? null };
        await client.views.update({ view_id: view.id, hash: view.hash, view: requestModal(updated) as never });
      } catch (e) {
        log.error('suggest.failed', errorFields(e));
      }
    });
  }
}

/** The value of a digest's signal button, or null when it is not one. */
function parseSignalButton(value: string | undefined): SignalButtonValue | null {
  try {
    const v = JSON.parse(value ?? '') as Partial<SignalButtonValue>;
    const ok = typeof v.s === 'string' && /^[\p{L}\p{N}_]{1,40}$/u.test(v.s) && Array.isArray(v.t) && v.t.length > 0 && v.t.length <= 500 && v.t.every((x) => Number.isSafeInteger(x) && x > 0);
    return ok ? { s: v.s as string, t: v.t as number[], m: typeof v.m === 'string' ? v.m : '' } : null;
  } catch {
    return null;
  }
}
