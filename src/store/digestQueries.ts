// The monthly digest's figures read from SQL (see DigestInput in core/digest.ts), plus the
// job_runs claims that make the automatic digest post once, and the team's digest channel.
//
// Every query reads one indexed range: requests(status, decided_at, …) for spend, (status,
// created_at, …) for the budget used, (status, closed_at, …) for closed requests, or the team's
// own range (team_id, status, …) for one team; all of them covering, except the budget used of one
// team. At national scale (10,000 teams, ~60,000 approved spends in the 6 months) a GROUP BY per
// team, month and category hardly shrinks the rows (most groups hold one spend), and its sort in
// SQLite and one JS object per result row cost far more than the index scan. So the rows go
// through eachRow(), which hands each row's values to a JS callback that sums them per team.
// Month buckets are Europe/Amsterdam months, computed as UTC bounds by monthRange(), so a request
// approved at 2026-10-31T23:30Z counts for November.
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { addMonthsKey } from '../core/time.js';
import { DEFAULT_RECURRENCE, monthBoundsMs, TREND_MONTHS, withSpendColumns, type ClosedStatus, type DigestInput, type SpendColumns } from '../core/digest.js';
import type { Store } from './db.js';

/**
 * How many months of spend the digest loads (the reported month and the ones before it): what the
 * trend, the recurrence window and the growth rule (previous 3 months) need.
 */
export const SPEND_MONTHS = Math.max(TREND_MONTHS, DEFAULT_RECURRENCE.windowMonths, 4);

export interface DigestQueryOptions {
  /** Only this team. */
  teamId?: number;
  /** Only these teams (for a digest channel that several teams share). */
  teamIds?: readonly number[];
  /** Months of spend to load (default SPEND_MONTHS); more for a recurrence rule with a longer window. */
  months?: number;
}

/** Suggestion kept vs. suggestions made, per team, for requests approved in the month. */
export interface SuggestionRow {
  teamId: number;
  withSuggestion: number;
  kept: number;
}

const APPROVED = `status IN ('approved','paid')`;
const BUDGET = `status IN ('open','on_hold','approved','paid')`;
const CLOSED = `status IN ('alternative','withdrawn','expired')`;

/** Which teams the digest covers, as a SQL condition on `column` and its parameters. */
interface TeamScope {
  /** '' for all teams; otherwise ' AND <condition>'. */
  and(column: string): string;
  params: (number | string)[];
}

function teamScope(opts: DigestQueryOptions): TeamScope {
  const ids = opts.teamIds ?? (opts.teamId !== undefined ? [opts.teamId] : undefined);
  if (ids === undefined) return { and: () => '', params: [] };
  // One team: `team_id = ?` reads the team's own index range (requests_team_status_decided_idx).
  if (ids.length === 1) return { and: (c) => ` AND ${c} = ?`, params: [ids[0] as number] };
  // One JSON parameter, so a long list of teams is fine.
  return { and: (c) => ` AND ${c} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] };
}

const cache = new WeakMap<Store, Map<string, Statement>>();
function prepare(store: Store, sql: string): Statement {
  let m = cache.get(store);
  if (!m) cache.set(store, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = store.sqlite.prepare(sql)));
  return st;
}

// ── eachRow: many rows without a JS object per row ─────────────────────────────────────────────

type Cell = number | string | null;
type RowCallback = (a: Cell, b: Cell, c: Cell, d: Cell, e: Cell, f: Cell) => void;

/** SQL aggregate that passes each row's arguments (up to 6) to the callback of the running eachRow. */
const EACH_ROW = 'mmw_each_row';
let currentRow: RowCallback | null = null;
const registered = new WeakSet<Database.Database>();

/**
 * Run `SELECT mmw_each_row(col, …) FROM …` and call `onRow` with each row's columns (up to 6;
 * NULL as null). About 0.3 µs a row, against ~1.5 µs for `.all()` (one object per row) or
 * ~1.3 µs for `.raw()` (one array per row) at national scale.
 */
function eachRow(store: Store, sql: string, params: readonly unknown[], onRow: RowCallback): void {
  if (!registered.has(store.sqlite)) {
    store.sqlite.aggregate(EACH_ROW, {
      varargs: true,
      directOnly: true,
      start: 0,
      // The typings know only a one-argument step.
      step: ((n: number, a: Cell, b: Cell, c: Cell, d: Cell, e: Cell, f: Cell) => {
        (currentRow as RowCallback)(a, b, c, d, e, f);
        return n + 1;
      }) as (n: number, a: unknown) => number,
    });
    registered.add(store.sqlite);
  }
  if (currentRow !== null) throw new Error('eachRow: nested call');
  currentRow = onRow;
  try {
    prepare(store, sql).pluck().get(...params);
  } finally {
    currentRow = null;
  }
}

// ── The month's input ──────────────────────────────────────────────────────────────────────────

/**
 * Team ids → dense slots 0, 1, … (the teams query's order: by id); an id first seen in a later row
 * gets the next slot. Looked up once per row read, so by an array indexed by id where ids are small.
 */
class TeamSlots {
  readonly ids: number[] = [];
  private readonly byIndex: Int32Array;
  private readonly byMap = new Map<number, number>();
  constructor(teamIds: readonly number[]) {
    const max = teamIds.reduce((m, id) => Math.max(m, id), 0);
    this.byIndex = new Int32Array(max < 4 * teamIds.length + 1024 ? max + 1 : 0).fill(-1);
    for (const id of teamIds) this.slot(id);
  }
  slot(id: number): number {
    const indexed = Number.isInteger(id) && id >= 0 && id < this.byIndex.length;
    let slot = indexed ? (this.byIndex[id] as number) : (this.byMap.get(id) ?? -1);
    if (slot === -1) {
      slot = this.ids.push(id) - 1;
      if (indexed) this.byIndex[id] = slot;
      else this.byMap.set(id, slot);
    }
    return slot;
  }
  /** All slots, in team id order. */
  byId(): number[] {
    const slots = this.ids.map((_, i) => i);
    return slots.sort((a, b) => (this.ids[a] as number) - (this.ids[b] as number));
  }
}

/** A sum per team slot; grows for a slot past the teams query's. */
class PerTeam {
  private values: Float64Array;
  constructor(size: number) {
    this.values = new Float64Array(Math.max(1, size));
  }
  add(slot: number, x: number): void {
    if (slot >= this.values.length) {
      const grown = new Float64Array(Math.max(slot + 1, 2 * this.values.length));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[slot] = (this.values[slot] as number) + x;
  }
  get(slot: number): number {
    return slot < this.values.length ? (this.values[slot] as number) : 0;
  }
}

/** Closed statuses in the order a GROUP BY on status lists them. */
const CLOSED_STATUSES: readonly ClosedStatus[] = ['alternative', 'expired', 'withdrawn'];

/** The month's aggregates for buildDigest, read in one (snapshot) read transaction. */
export function loadDigestInput(store: Store, month: string, asOf: Date, opts: DigestQueryOptions = {}): DigestInput & { suggestions: SuggestionRow[] } {
  const { start: s, end: e } = monthBoundsMs(month);
  const year = Number(month.slice(0, 4));
  const yearStart = monthBoundsMs(`${month.slice(0, 4)}-01`).start;
  const n = Math.max(1, opts.months ?? SPEND_MONTHS);
  const months = Array.from({ length: n }, (_, i) => addMonthsKey(month, i - (n - 1)));
  const scope = teamScope(opts);

  const read = store.sqlite.transaction(() => {
    // Teams in id order with this year's budget (null: none set), as three JSON arrays: one row
    // instead of one per team. (LEFT JOIN: the teams' order drives the aggregate.)
    const [idsJson, namesJson, budgetsJson] = prepare(
      store,
      `SELECT json_group_array(t.id), json_group_array(t.name), json_group_array(b.amount_cents)
         FROM (SELECT id, CASE WHEN name <> '' THEN name ELSE channel_id END AS name FROM teams WHERE 1${scope.and('id')} ORDER BY id) t
         LEFT JOIN team_budgets b ON b.team_id = t.id AND b.year = ?`,
    )
      .raw()
      .get(...scope.params, year) as [string, string, string];
    const teamIds = JSON.parse(idsJson) as number[];
    const names = JSON.parse(namesJson) as string[];
    const budgets = JSON.parse(budgetsJson) as (number | null)[];
    const slots = new TeamSlots(teamIds);

    // Budget used: open, on hold, approved or paid, created this year up to the end of the month.
    const used = new PerTeam(teamIds.length);
    eachRow(
      store,
      `SELECT ${EACH_ROW}(team_id, amount_cents) FROM requests WHERE ${BUDGET} AND created_at >= ? AND created_at < ?${scope.and('team_id')}`,
      [yearStart, e, ...scope.params],
      (id, cents) => used.add(slots.slot(id as number), cents as number),
    );

    // Labels: the default list first, then the teams' own (a slug keeps its first label).
    const cats = prepare(
      store,
      `SELECT id, slug, label_nl, label_en FROM categories
        WHERE team_id IS NULL${scope.params.length > 0 ? ` OR (1${scope.and('team_id')})` : ' OR 1'} ORDER BY team_id IS NOT NULL, id`,
    )
      .raw()
      .all(...scope.params) as [number, string, string, string][];
    const slugById = new Map<number, string>();
    const seen = new Set<string>();
    const categories: DigestInput['categories'][number][] = [];
    for (const [id, slug, labelNl, labelEn] of cats) {
      slugById.set(id, slug);
      if (!seen.has(slug)) categories.push({ slug, labelNl, labelEn });
      seen.add(slug);
    }

    const spend = readSpend(store, scope, slots, months, slugById);

    // Closed in the month, on hold now, awaiting approval now: counts per team (and status).
    const closedCounts = CLOSED_STATUSES.map(() => new PerTeam(teamIds.length));
    eachRow(store, `SELECT ${EACH_ROW}(team_id, status) FROM requests WHERE ${CLOSED} AND closed_at >= ? AND closed_at < ?${scope.and('team_id')}`, [s, e, ...scope.params], (id, status) => {
      (closedCounts[CLOSED_STATUSES.indexOf(status as ClosedStatus)] as PerTeam).add(slots.slot(id as number), 1);
    });
    const onHoldCounts = new PerTeam(teamIds.length);
    const openCounts = new PerTeam(teamIds.length);
    const openCents = new PerTeam(teamIds.length);
    eachRow(store, `SELECT ${EACH_ROW}(team_id, status, amount_cents) FROM requests WHERE status IN ('on_hold','open')${scope.and('team_id')}`, scope.params, (id, status, cents) => {
      const slot = slots.slot(id as number);
      if (status === 'on_hold') onHoldCounts.add(slot, 1);
      else {
        openCounts.add(slot, 1);
        openCents.add(slot, cents as number);
      }
    });
    const closed: { teamId: number; status: ClosedStatus; count: number }[] = [];
    const onHold: { teamId: number; count: number }[] = [];
    const open: { teamId: number; count: number; totalCents: number }[] = [];
    for (const slot of slots.byId()) {
      const teamId = slots.ids[slot] as number;
      for (let i = 0; i < CLOSED_STATUSES.length; i++) {
        const count = (closedCounts[i] as PerTeam).get(slot);
        if (count > 0) closed.push({ teamId, status: CLOSED_STATUSES[i] as ClosedStatus, count });
      }
      const held = onHoldCounts.get(slot);
      if (held > 0) onHold.push({ teamId, count: held });
      const waiting = openCounts.get(slot);
      if (waiting > 0) open.push({ teamId, count: waiting, totalCents: openCents.get(slot) });
    }

    return {
      teams: teamIds.map((teamId, i) => ({ teamId, name: names[i] as string, annualBudgetCents: budgets[i] ?? null, usedThisYearCents: used.get(i) })),
      spend: spend.columns,
      closed,
      onHold,
      open,
      approvalDurationsMs: spend.durations,
      suggestions: spend.suggestions,
      categories,
    };
  });
  const { teams, spend, ...rest } = read();
  return withSpendColumns({ month, asOf, teams, spend: [], ...rest }, spend);
}

/**
 * Approved spends (approved + paid) of the loaded months, in one scan: count and cents per team,
 * Amsterdam approval month and category, in (team, month, category id) order with no category
 * first (the order buildDigest breaks ties by); and for the reported month (the last) the approval
 * durations and the suggestion counts. An approved or paid request always has its payment
 * (recorded in the same transaction, at decided_at), so the requests alone answer.
 */
function readSpend(
  store: Store,
  scope: TeamScope,
  slots: TeamSlots,
  months: readonly string[],
  slugById: ReadonlyMap<number, string>,
): { columns: SpendColumns; durations: { teamId: number; ms: number }[]; suggestions: SuggestionRow[] } {
  // A spend belongs to the first loaded month that ends after it.
  const monthEnds = months.map((k) => monthBoundsMs(k).end);
  const last = months.length - 1;
  // One entry per spend: team slot, month index, category id (-1: none), cents; grown by doubling.
  let slotOf = new Int32Array(256);
  let monthOf = new Int32Array(256);
  let catOf = new Float64Array(256);
  let centsOf = new Float64Array(256);
  let n = 0;
  const durations: { teamId: number; ms: number }[] = [];
  const withSuggestion = new PerTeam(slots.ids.length);
  const kept = new PerTeam(slots.ids.length);
  eachRow(
    store,
    `SELECT ${EACH_ROW}(team_id, decided_at, category_id, amount_cents, suggested_category_id, decided_at - created_at)
       FROM requests WHERE ${APPROVED} AND decided_at >= ? AND decided_at < ?${scope.and('team_id')}`,
    [monthBoundsMs(months[0] as string).start, monthEnds[last] as number, ...scope.params],
    (team, decided, cat, cents, suggested, waited) => {
      if (n === slotOf.length) {
        slotOf = grow(slotOf, new Int32Array(2 * n));
        monthOf = grow(monthOf, new Int32Array(2 * n));
        catOf = grow(catOf, new Float64Array(2 * n));
        centsOf = grow(centsOf, new Float64Array(2 * n));
      }
      const slot = slots.slot(team as number);
      let m = 0;
      while ((decided as number) >= (monthEnds[m] as number)) m++;
      slotOf[n] = slot;
      monthOf[n] = m;
      catOf[n] = cat === null ? -1 : (cat as number);
      centsOf[n] = cents as number;
      n++;
      if (m !== last) return;
      durations.push({ teamId: team as number, ms: waited as number });
      if (suggested === null) return;
      withSuggestion.add(slot, 1);
      if (cat === suggested) kept.add(slot, 1);
    },
  );

  // Group the spends by team (a counting sort on the slot), order each team's spends by month and
  // category (most teams have a handful: insertion sort), and add up equal neighbours.
  const slotCount = slots.ids.length;
  const startOf = new Int32Array(slotCount + 1);
  for (let i = 0; i < n; i++) {
    const at = (slotOf[i] as number) + 1;
    startOf[at] = (startOf[at] as number) + 1;
  }
  for (let k = 0; k < slotCount; k++) startOf[k + 1] = (startOf[k + 1] as number) + (startOf[k] as number);
  const next = startOf.slice(0, slotCount);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const slot = slotOf[i] as number;
    order[next[slot] as number] = i;
    next[slot] = (next[slot] as number) + 1;
  }

  // The rows for buildDigest, as columns (see SpendColumns); at most one per spend.
  const slugs: (string | null)[] = [];
  const slugIndexOfCat = new Map<number, number>();
  const rows = { teamId: [] as number[], month: new Int32Array(n), slug: new Int32Array(n), count: new Float64Array(n), cents: new Float64Array(n) };
  let length = 0;
  const suggestions: SuggestionRow[] = [];
  for (const slot of slots.byId()) {
    const teamId = slots.ids[slot] as number;
    const from = startOf[slot] as number;
    const to = startOf[slot + 1] as number;
    if (to - from > 32) order.subarray(from, to).sort((a, b) => (monthOf[a] as number) - (monthOf[b] as number) || (catOf[a] as number) - (catOf[b] as number));
    else {
      for (let i = from + 1; i < to; i++) {
        const x = order[i] as number;
        const m = monthOf[x] as number;
        const c = catOf[x] as number;
        let j = i - 1;
        for (; j >= from; j--) {
          const y = order[j] as number;
          if ((monthOf[y] as number) < m || (monthOf[y] === m && (catOf[y] as number) <= c)) break;
          order[j + 1] = y;
        }
        order[j + 1] = x;
      }
    }
    for (let i = from; i < to; ) {
      const first = order[i] as number;
      const m = monthOf[first] as number;
      const cat = catOf[first] as number;
      let count = 0;
      let total = 0;
      for (; i < to && monthOf[order[i] as number] === m && catOf[order[i] as number] === cat; i++) {
        count++;
        total += centsOf[order[i] as number] as number;
      }
      let slug = slugIndexOfCat.get(cat);
      if (slug === undefined) slugIndexOfCat.set(cat, (slug = slugs.push(slugOf(store, slugById, cat)) - 1));
      rows.teamId.push(teamId);
      rows.month[length] = m;
      rows.slug[length] = slug;
      rows.count[length] = count;
      rows.cents[length] = total;
      length++;
    }
    const made = withSuggestion.get(slot);
    if (made > 0) suggestions.push({ teamId, withSuggestion: made, kept: kept.get(slot) });
  }
  const columns = { length, teamId: rows.teamId, month: rows.month, months, slug: rows.slug, slugs, count: rows.count, cents: rows.cents };
  return { columns, durations, suggestions };
}

/** `to` with `from` copied to its start. */
function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The slug of a category id (-1: none); a category outside the loaded list is looked up. */
function slugOf(store: Store, slugById: ReadonlyMap<number, string>, id: number): string | null {
  if (id === -1) return null;
  const slug = slugById.get(id);
  if (slug !== undefined) return slug;
  const row = prepare(store, `SELECT slug FROM categories WHERE id = ?`).get(id) as { slug: string } | undefined;
  return row?.slug ?? null;
}

// ── The digest's targets ────────────────────────────────────────────────────────────────────────

export interface DigestTarget {
  platform: 'slack' | 'teams';
  channelId: string;
  teamIds: number[];
}

/**
 * Where the monthly digest goes: each team's own digest channel; the teams without one go together
 * to `defaultChannelId` (a Slack channel), or nowhere when it is not set.
 */
export function digestTargets(store: Store, defaultChannelId: string | undefined): DigestTarget[] {
  const rows = prepare(store, `SELECT id, platform, digest_channel_id AS channel FROM teams ORDER BY id`).all() as {
    id: number;
    platform: 'slack' | 'teams';
    channel: string | null;
  }[];
  const targets = new Map<string, DigestTarget>();
  for (const r of rows) {
    const platform = r.channel ? r.platform : 'slack';
    const channelId = r.channel ?? defaultChannelId;
    if (!channelId) continue;
    const key = `${platform}:${channelId}`;
    const t = targets.get(key) ?? { platform, channelId, teamIds: [] };
    t.teamIds.push(r.id);
    targets.set(key, t);
  }
  return [...targets.values()];
}

/** The teams whose digest goes to this channel (empty when none chose it). */
export function teamsWithDigestChannel(store: Store, platform: 'slack' | 'teams', channelId: string): number[] {
  return (
    prepare(store, `SELECT id FROM teams WHERE platform = ? AND digest_channel_id = ? ORDER BY id`).all(platform, channelId) as { id: number }[]
  ).map((r) => r.id);
}
