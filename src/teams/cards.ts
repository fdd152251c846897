// Adaptive Cards: the request card in the channel, the request form (dialog), the small dialogs.
import type { CardModel } from '../app/card.js';
import { formatIban } from '../core/iban.js';
import type { Message } from '../core/messages.js';
import { closeKindLabel, inline, LIMITS, reasonLabel, statusLabel } from '../core/messages.js';
import { cents, formatEuro } from '../core/money.js';
import { CLOSE_KINDS, isUndecided, REASON_CODES, requestLabel } from '../core/request.js';
import type { RequestFormInput } from '../core/requestForm.js';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Card action verbs (Action.Execute → invoke adaptiveCard/action) and dialog kinds (task/fetch). */
export const VERB = { approve: 'approve', object: 'object', unvote: 'unvote', withdraw: 'withdraw' } as const;
export const DIALOG = { new: 'new', edit: 'edit', alternative: 'alternative', objection: 'objection' } as const;
export type DialogKind = (typeof DIALOG)[keyof typeof DIALOG];

export type AdaptiveCard = { type: 'AdaptiveCard'; version: string; body: object[]; actions?: object[] } & Record<string, unknown>;

export const attachment = (card: AdaptiveCard) => ({ contentType: CARD_CONTENT_TYPE, content: card });

const card = (body: object[], actions: object[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: SCHEMA,
  version: '1.5',
  msteams: { width: 'Full' },
  body,
  ...(actions.length > 0 ? { actions } : {}),
});

const textBlock = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
const bi = (msg: Message) => textBlock(`${msg.nl}\n\n_${msg.en}_`);

/** A button that opens a dialog (task module) through Action.Submit with msteams task/fetch. */
const openDialog = (title: string, dialog: DialogKind, data: Record<string, unknown> = {}) => ({
  type: 'Action.Submit',
  title,
  data: { msteams: { type: 'task/fetch' }, dialog, ...data },
});

const execute = (title: string, verb: string, requestId: number, style?: 'positive' | 'destructive') => ({
  type: 'Action.Execute',
  title,
  verb,
  data: { requestId },
  ...(style ? { style } : {}),
});

const STATUS_ICON: Record<string, string> = { open: '🟡', on_hold: '✋', approved: '✅', paid: '✅', withdrawn: '↩️', alternative: '🔁', expired: '⌛' };

/** Names for ids in texts: `name(id)` is the person's display name or "een collega". */
export type NameOf = (userId: string) => string;

/** The notification text of the card. */
export function cardSummary(model: CardModel): string {
  const { request } = model;
  return `Aanvraag ${requestLabel(request.id)}: ${formatEuro(cents(request.amountCents))} aan ${request.supplierName} (${statusLabel(request.status).nl})`;
}

export function requestCard(model: CardModel, name: NameOf): AdaptiveCard {
  const { request, team, category, approvers, objections } = model;
  const status = statusLabel(request.status);
  const needed = team.approvalsNeeded;
  const body: object[] = [
    textBlock(`Aanvraag ${requestLabel(request.id)} · ${formatEuro(cents(request.amountCents))}`, { size: 'Large', weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: [
        { title: 'Wat / What', value: request.description },
        { title: 'Leverancier / Supplier', value: `${request.supplierName} (${formatIban(request.supplierIban)})` },
        { title: 'Categorie / Category', value: category ? `${category.labelNl} / ${category.labelEn}` : 'geen / none' },
        { title: 'Waarom dit budget / Why this budget', value: `${reasonLabel(request.reason).nl} / ${reasonLabel(request.reason).en}` },
        { title: 'Aanvrager / Requester', value: name(request.requesterId) },
      ],
    },
  ];
  const actions: object[] = [];
  if (request.status === 'approved' || request.status === 'paid') {
    const by = model.decidedBy.map(name).join(', ');
    body.push(textBlock(`${STATUS_ICON[request.status]} **${status.nl}** door ${by}\n\n_${status.en} by ${by}_`, { color: 'Good' }));
  } else if (isUndecided(request.status)) {
    const who = approvers.length > 0 ? `: ${approvers.map(name).join(', ')}` : '';
    body.push(textBlock(`**Goedkeuringen / Approvals:** ${approvers.length} van ${needed} / ${approvers.length} of ${needed}${who}`));
    if (objections.length > 0) {
      const list = objections.map((o) => `- ${name(o.objectorId)}${o.reason ? `: ${o.reason}` : ''}`).join('\n');
      body.push(textBlock(`${STATUS_ICON.on_hold} **${status.nl}** / _${status.en}_\n\n**Bezwaar / Objection:**\n\n${list}`, { color: 'Attention' }));
    }
    if (request.version > 1) body.push(textBlock('Gewijzigd: eerdere goedkeuringen zijn vervallen. / _Edited: earlier approvals were reset._', { isSubtle: true }));
    body.push(
      textBlock(
        `Keur goed met **Akkoord** of 👍 (${needed} collega's, niet de aanvrager). Bezwaar? **Bezwaar** of 😠.\n\n_Approve with **Akkoord** or 👍 (${needed} colleagues, not the requester). Objection? **Bezwaar** or 😠._`,
        { isSubtle: true, size: 'Small' },
      ),
    );
    actions.push(
      execute('Akkoord', VERB.approve, request.id, 'positive'),
      execute('Bezwaar', VERB.object, request.id, 'destructive'),
      execute('Mijn stem intrekken', VERB.unvote, request.id),
      openDialog('Wijzigen', DIALOG.edit, { requestId: request.id }),
      execute('Aanvraag intrekken', VERB.withdraw, request.id, 'destructive'),
      openDialog('Alternatief gevonden', DIALOG.alternative, { requestId: request.id }),
    );
  } else {
    const reason = request.status === 'alternative' && request.closedReason ? `: ${request.closedReason}` : '';
    body.push(textBlock(`${STATUS_ICON[request.status] ?? ''} **${status.nl}**${reason}\n\n_${status.en}_`));
  }
  return card(body, actions);
}

/** The message that starts a request: a button that opens the form. */
export function startCard(intro: Message): AdaptiveCard {
  return card([bi(intro)], [openDialog('Aanvraag invullen / Fill in request', DIALOG.new)]);
}

/** The thread message asking an objector for the reason, with a button to give it. */
export function objectionAskCard(text: string, requestId: number): AdaptiveCard {
  return card([textBlock(text)], [openDialog('Reden geven / Give reason', DIALOG.objection, { requestId })]);
}

export interface FormCardInput {
  dialog: 'new' | 'edit';
  requestId?: number;
  categories: readonly { slug: string; labelNl: string; labelEn: string }[];
  initial?: Partial<RequestFormInput>;
  suggestion?: { slug: string; explanation: string } | null;
  errors?: Partial<Record<keyof RequestFormInput, Message>>;
  notice?: Message | null;
}

const errorBlock = (msg: Message | undefined) => (msg ? [textBlock(inline(msg), { color: 'Attention', size: 'Small', spacing: 'None' })] : []);

function input(id: keyof RequestFormInput, label: string, value: string | undefined, opts: { max: number; placeholder?: string; multiline?: boolean; required?: boolean }, errors: FormCardInput['errors']) {
  return [
    {
      type: 'Input.Text',
      id,
      label,
      isRequired: opts.required ?? true,
      maxLength: opts.max + 50,
      ...(opts.multiline ? { isMultiline: true } : {}),
      ...(opts.placeholder ? { placeholder: opts.placeholder } : {}),
      ...(value ? { value } : {}),
    },
    ...errorBlock(errors?.[id]),
  ];
}

/** The request form (new or edit), with each error under its field. */
export function requestFormCard(f: FormCardInput): AdaptiveCard {
  const initial = f.initial ?? {};
  const errors = f.errors ?? {};
  const selected = initial.categorySlug ?? f.suggestion?.slug ?? '';
  const body: object[] = [];
  if (f.notice) body.push({ ...bi(f.notice), color: 'Accent' });
  body.push(
    ...input('amount', 'Bedrag in euro / Amount in euros', initial.amount, { max: 20, placeholder: '85,50' }, errors),
    ...input('description', 'Wat wordt er gekocht? / What is bought?', initial.description, { max: LIMITS.description, placeholder: 'bijv. nieuwe koelkast voor insuline' }, errors),
    ...input('supplierName', 'Leverancier / Supplier', initial.supplierName, { max: LIMITS.supplierName, placeholder: 'bijv. Witgoedhandel Noord' }, errors),
    ...input('supplierIban', 'IBAN van de leverancier / Supplier IBAN', initial.supplierIban, { max: 42, placeholder: 'NL91 ABNA 0417 1643 00' }, errors),
    {
      type: 'Input.ChoiceSet',
      id: 'categorySlug',
      label: 'Categorie / Category',
      style: 'compact',
      isRequired: false,
      placeholder: 'Kies een categorie / Choose a category',
      choices: f.categories.slice(0, 100).map((c) => ({ title: `${c.labelNl} / ${c.labelEn}`, value: c.slug })),
      ...(selected ? { value: selected } : {}),
    },
    ...(f.suggestion ? [textBlock(`Voorstel / Suggestion: ${f.suggestion.explanation}`, { isSubtle: true, size: 'Small', spacing: 'None' })] : []),
    ...errorBlock(errors.categorySlug),
    ...input('caseRef', 'Zaakreferentie / Case reference', initial.caseRef, { max: LIMITS.caseRef, placeholder: 'WT-2026-014' }, errors),
    {
      type: 'Input.ChoiceSet',
      id: 'reason',
      label: 'Waarom dit budget? / Why this budget?',
      style: 'expanded',
      isRequired: true,
      choices: REASON_CODES.map((r) => ({ title: inline(reasonLabel(r)), value: r })),
      ...(initial.reason ? { value: initial.reason } : {}),
    },
    ...errorBlock(errors.reason),
    ...input('reasonText', 'Toelichting (optioneel) / Explanation (optional)', initial.reasonText, { max: LIMITS.reasonText, multiline: true, required: false }, errors),
    textBlock('Geen namen of BSN. Het geld gaat naar de leverancier, nooit naar de bewoner. / No names or BSN. Money goes to the supplier, never to the resident.', { isSubtle: true, size: 'Small' }),
  );
  const data = { dialog: f.dialog, ...(f.requestId !== undefined ? { requestId: f.requestId } : {}), suggestedSlug: f.suggestion?.slug ?? null };
  return card(body, [{ type: 'Action.Submit', title: f.dialog === 'edit' ? 'Opslaan' : 'Aanvragen', data }]);
}

export function alternativeCard(requestId: number, error?: Message | null, initial: { kind?: string; reason?: string } = {}): AdaptiveCard {
  return card(
    [
      textBlock(`Aanvraag ${requestLabel(requestId)} sluiten omdat er een alternatief is. / Close request ${requestLabel(requestId)} because an alternative was found.`),
      {
        type: 'Input.ChoiceSet',
        id: 'kind',
        label: 'Welk alternatief? / Which alternative?',
        style: 'expanded',
        isRequired: true,
        choices: CLOSE_KINDS.map((k) => ({ title: inline(closeKindLabel(k)), value: k })),
        ...(initial.kind ? { value: initial.kind } : {}),
      },
      { type: 'Input.Text', id: 'reason', label: 'Korte toelichting / Short explanation', isMultiline: true, isRequired: true, maxLength: LIMITS.closeReason + 50, ...(initial.reason ? { value: initial.reason } : {}) },
      ...errorBlock(error ?? undefined),
      textBlock('Geen namen of BSN. / No names or BSN.', { isSubtle: true, size: 'Small' }),
    ],
    [{ type: 'Action.Submit', title: 'Sluiten / Close', data: { dialog: DIALOG.alternative, requestId } }],
  );
}

export function objectionCard(requestId: number, error?: Message | null): AdaptiveCard {
  return card(
    [
      { type: 'Input.Text', id: 'reason', label: `Waarom bezwaar tegen ${requestLabel(requestId)}? / Why object?`, isMultiline: true, isRequired: true, maxLength: LIMITS.objectionReason + 50 },
      ...errorBlock(error ?? undefined),
      textBlock('Geen namen of BSN. / No names or BSN.', { isSubtle: true, size: 'Small' }),
    ],
    [{ type: 'Action.Submit', title: 'Opslaan / Save', data: { dialog: DIALOG.objection, requestId } }],
  );
}

/** A dialog (task module) showing `content`. */
export const dialogResponse = (title: string, content: AdaptiveCard) => ({
  task: { type: 'continue' as const, value: { title, width: 'medium', height: 'large', card: attachment(content) } },
});

/** Close the dialog and show a short message. */
export const dialogDone = (msg: Message) => ({ task: { type: 'message' as const, value: `${msg.nl} / ${msg.en}` } });

/** The answer to a card button: a short message the clicker sees. */
export const actionMessage = (msg: Message) => ({ statusCode: 200 as const, type: 'application/vnd.microsoft.activity.message' as const, value: `${msg.nl}\n${msg.en}` });
