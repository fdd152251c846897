// The monthly digest's figures as plain SQL aggregates (see DigestInput in core/digest.ts), plus the
// job_runs claims that make the automatic digest post once, and the team's digest channel.
//
// Every query is a GROUP BY over an indexed range (payments.recorded_at, or status + created_at,
// or team + status), returning a handful of rows per team, month and category; nothing walks the
// table in JavaScript. The one per-row result is the approval durations of the reported month.
// Closed-in-month counts filter on closed_at, which has no index yet (see the report: an index
// on requests(status, decided_at) and (status, closed_at) would make those range scans too).
// Month buckets are Europe/Amsterdam months, computed as UTC bounds by monthRange() and turned
// into a CASE over the instants, so a request approved at 2026-10-31T23:30Z counts for November.
import type { Statement } from 'better-sqlite3';
import { addMonthsKey, monthRange, yearRange } from '../core/time.js';
import { DEFAULT_RECURRENCE, TREND_MONTHS, type ClosedStatus, type DigestInput } from '../core/digest.js';
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

/** The team filter as SQL (one JSON parameter, so a long list of teams is fine) and its parameters. */
function teamFilter(opts: DigestQueryOptions, column = 'team_id'): { sql: string; params: string[]; filtered: boolean } {
  const ids = opts.teamIds ?? (opts.teamId !== undefined ? [opts.teamId] : undefined);
  if (ids === undefined) return { sql: '', params: [], filtered: false };
  return { sql: ` AND ${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)], filtered: true };
}

const decidedIndex = new WeakMap<Store, boolean>();
/** Whether requests has an index leading with (status, decided_at): then spend is read by it. */
function hasDecidedIndex(store: Store): boolean {
  let has = decidedIndex.get(store);
  if (has === undefined) {
    const rows = store.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests' AND sql IS NOT NULL`).all() as { sql: string }[];
    has = rows.some((r) => /\(\s*[`"]?status[`"]?\s*,\s*[`"]?decided_at[`"]?/i.test(r.sql));
    decidedIndex.set(store, has);
  }
  return has;
}

const cache = new WeakMap<Store, Map<string, Statement>>();
function prepare(store: Store, sql: string): Statement {
  let m = cache.get(store);
  if (!m) cache.set(store, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = store.sqlite.prepare(sql)));
  return st;
}

/** The month's aggregates for buildDigest, read in one (snapshot) read transaction. */
export function loadDigestInput(store: Store, month: string, asOf: Date, opts: DigestQueryOptions = {}): DigestInput & { suggestions: SuggestionRow[] } {
  const { start, end } = monthRange(month);
  const year = Number(month.slice(0, 4));
  const yr = yearRange(year);
  const n = Math.max(1, opts.months ?? SPEND_MONTHS);
  const months = Array.from({ length: n }, (_, i) => addMonthsKey(month, i - (n - 1)));
  const windowStart = monthRange(months[0] as string).start.getTime();
  const s = start.getTime();
  const e = end.getTime();
  const tf = teamFilter(opts);
  const ttf = teamFilter(opts, 't.id');
  const rtf = teamFilter(opts, 'r.team_id');

  // CASE over the month ends (ascending): the first end after decided_at names the month.
  const bucketEnds = months.map((k) => monthRange(k).end.getTime());
  const bucket = `CASE ${months.map(() => 'WHEN r.decided_at < ? THEN ?').join(' ')} END`;
  const bucketParams = months.flatMap((k, i) => [bucketEnds[i] as number, k]);

  const read = store.sqlite.transaction(() => {
    const teams = prepare(
      store,
      `SELECT t.id AS teamId, CASE WHEN t.name <> '' THEN t.name ELSE t.channel_id END AS name, b.amount_cents AS annual
         FROM teams t LEFT JOIN team_budgets b ON b.team_id = t.id AND b.year = ?
        WHERE 1${ttf.sql} ORDER BY t.id`,
    ).all(year, ...ttf.params) as { teamId: number; name: string; annual: number | null }[];

    const used = prepare(
      store,
      // One team: read its (team_id, created_at) range; '+status' keeps the planner off the status index.
      `SELECT team_id AS teamId, SUM(amount_cents) AS total FROM requests
        WHERE ${tf.filtered ? `+${BUDGET}` : BUDGET} AND created_at >= ? AND created_at < ?${tf.sql} GROUP BY team_id`,
    ).all(yr.start.getTime(), Math.min(e, yr.end.getTime()), ...tf.params) as { teamId: number; total: number }[];
    const usedBy = new Map(used.map((u) => [u.teamId, u.total]));

    // Approved spends (approved + paid) by Amsterdam approval month, with the suggestion counts.
    // All teams: read by payments.recorded_at (indexed; the payment is recorded in the approval's
    // transaction at the same instant as requests.decided_at, which decides the month); one team
    // or a few: read by requests(team_id, status). Both join payment and request 1:1.
    const byDecided = !rtf.filtered && hasDecidedIndex(store);
    // An approved or paid request always has its payment (recorded in the same transaction), so
    // with the (status, decided_at, …) covering index the requests alone answer: no join.
    const source = (range: string) =>
      byDecided
        ? `FROM requests r WHERE r.status IN ('approved','paid') AND r.decided_at >= ? AND r.decided_at < ?`
        : rtf.filtered
          ? `FROM requests r INDEXED BY requests_team_status_decided_idx
              WHERE r.team_id IN (SELECT value FROM json_each(?)) AND r.status IN ('approved','paid')
                AND r.decided_at >= ? AND r.decided_at < ?`
          : `FROM payments p CROSS JOIN requests r ON r.id = p.request_id
              WHERE ${range} AND r.status IN ('approved','paid') AND r.decided_at >= ? AND r.decided_at < ?`;
    const rangeParams = (from: number, to: number) => (rtf.filtered ? [...rtf.params, from, to] : byDecided ? [from, to] : [from, to, from, to]);
    const grouped = prepare(
      store,
      `SELECT g.team_id AS teamId, g.month AS month, c.slug AS categorySlug, g.n AS count, g.total AS totalCents,
              g.sugg AS withSuggestion, g.kept AS kept
         FROM (SELECT r.team_id, ${bucket} AS month, r.category_id, COUNT(*) AS n, SUM(r.amount_cents) AS total,
                      SUM(r.suggested_category_id IS NOT NULL) AS sugg,
                      SUM(r.category_id IS NOT NULL AND r.category_id = r.suggested_category_id) AS kept
                 ${source('p.recorded_at >= ? AND p.recorded_at < ?')}
                GROUP BY r.team_id, month, r.category_id) g
         LEFT JOIN categories c ON c.id = g.category_id`,
    ).all(...bucketParams, ...rangeParams(windowStart, e)) as (DigestInput['spend'][number] & { withSuggestion: number; kept: number })[];
    const spend: DigestInput['spend'][number][] = [];
    const sugg = new Map<number, SuggestionRow>();
    for (const g of grouped) {
      spend.push({ teamId: g.teamId, month: g.month, categorySlug: g.categorySlug, count: g.count, totalCents: g.totalCents });
      if (g.month !== month || g.withSuggestion === 0) continue;
      const row = sugg.get(g.teamId) ?? { teamId: g.teamId, withSuggestion: 0, kept: 0 };
      row.withSuggestion += g.withSuggestion;
      row.kept += g.kept;
      sugg.set(g.teamId, row);
    }
    const suggestions = [...sugg.values()];

    const approvalDurationsMs = prepare(
      store,
      `SELECT r.team_id AS teamId, r.decided_at - r.created_at AS ms ${source('p.recorded_at >= ? AND p.recorded_at < ?')}`,
    ).all(...rangeParams(s, e)) as { teamId: number; ms: number }[];

    const closed = prepare(
      store,
      `SELECT team_id AS teamId, status, COUNT(*) AS count FROM requests
        WHERE ${CLOSED} AND ${tf.filtered ? '+' : ''}closed_at >= ? AND ${tf.filtered ? '+' : ''}closed_at < ?${tf.sql} GROUP BY team_id, status`,
    ).all(s, e, ...tf.params) as { teamId: number; status: ClosedStatus; count: number }[];

    const onHold = prepare(
      store,
      `SELECT team_id AS teamId, COUNT(*) AS count FROM requests WHERE status = 'on_hold'${tf.sql} GROUP BY team_id`,
    ).all(...tf.params) as { teamId: number; count: number }[];

    const open = prepare(
      store,
      `SELECT team_id AS teamId, COUNT(*) AS count, SUM(amount_cents) AS totalCents FROM requests
        WHERE status = 'open'${tf.sql} GROUP BY team_id`,
    ).all(...tf.params) as { teamId: number; count: number; totalCents: number }[];

    // Labels: the default list first, then the teams' own (a slug keeps its first label).
    const cats = prepare(
      store,
      `SELECT slug, label_nl AS labelNl, label_en AS labelEn FROM categories
        WHERE team_id IS NULL${tf.sql ? ` OR (1${tf.sql})` : ' OR 1'} ORDER BY team_id IS NOT NULL, id`,
    ).all(...tf.params) as { slug: string; labelNl: string; labelEn: string }[];
    const seen = new Set<string>();
    const categories = cats.filter((c) => (seen.has(c.slug) ? false : (seen.add(c.slug), true)));

    return {
      teams: teams.map((t) => ({ teamId: t.teamId, name: t.name, annualBudgetCents: t.annual, usedThisYearCents: usedBy.get(t.teamId) ?? 0 })),
      spend,
      closed,
      onHold,
      open,
      approvalDurationsMs,
      suggestions,
      categories,
    };
  });
  return { month, asOf, ...read() };
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
