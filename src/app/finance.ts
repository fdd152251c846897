// Finance use cases: the month's register, the SEPA batch of payments still to make, and marking a
// payment paid. Segregation of duties: whoever exports or marks a payment is never one of its
// approvers (nor its requester).
import { isSEPACountry, isValidBIC } from 'ibantools';
import { parseIban } from '../core/iban.js';
import type { Message } from '../core/messages.js';
import { finance, statusWords } from '../core/messages.js';
import { cents, type Cents } from '../core/money.js';
import type { RegisterRow } from '../core/register.js';
import { transition } from '../core/request.js';
import { err, ok, type Result } from '../core/result.js';
import { buildPain001, isIsoCalendarDate, remittanceText, SEPA_MAX_AMOUNT_CENTS, toSepaText } from '../core/sepa.js';
import { isoDate, monthKey, monthRange, parseMonthKey } from '../core/time.js';
import { anchorText, appendAudit, auditHead } from '../store/audit.js';
import { auditMismatches } from '../store/auditBinding.js';
import { enqueue } from '../store/outbox.js';
import { paymentForRequest } from '../store/payments.js';
import { markExported, markPaymentPaid, paymentsRecordedBetween, paymentsToExport, type PaymentWithRequest } from '../store/register.js';
import { getRequest, updateRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import type { AppDeps, Ctx } from './deps.js';
import { done, refused, type Outcome } from './outcome.js';

type FinanceDeps = Pick<AppDeps, 'store' | 'clock'>;

const approversOfPayment = (p: PaymentWithRequest['payment']): string[] => p.approvers.split(',').filter(Boolean);

/** Whether `userId` may not handle this payment: they approved or requested it. */
export function conflictOfDuties(userId: string, row: Pick<PaymentWithRequest, 'payment' | 'request'>): Message | null {
  if (approversOfPayment(row.payment).includes(userId)) return finance.approverMayNot(row.request.id);
  if (row.request.requesterId === userId) return finance.requesterMayNot(row.request.id);
  return null;
}

// ---------------------------------------------------------------------------------------------
// The register (CSV)

export function toRegisterRow(r: PaymentWithRequest): RegisterRow {
  return {
    requestId: r.request.id,
    teamName: r.teamName || r.teamChannelId,
    amountCents: r.payment.amountCents,
    supplierName: r.payment.supplierName,
    supplierIban: r.payment.supplierIban,
    categoryLabel: r.categoryNl ?? '',
    caseRef: r.request.caseRef,
    description: r.request.description,
    requesterId: r.request.requesterId,
    approvers: approversOfPayment(r.payment),
    createdAt: r.request.createdAt,
    approvedAt: r.request.decidedAt ?? r.payment.recordedAt,
    status: statusWords(r.request.status, 'nl'),
    exportedAt: r.payment.exportedAt,
    paidAt: r.payment.paidAt,
  };
}

/** A month or date a person typed that cannot be used; the CLI words it (src/cli/texts.ts). */
export type MonthError = { code: 'MONTH_INVALID'; text: string } | { code: 'MONTH_FUTURE'; month: string };

/** Check a month given by a person: a real YYYY-MM, not in the future (Europe/Amsterdam). */
export function checkMonth(text: string, now: Date): Result<string, MonthError> {
  const key = parseMonthKey(text.trim());
  if (!key) return err({ code: 'MONTH_INVALID', text });
  if (key > monthKey(now)) return err({ code: 'MONTH_FUTURE', month: key });
  return ok(key);
}

/**
 * The month's register: payments recorded in that Amsterdam month. `write` gets the rows (inside
 * the transaction, so the audit row is only stored when writing succeeded). An empty month writes
 * nothing and is not audited (count 0).
 */
export function exportRegister(
  deps: FinanceDeps,
  input: { month: string; by: string },
  write: (rows: RegisterRow[]) => void,
): Result<{ month: string; count: number }, MonthError> {
  const now = deps.clock.now();
  const month = checkMonth(input.month, now);
  if (!month.ok) return month;
  const key = month.value;
  const { start, end } = monthRange(key);
  return deps.store.tx((tx) => {
    const rows = paymentsRecordedBetween(tx, start, end).map(toRegisterRow);
    if (rows.length === 0) return ok({ month: key, count: 0 });
    write(rows);
    appendAudit(tx, { at: now, actorId: input.by, action: 'register.exported', detail: { month: key, payments: rows.length } });
    return ok({ month: key, count: rows.length });
  });
}

// ---------------------------------------------------------------------------------------------
// The SEPA batch

export interface SepaExportInput {
  executionDate: string;
  debtor: { name: string; iban: string; bic?: string | undefined };
  by: string;
}

export type SepaInputError =
  | { code: 'DEBTOR_IBAN' }
  | { code: 'DEBTOR_BIC' }
  | { code: 'DEBTOR_NAME' }
  | { code: 'EXECUTION_DATE_INVALID'; text: string }
  | { code: 'EXECUTION_DATE_PAST'; date: string; today: string };

/**
 * Why a due payment stays out of the batch: it does not match its audit rows, the exporter
 * approved or requested it, or it cannot go into a valid pain.001 (amount, IBAN, name).
 */
export type SkipReason = 'audit' | 'own' | 'amount' | 'iban' | 'nonSepa' | 'name';

export interface SepaExportOutcome {
  /** null: nothing to export (no file). */
  batch: string | null;
  count: number;
  totalCents: Cents;
  requestIds: number[];
  skipped: { requestId: number; reason: SkipReason }[];
  /** The audit anchor after the export ("rows:hash"). */
  anchor: string;
}

/** MsgId/PmtInfId: "MMW-20261110090000-12" (UTC time of the export and the first request number). */
export function batchId(now: Date, firstRequestId: number): string {
  const t = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `MMW-${t}-${firstRequestId}`;
}

function checkSepaInput(input: SepaExportInput, now: Date): Result<{ iban: string; bic: string | undefined }, SepaInputError> {
  const iban = parseIban(input.debtor.iban);
  if (!iban.ok || !isSEPACountry(iban.value.slice(0, 2))) return err({ code: 'DEBTOR_IBAN' });
  let bic: string | undefined;
  if (input.debtor.bic !== undefined && input.debtor.bic.trim() !== '') {
    bic = input.debtor.bic.replace(/\s+/g, '').toUpperCase();
    if (!isValidBIC(bic)) return err({ code: 'DEBTOR_BIC' });
  }
  if (toSepaText(input.debtor.name, 70) === '') return err({ code: 'DEBTOR_NAME' });
  if (!isIsoCalendarDate(input.executionDate)) return err({ code: 'EXECUTION_DATE_INVALID', text: input.executionDate });
  const today = isoDate(now);
  if (input.executionDate < today) return err({ code: 'EXECUTION_DATE_PAST', date: input.executionDate, today });
  return ok({ iban: iban.value, bic });
}

/** What keeps one payment out of a valid pain.001 (the checks buildPain001 makes per payment). */
function sepaProblem(p: PaymentWithRequest['payment']): SkipReason | null {
  if (!Number.isSafeInteger(p.amountCents) || p.amountCents <= 0 || p.amountCents > SEPA_MAX_AMOUNT_CENTS) return 'amount';
  const iban = parseIban(p.supplierIban);
  if (!iban.ok) return 'iban';
  if (!isSEPACountry(iban.value.slice(0, 2))) return 'nonSepa';
  if (toSepaText(p.supplierName, 70) === '') return 'name';
  return null;
}

/**
 * All approved payments not yet exported nor paid into one pain.001.001.09 batch, except those
 * that do not match their audit rows, those `by` approved or requested, and those that cannot go
 * into a valid file: these are skipped with their reason, the rest is exported. In one
 * transaction: select, check, build, `writeTemp(xml)` (the caller writes a temporary file), mark
 * exported, audit. If anything throws, nothing is marked and the caller removes its temporary
 * file; after the commit the caller gives it its name.
 */
export function exportSepaBatch(
  deps: FinanceDeps,
  input: SepaExportInput,
  writeTemp: (xml: string, batch: string) => void,
): Result<SepaExportOutcome, SepaInputError> {
  const now = deps.clock.now();
  const checked = checkSepaInput(input, now);
  if (!checked.ok) return checked;
  return deps.store.tx((tx): Result<SepaExportOutcome, SepaInputError> => {
    const due = paymentsToExport(tx);
    const tampered = new Set(auditMismatches(tx, due.map((r) => r.request.id)).mismatches.map((m) => m.requestId));
    const skipped: SepaExportOutcome['skipped'] = [];
    const batchRows: PaymentWithRequest[] = [];
    for (const r of due) {
      const reason = tampered.has(r.request.id) ? 'audit' : conflictOfDuties(input.by, r) ? 'own' : sepaProblem(r.payment);
      if (reason) skipped.push({ requestId: r.request.id, reason });
      else batchRows.push(r);
    }
    const first = batchRows[0];
    if (!first) return ok({ batch: null, count: 0, totalCents: cents(0), requestIds: [], skipped, anchor: anchorText(auditHead(tx)) });
    const batch = batchId(now, first.request.id);
    const built = buildPain001({
      messageId: batch,
      createdAt: now,
      executionDate: input.executionDate,
      debtor: { name: input.debtor.name, iban: checked.value.iban, ...(checked.value.bic ? { bic: checked.value.bic } : {}) },
      payments: batchRows.map((r) => ({
        requestId: r.request.id,
        amountCents: r.payment.amountCents,
        creditorName: r.payment.supplierName,
        creditorIban: r.payment.supplierIban,
        remittance: remittanceText(r.request.id, r.request.description),
      })),
    });
    // Every input was checked above: a refusal here is a bug, and nothing may be marked.
    if (!built.ok) throw new Error(`export: pain.001 refused a checked batch (${built.error})`);
    writeTemp(built.value.xml, batch);
    const marked = markExported(tx, batchRows.map((r) => r.payment.id), batch, now);
    if (marked !== batchRows.length) throw new Error('export: payments changed while exporting');
    for (const r of batchRows) {
      appendAudit(tx, {
        at: now,
        actorId: input.by,
        action: 'payment.exported',
        teamId: r.request.teamId,
        requestId: r.request.id,
        detail: { batch, amountCents: r.payment.amountCents, executionDate: input.executionDate },
      });
    }
    return ok({
      batch,
      count: batchRows.length,
      totalCents: cents(built.value.controlSumCents),
      requestIds: batchRows.map((r) => r.request.id),
      skipped,
      anchor: anchorText(auditHead(tx)),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Marking a payment paid

export interface FinanceActor {
  id: string;
  /** In the finance group (Slack: FINANCE_USER_IDS; the CLI runs with database access). */
  isFinance: boolean;
}

export function markPaid(
  deps: AppDeps,
  input: { requestId: number; actor: FinanceActor },
): Result<{ requestId: number; amountCents: Cents; supplierName: string }, Message> {
  if (!input.actor.isFinance) return err(finance.notFinance);
  const now = deps.clock.now();
  const result = deps.store.tx((tx): Result<{ requestId: number; amountCents: Cents; supplierName: string }, Message> => {
    const request = getRequest(tx, input.requestId);
    if (!request) return err(finance.notFound(input.requestId));
    const payment = paymentForRequest(tx, request.id);
    if (request.status === 'paid' || payment?.paidAt) return err(finance.alreadyPaid(request.id));
    const next = transition(request.status, 'mark_paid');
    if (!next.ok || !payment) return err(finance.notApproved(request.id, request.status));
    const conflict = conflictOfDuties(input.actor.id, { payment, request });
    if (conflict) return err(conflict);
    // Never pay what no longer matches its audit rows (a changed IBAN in the database, say).
    if (auditMismatches(tx, [request.id]).mismatches.length > 0) return err(finance.auditMismatch(request.id));
    if (!markPaymentPaid(tx, payment.id, input.actor.id, now)) return err(finance.alreadyPaid(request.id));
    updateRequest(tx, request.id, { status: next.value });
    const team = getTeam(tx, request.teamId);
    appendAudit(tx, {
      at: now,
      actorId: input.actor.id,
      action: 'payment.paid',
      teamId: team.id,
      requestId: request.id,
      detail: { amountCents: payment.amountCents, exportBatch: payment.exportBatch, from: request.status },
    });
    const amount = cents(payment.amountCents);
    enqueue(tx, team.platform, { kind: 'card.update', requestId: request.id }, now);
    enqueue(
      tx,
      team.platform,
      { kind: 'thread.post', requestId: request.id, message: finance.paidThread(request.id, input.actor.id, amount, payment.supplierName) },
      now,
    );
    return ok({ requestId: request.id, amountCents: amount, supplierName: payment.supplierName });
  });
  if (result.ok) deps.outboxWake();
  return result;
}

/** The card's "Betaald markeren / Mark paid" button: the finance group only (FINANCE_USER_IDS). */
export function markPaidFromChat(ctx: Ctx, input: { actorId: string; requestId: number }): Outcome<{ requestId: number }> {
  const result = markPaid(ctx, { requestId: input.requestId, actor: { id: input.actorId, isFinance: ctx.directory.isFinance(input.actorId) } });
  if (!result.ok) return refused('payment.refused', result.error);
  const v = result.value;
  return done('payment.paid', { requestId: v.requestId }, finance.markedPaid(v.requestId, v.amountCents, v.supplierName));
}
