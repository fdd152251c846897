// Payments to suppliers: one per approved request, never two (unique request_id).
import { eq } from 'drizzle-orm';
import type { Tx } from './db.js';
import { payments, type Payment, type RequestRow } from './schema.js';

/** Record the payment of an approved request; false when it was already recorded. */
export function recordPayment(tx: Tx, request: RequestRow, approvers: readonly string[], at: Date): boolean {
  const res = tx
    .insert(payments)
    .values({
      requestId: request.id,
      amountCents: request.amountCents,
      supplierName: request.supplierName,
      supplierIban: request.supplierIban,
      categoryId: request.categoryId,
      approvers: approvers.join(','),
      recordedAt: at,
    })
    .onConflictDoNothing()
    .run();
  return res.changes > 0;
}

export function paymentForRequest(tx: Tx, requestId: number): Payment | undefined {
  return tx.select().from(payments).where(eq(payments.requestId, requestId)).get();
}
