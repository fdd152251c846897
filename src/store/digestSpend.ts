// The digest's two large reads: approved spends per team, Amsterdam month and category over the
// digest's 9 months (about 96,000 spends at national scale, bench section 3), and the budget used
// this year per team (about 69,000 requests).
//
// The plain versions are SQL's GROUP BY (readSpendPlain, usedThisYearPlain). The others return the
// same figures faster, with the one speed trick of the digest: SQL packs each request into one
// number (team, month, category, amount) that JavaScript reads with .pluck(), sorts and adds up.
// Measured at national scale (12 months, 129,026 spends): ~40 ms, against ~120 ms reading one
// array per spend (.raw()), ~160 ms one object per spend and ~330 ms for SQLite's GROUP BY (its
// sort); the budget used ~11 ms against ~25 ms. Without it the digest of all teams is over 250 ms.
import type { SpendRow } from '../core/digest.js';
import { monthRange } from '../core/time.js';
import type { Store } from './db.js';
import { statement } from './prepared.js';
import { BUDGET_STATUSES, countsAgainstBudget, isUndecided, REQUEST_STATUSES, type RequestStatus } from '../core/request.js';

/** Status lists from the core's state machine, as SQL (the values are our own constants). */
export const sqlList = (statuses: readonly RequestStatus[]): string => `(${statuses.map((s) => `'${s}'`).join(',')})`;
/** Approved and paid: counts against the budget and is decided. */
export const SPENT = sqlList(REQUEST_STATUSES.filter((s) => countsAgainstBudget(s) && !isUndecided(s)));
/** Open, on hold, approved and paid: counts against the budget. */
export const BUDGET = sqlList(BUDGET_STATUSES);

export interface SpendQuery {
  /** The months, oldest first. */
  months: readonly string[];
  /** Only these teams; undefined: all. */
  teamIds: readonly number[] | undefined;
  /** Category id → slug. */
  slugById: ReadonlyMap<number, string>;
}

/** Months are buckets of decided_at: the first month that ends after it. Parameters: end, index, … */
function monthBucket(months: readonly string[]): { sql: string; params: number[] } {
  return {
    sql: `CASE ${months.map(() => 'WHEN decided_at < ? THEN ?').join(' ')} END`,
    params: months.flatMap((m, i) => [monthRange(m).end.getTime(), i]),
  };
}

function range(q: SpendQuery): { where: string; params: (number | string)[] } {
  const from = monthRange(q.months[0] as string).start.getTime();
  const to = monthRange(q.months[q.months.length - 1] as string).end.getTime();
  return q.teamIds === undefined
    ? { where: `status IN ${SPENT} AND decided_at >= ? AND decided_at < ?`, params: [from, to] }
    : { where: `status IN ${SPENT} AND decided_at >= ? AND decided_at < ? AND team_id IN (SELECT value FROM json_each(?))`, params: [from, to, JSON.stringify(q.teamIds)] };
}

const slugOf = (q: SpendQuery, categoryId: number | null): string | null => (categoryId === null ? null : (q.slugById.get(categoryId) ?? null));

/** The reference: SQLite's GROUP BY, in (team, month, category id) order, no category first. */
export function readSpendPlain(store: Store, q: SpendQuery): SpendRow[] {
  const bucket = monthBucket(q.months);
  const r = range(q);
  const rows = statement(
    store.db,
    `SELECT team_id, ${bucket.sql} AS month, category_id, COUNT(*), SUM(amount_cents) FROM requests WHERE ${r.where}
      GROUP BY team_id, month, category_id ORDER BY team_id, month, category_id`,
  )
    .raw()
    .all(...bucket.params, ...r.params) as [number, number, number | null, number, number][];
  return rows.map(([teamId, m, category, count, totalCents]) => ({ teamId, month: q.months[m] as string, categorySlug: slugOf(q, category), count, totalCents }));
}

const bitsFor = (max: number): number => Math.max(1, Math.ceil(Math.log2(max + 1)));

/** The same rows as readSpendPlain. */
export function readSpend(store: Store, q: SpendQuery): SpendRow[] {
  // packed = key × 2^amountBits + amount, key = (team id × 2^monthBits + month) × 2^categoryBits
  // + (category id + 1, or 0 for none): sorting the numbers groups the spends by team, month and
  // category, in the order of readSpendPlain. Exact below 2^53; a larger amount comes back as -1.
  // One query per month (a constant month index) is cheaper than bucketing decided_at in SQL.
  const maxTeam = (statement(store.db, `SELECT max(id) FROM teams`).pluck().get() as number | null) ?? 0;
  const maxCategory = (statement(store.db, `SELECT max(id) FROM categories`).pluck().get() as number | null) ?? 0;
  const monthBits = bitsFor(q.months.length);
  const categoryBits = bitsFor(maxCategory + 1);
  const amountBits = 53 - bitsFor(maxTeam) - monthBits - categoryBits;
  if (amountBits < 20) return readSpendPlain(store, q);
  const M = 2 ** monthBits;
  const C = 2 ** categoryBits;
  const A = 2 ** amountBits;

  const teams = q.teamIds === undefined ? '' : ' AND team_id IN (SELECT value FROM json_each(?))';
  const perMonth = statement(
    store.db,
    `SELECT CASE WHEN amount_cents BETWEEN 0 AND ? THEN ((team_id * ? + ?) * ? + ifnull(category_id + 1, 0)) * ? + amount_cents ELSE -1 END
       FROM requests WHERE status IN ${SPENT} AND decided_at >= ? AND decided_at < ?${teams}`,
  ).pluck();
  const parts = q.months.map((month, i) => {
    const { start, end } = monthRange(month);
    const params = [A - 1, M, i, C, A, start.getTime(), end.getTime(), ...(q.teamIds === undefined ? [] : [JSON.stringify(q.teamIds)])];
    return perMonth.all(...params) as number[];
  });
  const sorted = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    sorted.set(part, at);
    at += part.length;
  }
  sorted.sort();
  // An amount that does not fit (never under the < € 500 rule): read plainly instead.
  if (sorted.length > 0 && (sorted[0] as number) < 0) return readSpendPlain(store, q);

  const rows: SpendRow[] = [];
  let i = 0;
  while (i < sorted.length) {
    const key = Math.floor((sorted[i] as number) / A);
    let count = 0;
    let total = 0;
    for (; i < sorted.length && Math.floor((sorted[i] as number) / A) === key; i++) {
      count++;
      total += (sorted[i] as number) - key * A;
    }
    const category = key % C;
    rows.push({
      teamId: Math.floor(key / (M * C)),
      month: q.months[Math.floor(key / C) % M] as string,
      categorySlug: slugOf(q, category === 0 ? null : category - 1),
      count,
      totalCents: total,
    });
  }
  return rows;
}

/** Budget used per team: open, on hold, approved or paid, created in [from, to). The reference. */
export function usedThisYearPlain(store: Store, from: number, to: number, teamIds: readonly number[] | undefined): Map<number, number> {
  const teams = teamIds === undefined ? '' : teamIds.length === 1 ? ' AND team_id = ?' : ' AND team_id IN (SELECT value FROM json_each(?))';
  const params = teamIds === undefined ? [] : teamIds.length === 1 ? [teamIds[0] as number] : [JSON.stringify(teamIds)];
  const rows = statement(store.db, `SELECT team_id, SUM(amount_cents) FROM requests WHERE status IN ${BUDGET} AND created_at >= ? AND created_at < ?${teams} GROUP BY team_id`)
    .raw()
    .all(from, to, ...params) as [number, number][];
  return new Map(rows);
}

/** The same as usedThisYearPlain, packed: team id × 2^amountBits + amount, summed per team. */
export function usedThisYear(store: Store, from: number, to: number, teamIds: readonly number[] | undefined): Map<number, number> {
  const maxTeam = (statement(store.db, `SELECT max(id) FROM teams`).pluck().get() as number | null) ?? 0;
  const A = 2 ** (53 - bitsFor(maxTeam));
  if (A < 2 ** 20) return usedThisYearPlain(store, from, to, teamIds);
  const teams = teamIds === undefined ? '' : teamIds.length === 1 ? ' AND team_id = ?' : ' AND team_id IN (SELECT value FROM json_each(?))';
  const params = teamIds === undefined ? [] : teamIds.length === 1 ? [teamIds[0] as number] : [JSON.stringify(teamIds)];
  const packed = statement(
    store.db,
    `SELECT CASE WHEN amount_cents BETWEEN 0 AND ? THEN team_id * ? + amount_cents ELSE -1 END FROM requests WHERE status IN ${BUDGET} AND created_at >= ? AND created_at < ?${teams}`,
  )
    .pluck()
    .all(A - 1, A, from, to, ...params) as number[];
  const used = new Map<number, number>();
  for (const v of packed) {
    if (v < 0) return usedThisYearPlain(store, from, to, teamIds);
    const team = Math.floor(v / A);
    used.set(team, (used.get(team) ?? 0) + (v - team * A));
  }
  return used;
}
