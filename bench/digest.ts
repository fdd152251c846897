// (3) The monthly digest at national scale: loadDigestInput + buildDigest for one team and for
// all teams, next to the floor: the plainest hand-written SQL that returns the figures the digest
// reports (see fairFloorQueries). The former floor, one month's count and sum by team and category, stays
// as a reference row. Also EXPLAIN QUERY PLAN of each digest and floor query, for the report.
import type { Statement } from 'better-sqlite3';
import { buildDigest } from '../src/core/digest.js';
import { addMonthsKey, monthRange, yearRange } from '../src/core/time.js';
import { openStore, type Store } from '../src/store/db.js';
import { loadDigestInput } from '../src/store/digestQueries.js';
import { digestMonths } from '../src/core/digest.js';
const SPEND_MONTHS = digestMonths();
import { DIGEST_MONTH, SEED_NOW } from './seed.js';
import { spread, type Row } from './stats.js';

/** Counted rounds (at least MIN_REPS, more while BUDGET_MS lasts), after uncounted warm-up rounds. */
const REPS = 9;
const WARM_UPS = 3;
/** The one-team digest takes about a millisecond: more rounds, for a steady JIT and median. */
const ONE_TEAM_REPS = 101;
const ONE_TEAM_WARM_UPS = 1000;
const MIN_REPS = 7;
const BUDGET_MS = 30_000;

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Time each function in turn, `reps` rounds (at least MIN_REPS, then while BUDGET_MS lasts) after
 * `warmUps` uncounted ones that warm the page cache, the statement cache and the JIT.
 */
function alternate<K extends string>(warmUps: number, reps: number, fns: Record<K, () => unknown>): Record<K, number[]> {
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const began = performance.now();
  for (let i = 0; i < warmUps + reps && (i < warmUps + MIN_REPS || performance.now() - began < BUDGET_MS); i++) {
    for (const k of Object.keys(fns) as K[]) {
      const t = time(fns[k]);
      if (i >= warmUps) times[k].push(t);
    }
  }
  return times;
}

/** SQL text and parameters; `teamId` adds `AND team_id = ?` (or `t.id = ?`). */
interface Query {
  sql: string;
  params: number[];
}

/**
 * The floor: the plainest hand-written SQL that returns every figure the digest reports, each query
 * a plain `.all()` of objects (prepared once), no transaction: the teams with name, municipality,
 * start and this year's budget; the budget used this year per team; approved spend (count, cents,
 * suggestions made and kept) per team, Amsterdam month and category over the months the digest
 * loads (trend and findings), for one team: for every team of its municipality (the findings
 * compare with them); the month's approval durations (the percentiles need each one); closed,
 * on-hold and open counts; the labels.
 */
export function fairFloorQueries(teamId?: number): Query[] {
  const months = Array.from({ length: SPEND_MONTHS }, (_, i) => addMonthsKey(DIGEST_MONTH, i - (SPEND_MONTHS - 1)));
  const ends = months.map((k) => monthRange(k).end.getTime());
  const windowStart = monthRange(months[0] as string).start.getTime();
  const { start, end } = monthRange(DIGEST_MONTH);
  const s = start.getTime();
  const e = end.getTime();
  const year = Number(DIGEST_MONTH.slice(0, 4));
  const team = teamId === undefined ? '' : ' AND team_id = ?';
  const tp = teamId === undefined ? [] : [teamId];
  const bucket = `CASE ${ends.map(() => 'WHEN decided_at < ? THEN ?').join(' ')} END`;
  // One team: the teams of its municipality (same platform and workspace, or Teams tenant).
  const municipality = `platform || ':' || CASE WHEN platform = 'teams' AND coalesce(tenant_id, '') <> '' THEN tenant_id ELSE workspace_id END`;
  const peers =
    teamId === undefined ? '' : ` AND team_id IN (SELECT id FROM teams WHERE ${municipality} = (SELECT ${municipality} FROM teams WHERE id = ?))`;
  return [
    {
      sql: `SELECT t.id, t.name, t.channel_id, ${municipality.replace(/platform|tenant_id|workspace_id/g, 't.$&')} AS municipality, t.created_at, b.amount_cents
              FROM teams t LEFT JOIN team_budgets b ON b.team_id = t.id AND b.year = ?${teamId === undefined ? '' : ` WHERE ${municipality.replace(/platform|tenant_id|workspace_id/g, 't.$&')} = (SELECT ${municipality} FROM teams WHERE id = ?)`}`,
      params: [year, ...tp],
    },
    {
      sql: `SELECT team_id, SUM(amount_cents) AS used FROM requests
             WHERE status IN ('open','on_hold','approved','paid') AND created_at >= ? AND created_at < ?${team} GROUP BY team_id`,
      params: [yearRange(year).start.getTime(), e, ...tp],
    },
    {
      sql: `SELECT team_id, ${bucket} AS month, category_id, COUNT(*) AS n, SUM(amount_cents) AS cents,
                   SUM(suggested_category_id IS NOT NULL) AS suggested, SUM(category_id = suggested_category_id) AS kept
              FROM requests WHERE status IN ('approved','paid') AND decided_at >= ? AND decided_at < ?${peers}
             GROUP BY team_id, month, category_id`,
      params: [...ends.flatMap((end, i) => [end, i]), windowStart, e, ...tp],
    },
    {
      sql: `SELECT team_id, decided_at - created_at AS ms FROM requests WHERE status IN ('approved','paid') AND decided_at >= ? AND decided_at < ?${team}`,
      params: [s, e, ...tp],
    },
    {
      sql: `SELECT team_id, status, COUNT(*) AS n FROM requests
             WHERE status IN ('alternative','withdrawn','expired') AND closed_at >= ? AND closed_at < ?${team} GROUP BY team_id, status`,
      params: [s, e, ...tp],
    },
    { sql: `SELECT team_id, COUNT(*) AS n FROM requests WHERE status = 'on_hold'${team} GROUP BY team_id`, params: tp },
    { sql: `SELECT team_id, COUNT(*) AS n, SUM(amount_cents) AS cents FROM requests WHERE status = 'open'${team} GROUP BY team_id`, params: tp },
    { sql: `SELECT id, slug, label_nl, label_en FROM categories`, params: [] },
  ];
}

/** The former floor, kept as a reference: count and sum by team and category of the month's approved spends. */
function monthOnlyQuery(teamId?: number): Query {
  const { start, end } = monthRange(DIGEST_MONTH);
  return {
    sql: `SELECT team_id, category_id, COUNT(*) AS n, SUM(amount_cents) AS total FROM requests
           WHERE status IN ('approved','paid') AND decided_at >= ? AND decided_at < ?${teamId === undefined ? '' : ' AND team_id = ?'}
           GROUP BY team_id, category_id`,
    params: [start.getTime(), end.getTime(), ...(teamId === undefined ? [] : [teamId])],
  };
}

const statements = new Map<string, Statement>();
/** Run the queries (statements prepared once, like the digest's); returns the number of rows. */
function run(store: Store, queries: readonly Query[]): number {
  let rows = 0;
  for (const q of queries) {
    let st = statements.get(q.sql);
    if (!st) statements.set(q.sql, (st = store.sqlite.prepare(q.sql)));
    rows += st.all(...q.params).length;
  }
  return rows;
}

/** The busiest team of the month: the one-team digest is timed on it (the worst single team). */
function busiestTeam(store: Store): number {
  const { start, end } = monthRange(DIGEST_MONTH);
  const row = store.sqlite
    .prepare(`SELECT team_id AS id, COUNT(*) AS n FROM requests WHERE created_at >= ? AND created_at < ? GROUP BY team_id ORDER BY n DESC LIMIT 1`)
    .get(start.getTime(), end.getTime()) as { id: number } | undefined;
  return row?.id ?? 1;
}

function explain(store: Store, label: string, sql: string, params: readonly unknown[]): string {
  const plan = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return `${label}${sql.replace(/\s+/g, ' ').slice(0, 160)}…\n    ${plan.map((p) => p.detail).join('\n    ')}`;
}

export interface DigestBench {
  rows: Row[];
  notes: string[];
  plans: string[];
  detail: Record<string, unknown>;
}

export function benchDigest(dbPath: string, opts: { explain?: boolean } = {}): DigestBench {
  const store = openStore(dbPath);
  try {
    const teamId = busiestTeam(store);
    const digestOne = () => buildDigest(loadDigestInput(store, DIGEST_MONTH, SEED_NOW, { teamId }));
    const digestAll = () => buildDigest(loadDigestInput(store, DIGEST_MONTH, SEED_NOW));
    const floorOne = fairFloorQueries(teamId);
    const floorAll = fairFloorQueries();
    const refOne = [monthOnlyQuery(teamId)];
    const refAll = [monthOnlyQuery()];
    // One team, then all teams: each a block of its own (a one-team digest does not follow a
    // national one), value and floors in turn.
    let all = digestAll();
    let floorRows = 0;
    const o = alternate(ONE_TEAM_WARM_UPS, ONE_TEAM_REPS, { floor: () => run(store, floorOne), value: digestOne, ref: () => run(store, refOne) });
    const a = alternate(WARM_UPS, REPS, { floor: () => (floorRows = run(store, floorAll)), value: () => (all = digestAll()), ref: () => run(store, refAll) });
    const one = spread(o.value);
    const oneFloor = spread(o.floor);
    const allS = spread(a.value);
    const allFloor = spread(a.floor);
    const teams = all.teams.length.toLocaleString('en');
    const rows: Row[] = [
      { section: '3', metric: `digest ${DIGEST_MONTH}, one team (#${teamId}, busiest)`, unit: 'ms', value: one, floor: oneFloor, better: 'lower', goal: '≤ 1.3x floor', met: one.median <= 1.3 * oneFloor.median },
      { section: '3', metric: '  reference: one month by team and category (former floor), one team', unit: 'ms', value: spread(o.ref), floor: oneFloor, better: 'lower', goal: '', met: null },
      { section: '3', metric: `digest ${DIGEST_MONTH}, all ${teams} teams`, unit: 'ms', value: allS, floor: allFloor, better: 'lower', goal: '≤ 1.3x floor and < 250 ms', met: allS.median <= 1.3 * allFloor.median && allS.median < 250 },
      { section: '3', metric: '  reference: one month by team and category (former floor), all teams', unit: 'ms', value: spread(a.ref), floor: allFloor, better: 'lower', goal: '', met: null },
    ];
    const notes = [
      `(3) floor: the plainest hand-written SQL returning the figures the digest reports, ${floorAll.length} queries with plain .all() (${floorRows.toLocaleString('en')} rows for all teams): teams with municipality, start and this year's budget; budget used this year per team; approved spend per team, Amsterdam month (${SPEND_MONTHS} months: trend and findings) and category, with suggestion counts, for one team over every team of its municipality; the month's approval durations; closed, on-hold and open counts; category labels. Reference: the former floor, one month's GROUP BY team, category only (no trend, findings window, municipality, outcomes, budgets or approval times).`,
      `(3) value: loadDigestInput + buildDigest, findings included (for one team: its municipality's teams are read and tested too). The 6-month trend per category is made for the primary section only (the one shown). One team and all teams each in a block of their own, value and floors in turn: ${ONE_TEAM_REPS} and ${REPS} rounds at most, after ${ONE_TEAM_WARM_UPS} and ${WARM_UPS} uncounted warm-up rounds.`,
    ];
    const plans: string[] = [];
    if (opts.explain !== false) {
      // Capture the SQL the digest runs (all teams, then one team) on a store of its own, whose
      // statements are all prepared anew, and explain each statement.
      const seen: string[] = [];
      const spyStore = openStore(dbPath);
      const orig = spyStore.sqlite.prepare.bind(spyStore.sqlite);
      spyStore.sqlite.prepare = ((sql: string) => {
        if (!seen.includes(sql)) seen.push(sql);
        return orig(sql);
      }) as typeof spyStore.sqlite.prepare;
      loadDigestInput(spyStore, DIGEST_MONTH, SEED_NOW);
      loadDigestInput(spyStore, DIGEST_MONTH, SEED_NOW, { teamId });
      spyStore.close();
      for (const sql of seen) plans.push(explain(store, '', sql, Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 0)));
      for (const q of floorAll) plans.push(explain(store, 'floor: ', q.sql, q.params));
      plans.push(explain(store, 'floor, one team: ', (floorOne[2] as Query).sql, (floorOne[2] as Query).params));
    }
    return { rows, notes, plans, detail: { teamId, approvedInMonth: all.teams.length } };
  } finally {
    statements.clear();
    store.close();
  }
}
