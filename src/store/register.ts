// Finance queries: the payment register of a month, the payments still to export, marking them
// exported or paid, and the retention purge of free text on closed requests.
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { PURGED_TEXT, type RequestStatus } from '../core/request.js';
import type { Tx } from './db.js';
import { categories, objections, outbox, payments, requests, teams, type Payment, type RequestRow } from './schema.js';

export interface PaymentWithRequest {
  payment: Payment;
  request: RequestRow;
  teamName: string;
  teamChannelId: string;
  categoryNl: string | null;
}

function joined(tx: Tx) {
  return tx
    .select({ payment: payments, request: requests, teamName: teams.name, teamChannelId: teams.channelId, categoryNl: categories.labelNl })
    .from(payments)
    .innerJoin(requests, eq(requests.id, payments.requestId))
    .innerJoin(teams, eq(teams.id, requests.teamId))
    .leftJoin(categories, eq(categories.id, payments.categoryId));
}

/** Payments recorded in [start, end), in request order. */
export function paymentsRecordedBetween(tx: Tx, start: Date, end: Date): PaymentWithRequest[] {
  return joined(tx)
    .where(and(gte(payments.recordedAt, start), lt(payments.recordedAt, end)))
    .orderBy(asc(payments.recordedAt), asc(payments.requestId))
    .all();
}

/** Approved, not yet exported and not paid: what the next SEPA batch should hold. */
export function paymentsToExport(tx: Tx): PaymentWithRequest[] {
  return joined(tx)
    .where(and(eq(requests.status, 'approved'), isNull(payments.exportedAt), isNull(payments.paidAt)))
    .orderBy(asc(payments.requestId))
    .all();
}

/** Mark payments exported in batch `batch`; only rows still unexported change. Returns how many did. */
export function markExported(tx: Tx, paymentIds: readonly number[], batch: string, at: Date): number {
  if (paymentIds.length === 0) return 0;
  return tx
    .update(payments)
    .set({ exportedAt: at, exportBatch: batch })
    .where(and(inArray(payments.id, [...paymentIds]), isNull(payments.exportedAt)))
    .run().changes;
}

/** Record who paid; false when it was already marked paid. */
export function markPaymentPaid(tx: Tx, paymentId: number, by: string, at: Date): boolean {
  return (
    tx
      .update(payments)
      .set({ paidAt: at, paidBy: by })
      .where(and(eq(payments.id, paymentId), isNull(payments.paidAt)))
      .run().changes > 0
  );
}

export { PURGED_TEXT };

export interface PurgeCounts {
  requests: number;
  objectionReasons: number;
  outboxMessages: number;
}

/**
 * Blank the free text (case reference, description, justification, closing reason, objection
 * reasons) of closed requests created before `before` that were not purged yet; the financial
 * record (amount, supplier, IBAN, category, dates, approvers, payment) stays. Sent chat messages
 * kept in the outbox for those requests are deleted, since they quote the same free text.
 */
export function purgeClosedBefore(tx: Tx, closed: readonly RequestStatus[], before: Date, at: Date): PurgeCounts & { requestIds: number[] } {
  const ids = tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(inArray(requests.status, [...closed]), lt(requests.createdAt, before), isNull(requests.purgedAt)))
    .orderBy(asc(requests.id))
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return { requests: 0, objectionReasons: 0, outboxMessages: 0, requestIds: [] };
  const purged = tx
    .update(requests)
    .set({
      caseRef: PURGED_TEXT,
      description: PURGED_TEXT,
      reasonText: '',
      closedReason: sql`case when ${requests.closedReason} is null or ${requests.closedReason} = '' then ${requests.closedReason} else ${PURGED_TEXT} end`,
      purgedAt: at,
    })
    .where(inArray(requests.id, ids))
    .run().changes;
  const objectionReasons = tx
    .update(objections)
    .set({ reason: PURGED_TEXT })
    .where(and(inArray(objections.requestId, ids), isNotNull(objections.reason)))
    .run().changes;
  let outboxMessages = 0;
  for (const id of ids) {
    outboxMessages += tx
      .delete(outbox)
      .where(and(isNotNull(outbox.doneAt), sql`json_extract(${outbox.payload}, '$.requestId') = ${id}`))
      .run().changes;
  }
  return { requests: purged, objectionReasons, outboxMessages, requestIds: ids };
}
