// (3) The monthly digest at national scale: loadDigestInput + buildDigest for one team and for
// all teams, next to the plainest hand-written aggregate (count and sum by team and category of
// the month's approved spends). Also EXPLAIN QUERY PLAN of each digest query, for the report.
import { buildDigest } from '../src/core/digest.js';
import { monthRange } from '../src/core/time.js';
import { openStore, type Store } from '../src/store/db.js';
import { loadDigestInput } from '../src/store/digestQueries.js';
import { DIGEST_MONTH, SEED_NOW } from './seed.js';
import { spread, type Row } from './stats.js';

/** Repeat up to this often, while the section's time budget lasts (at least MIN_REPS). */
const REPS = 7;
const MIN_REPS = 3;
const BUDGET_MS = 30_000;

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function floorSql(store: Store, teamId?: number): unknown[] {
  const { start, end } = monthRange(DIGEST_MONTH);
  const sql = `SELECT team_id, category_id, COUNT(*) AS n, SUM(amount_cents) AS total FROM requests
    WHERE status IN ('approved','paid') AND decided_at >= ? AND decided_at < ?${teamId === undefined ? '' : ' AND team_id = ?'}
    GROUP BY team_id, category_id`;
  const params: number[] = [start.getTime(), end.getTime(), ...(teamId === undefined ? [] : [teamId])];
  return store.sqlite.prepare(sql).all(...params);
}

/** The busiest team of the month: the one-team digest is timed on it (the worst single team). */
function busiestTeam(store: Store): number {
  const { start, end } = monthRange(DIGEST_MONTH);
  const row = store.sqlite
    .prepare(`SELECT team_id AS id, COUNT(*) AS n FROM requests WHERE created_at >= ? AND created_at < ? GROUP BY team_id ORDER BY n DESC LIMIT 1`)
    .get(start.getTime(), end.getTime()) as { id: number } | undefined;
  return row?.id ?? 1;
}

export interface DigestBench {
  rows: Row[];
  plans: string[];
  detail: Record<string, unknown>;
}

export function benchDigest(dbPath: string, opts: { explain?: boolean } = {}): DigestBench {
  const store = openStore(dbPath);
  try {
    const teamId = busiestTeam(store);
    const digestOne = () => buildDigest(loadDigestInput(store, DIGEST_MONTH, SEED_NOW, { teamId }));
    const digestAll = () => buildDigest(loadDigestInput(store, DIGEST_MONTH, SEED_NOW));
    // Warm the page cache and the statement cache once; then alternate value and floor.
    digestOne();
    floorSql(store, teamId);
    const all = digestAll();
    floorSql(store);
    const m = { one: [] as number[], oneFloor: [] as number[], all: [] as number[], allFloor: [] as number[] };
    const began = performance.now();
    for (let i = 0; i < REPS && (i < MIN_REPS || performance.now() - began < BUDGET_MS); i++) {
      m.oneFloor.push(time(() => floorSql(store, teamId)));
      m.one.push(time(digestOne));
      m.allFloor.push(time(() => floorSql(store)));
      m.all.push(time(digestAll));
    }
    const one = spread(m.one);
    const oneFloor = spread(m.oneFloor);
    const allS = spread(m.all);
    const allFloor = spread(m.allFloor);
    const rows: Row[] = [
      { section: '3', metric: `digest ${DIGEST_MONTH}, one team (#${teamId}, busiest)`, unit: 'ms', value: one, floor: oneFloor, better: 'lower', goal: '≤ 1.3x floor', met: one.median <= 1.3 * oneFloor.median },
      { section: '3', metric: `digest ${DIGEST_MONTH}, all ${all.teams.length.toLocaleString('en')} teams`, unit: 'ms', value: allS, floor: allFloor, better: 'lower', goal: '≤ 1.3x floor and < 250 ms', met: allS.median <= 1.3 * allFloor.median && allS.median < 250 },
    ];
    const plans: string[] = [];
    if (opts.explain !== false) {
      // Capture the SQL the digest runs, and explain each statement.
      const seen: string[] = [];
      const orig = store.sqlite.prepare.bind(store.sqlite);
      const spy = Object.create(store.sqlite) as typeof store.sqlite;
      spy.prepare = ((sql: string) => {
        seen.push(sql);
        return orig(sql);
      }) as typeof store.sqlite.prepare;
      loadDigestInput({ ...store, sqlite: spy }, DIGEST_MONTH, SEED_NOW);
      for (const sql of seen) {
        const n = (sql.match(/\?/g) ?? []).length;
        const plan = orig(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from({ length: n }, () => 0)) as { detail: string }[];
        plans.push(`${sql.replace(/\s+/g, ' ').slice(0, 160)}…\n    ${plan.map((p) => p.detail).join('\n    ')}`);
      }
      const f = `SELECT team_id, category_id, COUNT(*), SUM(amount_cents) FROM requests WHERE status IN ('approved','paid') AND decided_at >= ? AND decided_at < ? GROUP BY team_id, category_id`;
      plans.push(`floor: ${f}\n    ${(orig(`EXPLAIN QUERY PLAN ${f}`).all(0, 0) as { detail: string }[]).map((p) => p.detail).join('\n    ')}`);
    }
    return { rows, plans, detail: { teamId, approvedInMonth: all.teams.length } };
  } finally {
    store.close();
  }
}
