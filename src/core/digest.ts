// The monthly digest for managers: spend by category, the categories that stand out (findings),
// budget pace, outcomes and time to approval, per team and for all teams together.
//
// Pure: the store reads plain aggregates (DigestInput: one row per team, month and category, and
// small per-team counts) and this module turns them into figures, in four steps:
//   1. each team's spend as a table: category → the month's count and cents, and the counts in
//      the windows the findings test (spendTable);
//   2. the findings of every team, corrected per municipality (recurrence.ts);
//   3. one section per team shown, and one for all of them together (buildSection);
//   4. findings that several teams of one municipality share, for the managers' overall view.
// Money stays in integer cents; shares and percentages are numbers for display only.
import { cents, type Cents } from './money.js';
import { addMonthsKey, monthRange } from './time.js';
import { countInto, DEFAULT_FINDINGS, findingMonths, findPatterns, OTHER_SLUG, type CategoryCounts, type Finding, type FindingSettings, type TeamCounts } from './recurrence.js';

export { DEFAULT_FINDINGS, OTHER_SLUG, type FindingSettings } from './recurrence.js';
export { digestChartInput, chartInputFor, CHART_MAX_CATEGORIES, CHART_REST_SLUG } from './digestChart.js';

export type ClosedStatus = 'alternative' | 'withdrawn' | 'expired';

export interface DigestTeamRow {
  teamId: number;
  name: string;
  /** Teams of one municipality share this key (see the store); '' when unknown. */
  municipality?: string;
  /** When the team started (epoch ms); months before it are no history. Unknown: as old as the data. */
  createdAtMs?: number;
  /** The team's budget for the calendar year of the reported month; null when none was set. */
  annualBudgetCents: number | null;
  /** open + on_hold + approved + paid, created this calendar year up to the end of the month. */
  usedThisYearCents: number;
}

/** A team that is not shown but belongs to the municipality of one that is: compared with. */
export interface PeerTeamRow {
  teamId: number;
  municipality: string;
  createdAtMs?: number;
}

export interface SpendRow {
  teamId: number;
  month: string;
  categorySlug: string | null;
  count: number;
  totalCents: number;
}

export interface DigestInput {
  /** 'YYYY-MM', the reported month (Europe/Amsterdam). */
  month: string;
  /** When the digest is made; the pro-rata budget runs up to min(asOf, end of month). */
  asOf: Date;
  /** The teams shown, in the order shown. */
  teams: readonly DigestTeamRow[];
  /** The other teams of their municipalities (their spend rows are in `spend`). */
  peers?: readonly PeerTeamRow[];
  /** approved + paid, by approval month, for the reported month and the digestMonths() before it. */
  spend: readonly SpendRow[];
  /** Closed in the month. */
  closed: readonly { teamId: number; status: ClosedStatus; count: number }[];
  /** On hold now. */
  onHold: readonly { teamId: number; count: number }[];
  /** Awaiting approval now. */
  open: readonly { teamId: number; count: number; totalCents: number }[];
  /** Request → approval, one row per approval in the month. */
  approvalDurationsMs: readonly { teamId: number; ms: number }[];
  categories: readonly { slug: string; labelNl: string; labelEn: string }[];
  /** Requests approved in the month that had a suggested category, and how many kept it. Optional. */
  suggestions?: readonly { teamId: number; withSuggestion: number; kept: number }[];
}

/** How many months the trend (and the chart) covers, the reported month included. */
export const TREND_MONTHS = 6;

/** How many months of spend the digest needs (trend and findings), the reported month included. */
export function digestMonths(settings: FindingSettings = DEFAULT_FINDINGS): number {
  return Math.max(TREND_MONTHS, findingMonths(settings));
}

export interface CategoryLine {
  /** null: uncategorised. */
  slug: string | null;
  labelNl: string;
  labelEn: string;
  count: number;
  totalCents: Cents;
  /** Share of the month's approved total, in percent with one decimal; the shares add up to 100.0. */
  sharePct: number;
}

/** A finding with the category's labels, and how many other teams of the municipality share it. */
export type DigestFinding = Finding & { labelNl: string; labelEn: string; alsoInTeams: number };

/** The same finding in several teams of one municipality: reported once in the overall section. */
export interface SharedFinding {
  kind: Finding['kind'];
  slug: string;
  labelNl: string;
  labelEn: string;
  municipality: string;
  /** The teams shown that have it, in the digest's order. */
  teams: { teamId: number; name: string }[];
}

export interface TrendPoint {
  month: string;
  count: number;
  totalCents: Cents;
}

export interface CategoryTrend {
  slug: string | null;
  labelNl: string;
  labelEn: string;
  /** Per month of `Digest.trend`, oldest first. */
  counts: number[];
  cents: Cents[];
}

export interface BudgetFigures {
  /** Used this calendar year (up to the end of the month) by all teams in the section. */
  usedCents: Cents;
  /** Sum of the annual budgets that were set; null when no team in the section has one. */
  annualCents: Cents | null;
  /** Used by the teams that have a budget: the figure the percentages compare. */
  budgetedUsedCents: Cents;
  /** Teams in the section without an annual budget (left out of the percentages). */
  teamsWithoutBudget: number;
  /** Elapsed fraction of the calendar year at min(asOf, end of month), 0..1. */
  elapsedFraction: number;
  /** annual × elapsed fraction, rounded to whole cents. */
  proRataCents: Cents | null;
  /** budgetedUsed / annual × 100, one decimal. */
  usedPctOfAnnual: number | null;
  /** budgetedUsed / (annual × elapsed fraction) × 100, one decimal: 100 is exactly on pace. */
  usedPctOfProRata: number | null;
}

export interface OutcomeFigures {
  approved: number;
  alternative: number;
  withdrawn: number;
  expired: number;
  /** On hold now. */
  onHold: number;
  /** alternative / (alternative + approved) × 100, one decimal; null when both are 0. */
  alternativeSharePct: number | null;
}

export interface ApprovalTime {
  /** Number of approvals measured. */
  count: number;
  /** Nearest-rank median and 90th percentile; null without approvals. */
  medianMs: number | null;
  p90Ms: number | null;
  /** The same in hours, one decimal. */
  medianHours: number | null;
  p90Hours: number | null;
}

export interface SuggestionFigures {
  withSuggestion: number;
  kept: number;
  /** kept / withSuggestion × 100, one decimal; null without suggestions. */
  keptPct: number | null;
}

export interface DigestSection {
  scope: 'team' | 'all';
  /** null for the overall section. */
  teamId: number | null;
  /** Team name, or 'Alle teams'. */
  name: string;
  /** No approved spends and no requests closed in the month. */
  isEmpty: boolean;
  approved: { count: number; totalCents: Cents };
  /** The month's categories, largest total first (ties: by count, then Dutch label). */
  categories: CategoryLine[];
  /** The team's findings, strongest first; for the overall section see Digest.shared. */
  findings: DigestFinding[];
  budget: BudgetFigures;
  outcomes: OutcomeFigures;
  approvalTime: ApprovalTime;
  /** Awaiting approval now. */
  open: { count: number; totalCents: Cents };
  /** Spends in the month without a category or in 'overig': a hint to improve the category list. */
  uncategorised: { count: number; totalCents: Cents };
  suggestion: SuggestionFigures;
}

export interface Digest {
  month: string;
  asOf: Date;
  /** overall.isEmpty: no approved spends and no closed requests in the month, in any team. */
  isEmpty: boolean;
  settings: FindingSettings;
  /** All teams together ('Alle teams'). */
  overall: DigestSection;
  /** One section per team, in the order of `input.teams` (teams only seen in other rows follow by id). */
  teams: DigestSection[];
  /** Findings shared by at least settings.minTeamsShared teams shown of one municipality. */
  shared: SharedFinding[];
  /**
   * The primary section's spend over the previous TREND_MONTHS-1 months and this one, oldest first,
   * in all and per category (every category with spend in any of them, largest first): the text's
   * trend and the chart. Made for that section only: only it is shown (at national scale, trends
   * for every team cost as much as the rest of the digest).
   */
  trend: TrendPoint[];
  categoryTrend: CategoryTrend[];
}

export const OVERALL_NAME_NL = 'Alle teams';

const collator = new Intl.Collator('nl');
const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;
const HOUR_MS = 3_600_000;

/**
 * What the digest needs of one category's spends in a team (or all teams): the month's count
 * (`month`) and cents, and the counts in the windows the findings test (CategoryCounts).
 */
interface CategorySpend extends CategoryCounts {
  monthCents: number;
}

/** One team's (or several teams') spend: category key ('' for none) → its figures. */
type SpendTable = Map<string, CategorySpend>;

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

  // 1. The findings, municipality by municipality (its teams are compared and corrected together;
  //    their tables are made and dropped per municipality, so they never pile up in memory).
  const shown = shownTeams(input);
  const findings = new Map<number, Finding[]>();
  const sharedBy = new Map<string, number>();
  for (const [municipality, members] of byMunicipality(shown, input.peers ?? [])) {
    const counts = members.map((teamId) => teamCounts(teamId, municipality, spendTable(spendByTeam.get(teamId) ?? [], monthsAgo, history(teamId), settings), history(teamId)));
    for (const [teamId, list] of findPatterns(counts, settings)) {
      findings.set(teamId, list);
      for (const f of list) sharedBy.set(findingKey(municipality, f), (sharedBy.get(findingKey(municipality, f)) ?? 0) + 1);
    }
  }

  // 2. One section per team shown, with its findings and how many teams of its municipality share each.
  const overallSpend: SpendTable = new Map();
  const teams = shown.map((t) => {
    const table = spendTable(spendByTeam.get(t.teamId) ?? [], monthsAgo, history(t.teamId), settings);
    addMonthInto(overallSpend, table);
    const section = buildSection(ctx, {
      scope: 'team',
      teamId: t.teamId,
      name: t.name,
      teams: t.row ? [t.row] : [],
      spend: table,
      closed: byTeam.closed.get(t.teamId) ?? [],
      onHold: byTeam.onHold.get(t.teamId) ?? [],
      open: byTeam.open.get(t.teamId) ?? [],
      durations: byTeam.durations.get(t.teamId) ?? [],
      suggestions: byTeam.suggestions.get(t.teamId) ?? [],
    });
    const municipality = municipalityOf(t.teamId, t.municipality);
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
function shownTeams(input: DigestInput): ShownTeam[] {
  const out: ShownTeam[] = [];
  const seen = new Set<number>((input.peers ?? []).map((p) => p.teamId));
  for (const t of input.teams) {
    if (seen.has(t.teamId)) continue;
    seen.add(t.teamId);
    out.push({ teamId: t.teamId, name: t.name, municipality: t.municipality ?? '', row: t });
  }
  const others = new Set<number>();
  for (const rows of [input.spend, input.closed, input.onHold, input.open, input.approvalDurationsMs, input.suggestions ?? []]) {
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
      g.teams.push({ teamId: section.teamId as number, name: section.name });
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

// ── One section ───────────────────────────────────────────────────────────────────────────────

type Labels = ReadonlyMap<string, { labelNl: string; labelEn: string }>;

interface SectionContext {
  /** The loaded months, oldest first; the last is the reported month. */
  months: readonly string[];
  labels: Labels;
  elapsed: number;
}

interface SectionInput {
  scope: 'team' | 'all';
  teamId: number | null;
  name: string;
  teams: readonly DigestTeamRow[];
  spend: SpendTable;
  closed: DigestInput['closed'];
  onHold: DigestInput['onHold'];
  open: DigestInput['open'];
  durations: DigestInput['approvalDurationsMs'];
  suggestions: NonNullable<DigestInput['suggestions']>;
}

function buildSection(ctx: SectionContext, s: SectionInput): DigestSection {
  const categories: CategoryLine[] = [];
  let approvedCount = 0;
  let approvedCents = 0;
  let uncCount = 0;
  let uncCents = 0;
  for (const [key, spend] of s.spend) {
    const count = spend.month;
    const total = spend.monthCents;
    if (count !== 0 || total !== 0) {
      categories.push({ slug: key === '' ? null : key, ...labelOf(ctx.labels, key), count, totalCents: cents(total), sharePct: 0 });
      approvedCount += count;
      approvedCents += total;
      if (key === '' || key === OTHER_SLUG) {
        uncCount += count;
        uncCents += total;
      }
    }
  }
  const shares = sharesInTenths(categories.map(totalOf));
  categories.forEach((c, i) => (c.sharePct = (shares[i] as number) / 10));
  categories.sort(byTotalThenLabel);

  let alternative = 0;
  let withdrawn = 0;
  let expired = 0;
  for (const r of s.closed) {
    if (r.status === 'alternative') alternative += r.count;
    else if (r.status === 'withdrawn') withdrawn += r.count;
    else expired += r.count;
  }
  const decided = alternative + approvedCount;
  let onHold = 0;
  for (const r of s.onHold) onHold += r.count;
  let openCount = 0;
  let openCents = 0;
  for (const r of s.open) {
    openCount += r.count;
    openCents += r.totalCents;
  }
  let withSuggestion = 0;
  let kept = 0;
  for (const r of s.suggestions) {
    withSuggestion += r.withSuggestion;
    kept += r.kept;
  }
  const durations = s.durations.map(msOf).sort(ascending);
  const medianMs = nearestRankOfSorted(durations, 50);
  const p90Ms = nearestRankOfSorted(durations, 90);

  return {
    scope: s.scope,
    teamId: s.teamId,
    name: s.name,
    isEmpty: approvedCount === 0 && approvedCents === 0 && alternative + withdrawn + expired === 0,
    approved: { count: approvedCount, totalCents: cents(approvedCents) },
    categories,
    findings: [],
    budget: budgetFigures(s.teams, ctx.elapsed),
    outcomes: { approved: approvedCount, alternative, withdrawn, expired, onHold, alternativeSharePct: decided > 0 ? round1((alternative / decided) * 100) : null },
    approvalTime: {
      count: durations.length,
      medianMs,
      p90Ms,
      medianHours: medianMs === null ? null : round1(medianMs / HOUR_MS),
      p90Hours: p90Ms === null ? null : round1(p90Ms / HOUR_MS),
    },
    open: { count: openCount, totalCents: cents(openCents) },
    uncategorised: { count: uncCount, totalCents: cents(uncCents) },
    suggestion: { withSuggestion, kept, keptPct: withSuggestion > 0 ? round1((kept / withSuggestion) * 100) : null },
  };
}

/** The spend rows of the primary section: its one team's, or those of every team shown. */
function primaryRows(input: DigestInput, shown: readonly ShownTeam[]): readonly SpendRow[] {
  if (shown.length === 1) return input.spend.filter((r) => r.teamId === (shown[0] as ShownTeam).teamId);
  if ((input.peers ?? []).length === 0) return input.spend;
  const ids = new Set(shown.map((t) => t.teamId));
  return input.spend.filter((r) => ids.has(r.teamId));
}

/** Spend per trend month, in all and per category (largest first). */
function trendsOf(ctx: SectionContext, rows: readonly SpendRow[]): { trend: TrendPoint[]; categoryTrend: CategoryTrend[] } {
  const months = ctx.months.slice(ctx.months.length - TREND_MONTHS);
  const at = new Map(months.map((m, i) => [m, i]));
  const trend = months.map((month) => ({ month, count: 0, totalCents: cents(0) }));
  const byCategory = new Map<string, CategoryTrend>();
  for (const r of rows) {
    const i = at.get(r.month);
    if (i === undefined) continue;
    const point = trend[i] as TrendPoint;
    point.count += r.count;
    point.totalCents = cents(point.totalCents + r.totalCents);
    const key = r.categorySlug ?? '';
    let t = byCategory.get(key);
    if (!t) {
      t = { slug: r.categorySlug, ...labelOf(ctx.labels, key), counts: months.map(() => 0), cents: months.map(() => cents(0)) };
      byCategory.set(key, t);
    }
    t.counts[i] = (t.counts[i] as number) + r.count;
    t.cents[i] = cents((t.cents[i] as number) + r.totalCents);
  }
  const categoryTrend = [...byCategory.values()].filter((t) => t.counts.some((c) => c !== 0) || t.cents.some((c) => c !== 0));
  return { trend, categoryTrend: categoryTrend.sort(byTrendTotalThenLabel) };
}

const totalOf = (c: CategoryLine): number => c.totalCents;
const msOf = (r: { ms: number }): number => r.ms;

function byTotalThenLabel(a: CategoryLine, b: CategoryLine): number {
  return b.totalCents - a.totalCents || b.count - a.count || collator.compare(a.labelNl, b.labelNl);
}

function byTrendTotalThenLabel(a: CategoryTrend, b: CategoryTrend): number {
  return sum(b.cents) - sum(a.cents) || collator.compare(a.labelNl, b.labelNl);
}

function budgetFigures(teams: readonly DigestTeamRow[], elapsed: number): BudgetFigures {
  let used = 0;
  let budgetedUsed = 0;
  let annual = 0;
  let withBudget = 0;
  for (const t of teams) {
    used += t.usedThisYearCents;
    if (t.annualBudgetCents === null) continue;
    budgetedUsed += t.usedThisYearCents;
    annual += t.annualBudgetCents;
    withBudget++;
  }
  const hasBudget = withBudget > 0;
  const proRataExact = annual * elapsed;
  return {
    usedCents: cents(used),
    annualCents: hasBudget ? cents(annual) : null,
    budgetedUsedCents: cents(budgetedUsed),
    teamsWithoutBudget: teams.length - withBudget,
    elapsedFraction: elapsed,
    proRataCents: hasBudget ? cents(Math.round(proRataExact)) : null,
    usedPctOfAnnual: hasBudget && annual > 0 ? round1((budgetedUsed / annual) * 100) : null,
    usedPctOfProRata: hasBudget && proRataExact > 0 ? round1((budgetedUsed / proRataExact) * 100) : null,
  };
}

// ── Small helpers ─────────────────────────────────────────────────────────────────────────────

function labelIndex(categories: DigestInput['categories']): Labels {
  const out = new Map<string, { labelNl: string; labelEn: string }>();
  for (const c of categories) if (!out.has(c.slug)) out.set(c.slug, { labelNl: c.labelNl, labelEn: c.labelEn });
  return out;
}

const UNCATEGORISED = Object.freeze({ labelNl: 'Zonder categorie', labelEn: 'Uncategorised' });

/** The labels of a category key ('' for none); an unknown slug is its own label. */
function labelOf(labels: Labels, key: string): { readonly labelNl: string; readonly labelEn: string } {
  if (key === '') return UNCATEGORISED;
  return labels.get(key) ?? { labelNl: key, labelEn: key };
}

function ascending(a: number, b: number): number {
  return a - b;
}

function sum(list: readonly number[]): number {
  let s = 0;
  for (const n of list) s += n;
  return s;
}

/** One decimal, for display. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Shares in tenths of a percent (integers) that add up to exactly 1000, by the largest
 * remainder method on integer cents. All zero when the total is not positive.
 */
export function sharesInTenths(totals: readonly number[]): number[] {
  const total = totals.reduce((s, n) => s + n, 0);
  if (total <= 0) return totals.map(() => 0);
  if (totals.length === 1) return [1000];
  const floors = totals.map((t) => Math.floor((t * 1000) / total));
  const remainders = totals.map((t, i) => ({ i, r: t * 1000 - (floors[i] ?? 0) * total }));
  let left = 1000 - floors.reduce((s, n) => s + n, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

/** Nearest-rank percentile (p in 0..100]: the value at rank ceil(p/100 × n) of the sorted list. */
export function nearestRank(values: readonly number[], p: number): number | null {
  return nearestRankOfSorted([...values].sort(ascending), p);
}

function nearestRankOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/**
 * Elapsed fraction of the calendar year of `month` (Europe/Amsterdam) at min(asOf, end of month):
 * the usage figure runs to the end of the month, so a digest made later is compared to the same date.
 */
export function elapsedFraction(month: string, asOf: Date): number {
  const year = month.slice(0, 4);
  const start = monthRange(`${year}-01`).start.getTime();
  const end = monthRange(`${year}-12`).end.getTime();
  const at = Math.min(asOf.getTime(), monthRange(month).end.getTime());
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

/** The section the chart and the full text are about: the only team, or all teams together. */
export function primarySection(d: Digest): DigestSection {
  return d.teams.length === 1 && d.teams[0] ? d.teams[0] : d.overall;
}
