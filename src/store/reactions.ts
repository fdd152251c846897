// Reactions on cards, and the approvals and objections they add up to.
import { and, eq } from 'drizzle-orm';
import type { Tx } from './db.js';
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

/**
 * Record the newest known state of one emoji of one person. An event older than what is stored
 * (out-of-order delivery) changes nothing; returns whether anything changed.
 */
export function applyReaction(tx: Tx, c: ReactionChange): boolean {
  const key = and(eq(reactions.requestId, c.requestId), eq(reactions.userId, c.userId), eq(reactions.emoji, c.emoji));
  const existing = tx.select().from(reactions).where(key).get();
  const ts = sortableTs(c.eventTs);
  if (existing && existing.eventTs >= ts) return false;
  if (existing && existing.present === c.present && existing.version === c.version) {
    tx.update(reactions).set({ eventTs: ts }).where(key).run();
    return false;
  }
  tx.insert(reactions)
    .values({ ...c, eventTs: ts })
    .onConflictDoUpdate({
      target: [reactions.requestId, reactions.userId, reactions.emoji],
      set: { present: c.present, version: c.version, kind: c.kind, eventTs: ts },
    })
    .run();
  return true;
}

/** Whether this person holds any reaction of `kind` (on `version`, for approvals). */
export function holds(tx: Tx, requestId: number, userId: string, kind: 'approve' | 'object', version?: number): boolean {
  const rows = tx
    .select({ version: reactions.version })
    .from(reactions)
    .where(and(eq(reactions.requestId, requestId), eq(reactions.userId, userId), eq(reactions.kind, kind), eq(reactions.present, true)))
    .all();
  return rows.some((r) => version === undefined || r.version === version);
}

/** Make the approvals/objections table agree with the reactions of one person; true if it changed. */
export function syncHolder(
  tx: Tx,
  table: 'approvals' | 'objections',
  requestId: number,
  userId: string,
  shouldHold: boolean,
  now: Date,
): boolean {
  if (table === 'approvals') {
    const key = and(eq(approvals.requestId, requestId), eq(approvals.approverId, userId));
    const has = tx.select().from(approvals).where(key).get() !== undefined;
    if (has === shouldHold) return false;
    if (shouldHold) tx.insert(approvals).values({ requestId, approverId: userId, createdAt: now }).run();
    else tx.delete(approvals).where(key).run();
    return true;
  }
  const key = and(eq(objections.requestId, requestId), eq(objections.objectorId, userId));
  const has = tx.select().from(objections).where(key).get() !== undefined;
  if (has === shouldHold) return false;
  if (shouldHold) tx.insert(objections).values({ requestId, objectorId: userId, createdAt: now }).run();
  else tx.delete(objections).where(key).run();
  return true;
}

export function approversOf(tx: Tx, requestId: number): string[] {
  return tx
    .select({ id: approvals.approverId })
    .from(approvals)
    .where(eq(approvals.requestId, requestId))
    .orderBy(approvals.createdAt, approvals.approverId)
    .all()
    .map((r) => r.id);
}

export function objectionsOf(tx: Tx, requestId: number): { objectorId: string; reason: string | null }[] {
  return tx
    .select({ objectorId: objections.objectorId, reason: objections.reason })
    .from(objections)
    .where(eq(objections.requestId, requestId))
    .orderBy(objections.createdAt, objections.objectorId)
    .all();
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
