// Reactions on cards, and the approvals and objections they add up to.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from './db.js';
import { prepared } from './prepared.js';
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

const ph = sql.placeholder;

/**
 * Record the newest known state of one emoji of one person. An event older than what is stored
 * (out-of-order delivery) changes nothing; returns whether anything changed.
 */
export function applyReaction(tx: Tx, c: ReactionChange): boolean {
  const key = { requestId: c.requestId, userId: c.userId, emoji: c.emoji };
  const existing = prepared(tx, 'reaction.get', (t) =>
    t
      .select()
      .from(reactions)
      .where(and(eq(reactions.requestId, ph('requestId')), eq(reactions.userId, ph('userId')), eq(reactions.emoji, ph('emoji'))))
      .prepare(),
  ).get(key);
  const ts = sortableTs(c.eventTs);
  if (existing && existing.eventTs >= ts) return false;
  const upsert = prepared(tx, 'reaction.upsert', (t) =>
    t
      .insert(reactions)
      .values({
        requestId: ph('requestId'),
        userId: ph('userId'),
        emoji: ph('emoji'),
        kind: ph('kind'),
        present: ph('present'),
        version: ph('version'),
        eventTs: ph('eventTs'),
      })
      .onConflictDoUpdate({
        target: [reactions.requestId, reactions.userId, reactions.emoji],
        set: { present: sql`excluded.present`, version: sql`excluded.version`, kind: sql`excluded.kind`, eventTs: sql`excluded.event_ts` },
      })
      .prepare(),
  );
  upsert.run({ ...key, kind: c.kind, present: c.present ? 1 : 0, version: c.version, eventTs: ts });
  return !(existing && existing.present === c.present && existing.version === c.version);
}

/** Whether this person holds any reaction of `kind` (on `version`, for approvals). */
export function holds(tx: Tx, requestId: number, userId: string, kind: 'approve' | 'object', version?: number): boolean {
  const rows = prepared(tx, 'reaction.held', (t) =>
    t
      .select({ version: reactions.version })
      .from(reactions)
      .where(and(eq(reactions.requestId, ph('requestId')), eq(reactions.userId, ph('userId')), eq(reactions.kind, ph('kind')), eq(reactions.present, true)))
      .prepare(),
  ).all({ requestId, userId, kind });
  return rows.some((r) => version === undefined || r.version === version);
}

const holderStatements = (tx: Tx) =>
  prepared(tx, 'holders', (t) => ({
    approvals: {
      has: t.select({ id: approvals.approverId }).from(approvals).where(and(eq(approvals.requestId, ph('requestId')), eq(approvals.approverId, ph('userId')))).prepare(),
      add: t.insert(approvals).values({ requestId: ph('requestId'), approverId: ph('userId'), createdAt: ph('createdAt') }).prepare(),
      remove: t.delete(approvals).where(and(eq(approvals.requestId, ph('requestId')), eq(approvals.approverId, ph('userId')))).prepare(),
    },
    objections: {
      has: t.select({ id: objections.objectorId }).from(objections).where(and(eq(objections.requestId, ph('requestId')), eq(objections.objectorId, ph('userId')))).prepare(),
      add: t.insert(objections).values({ requestId: ph('requestId'), objectorId: ph('userId'), createdAt: ph('createdAt') }).prepare(),
      remove: t.delete(objections).where(and(eq(objections.requestId, ph('requestId')), eq(objections.objectorId, ph('userId')))).prepare(),
    },
  }));

/** Make the approvals/objections table agree with the reactions of one person; true if it changed. */
export function syncHolder(
  tx: Tx,
  table: 'approvals' | 'objections',
  requestId: number,
  userId: string,
  shouldHold: boolean,
  now: Date,
): boolean {
  const st = holderStatements(tx)[table];
  const has = st.has.get({ requestId, userId }) !== undefined;
  if (has === shouldHold) return false;
  if (shouldHold) st.add.run({ requestId, userId, createdAt: now });
  else st.remove.run({ requestId, userId });
  return true;
}

export function approversOf(tx: Tx, requestId: number): string[] {
  return prepared(tx, 'approvers', (t) =>
    t
      .select({ id: approvals.approverId })
      .from(approvals)
      .where(eq(approvals.requestId, ph('requestId')))
      .orderBy(approvals.createdAt, approvals.approverId)
      .prepare(),
  )
    .all({ requestId })
    .map((r) => r.id);
}

export function objectionsOf(tx: Tx, requestId: number): { objectorId: string; reason: string | null }[] {
  return prepared(tx, 'objections', (t) =>
    t
      .select({ objectorId: objections.objectorId, reason: objections.reason })
      .from(objections)
      .where(eq(objections.requestId, ph('requestId')))
      .orderBy(objections.createdAt, objections.objectorId)
      .prepare(),
  ).all({ requestId });
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
