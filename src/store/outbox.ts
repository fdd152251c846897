// The durable outbox of chat updates: written in the transaction of the state change, sent after.
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Message } from '../core/messages.js';
import type { Tx } from './db.js';
import { outbox } from './schema.js';

export type OutboxItem =
  | { kind: 'card.post'; requestId: number }
  | { kind: 'card.update'; requestId: number }
  | { kind: 'thread.post'; requestId: number; message: Message; askReasonFrom?: string };

export interface OutboxRow {
  id: number;
  platform: 'slack' | 'teams';
  item: OutboxItem;
  attempts: number;
}

/** Marks a row that a sender has taken and is delivering now (its `notBefore` is the lease's end). */
export const IN_FLIGHT = 'in_flight';
/** A pending card update that was enqueued again while the previous one was in flight. */
const CHANGED = 'changed_in_flight';

/**
 * Card updates are coalesced: while one is pending for a request, another adds nothing. When the
 * pending one is already being sent (it may render the old state), it is made due again, so the
 * newer state is sent after it.
 */
export function enqueue(tx: Tx, platform: 'slack' | 'teams', item: OutboxItem, now: Date): void {
  const coalesceKey = item.kind === 'card.update' ? `${platform}:card:${item.requestId}` : null;
  tx.insert(outbox)
    .values({ platform, kind: item.kind, payload: JSON.stringify(item), coalesceKey, notBefore: now, createdAt: now })
    .onConflictDoUpdate({
      target: outbox.coalesceKey,
      targetWhere: sql`${outbox.doneAt} is null and ${outbox.coalesceKey} is not null`,
      set: { lastError: sql`case when ${outbox.lastError} = ${IN_FLIGHT} then ${CHANGED} else ${outbox.lastError} end` },
    })
    .run();
}

/**
 * Take the next due item and lease it until `leaseUntil`: it stays in the table until the sender
 * reports it done (`completeItem`), so a crash mid-delivery never loses it (it is sent again once
 * the lease ends, or at start-up by `releaseLeases`).
 */
export function claimNext(tx: Tx, platform: 'slack' | 'teams', now: Date, leaseUntil: Date = new Date(now.getTime() + 60_000)): OutboxRow | undefined {
  const row = tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.platform, platform), isNull(outbox.doneAt), lte(outbox.notBefore, now)))
    .orderBy(asc(outbox.id))
    .limit(1)
    .get();
  if (!row) return undefined;
  tx.update(outbox).set({ notBefore: leaseUntil, lastError: IN_FLIGHT }).where(eq(outbox.id, row.id)).run();
  return { id: row.id, platform: row.platform, item: JSON.parse(row.payload) as OutboxItem, attempts: row.attempts };
}

/** The item was delivered. A card update enqueued again meanwhile stays pending, due now. */
export function completeItem(tx: Tx, id: number, now: Date): void {
  const row = tx.select({ lastError: outbox.lastError }).from(outbox).where(eq(outbox.id, id)).get();
  if (row?.lastError === CHANGED) tx.update(outbox).set({ notBefore: now, lastError: null }).where(eq(outbox.id, id)).run();
  else tx.update(outbox).set({ doneAt: now, lastError: null }).where(eq(outbox.id, id)).run();
}

/** The item can never be delivered (message or channel gone): done, with the reason kept. */
export function dropItem(tx: Tx, id: number, error: string, now: Date): void {
  tx.update(outbox).set({ doneAt: now, lastError: error.slice(0, 200) }).where(eq(outbox.id, id)).run();
}

/** Try a failed item again at `notBefore`; `attempts` counts failures (a postponement is not one). */
export function retryLater(tx: Tx, row: OutboxRow, notBefore: Date, error: string, _now?: Date): void {
  tx.update(outbox)
    .set({ attempts: row.attempts + 1, notBefore, lastError: error.slice(0, 200) })
    .where(eq(outbox.id, row.id))
    .run();
}

/** Wait without counting a failure (throttle, card not posted yet); a change meanwhile keeps its due time. */
export function postpone(tx: Tx, row: OutboxRow, notBefore: Date): void {
  tx.update(outbox).set({ notBefore, lastError: 'postponed' }).where(eq(outbox.id, row.id)).run();
}

/** At start-up no delivery is in flight: leases of a previous (crashed) process end now. */
export function releaseLeases(tx: Tx, platform: 'slack' | 'teams', now: Date): number {
  return tx
    .update(outbox)
    .set({ notBefore: now, lastError: 'released' })
    .where(and(eq(outbox.platform, platform), isNull(outbox.doneAt), sql`${outbox.lastError} in (${IN_FLIGHT}, ${CHANGED})`))
    .run().changes;
}

export function markFailed(tx: Tx, id: number, error: string): void {
  tx.update(outbox).set({ lastError: error.slice(0, 200) }).where(eq(outbox.id, id)).run();
}

export function nextDueAt(tx: Tx, platform: 'slack' | 'teams'): Date | null {
  const row = tx
    .select({ at: sql<number>`min(${outbox.notBefore})` })
    .from(outbox)
    .where(and(eq(outbox.platform, platform), isNull(outbox.doneAt)))
    .get();
  return row?.at ? new Date(row.at) : null;
}

export function pendingCount(tx: Tx): number {
  return tx.select({ n: sql<number>`count(*)` }).from(outbox).where(isNull(outbox.doneAt)).get()?.n ?? 0;
}
