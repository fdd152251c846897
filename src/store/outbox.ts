// The durable outbox of chat updates: written in the transaction of the state change, sent after.
// Plain prepared SQL: every reaction enqueues and the pump claims, so these run the most often.
import { legacyMessage, type Message } from '../core/text.js';
import type { Tx } from './db.js';
import { statement } from './prepared.js';
import type { Platform } from './teams.js';

export type OutboxItem =
  | { kind: 'card.post'; requestId: number }
  | { kind: 'card.update'; requestId: number }
  | { kind: 'thread.post'; requestId: number; message: Message; askReasonFrom?: string }
  /** A message for one person only (Slack: ephemeral or direct message; Teams: the 1:1 chat). */
  | { kind: 'person.notify'; requestId: number; userId: string; message: Message };

export interface OutboxRow {
  id: number;
  platform: Platform;
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
export function enqueue(tx: Tx, platform: Platform, item: OutboxItem, now: Date): boolean {
  const coalesceKey = item.kind === 'card.update' ? `${platform}:card:${item.requestId}` : null;
  return statement(tx, ENQUEUE).run(platform, item.kind, JSON.stringify(item), coalesceKey, now.getTime(), now.getTime()).changes > 0;
}

/**
 * Take the next due item and lease it until `leaseUntil`: it stays in the table until the sender
 * reports it done (`completeItem`), so a crash mid-delivery never loses it (it is sent again once
 * the lease ends, or at start-up by `releaseLeases`). One statement, so atomic on its own.
 */
export function claimNext(tx: Tx, platform: Platform, now: Date, leaseUntil: Date = new Date(now.getTime() + 60_000)): OutboxRow | undefined {
  const row = statement(tx, CLAIM_NEXT).get(leaseUntil.getTime(), platform, now.getTime()) as { id: number; platform: Platform; payload: string; attempts: number } | undefined;
  if (!row) return undefined;
  return { id: row.id, platform: row.platform, item: upgradeItem(JSON.parse(row.payload) as OutboxItem), attempts: row.attempts };
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
export function releaseLeases(tx: Tx, platform: Platform, now: Date): number {
  return statement(
    tx,
    `UPDATE outbox SET not_before = ?, last_error = 'released'
      WHERE platform = ? AND done_at IS NULL AND last_error IN ('${IN_FLIGHT}', '${CHANGED}')`,
  ).run(now.getTime(), platform).changes;
}

export function nextDueAt(tx: Tx, platform: Platform): Date | null {
  const row = statement(tx, `SELECT min(not_before) AS at FROM outbox WHERE platform = ? AND done_at IS NULL`).get(platform) as { at: number | null } | undefined;
  return row?.at ? new Date(row.at) : null;
}

/** Whether a card post for this request is still waiting to be sent. */
export function hasPendingCardPost(tx: Tx, platform: Platform, requestId: number): boolean {
  return statement(tx, `SELECT 1 FROM outbox WHERE platform = ? AND kind = 'card.post' AND done_at IS NULL AND json_extract(payload, '$.requestId') = ?`).get(platform, requestId) !== undefined;
}

/** Items written before messages were structure hold Slack mrkdwn strings: read them as text. */
function upgradeItem(item: OutboxItem): OutboxItem {
  if ('message' in item && typeof (item.message as { nl: unknown }).nl === 'string') {
    const old = item.message as unknown as { nl: string; en: string };
    return { ...item, message: legacyMessage(old.nl, old.en) };
  }
  return item;
}
