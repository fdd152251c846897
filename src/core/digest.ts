// The monthly digest for managers: spend by category, the categories that stand out (findings),
// budget pace, outcomes and time to approval, per team and for all teams together.
//
// Pure: the store reads plain aggregates (DigestInput: one row per team, month and category, and
// small per-team counts) and buildDigest turns them into figures:
//   1. each team's spend as a table (category → the month's count and cents, and the counts in
//      the windows the findings test), tested against its municipality and its own history, and
//      its section (digestSection.ts);
//   2. one correction over all tests (recurrence.ts), the findings into the sections, and a
//      section for all teams together;
//   3. the findings that several teams of one municipality share, for the managers' overall view;
//   4. the trend of the section shown (the only team, or all teams).
// Money stays in integer cents; shares and percentages are numbers for display only.
import { addMonthsKey, monthRange } from './time.js';
import { correctedFindings, countInto, DEFAULT_FINDINGS, testMunicipality, type Finding, type FindingSettings, type TeamCounts, type Tests } from './recurrence.js';
import { buildSection, elapsedFraction, labelIndex, labelOf, trendsOf, type CategorySpend, type Labels, type SectionContext, type SpendTable } from './digestSection.js';
import {
  digestMonths,
  OVERALL_NAME_NL,
  type Digest,
  type DigestInput,
  type DigestSection,
  type DigestTeamRow,
  type PeerTeamRow,
  type SharedFinding,
  type SpendRow,
} from './digestTypes.js';

export * from './digestTypes.js';
export { DEFAULT_FINDINGS, OTHER_SLUG, type FindingSettings } from './recurrence.js';
export { elapsedFraction, nearestRank, round1, sharesInTenths } from './digestSection.js';
export { digestChartInput, chartInputFor, CHART_MAX_CATEGORIES, CHART_REST_SLUG } from './digestChart.js';

const collator = new Intl.Collator('nl');
const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Turn the store's aggregates into the digest. */
export function buildDigest(input: DigestInput, settings: FindingSettings = DEFAULT_FINDINGS): Digest {
  if (!MONTH_KEY.test(input.month)) throw new RangeError(`buildDigest: bad month key ${input.month}`);
  const n = digestMonths(settings);
  const months = Array.from({ length: n }, (_, i) => addMonthsKey(input.month, i - (n - 1)));
  const ctx: SectionContext = { months, labels: labelIndex(input.categories), elapsed: elapsedFraction(input.month, input.asOf) };
  const history = historyOf(input, months, settings);
  const spendByTeam = groupByTeam(input.spend);
  /** Month key → months before the reported month (0: the month itself). */
  const monthsAgo = new Map(months.map((m, i) => [m, n - 1 - i]));
  const byTeam = {
    closed: groupByTeam(input.closed),
    onHold: groupByTeam(input.onHold),
    open: groupByTeam(input.open),
    durations: groupByTeam(input.approvalDurationsMs),
    suggestions: groupByTeam(input.suggestions ?? []),
  };

  // 1. Municipality by municipality: each team's table (made once, dropped with its municipality,
  //    so at national scale ~10,000 tables never pile up in memory), the tests of its teams against
  //    each other and their own history, and the sections of the teams shown.
  const shown = shownTeams(input, spendByTeam);
  const shownById = new Map(shown.map((t) => [t.teamId, t]));
  const sectionById = new Map<number, DigestSection>();
  const overallSpend: SpendTable = new Map();
  const tests: Tests = { minPs: [], candidates: [] };
  for (const [municipality, members] of byMunicipality(shown, input.peers ?? [])) {
    const tables = members.map((teamId) => spendTable(spendByTeam.get(teamId) ?? [], monthsAgo, history(teamId), settings));
    testMunicipality(
      members.map((teamId, i) => teamCounts(teamId, municipality, tables[i] as SpendTable, history(teamId))),
      settings,
      tests,
    );
    members.forEach((teamId, i) => {
      const t = shownById.get(teamId);
      if (!t) return;
      const table = tables[i] as SpendTable;
      addMonthInto(overallSpend, table);
      sectionById.set(
        teamId,
        buildSection(ctx, {
          scope: 'team',
          teamId,
          name: t.name,
          teams: t.row ? [t.row] : [],
          spend: table,
          closed: byTeam.closed.get(teamId) ?? [],
          onHold: byTeam.onHold.get(teamId) ?? [],
          open: byTeam.open.get(teamId) ?? [],
          durations: byTeam.durations.get(teamId) ?? [],
          suggestions: byTeam.suggestions.get(teamId) ?? [],
        }),
      );
    });
  }

  // 2. The correction for looking many times, over every test of the digest; each section gets its
  //    findings and how many teams of its municipality share each.
  const findings = correctedFindings(tests, settings);
  const sharedBy = new Map<string, number>();
  const municipalityById = new Map([...shown, ...(input.peers ?? [])].map((t) => [t.teamId, municipalityOf(t.teamId, t.municipality)]));
  for (const [teamId, list] of findings) {
    const municipality = municipalityById.get(teamId) as string;
    for (const f of list) sharedBy.set(findingKey(municipality, f), (sharedBy.get(findingKey(municipality, f)) ?? 0) + 1);
  }
  const teams = shown.map((t) => {
    const section = sectionById.get(t.teamId) as DigestSection;
    const municipality = municipalityById.get(t.teamId) as string;
    section.findings = (findings.get(t.teamId) ?? []).map((f) => ({
      ...f,
      ...labelOf(ctx.labels, f.slug),
      alsoInTeams: (sharedBy.get(findingKey(municipality, f)) ?? 1) - 1,
    }));
    return section;
  });

  // 3. All teams together; for one team its findings are the digest's, for several see `shared`.
  const overall = buildSection(ctx, {
    scope: 'all',
    teamId: null,
    name: OVERALL_NAME_NL,
    teams: input.teams,
    spend: overallSpend,
    closed: input.closed,
    onHold: input.onHold,
    open: input.open,
    durations: input.approvalDurationsMs,
    suggestions: input.suggestions ?? [],
  });
  if (teams.length === 1) overall.findings = (teams[0] as DigestSection).findings;
  return {
    month: input.month,
    asOf: input.asOf,
    isEmpty: overall.isEmpty,
    settings,
    overall,
    teams,
    shared: sharedFindings(teams, shown, settings, ctx.labels),
    municipalities: new Set(shown.map((t) => municipalityOf(t.teamId, t.municipality))).size,
    ...trendsOf(ctx, primaryRows(input, shown)),
  };
}

interface ShownTeam {
  teamId: number;
  name: string;
  municipality: string;
  row: DigestTeamRow | undefined;
}

/** The input's teams first, then ids only seen in other rows (by id), each once. */
function shownTeams(input: DigestInput, spendByTeam: ReadonlyMap<number, unknown>): ShownTeam[] {
  const out: ShownTeam[] = [];
  const seen = new Set<number>((input.peers ?? []).map((p) => p.teamId));
  for (const t of input.teams) {
    if (seen.has(t.teamId)) continue;
    seen.add(t.teamId);
    out.push({ teamId: t.teamId, name: t.name, municipality: t.municipality ?? '', row: t });
  }
  const others = new Set<number>();
  for (const id of spendByTeam.keys()) if (!seen.has(id)) others.add(id);
  for (const rows of [input.closed, input.onHold, input.open, input.approvalDurationsMs, input.suggestions ?? []]) {
    for (const r of rows) if (!seen.has(r.teamId)) others.add(r.teamId);
  }
  for (const id of [...others].sort((a, b) => a - b)) out.push({ teamId: id, name: `Team ${id}`, municipality: '', row: undefined });
  return out;
}

/** One team's spend rows → its table. Rows of months not loaded are left out. */
function spendTable(rows: readonly SpendRow[], monthsAgo: ReadonlyMap<string, number>, historyMonths: number, s: FindingSettings): SpendTable {
  const table: SpendTable = new Map();
  for (const r of rows) {
    const ago = monthsAgo.get(r.month);
    if (ago === undefined) continue;
    const key = r.categorySlug ?? '';
    let spend = table.get(key);
    if (!spend) table.set(key, (spend = emptySpend()));
    countInto(spend, ago, r.count, historyMonths, s);
    if (ago === 0) spend.monthCents += r.totalCents;
  }
  return table;
}

function emptySpend(): CategorySpend {
  return { shareWindow: 0, recent: 0, month: 0, history: 0, monthCents: 0 };
}

/** Add the month's count and cents of `table` into `sum` (the overall section's). */
function addMonthInto(sum: SpendTable, table: SpendTable): void {
  for (const [key, spend] of table) {
    let into = sum.get(key);
    if (!into) sum.set(key, (into = emptySpend()));
    into.month += spend.month;
    into.monthCents += spend.monthCents;
  }
}

function teamCounts(teamId: number, municipality: string, table: SpendTable, historyMonths: number): TeamCounts {
  return { teamId, municipality, historyMonths, categories: table };
}

/** A team without a municipality is compared with nothing but itself. */
const municipalityOf = (teamId: number, municipality: string): string => municipality || `team:${teamId}`;

/** The teams shown and their peers, by municipality. */
function byMunicipality(shown: readonly ShownTeam[], peers: readonly PeerTeamRow[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of [...shown, ...peers]) {
    const key = municipalityOf(t.teamId, t.municipality);
    const list = out.get(key);
    if (list) list.push(t.teamId);
    else out.set(key, [t.teamId]);
  }
  return out;
}

/**
 * How many months of history (before the recent months) each team has: the months that started
 * after the team was created; all of them when that is unknown.
 */
function historyOf(input: DigestInput, months: readonly string[], s: FindingSettings): (teamId: number) => number {
  const createdAt = new Map<number, number | undefined>();
  for (const t of input.teams) createdAt.set(t.teamId, t.createdAtMs);
  for (const p of input.peers ?? []) createdAt.set(p.teamId, p.createdAtMs);
  const starts = months.slice(0, months.length - s.recentMonths).reverse().map((m) => monthRange(m).start.getTime());
  return (teamId) => {
    const created = createdAt.get(teamId);
    if (created === undefined) return starts.length;
    let history = 0;
    while (history < starts.length && (starts[history] as number) >= created) history++;
    return history;
  };
}

const findingKey = (municipality: string, f: Finding): string => `${municipality}\u0000${f.kind}\u0000${f.slug}`;

/** The findings at least minTeamsShared shown teams of one municipality have: most teams first. */
function sharedFindings(sections: readonly DigestSection[], shown: readonly ShownTeam[], s: FindingSettings, labels: Labels): SharedFinding[] {
  if (sections.length < 2) return [];
  const groups = new Map<string, SharedFinding>();
  sections.forEach((section, i) => {
    const municipality = (shown[i] as ShownTeam).municipality;
    if (municipality === '') return;
    for (const f of section.findings) {
      const key = findingKey(municipality, f);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { kind: f.kind, slug: f.slug, ...labelOf(labels, f.slug), municipality, teams: [] }));
      g.teams.push({ teamId: section.teamId as number, name: section.name, finding: f });
    }
  });
  return [...groups.values()]
    .filter((g) => g.teams.length >= s.minTeamsShared)
    .sort((a, b) => b.teams.length - a.teams.length || collator.compare(a.labelNl, b.labelNl) || a.kind.localeCompare(b.kind));
}

/** True for a finding reported in the overall section together with other teams. */
export function isShared(d: Digest, teamId: number, f: Finding): boolean {
  return d.shared.some((g) => g.kind === f.kind && g.slug === f.slug && g.teams.some((t) => t.teamId === teamId));
}

function groupByTeam<T extends { teamId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.teamId);
    if (list) list.push(r);
    else out.set(r.teamId, [r]);
  }
  return out;
}

function primaryRows(input: DigestInput, shown: readonly ShownTeam[]): readonly SpendRow[] {
  if (shown.length === 1) return input.spend.filter((r) => r.teamId === (shown[0] as ShownTeam).teamId);
  if ((input.peers ?? []).length === 0) return input.spend;
  const ids = new Set(shown.map((t) => t.teamId));
  return input.spend.filter((r) => ids.has(r.teamId));
}

