// Validation of what a team member typed in the request form, field by field.
import { ibanCountry, isSepaIban, parseIban } from './iban.js';
import type { Message } from './messages.js';
import { amountError, field, LIMITS } from './messages.js';
import type { Cents } from './money.js';
import { parseAmount } from './money.js';
import { containsBsn } from './privacy.js';
import type { ReasonCode } from './request.js';
import { REASON_CODES } from './request.js';
import { err, ok, type Result } from './result.js';
import { foldForMatching } from './unicode.js';

export interface RequestFormInput {
  amount: string;
  description: string;
  supplierName: string;
  supplierIban: string;
  categorySlug: string | null;
  caseRef: string;
  reason: string | null;
  reasonText: string;
}

export interface ValidRequestForm {
  amountCents: Cents;
  description: string;
  supplierName: string;
  supplierIban: string;
  categorySlug: string;
  caseRef: string;
  reason: ReasonCode;
  reasonText: string;
}

export type FormField = keyof RequestFormInput;
export type FieldErrors = Partial<Record<FormField, Message>>;

/** A pseudonymous case reference has digits; a name has none. */
const CASE_REF = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-_/.]*$/u;

/**
 * Which requests are one household for the household cap: the case reference without case,
 * spaces or separators, after Unicode folding (NFKC, full-width, invisible characters), so
 * "WT-2026-7", "wt 2026 7", "WT/2026/7" and "ＷＴ－２０２６－７" are one household. The reference is
 * stored as typed; only comparisons use the key. Leading zeros count: "WT-2026-07" is another
 * household than "WT-2026-7" (dropping them per group would need the separators the key drops).
 */
export function caseRefKey(caseRef: string): string {
  return foldForMatching(caseRef).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function text(value: string, max: number, required: boolean): Message | null {
  const v = value.trim();
  if (required && v.length === 0) return field.required;
  if (v.length > max) return field.tooLong(max);
  if (containsBsn(v)) return field.bsn;
  return null;
}

/** Check every field; all errors at once, so the form shows them together. */
export function validateRequestForm(
  input: RequestFormInput,
  categories: readonly string[],
): Result<ValidRequestForm, FieldErrors> {
  const errors: FieldErrors = {};
  const amount = parseAmount(input.amount);
  if (!amount.ok) errors.amount = amountError(amount.error);

  const description = text(input.description, LIMITS.description, true);
  if (description) errors.description = description;
  const supplier = text(input.supplierName, LIMITS.supplierName, true);
  if (supplier) errors.supplierName = supplier;
  const reasonText = text(input.reasonText, LIMITS.reasonText, false);
  if (reasonText) errors.reasonText = reasonText;

  const iban = parseIban(input.supplierIban);
  if (!iban.ok) errors.supplierIban = iban.error === 'IBAN.EMPTY' ? field.required : field.ibanInvalid;
  else if (!isSepaIban(iban.value)) errors.supplierIban = field.ibanOutsideSepa(ibanCountry(iban.value));

  const caseRef = input.caseRef.trim();
  const caseRefError = text(caseRef, LIMITS.caseRef, true) ?? (CASE_REF.test(caseRef) ? null : field.caseRefFormat);
  if (caseRefError) errors.caseRef = caseRefError;

  if (!input.categorySlug) errors.categorySlug = field.required;
  else if (!categories.includes(input.categorySlug)) errors.categorySlug = field.categoryUnknown;

  const reason = REASON_CODES.find((r) => r === input.reason);
  if (!reason) errors.reason = field.reasonRequired;

  if (Object.keys(errors).length > 0 || !amount.ok || !iban.ok || !reason || !input.categorySlug) return err(errors);
  return ok({
    amountCents: amount.value,
    description: input.description.trim(),
    supplierName: input.supplierName.trim(),
    supplierIban: iban.value,
    categorySlug: input.categorySlug,
    caseRef,
    reason,
    reasonText: input.reasonText.trim(),
  });
}

/** An edit of these fields means colleagues approved something else: approvals are reset. */
export function editResetsApprovals(
  before: Pick<ValidRequestForm, 'amountCents' | 'supplierName' | 'supplierIban'>,
  after: Pick<ValidRequestForm, 'amountCents' | 'supplierName' | 'supplierIban'>,
): boolean {
  return (
    before.amountCents !== after.amountCents ||
    before.supplierName !== after.supplierName ||
    before.supplierIban !== after.supplierIban
  );
}
