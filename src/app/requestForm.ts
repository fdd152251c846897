// The request form as every platform shows it: fields, the team's categories, the suggestion, the
// hints computed from the team's own limit, and the errors under their fields.
import { formatEuroInput, cents, type Cents } from '../core/money.js';
import type { Message } from '../core/messages.js';
import { formText } from '../core/messages.js';
import type { FieldErrors, RequestFormInput } from '../core/requestForm.js';
import type { Tx } from '../store/db.js';
import { categoriesForTeam, categoryById } from '../store/categories.js';
import type { RequestRow, Team } from '../store/schema.js';
import { shownBack } from '../core/privacy.js';
import { suggestForTeam } from './suggest.js';

export interface CategoryOption {
  slug: string;
  labelNl: string;
  labelEn: string;
}

/** Field errors of the form; `channel` is the channel picker of a form opened outside a channel. */
export type FormErrors = FieldErrors & { channel?: Message };

export interface RequestFormView {
  mode: 'new' | 'edit';
  requestId: number | null;
  /** The team channel; null when the form must ask for it (opened from a global shortcut). */
  channelId: string | null;
  categories: CategoryOption[];
  values: Partial<RequestFormInput>;
  /** The suggested category (pre-selected) and why. */
  suggestion: { slug: string; explanation: string } | null;
  notice: Message | null;
  errors: FormErrors;
  /** The team's limit per request: the amount hint says it. */
  limitCents: Cents;
}

/** The default limit when no team is known yet (the form outside a channel). */
export const DEFAULT_LIMIT_CENTS = cents(50_000);

export function formView(
  tx: Tx,
  team: Team | null,
  view: Partial<RequestFormView> & { mode: 'new' | 'edit' },
): RequestFormView {
  return {
    requestId: null,
    channelId: team?.channelId ?? null,
    categories: categoriesForTeam(tx, team?.id ?? 0).map((c) => ({ slug: c.slug, labelNl: c.labelNl, labelEn: c.labelEn })),
    suggestion: null,
    notice: null,
    errors: {},
    limitCents: team ? cents(team.limitCents) : DEFAULT_LIMIT_CENTS,
    ...view,
    values: withoutBsn(view.values ?? {}),
  };
}

/** A form shown again never repeats a BSN: a field that holds one comes back empty (with its error). */
function withoutBsn(values: Partial<RequestFormInput>): Partial<RequestFormInput> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? shownBack(v) : v]));
}

/** The form again with the suggested category pre-selected (never a hidden rule: the requester sees and can change it). */
export function withSuggestion(tx: Tx, team: Team | null, view: RequestFormView, values: Partial<RequestFormInput>, notice: Message | null): RequestFormView {
  const s = suggestForTeam(tx, team?.id ?? 0, values.description ?? '', values.supplierName ?? '');
  return { ...view, values: withoutBsn({ ...values, categorySlug: null }), suggestion: { slug: s.slug, explanation: s.explanation }, notice };
}

/** The stored request as the edit form shows it first (amount as typed in Dutch, category slug). */
export function storedValues(tx: Tx, request: RequestRow): RequestFormInput {
  return {
    amount: formatEuroInput(cents(request.amountCents)),
    description: request.description,
    supplierName: request.supplierName,
    supplierIban: request.supplierIban,
    categorySlug: categoryById(tx, request.categoryId)?.slug ?? null,
    caseRef: request.caseRef,
    reason: request.reason,
    reasonText: request.reasonText,
  };
}

export { formText };
