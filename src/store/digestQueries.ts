// The monthly digest's figures read from SQL (DigestInput in core/digest.ts), and where the digest
// goes (each team's digest channel, or the default one).
//
// Each query reads one indexed range: requests(status, decided_at, …) for spend, (status,
// created_at, …) for the budget used, (status, closed_at, …) for closed requests, or a team's own
// range (team_id, status, …) when the digest covers a few teams. Months are Europe/Amsterdam
// months, as UTC bounds from monthRange(), so a request approved at 2026-10-31T23:30Z counts for
// November. A digest of some teams also reads the other teams of their municipalities: the
// findings compare a team with them (core/recurrence.ts).
import { countsAgainstBudget, isUndecided, REQUEST_STATUSES, type RequestStatus } from '../core/request.js';
import { addMonthsKey, monthRange, yearRange } from '../core/time.js';
import { digestMonths, type ClosedStatus, type DigestInput, type DigestTeamRow, type PeerTeamRow, type SpendRow } from '../core/digest.js';
import type { Platform } from '../core/platform.js';
import type { Store } from './db.js';
import { statement } from './prepared.js';
import { readSpend, SPENT, sqlList, usedThisYear } from './digestSpend.js';

export interface DigestQueryOptions {
  /** Only this team. */
  teamId?: number;
  /** Only these teams (for a digest channel that several teams share). */
  teamIds?: readonly number[];
  /** Months of spend to load (default digestMonths()); more for settings with longer windows. */
  months?: number;
}

/** Suggestion kept vs. suggestions made, per team, for requests approved in the month. */
export interface SuggestionRow {
  teamId: number;
  withSuggestion: number;
  kept: number;
}

const UNDECIDED = sqlList(REQUEST_STATUSES.filter(isUndecided));
/** Closed without a spend: alternative, withdrawn, expired. */
const CLOSED = sqlList(REQUEST_STATUSES.filter((s) => !countsAgainstBudget(s)));

/**
 * A team's municipality: the teams of one Slack workspace, or of one Microsoft Teams tenant (the
 * workspace of a Teams channel is its Teams team, and a municipality has several).
 */
export const MUNICIPALITY_SQL = `platform || ':' || CASE WHEN platform = 'teams' AND coalesce(tenant_id, '') <> '' THEN tenant_id ELSE workspace_id END`;

/** Which teams a query covers: all, or a JSON list of ids (one parameter, however long). */
interface Scope {
  /** '' for all teams; otherwise ' AND <column> IN (…)'. */
  and(column: string): string;
  params: (string | number)[];
}

function scopeOf(ids: readonly number[] | undefined): Scope {
  if (ids === undefined) return { and: () => '', params: [] };
  // One team: `team_id = ?` reads the team's own index range (requests_team_status_decided_idx);
  // with IN (json_each) SQLite would scan the month of every team.
  if (ids.length === 1) return { and: (c) => ` AND ${c} = ?`, params: [ids[0] as number] };
  return { and: (c) => ` AND ${c} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] };
}

/** The month's aggregates for buildDigest, read in one (snapshot) read transaction. */
export function loadDigestInput(store: Store, month: string, asOf: Date, opts: DigestQueryOptions = {}): DigestInput & { suggestions: SuggestionRow[] } {
  const { start, end } = monthRange(month);
  const year = Number(month.slice(0, 4));
  const n = Math.max(1, opts.months ?? digestMonths());
  const months = Array.from({ length: n }, (_, i) => addMonthsKey(month, i - (n - 1)));
  const ids = opts.teamIds ?? (opts.teamId !== undefined ? [opts.teamId] : undefined);
  const shown = scopeOf(ids);
  const db = store.db;

  return store.sqlite.transaction(() => {
    const teams = (
      statement(
        db,
        `SELECT t.id, CASE WHEN t.name <> '' THEN t.name ELSE t.channel_id END AS name, ${MUNICIPALITY_SQL} AS municipality,
                t.created_at AS createdAt, b.amount_cents AS budget
           FROM teams t LEFT JOIN team_budgets b ON b.team_id = t.id AND b.year = ?
          WHERE 1${shown.and('t.id')} ORDER BY t.id`,
      ).all(year, ...shown.params) as { id: number; name: string; municipality: string; createdAt: number; budget: number | null }[]
    );

    // The other teams of their municipalities (none when all teams are shown).
    const peers: PeerTeamRow[] =
      ids === undefined
        ? []
        : (
            statement(
              db,
              `SELECT id AS teamId, ${MUNICIPALITY_SQL} AS municipality, created_at AS createdAt FROM teams
                WHERE ${MUNICIPALITY_SQL} IN (SELECT value FROM json_each(?)) AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id`,
            ).all(JSON.stringify([...new Set(teams.map((t) => t.municipality))]), JSON.stringify(ids)) as { teamId: number; municipality: string; createdAt: number }[]
          ).map((p) => ({ teamId: p.teamId, municipality: p.municipality, createdAtMs: p.createdAt }));

    // Budget used: open, on hold, approved or paid, created this year up to the end of the month.
    const used = usedThisYear(store, yearRange(year).start.getTime(), end.getTime(), ids);

    // Labels: the default list first, then the teams' own (a slug keeps its first label).
    const categoryRows = statement(db, `SELECT id, slug, label_nl AS labelNl, label_en AS labelEn FROM categories ORDER BY team_id IS NOT NULL, id`).all() as {
      id: number;
      slug: string;
      labelNl: string;
      labelEn: string;
    }[];
    const slugById = new Map(categoryRows.map((c) => [c.id, c.slug]));
    const categories: DigestInput['categories'][number][] = [];
    const seen = new Set<string>();
    for (const c of categoryRows) {
      if (!seen.has(c.slug)) categories.push({ slug: c.slug, labelNl: c.labelNl, labelEn: c.labelEn });
      seen.add(c.slug);
    }

    const spendScope = ids === undefined ? undefined : [...ids, ...peers.map((p) => p.teamId)];
    const spend: SpendRow[] = readSpend(store, { months, teamIds: spendScope, slugById });

    // The month's approvals: time to approval, and whether the suggested category was kept.
    const approvals = statement(
      db,
      `SELECT team_id, decided_at - created_at, category_id, suggested_category_id FROM requests
        WHERE status IN ${SPENT} AND decided_at >= ? AND decided_at < ?${shown.and('team_id')}`,
    )
      .raw()
      .all(start.getTime(), end.getTime(), ...shown.params) as [number, number, number | null, number | null][];
    const approvalDurationsMs = approvals.map(([teamId, ms]) => ({ teamId, ms }));
    const suggestionsByTeam = new Map<number, SuggestionRow>();
    for (const [teamId, , category, suggested] of approvals) {
      if (suggested === null) continue;
      const row = suggestionsByTeam.get(teamId) ?? { teamId, withSuggestion: 0, kept: 0 };
      row.withSuggestion++;
      if (category === suggested) row.kept++;
      suggestionsByTeam.set(teamId, row);
    }

    const closed = statement(
      db,
      `SELECT team_id AS teamId, status, COUNT(*) AS count FROM requests
        WHERE status IN ${CLOSED} AND closed_at >= ? AND closed_at < ?${shown.and('team_id')} GROUP BY team_id, status ORDER BY team_id, status`,
    ).all(start.getTime(), end.getTime(), ...shown.params) as { teamId: number; status: ClosedStatus; count: number }[];
    const undecided = statement(
      db,
      `SELECT team_id AS teamId, status, COUNT(*) AS count, SUM(amount_cents) AS totalCents FROM requests
        WHERE status IN ${UNDECIDED}${shown.and('team_id')} GROUP BY team_id, status ORDER BY team_id`,
    ).all(...shown.params) as { teamId: number; status: RequestStatus; count: number; totalCents: number }[];

    const teamRows: DigestTeamRow[] = teams.map((t) => ({
      teamId: t.id,
      name: t.name,
      municipality: t.municipality,
      createdAtMs: t.createdAt,
      annualBudgetCents: t.budget,
      usedThisYearCents: used.get(t.id) ?? 0,
    }));
    return {
      month,
      asOf,
      teams: teamRows,
      peers,
      spend,
      closed,
      onHold: undecided.filter((r) => r.status === 'on_hold').map((r) => ({ teamId: r.teamId, count: r.count })),
      open: undecided.filter((r) => r.status === 'open').map((r) => ({ teamId: r.teamId, count: r.count, totalCents: r.totalCents })),
      approvalDurationsMs,
      categories,
      suggestions: [...suggestionsByTeam.values()].sort((a, b) => a.teamId - b.teamId),
    };
  })();
}

// ── The digest's targets ────────────────────────────────────────────────────────────────────────

export interface DigestTarget {
  platform: Platform;
  channelId: string;
  teamIds: number[];
}

/**
 * Where the monthly digest goes: each team's own digest channel; the teams without one go together
 * to `defaultChannelId` (a Slack channel), or nowhere when it is not set.
 */
export function digestTargets(store: Store, defaultChannelId: string | undefined): DigestTarget[] {
  const rows = statement(store.db, `SELECT id, platform, digest_channel_id AS channel FROM teams ORDER BY id`).all() as {
    id: number;
    platform: Platform;
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
export function teamsWithDigestChannel(store: Store, platform: Platform, channelId: string): number[] {
  return (
    statement(store.db, `SELECT id FROM teams WHERE platform = ? AND digest_channel_id = ? ORDER BY id`).all(platform, channelId) as { id: number }[]
  ).map((r) => r.id);
}
