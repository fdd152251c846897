// The durable outbox of chat updates: written in the transaction of the state change, sent after.
// Plain prepared SQL: every reaction enqueues and the pump claims, so these run the most often.
import type { Message } from '../core/messages.js';
import type { Tx } from './db.js';
import { statement } from './prepared.js';

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

// The SQL of the hot paths as constants: a statement is looked up by its text, which then is hashed once.
const ENQUEUE = `INSERT INTO outbox (platform, kind, payload, coalesce_key, attempts, not_before, last_error, created_at, done_at)
     VALUES (?, ?, ?, ?, 0, ?, NULL, ?, NULL)
     ON CONFLICT (coalesce_key) WHERE done_at IS NULL AND coalesce_key IS NOT NULL
     DO UPDATE SET last_error = '${CHANGED}' WHERE last_error = '${IN_FLIGHT}'`;
const CLAIM_NEXT = `UPDATE outbox SET not_before = ?, last_error = '${IN_FLIGHT}'
      WHERE id = (SELECT id FROM outbox WHERE platform = ? AND done_at IS NULL AND not_before <= ? ORDER BY id LIMIT 1)
      RETURNING id, platform, payload, attempts`;
const COMPLETE_ITEM = `UPDATE outbox SET
        not_before = CASE WHEN last_error = '${CHANGED}' THEN @now ELSE not_before END,
        done_at = CASE WHEN last_error = '${CHANGED}' THEN NULL ELSE @now END,
        last_error = NULL
      WHERE id = @id`;

/**
 * Card updates are coalesced: while one is pending for a request, another adds nothing. When the
 * pending one is already being sent (it may render the old state), it is made due again, so the
 * newer state is sent after it. Coalescing into a row that is not in flight writes nothing.
 * Returns whether it wrote (whether the outbox has something new to send).
 */
export function enqueue(tx: Tx, platform: 'slack' | 'teams', item: OutboxItem, now: Date): boolean {
  const coalesceKey = item.kind === 'card.update' ? `${platform}:card:${item.requestId}` : null;
  return statement(tx, ENQUEUE).run(platform, item.kind, JSON.stringify(item), coalesceKey, now.getTime(), now.getTime()).changes > 0;
}

/**
 * Take the next due item and lease it until `leaseUntil`: it stays in the table until the sender
 * reports it done (`completeItem`), so a crash mid-delivery never loses it (it is sent again once
 * the lease ends, or at start-up by `releaseLeases`). One statement, so atomic on its own.
 */
export function claimNext(tx: Tx, platform: 'slack' | 'teams', now: Date, leaseUntil: Date = new Date(now.getTime() + 60_000)): OutboxRow | undefined {
  const row = statement(tx, CLAIM_NEXT).get(leaseUntil.getTime(), platform, now.getTime()) as { id: number; platform: 'slack' | 'teams'; payload: string; attempts: number } | undefined;
  if (!row) return undefined;
  return { id: row.id, platform: row.platform, item: JSON.parse(row.payload) as OutboxItem, attempts: row.attempts };
}

/** The item was delivered. A card update enqueued again meanwhile stays pending, due now. */
export function completeItem(tx: Tx, id: number, now: Date): void {
  statement(tx, COMPLETE_ITEM).run({ now: now.getTime(), id });
}

/** The item can never be delivered (message or channel gone): done, with the reason kept. */
export function dropItem(tx: Tx, id: number, error: string, now: Date): void {
  statement(tx, `UPDATE outbox SET done_at = ?, last_error = ? WHERE id = ?`).run(now.getTime(), error.slice(0, 200), id);
}

/** Try a failed item again at `notBefore`; `attempts` counts failures (a postponement is not one). */
export function retryLater(tx: Tx, row: OutboxRow, notBefore: Date, error: string, _now?: Date): void {
  statement(tx, `UPDATE outbox SET attempts = ?, not_before = ?, last_error = ? WHERE id = ?`).run(row.attempts + 1, notBefore.getTime(), error.slice(0, 200), row.id);
}

/** Wait without counting a failure (throttle, card not posted yet); a change meanwhile keeps its due time. */
export function postpone(tx: Tx, row: OutboxRow, notBefore: Date): void {
  statement(tx, `UPDATE outbox SET not_before = ?, last_error = 'postponed' WHERE id = ?`).run(notBefore.getTime(), row.id);
}

/** At start-up no delivery is in flight: leases of a previous (crashed) process end now. */
export function releaseLeases(tx: Tx, platform: 'slack' | 'teams', now: Date): number {
  return statement(
    tx,
    `UPDATE outbox SET not_before = ?, last_error = 'released'
      WHERE platform = ? AND done_at IS NULL AND last_error IN ('${IN_FLIGHT}', '${CHANGED}')`,
  ).run(now.getTime(), platform).changes;
}

export function markFailed(tx: Tx, id: number, error: string): void {
  statement(tx, `UPDATE outbox SET last_error = ? WHERE id = ?`).run(error.slice(0, 200), id);
}

export function nextDueAt(tx: Tx, platform: 'slack' | 'teams'): Date | null {
  const row = statement(tx, `SELECT min(not_before) AS at FROM outbox WHERE platform = ? AND done_at IS NULL`).get(platform) as { at: number | null } | undefined;
  return row?.at ? new Date(row.at) : null;
}

export function pendingCount(tx: Tx): number {
  return (statement(tx, `SELECT count(*) AS n FROM outbox WHERE done_at IS NULL`).get() as { n: number }).n;
}
