// The audit trail binds the money: every fact that decides a payment (amount, supplier, IBAN,
// approvers, requester, recorded/exported/paid) is in an audit row of the hash chain, so a payment
// or request row changed behind the bot's back no longer matches its audit rows.
//
// The audit rows this relies on (written by src/app/*.ts in the transaction of the change):
//   request.created   actor = the requester
//   payment.recorded  at = payments.recorded_at; detail.amountCents, supplierName, supplierIban, approvers[]
//   payment.exported  at = payments.exported_at; detail.batch, amountCents
//   payment.paid      at = payments.paid_at; actor = payments.paid_by
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Tx } from './db.js';
import { auditLog, payments, requests, type AuditRow, type Payment, type RequestRow } from './schema.js';

export type BindingField = 'unrecorded' | 'missing' | 'amount' | 'supplier' | 'iban' | 'approvers' | 'recordedAt' | 'requester' | 'status' | 'export' | 'paid';

export interface BindingMismatch {
  requestId: number;
  fields: BindingField[];
}

const ACTIONS = ['request.created', 'payment.recorded', 'payment.exported', 'payment.paid'] as const;
/** SQLite allows 32766 bound values; stay far below. */
const CHUNK = 500;

type Detail = Record<string, unknown>;
const detailOf = (row: AuditRow): Detail => {
  try {
    const d: unknown = JSON.parse(row.detail);
    return d !== null && typeof d === 'object' ? (d as Detail) : {};
  } catch {
    return {};
  }
};
const time = (d: Date | null | undefined) => (d ? d.getTime() : null);

function compare(request: RequestRow | undefined, payment: Payment | undefined, rows: readonly AuditRow[]): BindingField[] {
  const out = new Set<BindingField>();
  const last = (action: string) => rows.filter((r) => r.action === action);
  const created = last('request.created').at(-1);
  const recorded = last('payment.recorded').at(-1);
  const exported = last('payment.exported');
  const paid = last('payment.paid');

  if (!request) return ['missing'];
  if (!created || created.actorId !== request.requesterId) out.add('requester');
  if (!payment) {
    // Approved, or once recorded as approved: the payment row must be there.
    if (recorded || request.status === 'approved' || request.status === 'paid') out.add('missing');
    return [...out];
  }
  if (!recorded) {
    out.add('unrecorded');
  } else {
    const d = detailOf(recorded);
    for (const facts of [payment, request]) {
      if (d.amountCents !== facts.amountCents) out.add('amount');
      if (d.supplierName !== facts.supplierName) out.add('supplier');
      if (d.supplierIban !== facts.supplierIban) out.add('iban');
    }
    if (!Array.isArray(d.approvers) || d.approvers.join(',') !== payment.approvers) out.add('approvers');
    if (time(recorded.at) !== time(payment.recordedAt)) out.add('recordedAt');
  }
  if (request.status !== 'approved' && request.status !== 'paid') out.add('status');

  const e = exported[0];
  const exportHolds =
    exported.length === 0
      ? payment.exportedAt === null && payment.exportBatch === null
      : exported.length === 1 &&
        time(e!.at) === time(payment.exportedAt) &&
        detailOf(e!).batch === payment.exportBatch &&
        detailOf(e!).amountCents === payment.amountCents;
  if (!exportHolds) out.add('export');

  const p = paid[0];
  const paidHolds =
    paid.length === 0
      ? payment.paidAt === null && payment.paidBy === null && request.status !== 'paid'
      : paid.length === 1 && time(p!.at) === time(payment.paidAt) && p!.actorId === payment.paidBy && request.status === 'paid';
  if (!paidHolds) out.add('paid');
  return [...out];
}

function auditRowsFor(tx: Tx, requestIds: readonly number[] | undefined): Map<number, AuditRow[]> {
  const byRequest = new Map<number, AuditRow[]>();
  const add = (rows: AuditRow[]) => {
    for (const r of rows) {
      if (r.requestId === null) continue;
      let list = byRequest.get(r.requestId);
      if (!list) byRequest.set(r.requestId, (list = []));
      list.push(r);
    }
  };
  const base = (extra?: ReturnType<typeof inArray>) =>
    tx
      .select()
      .from(auditLog)
      .where(and(inArray(auditLog.action, [...ACTIONS]), extra))
      .orderBy(auditLog.id)
      .all();
  if (requestIds === undefined) add(base());
  else for (let i = 0; i < requestIds.length; i += CHUNK) add(base(inArray(auditLog.requestId, requestIds.slice(i, i + CHUNK))));
  return byRequest;
}

/**
 * Payments, and requests that are (or were recorded as) approved or paid, whose rows no longer
 * match their audit rows. All of them, or only those of `requestIds`. `checked` counts payments.
 */
export function auditMismatches(tx: Tx, requestIds?: readonly number[]): { checked: number; mismatches: BindingMismatch[] } {
  const audit = auditRowsFor(tx, requestIds);
  const select = (where: ReturnType<typeof or>) =>
    tx.select({ request: requests, payment: payments }).from(requests).leftJoin(payments, eq(payments.requestId, requests.id)).where(where).all();
  const rows: { request: RequestRow; payment: Payment | null }[] = [];
  if (requestIds === undefined) {
    const recordedIds = [...audit.entries()].filter(([, list]) => list.some((r) => r.action === 'payment.recorded')).map(([id]) => id);
    rows.push(...select(or(inArray(requests.status, ['approved', 'paid']), isNotNull(payments.id))));
    const seen = new Set(rows.map((r) => r.request.id));
    const more = recordedIds.filter((id) => !seen.has(id));
    for (let i = 0; i < more.length; i += CHUNK) rows.push(...select(inArray(requests.id, more.slice(i, i + CHUNK))));
  } else {
    for (let i = 0; i < requestIds.length; i += CHUNK) rows.push(...select(inArray(requests.id, requestIds.slice(i, i + CHUNK))));
  }
  const found = new Set(rows.map((r) => r.request.id));
  const mismatches: BindingMismatch[] = [];
  for (const { request, payment } of rows) {
    const fields = compare(request, payment ?? undefined, audit.get(request.id) ?? []);
    if (fields.length > 0) mismatches.push({ requestId: request.id, fields });
  }
  // Recorded as approved, but the request row itself is gone.
  for (const [id, list] of audit) {
    if (!found.has(id) && (requestIds === undefined || requestIds.includes(id)) && list.some((r) => r.action === 'payment.recorded')) {
      mismatches.push({ requestId: id, fields: ['missing'] });
    }
  }
  mismatches.sort((a, b) => a.requestId - b.requestId);
  return { checked: rows.filter((r) => r.payment !== null).length, mismatches };
}

