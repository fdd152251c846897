// Requests, the money they hold against budgets, and lookups by card.
import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { BUDGET_STATUSES } from '../core/request.js';
import type { Tx } from './db.js';
import { selectRows, statement } from './prepared.js';
import { requests, type NewRequestRow, type RequestRow } from './schema.js';

export function insertRequest(tx: Tx, row: NewRequestRow): RequestRow {
  return tx.insert(requests).values(row).returning().get();
}

export function getRequest(tx: Tx, id: number): RequestRow | undefined {
  return selectRows(tx, requests, 'id = ?').get(id);
}

export function findRequestByCard(tx: Tx, channelId: string, messageTs: string): RequestRow | undefined {
  return selectRows(tx, requests, 'channel_id = ? AND message_ts = ?').get(channelId, messageTs);
}

/** What a reaction needs of its card and team: one indexed look-up, no wide row (every reaction reads it twice). */
export interface CardState {
  requestId: number;
  teamId: number;
  requesterId: string;
  channelId: string;
  status: RequestRow['status'];
  version: number;
  /** The team's settings, as stored (comma-separated emoji names). */
  approvalEmoji: string;
  objectionEmoji: string;
  approvalsNeeded: number;
}

const CARD_STATE = `SELECT r.id AS requestId, r.team_id AS teamId, r.requester_id AS requesterId, r.channel_id AS channelId, r.status, r.version,
       t.approval_emoji AS approvalEmoji, t.objection_emoji AS objectionEmoji, t.approvals_needed AS approvalsNeeded
  FROM requests r JOIN teams t ON t.id = r.team_id`;

/** The card's state; with `requestId` (known from a first look), read by rowid and checked to be that card still. */
export function cardState(tx: Tx, channelId: string, messageTs: string, requestId?: number): CardState | undefined {
  if (requestId !== undefined) {
    return statement(tx, `${CARD_STATE} WHERE r.id = ? AND r.channel_id = ? AND r.message_ts = ?`).get(requestId, channelId, messageTs) as CardState | undefined;
  }
  return statement(tx, `${CARD_STATE} WHERE r.channel_id = ? AND r.message_ts = ?`).get(channelId, messageTs) as CardState | undefined;
}

export function updateRequest(tx: Tx, id: number, set: Partial<NewRequestRow>): RequestRow {
  const row = tx.update(requests).set(set).where(eq(requests.id, id)).returning().get();
  if (!row) throw new Error(`request ${id} not found`);
  return row;
}

/** Money held by requests that count against budgets, created in [start, end). */
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
  if (q.caseRef !== undefined) conditions.push(eq(requests.caseRef, q.caseRef));
  if (q.excludeRequestId !== undefined) conditions.push(ne(requests.id, q.excludeRequestId));
  const row = tx
    .select({ total: sql<number>`coalesce(sum(${requests.amountCents}), 0)` })
    .from(requests)
    .where(and(...conditions))
    .get();
  return row?.total ?? 0;
}

export function undecidedRequests(tx: Tx): RequestRow[] {
  return tx
    .select()
    .from(requests)
    .where(inArray(requests.status, ['open', 'on_hold']))
    .all();
}
