// What one person's overview reads: open requests of a platform's teams, and what they approved.
import { and, eq, inArray, ne } from 'drizzle-orm';
import { UNDECIDED_STATUSES } from '../core/request.js';
import type { Tx } from './db.js';
import { approvals, requests, teams, type RequestRow } from './schema.js';
import type { Platform } from './teams.js';

/** Undecided requests in the platform's teams, by requester (mine) or not (others), oldest first. */
export function undecidedInPlatform(tx: Tx, platform: Platform, userId: string, mine: boolean): RequestRow[] {
  return tx
    .select({ r: requests })
    .from(requests)
    .innerJoin(teams, eq(teams.id, requests.teamId))
    .where(and(eq(teams.platform, platform), mine ? eq(requests.requesterId, userId) : ne(requests.requesterId, userId), inArray(requests.status, [...UNDECIDED_STATUSES])))
    .orderBy(requests.id)
    .all()
    .map((x) => x.r);
}

/** The requests this person approves now. */
export function approvedBy(tx: Tx, userId: string): Set<number> {
  return new Set(tx.select({ id: approvals.requestId }).from(approvals).where(eq(approvals.approverId, userId)).all().map((a) => a.id));
}
