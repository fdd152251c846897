// The request card as every platform shows it: a title, the facts, the state of the decision, the
// hints, and which buttons it offers. Adapters draw it (Block Kit, Adaptive Card, HTML).
import { formatIban } from '../iban.js';
import type { Cents } from '../money.js';
import { formatEuro } from '../money.js';
import type { ReasonCode, RequestStatus } from '../request.js';
import { CLOSE_KINDS, isUndecided, PURGED_TEXT, requestLabel } from '../request.js';
import { em, mention, msg, p, strong, t, type Line, type Message, type Text } from '../text.js';
import { canRecordPrevented, isPreventedOutcome, PREVENTED_OUTCOMES, type PreventedOutcome } from '../prevented.js';
import { closeKindLabel, reasonLabel } from './form.js';
import { preventedLabel, preventedText, preventedWords } from './signals.js';
import { mentions, statusLabel } from './requests.js';
import { PLATFORM_WORDS, type Platform } from './words.js';

/** What the card shows of a request (the app's card model has these fields). */
export interface CardData {
  request: {
    id: number;
    amountCents: number;
    description: string;
    supplierName: string;
    supplierIban: string;
    reason: ReasonCode;
    requesterId: string;
    status: RequestStatus;
    version: number;
    closedReason: string | null;
    closedKind: string | null;
    /** What the spend or the alternative prevented (one of a fixed list); null: not said. */
    prevented?: string | null;
  };
  team: { approvalsNeeded: number };
  category: { labelNl: string; labelEn: string } | undefined;
  approvers: readonly string[];
  objections: readonly { objectorId: string; reason: string | null }[];
  decidedBy: readonly string[];
}

export type CardActionId = 'approve' | 'object' | 'unvote' | 'edit' | 'withdraw' | 'alternative' | 'markPaid';

export interface CardAction {
  id: CardActionId;
  label: Message;
  style?: 'primary' | 'danger';
  /** Ask before doing it. */
  confirm?: { title: Message; text: Message };
}

export interface CardView {
  requestId: number;
  status: RequestStatus;
  title: string;
  facts: { label: Message; value: Line }[];
  /** The state of the decision: approvals, objections, the decision (bilingual lines). */
  state: Text;
  /** Small print: edits, how to approve. */
  notes: Text;
  actions: CardAction[];
  /** The one-click choice of what the request prevented (paid or closed with an alternative); null otherwise. */
  prevented: { question: Message; options: readonly { value: PreventedOutcome; label: Message }[]; selected: PreventedOutcome | null; save: Message } | null;
  /** The notification text (also what screen readers and notifications show). */
  summary: Line;
}

export const STATUS_ICON: Readonly<Record<RequestStatus, string>> = {
  open: '🟡',
  on_hold: '✋',
  approved: '✅',
  paid: '✅',
  withdrawn: '↩️',
  alternative: '🔁',
  expired: '⌛',
  not_posted: '⚠️',
};

const words = (m: Message, lang: 'nl' | 'en') => (m[lang][0]?.k === 'p' ? (m[lang][0] as { parts: Line }).parts.filter((x): x is string => typeof x === 'string').join('') : '');

export const cardText = {
  what: msg('Wat', 'What'),
  supplier: msg('Leverancier', 'Supplier'),
  category: msg('Categorie', 'Category'),
  why: msg('Waarom dit budget', 'Why this budget'),
  requester: msg('Aanvrager', 'Requester'),
  none: 'geen / none',
  edit: msg('Wijzigen', 'Edit'),
  withdraw: msg('Intrekken', 'Withdraw'),
  withdrawConfirmTitle: msg('Aanvraag intrekken?', 'Withdraw request?'),
  withdrawConfirm: (id: number) => msg(`Wil je aanvraag ${requestLabel(id)} intrekken?`, `Withdraw request ${requestLabel(id)}?`),
  cancel: msg('Annuleren', 'Cancel'),
  alternative: msg('Alternatief gevonden', 'Alternative found'),
  markPaid: msg('Betaald markeren', 'Mark paid'),
  approve: msg('Akkoord', 'Approve'),
  object: msg('Bezwaar', 'Object'),
  unvote: msg('Mijn stem intrekken', 'Withdraw my vote'),
  giveReason: msg('Reden geven', 'Give reason'),
};

/** Whether the platform votes with buttons on the card (Teams, the practice channel) besides reactions. */
const votesByButton = (platform: Platform) => platform !== 'slack';

export function cardView(d: CardData, platform: Platform): CardView {
  const { request } = d;
  const status = statusLabel(request.status);
  const needed = d.team.approvalsNeeded;
  const amount = formatEuro(request.amountCents as Cents);
  const reason = reasonLabel(request.reason);
  const facts: CardView['facts'] = [
    { label: cardText.what, value: ownOrTyped(request.description) },
    { label: cardText.supplier, value: t`${request.supplierName} (${formatIban(request.supplierIban)})` },
    { label: cardText.category, value: d.category ? t`${d.category.labelNl} / ${d.category.labelEn}` : [cardText.none] },
    { label: cardText.why, value: [`${words(reason, 'nl')} / ${words(reason, 'en')}`] },
    { label: cardText.requester, value: [mention(request.requesterId)] },
  ];
  const state: Text[number][] = [];
  const notes: Text[number][] = [];
  const actions: CardAction[] = [];
  const icon = STATUS_ICON[request.status];
  if (request.status === 'approved' || request.status === 'paid') {
    const by = mentions(d.decidedBy);
    state.push(p(`${icon} `, strong(words(status, 'nl')), ' door ', ...by), p(em(`${words(status, 'en')} by `, ...by)));
    if (request.status === 'approved') actions.push({ id: 'markPaid', label: cardText.markPaid, style: 'primary' });
  } else if (isUndecided(request.status)) {
    const n = d.approvers.length;
    const who = n > 0 ? [': ', ...mentions(d.approvers)] : [];
    state.push(p(strong('Goedkeuringen / Approvals:'), ` ${n} van ${needed} / ${n} of ${needed}`, ...who));
    if (d.objections.length > 0) {
      state.push(p(`${STATUS_ICON.on_hold} `, strong(words(status, 'nl')), ' / ', em(words(status, 'en'))), p(strong('Bezwaar / Objection:')), {
        k: 'list',
        items: d.objections.map((o) => (o.reason ? [mention(o.objectorId), ': ', ...ownOrTyped(o.reason)] : [mention(o.objectorId)])),
      });
    }
    if (request.version > 1) notes.push(p('Gewijzigd: eerdere goedkeuringen zijn vervallen. / ', em('Edited: earlier approvals were reset.')));
    const w = PLATFORM_WORDS[platform];
    notes.push(
      p(`${capital(w.approveNl)} (${needed} collega's, niet de aanvrager). Bezwaar? ${capital(w.objectNl)}.`),
      p(em(`${capital(w.approveEn)} (${needed} colleagues, not the requester). Objection? ${capital(w.objectEn)}.`)),
    );
    if (votesByButton(platform)) {
      actions.push({ id: 'approve', label: cardText.approve, style: 'primary' }, { id: 'object', label: cardText.object, style: 'danger' }, { id: 'unvote', label: cardText.unvote });
    }
    actions.push(
      { id: 'edit', label: cardText.edit },
      { id: 'withdraw', label: cardText.withdraw, style: 'danger', confirm: { title: cardText.withdrawConfirmTitle, text: cardText.withdrawConfirm(request.id) } },
      { id: 'alternative', label: cardText.alternative },
    );
  } else {
    const kind = request.status === 'alternative' && request.closedKind ? closeKindOf(request.closedKind) : null;
    const why = request.status === 'alternative' && request.closedReason ? [': ', ...ownOrTyped(request.closedReason)] : [];
    state.push(p(`${icon} `, strong(words(status, 'nl')), ...(kind ? [` (${words(kind, 'nl').toLowerCase()})`] : []), ...why), p(em(words(status, 'en'))));
  }
  const prevented = isPreventedOutcome(request.prevented) ? request.prevented : null;
  if (prevented) state.push(p(strong('Voorkomen:'), ` ${preventedWords(prevented, 'nl')} / `, em(preventedWords(prevented, 'en'))));
  return {
    requestId: request.id,
    status: request.status,
    title: `Aanvraag ${requestLabel(request.id)} · ${amount}`,
    facts,
    state,
    notes,
    actions,
    prevented: canRecordPrevented(request.status)
      ? { question: preventedText.question, options: PREVENTED_OUTCOMES.map((o) => ({ value: o, label: preventedLabel(o) })), selected: prevented, save: preventedText.save }
      : null,
    summary: t`Aanvraag ${requestLabel(request.id)}: ${amount} aan ${request.supplierName} (${words(status, 'nl')})`,
  };
}

function closeKindOf(kind: string): Message | null {
  const known = CLOSE_KINDS.find((k) => k === kind);
  return known ? closeKindLabel(known) : null;
}

/** Typed text, except the purge's own marker (shown as the catalogue's words). */
const ownOrTyped = (s: string): Line => (s === PURGED_TEXT ? [PURGED_TEXT] : t`${s}`);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
