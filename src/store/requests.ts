// Requests, the money they hold against budgets, and lookups by card.
import { and, eq, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { BUDGET_STATUSES, UNDECIDED_STATUSES } from '../core/request.js';
import { caseRefKey } from '../core/requestForm.js';
import type { Tx } from './db.js';
import { selectRows, statement } from './prepared.js';
import { requests, teams, type NewRequestRow, type RequestRow } from './schema.js';
import type { Platform } from './teams.js';

export function insertRequest(tx: Tx, row: NewRequestRow): RequestRow {
  return tx.insert(requests).values(row).returning().get();
}

export function getRequest(tx: Tx, id: number): RequestRow | undefined {
  return selectRows(tx, requests, 'id = ?').get(id);
}

/**
 * What a reaction needs to know of its card before anything else, and what never changes once the
 * card is posted: its request, requester and channel, and its team's reaction settings (these are
 * set when the team is created; the bot never changes them).
 */
export interface CardFacts {
  requestId: number;
  teamId: number;
  requesterId: string;
  channelId: string;
  /** The team's settings, as stored (comma-separated emoji names). */
  approvalEmoji: string;
  objectionEmoji: string;
  approvalsNeeded: number;
}

const CARD_FACTS = `SELECT r.id AS requestId, r.team_id AS teamId, r.requester_id AS requesterId, r.channel_id AS channelId,
       t.approval_emoji AS approvalEmoji, t.objection_emoji AS objectionEmoji, t.approvals_needed AS approvalsNeeded
  FROM requests r JOIN teams t ON t.id = r.team_id WHERE r.channel_id = ? AND r.message_ts = ?`;

/** How long card facts are reused: an operator's edit of a team's settings in the database shows within this time. */
export const CARD_FACTS_TTL_MS = 60_000;
const CARD_FACTS_MAX = 10_000;
const factsCaches = new WeakMap<object, Map<string, { facts: CardFacts; until: number }>>();

/**
 * The card's facts, or undefined when the message is not a card. Every reaction reads them, so
 * they are kept per connection for a minute (a message that is not a card is not remembered: it
 * may become one). The request's state is read in the transaction (`reactionState`).
 */
export function cardFacts(tx: Tx, channelId: string, messageTs: string, nowMs: number = Date.now()): CardFacts | undefined {
  let cache = factsCaches.get(tx);
  if (!cache) factsCaches.set(tx, (cache = new Map()));
  const key = `${channelId}\n${messageTs}`;
  const hit = cache.get(key);
  if (hit && hit.until > nowMs) return hit.facts;
  const facts = statement(tx, CARD_FACTS).get(channelId, messageTs) as CardFacts | undefined;
  if (cache.size >= CARD_FACTS_MAX) cache.clear();
  if (facts) cache.set(key, { facts, until: nowMs + CARD_FACTS_TTL_MS });
  else cache.delete(key);
  return facts;
}

const REACTION_STATE = `SELECT status, version FROM requests WHERE id = ?`;

/** The request's state as a reaction changes it: read in its transaction, by rowid. */
export function reactionState(tx: Tx, requestId: number): Pick<RequestRow, 'status' | 'version'> | undefined {
  return statement(tx, REACTION_STATE).get(requestId) as Pick<RequestRow, 'status' | 'version'> | undefined;
}

export function updateRequest(tx: Tx, id: number, set: Partial<NewRequestRow>): RequestRow {
  const row = tx.update(requests).set(set).where(eq(requests.id, id)).returning().get();
  if (!row) throw new Error(`request ${id} not found`);
  return row;
}

/**
 * Money held by requests that count against budgets, created in [start, end); with `caseRef`, of
 * that household only: references are compared by `caseRefKey` ("WT-2026-7" = "wt 2026 7"), by
 * the SQL function openStore registers. That reads all the team's requests of the period, not the
 * (team, case_ref) index: a few hundred rows a year per team.
 */
export function budgetUsage(
  tx: Tx,
  q: { teamId: number; start: Date; end: Date; caseRef?: string; excludeRequestId?: number },
): number {
  const conditions = [
    eq(requests.teamId, q.teamId),
    inArray(requests.status, [...BUDGET_STATUSES]),
    gte(requests.createdAt, q.start),
    lt(requests.createdAt, q.end),
  ];
  if (q.caseRef !== undefined) conditions.push(sql`case_ref_key(${requests.caseRef}) = ${caseRefKey(q.caseRef)}`);
  if (q.excludeRequestId !== undefined) conditions.push(ne(requests.id, q.excludeRequestId));
  const row = tx
    .select({ total: sql<number>`coalesce(sum(${requests.amountCents}), 0)` })
    .from(requests)
    .where(and(...conditions))
    .get();
  return row?.total ?? 0;
}

/** Requests still waiting for a decision, oldest first (with or without a card). */
export function undecidedRequests(tx: Tx): RequestRow[] {
  return tx
    .select()
    .from(requests)
    .where(inArray(requests.status, [...UNDECIDED_STATUSES]))
    .orderBy(requests.id)
    .all();
}

/** The posted cards of these requests, with the platform each lives on. */
export function postedCards(tx: Tx, requestIds: readonly number[]): { requestId: number; platform: Platform }[] {
  if (requestIds.length === 0) return [];
  return tx
    .select({ requestId: requests.id, platform: teams.platform })
    .from(requests)
    .innerJoin(teams, eq(teams.id, requests.teamId))
    .where(and(inArray(requests.id, [...requestIds]), isNotNull(requests.messageTs)))
    .all();
}
