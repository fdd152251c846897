// Reactions on cards, and the approvals and objections they add up to.
import { and, eq } from 'drizzle-orm';
import type { Tx } from './db.js';
import { statement } from './prepared.js';
import { approvals, objections, reactions } from './schema.js';

/** Slack's event_ts ("1700000000.000100") as a string that sorts in time order. */
export function sortableTs(eventTs: string): string {
  const [sec = '0', frac = '0'] = eventTs.split('.');
  return `${sec.padStart(12, '0')}.${frac.padEnd(6, '0').slice(0, 6)}`;
}

export interface ReactionChange {
  requestId: number;
  userId: string;
  emoji: string;
  kind: 'approve' | 'object';
  present: boolean;
  version: number;
  eventTs: string;
}

const UPSERT_REACTION = `INSERT INTO reactions (request_id, user_id, emoji, kind, present, version, event_ts) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (request_id, user_id, emoji) DO UPDATE SET present = excluded.present, version = excluded.version, kind = excluded.kind, event_ts = excluded.event_ts
     WHERE excluded.event_ts > reactions.event_ts`;

/**
 * Record the newest known state of one emoji of one person. An event not newer than what is stored
 * (a retry, or out-of-order delivery) changes nothing; returns whether it was stored. (Whether the
 * approvals or objections change follows from `holdings` and `syncHolder`.)
 */
export function applyReaction(tx: Tx, c: ReactionChange): boolean {
  return statement(tx, UPSERT_REACTION).run(c.requestId, c.userId, c.emoji, c.kind, c.present ? 1 : 0, c.version, sortableTs(c.eventTs)).changes > 0;
}

const HOLDINGS = `SELECT kind, version FROM reactions WHERE request_id = ? AND user_id = ? AND present = 1`;

/** What one person's present reactions hold: an approval of `version`, and an objection. */
export function holdings(tx: Tx, requestId: number, userId: string, version: number): { approve: boolean; object: boolean } {
  const rows = statement(tx, HOLDINGS).all(requestId, userId) as {
    kind: 'approve' | 'object';
    version: number;
  }[];
  return { approve: rows.some((r) => r.kind === 'approve' && r.version === version), object: rows.some((r) => r.kind === 'object') };
}

/** The statements of `syncHolder` and `holderCount`, per table (constant strings: no SQL is built per event). */
const HOLDER_SQL = {
  approvals: {
    add: `INSERT INTO approvals (request_id, approver_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
    remove: `DELETE FROM approvals WHERE request_id = ? AND approver_id = ?`,
    count: `SELECT count(*) FROM approvals WHERE request_id = ?`,
  },
  objections: {
    add: `INSERT INTO objections (request_id, objector_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
    remove: `DELETE FROM objections WHERE request_id = ? AND objector_id = ?`,
    count: `SELECT count(*) FROM objections WHERE request_id = ?`,
  },
} as const;

/** Make the approvals/objections table agree with the reactions of one person; true if it changed. */
export function syncHolder(
  tx: Tx,
  table: 'approvals' | 'objections',
  requestId: number,
  userId: string,
  shouldHold: boolean,
  now: Date,
): boolean {
  const sql = HOLDER_SQL[table];
  const result = shouldHold ? statement(tx, sql.add).run(requestId, userId, now.getTime()) : statement(tx, sql.remove).run(requestId, userId);
  return result.changes > 0;
}

/** How many people hold an approval (or objection) of the request: the rows are distinct per person. */
export function holderCount(tx: Tx, table: 'approvals' | 'objections', requestId: number): number {
  return statement(tx, HOLDER_SQL[table].count).pluck().get(requestId) as number;
}

/** The approvers, first come first. */
export function approversOf(tx: Tx, requestId: number): string[] {
  return statement(tx, `SELECT approver_id FROM approvals WHERE request_id = ? ORDER BY created_at, approver_id`).pluck().all(requestId) as string[];
}

export function objectionsOf(tx: Tx, requestId: number): { objectorId: string; reason: string | null }[] {
  return statement(tx, `SELECT objector_id AS objectorId, reason FROM objections WHERE request_id = ? ORDER BY created_at, objector_id`).all(requestId) as {
    objectorId: string;
    reason: string | null;
  }[];
}

export function clearApprovals(tx: Tx, requestId: number): void {
  tx.delete(approvals).where(eq(approvals.requestId, requestId)).run();
}

export function setObjectionReason(tx: Tx, requestId: number, objectorId: string, reason: string): boolean {
  const res = tx
    .update(objections)
    .set({ reason })
    .where(and(eq(objections.requestId, requestId), eq(objections.objectorId, objectorId)))
    .run();
  return res.changes > 0;
}

/** The reactions present now on a request's card (any version), as stored. */
export function presentReactions(tx: Tx, requestId: number): { userId: string; emoji: string }[] {
  return tx.select({ userId: reactions.userId, emoji: reactions.emoji }).from(reactions).where(and(eq(reactions.requestId, requestId), eq(reactions.present, true))).all();
}
