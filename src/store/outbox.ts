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

/** Card updates are coalesced: while one is pending for a request, another adds nothing. */
export function enqueue(tx: Tx, platform: 'slack' | 'teams', item: OutboxItem, now: Date): void {
  const coalesceKey = item.kind === 'card.update' ? `${platform}:card:${item.requestId}` : null;
  tx.insert(outbox)
    .values({ platform, kind: item.kind, payload: JSON.stringify(item), coalesceKey, notBefore: now, createdAt: now })
    .onConflictDoNothing()
    .run();
}

/**
 * Take the next due item: it is marked done in the same statement, so a state change after this
 * point enqueues a fresh update (never lost to an update already in flight).
 */
export function claimNext(tx: Tx, platform: 'slack' | 'teams', now: Date): OutboxRow | undefined {
  const row = tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.platform, platform), isNull(outbox.doneAt), lte(outbox.notBefore, now)))
    .orderBy(asc(outbox.id))
    .limit(1)
    .get();
  if (!row) return undefined;
  tx.update(outbox).set({ doneAt: now }).where(eq(outbox.id, row.id)).run();
  return { id: row.id, platform: row.platform, item: JSON.parse(row.payload) as OutboxItem, attempts: row.attempts };
}

/** Put a failed item back, to be tried again at `notBefore` (a newer pending card update wins). */
export function retryLater(tx: Tx, row: OutboxRow, notBefore: Date, error: string, now: Date): void {
  const coalesceKey = row.item.kind === 'card.update' ? `${row.platform}:card:${row.item.requestId}` : null;
  tx.insert(outbox)
    .values({
      platform: row.platform,
      kind: row.item.kind,
      payload: JSON.stringify(row.item),
      coalesceKey,
      attempts: row.attempts + 1,
      notBefore,
      lastError: error.slice(0, 200),
      createdAt: now,
    })
    .onConflictDoNothing()
    .run();
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
