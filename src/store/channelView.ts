// What the practice channel reads besides each card's own state: the cards of a team, newest first,
// and the messages the outbox delivered (a card's thread, or a message for one person). Delivered
// outbox rows are kept, and the retention purge deletes them together with the request's free text,
// so they are the record of what was said; no table of their own is needed.
import { legacyMessage, type Message } from '../core/text.js';
import type { Tx } from './db.js';
import type { OutboxItem } from './outbox.js';
import { statement } from './prepared.js';
import type { Platform } from './teams.js';

/** Request ids of a team's posted cards, newest first; `beforeId` pages back. */
export function cardIdsOfTeam(tx: Tx, teamId: number, opts: { limit: number; beforeId?: number | undefined }): number[] {
  const rows = statement(
    tx,
    `SELECT id FROM requests WHERE team_id = ? AND message_ts IS NOT NULL AND id < ? ORDER BY id DESC LIMIT ?`,
  ).all(teamId, opts.beforeId ?? Number.MAX_SAFE_INTEGER, opts.limit) as { id: number }[];
  return rows.map((r) => r.id);
}

export interface DeliveredMessage {
  at: Date;
  requestId: number;
  message: Message;
  /** Thread posts that ask an objector for a reason. */
  askReasonFrom: string | null;
}

type Row = { payload: string; created_at: number };

function read(row: Row): DeliveredMessage | null {
  const item = JSON.parse(row.payload) as OutboxItem;
  if (item.kind !== 'thread.post' && item.kind !== 'person.notify') return null;
  const m = item.message as Message | { nl: string; en: string };
  const message = typeof m.nl === 'string' ? legacyMessage(m.nl, (m as { en: string }).en) : (m as Message);
  return { at: new Date(row.created_at), requestId: item.requestId, message, askReasonFrom: item.kind === 'thread.post' ? (item.askReasonFrom ?? null) : null };
}

// Delivered: done, and not dropped (a dropped row keeps its reason in last_error).
const DELIVERED = `platform = ? AND done_at IS NOT NULL AND last_error IS NULL`;

/** The thread messages delivered for these requests, oldest first. */
export function deliveredThreads(tx: Tx, platform: Platform, requestIds: readonly number[]): DeliveredMessage[] {
  if (requestIds.length === 0) return [];
  const rows = statement(
    tx,
    `SELECT payload, created_at FROM outbox WHERE ${DELIVERED} AND kind = 'thread.post'
       AND json_extract(payload, '$.requestId') IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(platform, JSON.stringify(requestIds)) as Row[];
  return rows.map(read).filter((m): m is DeliveredMessage => m !== null);
}

/** Messages delivered to one person, newest first. */
export function deliveredToPerson(tx: Tx, platform: Platform, userId: string, limit: number): DeliveredMessage[] {
  const rows = statement(
    tx,
    `SELECT payload, created_at FROM outbox WHERE ${DELIVERED} AND kind = 'person.notify'
       AND json_extract(payload, '$.userId') = ? ORDER BY id DESC LIMIT ?`,
  ).all(platform, userId, limit) as Row[];
  return rows.map(read).filter((m): m is DeliveredMessage => m !== null);
}
