// The monthly digest for managers: spend by category, recurring categories, budget pace,
// outcomes and time to approval, per team and for all teams together.
//
// Pure: the store computes SQL aggregates (see DigestInput) and this module turns them into
// figures. Money stays in integer cents; shares and percentages are numbers for display only.
import { cents, type Cents } from './money.js';
import { addMonthsKey, monthRange, yearRange } from './time.js';
import { monthShortNl, REST_COLOR, type SpendChartInput } from './chartSvg.js';

export type ClosedStatus = 'alternative' | 'withdrawn' | 'expired';

export interface DigestTeamRow {
  teamId: number;
  name: string;
  /** The team's budget for the calendar year of the reported month; null when none was set. */
  annualBudgetCents: number | null;
  /** open + on_hold + approved + paid, created this calendar year up to the end of the month. */
  usedThisYearCents: number;
}

export interface DigestInput {
  /** 'YYYY-MM', the reported month (Europe/Amsterdam). */
  month: string;
  /** When the digest is made; the pro-rata budget runs up to min(asOf, end of month). */
  asOf: Date;
  teams: readonly DigestTeamRow[];
  /**
   * approved + paid, by approval month, for the reported month and (at least) the months before it
   * that the trend (TREND_MONTHS) and the recurrence rule (windowMonths, previous 3) look at.
   */
  spend: readonly { teamId: number; month: string; categorySlug: string | null; count: number; totalCents: number }[];
  /** Closed in the month. */
  closed: readonly { teamId: number; status: ClosedStatus; count: number }[];
  /** On hold now. */
  onHold: readonly { teamId: number; count: number }[];
  /** Awaiting approval now. */
  open: readonly { teamId: number; count: number; totalCents: number }[];
  /** Request → approval, one row per approval in the month. */
  approvalDurationsMs: readonly { teamId: number; ms: number }[];
  categories: readonly { slug: string; labelNl: string; labelEn: string }[];
  /**
   * Requests approved in the month that had a suggested category, and how many of them kept it
   * (chosen category = suggested). Optional: without it the accuracy is not reported.
   */
  suggestions?: readonly { teamId: number; withSuggestion: number; kept: number }[];
}

export interface RecurrenceRule {
  /** Flag when the category occurs at least this often in the month. */
  minCountInMonth: number;
  /** Flag when the category occurs in at least this many of the last `windowMonths` months. */
  minMonthsPresent: number;
  /** The window for `minMonthsPresent`, counting the reported month. */
  windowMonths: number;
  /** Flag when the count is at least this factor times the average of the previous 3 months… */
  growthFactor: number;
  /** …and at least this count. */
  minCountForGrowth: number;
}

export const DEFAULT_RECURRENCE: RecurrenceRule = Object.freeze({
  minCountInMonth: 4,
  minMonthsPresent: 3,
  windowMonths: 6,
  growthFactor: 2,
  minCountForGrowth: 3,
});

/** The slug people pick when nothing fits; reported with the uncategorised spends. */
export const OTHER_SLUG = 'overig';

/** How many months the trend (and the chart) covers, the reported month included. */
export const TREND_MONTHS = 6;

/** The chart shows at most this many named categories; the rest is grouped. */
export const CHART_MAX_CATEGORIES = 7;

/** Slug of the grouped rest in chart series ("Overig / zonder categorie"). */
export const CHART_REST_SLUG = '_rest';

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

export type RecurrenceReason =
  | { rule: 'count'; count: number; threshold: number }
  | { rule: 'months'; monthsPresent: number; windowMonths: number; threshold: number }
  | {
      rule: 'growth';
      count: number;
      /** Average count of the previous 3 months (0 when the category did not occur). */
      previousAverage: number;
      factor: number;
    };

export interface RecurringCategory {
  slug: string;
  labelNl: string;
  labelEn: string;
  count: number;
  totalCents: Cents;
  /** Each rule that fired, in the order count, months, growth. Never empty. */
  reasons: RecurrenceReason[];
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
  /** Per month of `DigestSection.trend`, oldest first. */
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

export interface DigestSection {
  scope: 'team' | 'all';
  /** null for the overall section. */
  teamId: number | null;
  /** Team name, or 'Alle teams'. */
  name: string;
  /** No approved spends and no requests closed in the month. */
  isEmpty: boolean;
  approved: { count: number; totalCents: Cents };
  /** The month's categories, largest total first (ties: by Dutch label). */
  categories: CategoryLine[];
  recurring: RecurringCategory[];
  /** The previous TREND_MONTHS-1 months and this one, oldest first. */
  trend: TrendPoint[];
  /** Per category over the trend months (every category with spend in any of them), largest first. */
  categoryTrend: CategoryTrend[];
  budget: BudgetFigures;
  outcomes: OutcomeFigures;
  approvalTime: ApprovalTime;
  /** Awaiting approval now. */
  open: { count: number; totalCents: Cents };
  /** Spends in the month without a category or in 'overig': a hint to improve the category list. */
  uncategorised: { count: number; totalCents: Cents };
  /** How often the suggested category was kept, for spends approved in the month that had one. */
  suggestion: SuggestionFigures;
}

export interface SuggestionFigures {
  withSuggestion: number;
  kept: number;
  /** kept / withSuggestion × 100, one decimal; null without suggestions. */
  keptPct: number | null;
}

export interface Digest {
  month: string;
  asOf: Date;
  /** overall.isEmpty: no approved spends and no closed requests in the month, in any team. */
  isEmpty: boolean;
  rule: RecurrenceRule;
  /** All teams together ('Alle teams'). */
  overall: DigestSection;
  /** One section per team, in the order of `input.teams` (teams only seen in other rows follow by id). */
  teams: DigestSection[];
}

export const OVERALL_NAME_NL = 'Alle teams';

const collator = new Intl.Collator('nl');

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;
const HOUR_MS = 3_600_000;

/** Turn the store's aggregates into the digest. */
export function buildDigest(input: DigestInput, rule: RecurrenceRule = DEFAULT_RECURRENCE): Digest {
  if (!MONTH_KEY.test(input.month)) throw new RangeError(`buildDigest: bad month key ${input.month}`);
  const labels = new Map(input.categories.map((c) => [c.slug, c]));

  // Team order: the input's teams first, then ids only seen in other rows.
  const teamIds: number[] = [...new Set(input.teams.map((t) => t.teamId))];
  const seen = new Set(teamIds);
  const others = new Set<number>();
  for (const rows of [input.spend, input.closed, input.onHold, input.open, input.approvalDurationsMs, input.suggestions ?? []]) {
    for (const r of rows) if (!seen.has(r.teamId)) others.add(r.teamId);
  }
  teamIds.push(...[...others].sort((a, b) => a - b));

  const elapsed = elapsedFraction(input.month, input.asOf);
  const ctx: Ctx = {
    month: input.month,
    windowMonths: Array.from({ length: Math.max(0, rule.windowMonths) }, (_, i) => addMonthsKey(input.month, -i)),
    previous3: [1, 2, 3].map((i) => addMonthsKey(input.month, -i)),
    trendMonths: Array.from({ length: TREND_MONTHS }, (_, i) => addMonthsKey(input.month, i - (TREND_MONTHS - 1))),
    rule,
    labels,
    elapsed,
  };

  // One pass to split the rows by team, so the work stays linear in the number of rows.
  const byTeam = new Map<number, MutableRows>(teamIds.map((id) => [id, emptyRows()]));
  const part = (id: number): MutableRows => byTeam.get(id) as MutableRows;
  for (const r of input.teams) part(r.teamId).teams.push(r);
  for (const r of input.spend) part(r.teamId).spend.push(r);
  for (const r of input.closed) part(r.teamId).closed.push(r);
  for (const r of input.onHold) part(r.teamId).onHold.push(r);
  for (const r of input.open) part(r.teamId).open.push(r);
  for (const r of input.approvalDurationsMs) part(r.teamId).approvalDurationsMs.push(r);
  for (const r of input.suggestions ?? []) part(r.teamId).suggestions.push(r);

  const teams = teamIds.map((id) => {
    const rows = part(id);
    return buildSection(ctx, rows, 'team', id, rows.teams[0]?.name ?? `Team ${id}`);
  });
  const overall = buildSection(ctx, { ...input, suggestions: input.suggestions ?? [] }, 'all', null, OVERALL_NAME_NL);
  return { month: input.month, asOf: input.asOf, isEmpty: overall.isEmpty, rule, overall, teams };
}

type RowKey = 'teams' | 'spend' | 'closed' | 'onHold' | 'open' | 'approvalDurationsMs' | 'suggestions';
type Rows = {
  [K in RowKey]: readonly NonNullable<DigestInput[K]>[number][];
};
type MutableRows = { [K in keyof Rows]: NonNullable<DigestInput[K]>[number][] };

function emptyRows(): MutableRows {
  return { teams: [], spend: [], closed: [], onHold: [], open: [], approvalDurationsMs: [], suggestions: [] };
}

interface Ctx {
  month: string;
  /** The reported month and the windowMonths - 1 before it. */
  windowMonths: readonly string[];
  /** The 3 months before the reported month. */
  previous3: readonly string[];
  /** TREND_MONTHS months, oldest first. */
  trendMonths: readonly string[];
  rule: RecurrenceRule;
  labels: Map<string, { slug: string; labelNl: string; labelEn: string }>;
  elapsed: number;
}

function buildSection(ctx: Ctx, input: Rows, scope: 'team' | 'all', teamId: number | null, name: string): DigestSection {
  const { month, rule } = ctx;

  // Per category per month (count, cents). The null slug is keyed as ''.
  const byCat = new Map<string, Map<string, { count: number; total: number }>>();
  for (const r of input.spend) {
    const key = r.categorySlug ?? '';
    let months = byCat.get(key);
    if (!months) byCat.set(key, (months = new Map()));
    const cell = months.get(r.month) ?? { count: 0, total: 0 };
    cell.count += r.count;
    cell.total = cents(cell.total + r.totalCents);
    months.set(r.month, cell);
  }
  const countIn = (key: string, m: string): number => byCat.get(key)?.get(m)?.count ?? 0;
  const centsIn = (key: string, m: string): number => byCat.get(key)?.get(m)?.total ?? 0;
  const label = (key: string): { labelNl: string; labelEn: string } => labelOf(ctx, key === '' ? null : key);

  // The month's categories with shares that add up to exactly 100.0.
  const monthCats = [...byCat.keys()]
    .map((key) => ({ key, count: countIn(key, month), total: centsIn(key, month) }))
    .filter((c) => c.count > 0 || c.total !== 0);
  const monthTotal = monthCats.reduce((s, c) => s + c.total, 0);
  const monthCount = monthCats.reduce((s, c) => s + c.count, 0);
  const shares = sharesInTenths(monthCats.map((c) => c.total));
  const categories: CategoryLine[] = monthCats
    .map((c, i) => ({
      slug: c.key === '' ? null : c.key,
      ...label(c.key),
      count: c.count,
      totalCents: cents(c.total),
      sharePct: (shares[i] ?? 0) / 10,
    }))
    .sort(byTotalThenLabel);

  // Recurring categories.
  const recurring: RecurringCategory[] = [];
  for (const c of monthCats) {
    if (c.key === '' || c.key === OTHER_SLUG || c.count <= 0) continue;
    const reasons: RecurrenceReason[] = [];
    if (c.count >= rule.minCountInMonth) {
      reasons.push({ rule: 'count', count: c.count, threshold: rule.minCountInMonth });
    }
    let present = 0;
    for (const m of ctx.windowMonths) if (countIn(c.key, m) > 0) present++;
    if (present >= rule.minMonthsPresent) {
      reasons.push({ rule: 'months', monthsPresent: present, windowMonths: rule.windowMonths, threshold: rule.minMonthsPresent });
    }
    const prev3 = ctx.previous3.reduce((s, m) => s + countIn(c.key, m), 0);
    // count ≥ factor × (prev3 / 3), compared without dividing.
    if (c.count >= rule.minCountForGrowth && c.count * 3 >= rule.growthFactor * prev3) {
      reasons.push({ rule: 'growth', count: c.count, previousAverage: round1(prev3 / 3), factor: rule.growthFactor });
    }
    if (reasons.length > 0) {
      recurring.push({ slug: c.key, ...label(c.key), count: c.count, totalCents: cents(c.total), reasons });
    }
  }
  recurring.sort((a, b) => b.count - a.count || b.totalCents - a.totalCents || collator.compare(a.labelNl, b.labelNl));

  // Trend over the last TREND_MONTHS months.
  const trendMonths = ctx.trendMonths;
  const trend: TrendPoint[] = trendMonths.map((m) => {
    let count = 0;
    let total = 0;
    for (const key of byCat.keys()) {
      count += countIn(key, m);
      total += centsIn(key, m);
    }
    return { month: m, count, totalCents: cents(total) };
  });
  const categoryTrend: CategoryTrend[] = [...byCat.keys()]
    .map((key) => ({
      slug: key === '' ? null : key,
      ...label(key),
      counts: trendMonths.map((m) => countIn(key, m)),
      cents: trendMonths.map((m) => cents(centsIn(key, m))),
    }))
    .filter((t) => t.counts.some((n) => n > 0) || t.cents.some((c) => c !== 0))
    .sort((a, b) => sum(b.cents) - sum(a.cents) || collator.compare(a.labelNl, b.labelNl));

  // Budget.
  const teamRows = input.teams;
  let used = 0;
  let budgetedUsed = 0;
  let annual = 0;
  let withBudget = 0;
  for (const t of teamRows) {
    used += t.usedThisYearCents;
    if (t.annualBudgetCents !== null) {
      annual += t.annualBudgetCents;
      budgetedUsed += t.usedThisYearCents;
      withBudget++;
    }
  }
  const hasBudget = withBudget > 0;
  const proRataExact = annual * ctx.elapsed;
  const budget: BudgetFigures = {
    usedCents: cents(used),
    annualCents: hasBudget ? cents(annual) : null,
    budgetedUsedCents: cents(budgetedUsed),
    teamsWithoutBudget: teamRows.length - withBudget,
    elapsedFraction: ctx.elapsed,
    proRataCents: hasBudget ? cents(Math.round(proRataExact)) : null,
    usedPctOfAnnual: hasBudget && annual > 0 ? round1((budgetedUsed / annual) * 100) : null,
    usedPctOfProRata: hasBudget && proRataExact > 0 ? round1((budgetedUsed / proRataExact) * 100) : null,
  };

  // Outcomes.
  const closedCount = (status: ClosedStatus): number =>
    input.closed.filter((r) => r.status === status).reduce((s, r) => s + r.count, 0);
  const alternative = closedCount('alternative');
  const decided = alternative + monthCount;
  const outcomes: OutcomeFigures = {
    approved: monthCount,
    alternative,
    withdrawn: closedCount('withdrawn'),
    expired: closedCount('expired'),
    onHold: input.onHold.reduce((s, r) => s + r.count, 0),
    alternativeSharePct: decided > 0 ? round1((alternative / decided) * 100) : null,
  };

  // Time to approval.
  const durations = input.approvalDurationsMs.map((r) => r.ms);
  const medianMs = nearestRank(durations, 50);
  const p90Ms = nearestRank(durations, 90);
  const approvalTime: ApprovalTime = {
    count: durations.length,
    medianMs,
    p90Ms,
    medianHours: medianMs === null ? null : round1(medianMs / HOUR_MS),
    p90Hours: p90Ms === null ? null : round1(p90Ms / HOUR_MS),
  };

  const openRows = input.open;
  const open = {
    count: openRows.reduce((s, r) => s + r.count, 0),
    totalCents: cents(openRows.reduce((s, r) => s + r.totalCents, 0)),
  };

  const unc = monthCats.filter((c) => c.key === '' || c.key === OTHER_SLUG);
  const uncategorised = {
    count: unc.reduce((s, c) => s + c.count, 0),
    totalCents: cents(unc.reduce((s, c) => s + c.total, 0)),
  };

  const withSuggestion = input.suggestions.reduce((n, r) => n + r.withSuggestion, 0);
  const kept = input.suggestions.reduce((n, r) => n + r.kept, 0);
  const suggestion: SuggestionFigures = {
    withSuggestion,
    kept,
    keptPct: withSuggestion > 0 ? round1((kept / withSuggestion) * 100) : null,
  };

  const closedTotal = outcomes.alternative + outcomes.withdrawn + outcomes.expired;
  return {
    scope,
    teamId,
    name,
    isEmpty: monthCount === 0 && monthTotal === 0 && closedTotal === 0,
    approved: { count: monthCount, totalCents: cents(monthTotal) },
    categories,
    recurring,
    trend,
    categoryTrend,
    budget,
    outcomes,
    approvalTime,
    open,
    uncategorised,
    suggestion,
  };
}

function labelOf(ctx: Ctx, slug: string | null): { labelNl: string; labelEn: string } {
  if (slug === null) return { labelNl: 'Zonder categorie', labelEn: 'Uncategorised' };
  const c = ctx.labels.get(slug);
  return c ? { labelNl: c.labelNl, labelEn: c.labelEn } : { labelNl: slug, labelEn: slug };
}

function byTotalThenLabel(a: CategoryLine, b: CategoryLine): number {
  return b.totalCents - a.totalCents || b.count - a.count || collator.compare(a.labelNl, b.labelNl);
}

function sum(list: readonly number[]): number {
  return list.reduce((s, n) => s + n, 0);
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
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/**
 * Elapsed fraction of the calendar year of `month` (Europe/Amsterdam) at min(asOf, end of month):
 * the usage figure runs to the end of the month, so a digest made later is compared to the same date.
 */
export function elapsedFraction(month: string, asOf: Date): number {
  const { start, end } = yearRange(Number(month.slice(0, 4)));
  const at = Math.min(asOf.getTime(), monthRange(month).end.getTime());
  return Math.min(1, Math.max(0, (at - start.getTime()) / (end.getTime() - start.getTime())));
}

/**
 * The chart input for one section: the trend months, the CHART_MAX_CATEGORIES largest named
 * categories, and the rest (other categories, 'overig' and uncategorised) as one series.
 */
export function chartInputFor(section: DigestSection, lang: 'nl' | 'en', title: string): SpendChartInput {
  const months = section.trend.map((t) => t.month);
  const named = section.categoryTrend.filter((t) => t.slug !== null && t.slug !== OTHER_SLUG);
  const top = named.slice(0, CHART_MAX_CATEGORIES);
  const rest = section.categoryTrend.filter((t) => !top.includes(t));
  const series: SpendChartInput['series'] = top.map((t) => ({
    slug: t.slug ?? '',
    label: lang === 'nl' ? t.labelNl : t.labelEn,
    cents: [...t.cents],
  }));
  if (rest.length > 0) {
    series.push({
      slug: CHART_REST_SLUG,
      label: lang === 'nl' ? 'Overig / zonder categorie' : 'Other / uncategorised',
      cents: months.map((_, i) => rest.reduce((s, t) => s + (t.cents[i] ?? 0), 0)),
      color: REST_COLOR,
    });
  }
  return { months, series, title };
}

/** The section the chart and the full text are about: the only team, or all teams together. */
export function primarySection(d: Digest): DigestSection {
  return d.teams.length === 1 && d.teams[0] ? d.teams[0] : d.overall;
}

/** The chart of the digest's primary section, titled in Dutch (or English). */
export function digestChartInput(d: Digest, lang: 'nl' | 'en' = 'nl'): SpendChartInput {
  const s = primarySection(d);
  const first = s.trend[0]?.month ?? d.month;
  const name = s.scope === 'all' && lang === 'en' ? 'All teams' : s.name;
  const title =
    lang === 'nl'
      ? `Uitgaven per categorie, ${monthShortNl(first)} t/m ${monthShortNl(d.month)} — ${name}`
      : `Spend by category, ${monthShortNl(first)} to ${monthShortNl(d.month)} — ${name}`;
  return chartInputFor(s, lang, title);
}
