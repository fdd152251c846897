// One section of the digest (a team, or all teams together) from its spend table and counts, and
// the small figures it needs: shares that add up to 100.0, nearest-rank percentiles, budget pace.
import { cents } from './money.js';
import { monthRange } from './time.js';
import { OTHER_SLUG, type CategoryCounts } from './recurrence.js';
import {
  TREND_MONTHS,
  type BudgetFigures,
  type CategoryLine,
  type CategoryTrend,
  type DigestInput,
  type DigestSection,
  type DigestTeamRow,
  type SpendRow,
  type TrendPoint,
} from './digestTypes.js';

const collator = new Intl.Collator('nl');
const HOUR_MS = 3_600_000;
/**
 * What the digest needs of one category's spends in a team (or all teams): the month's count
 * (`month`) and cents, and the counts in the windows the findings test (CategoryCounts).
 */
export interface CategorySpend extends CategoryCounts {
  monthCents: number;
}

/** One team's (or several teams') spend: category key ('' for none) → its figures. */
export type SpendTable = Map<string, CategorySpend>;


export type Labels = ReadonlyMap<string, { labelNl: string; labelEn: string }>;

export interface SectionContext {
  /** The loaded months, oldest first; the last is the reported month. */
  months: readonly string[];
  labels: Labels;
  elapsed: number;
}

export interface SectionInput {
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

export function buildSection(ctx: SectionContext, s: SectionInput): DigestSection {
  const categories: CategoryLine[] = [];
  let approvedCount = 0;
  let approvedCents = 0;
  let uncCount = 0;
  let uncCents = 0;
  for (const [key, spend] of s.spend) {
    const count = spend.month;
    const total = spend.monthCents;
    if (count !== 0 || total !== 0) {
      const { labelNl, labelEn } = labelOf(ctx.labels, key);
      categories.push({ slug: key === '' ? null : key, labelNl, labelEn, count, totalCents: cents(total), sharePct: 0 });
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
/** Spend per trend month, in all and per category (largest first). */
export function trendsOf(ctx: SectionContext, rows: readonly SpendRow[]): { trend: TrendPoint[]; categoryTrend: CategoryTrend[] } {
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

export function labelIndex(categories: DigestInput['categories']): Labels {
  const out = new Map<string, { labelNl: string; labelEn: string }>();
  for (const c of categories) if (!out.has(c.slug)) out.set(c.slug, { labelNl: c.labelNl, labelEn: c.labelEn });
  return out;
}

const UNCATEGORISED = Object.freeze({ labelNl: 'Zonder categorie', labelEn: 'Uncategorised' });

/** The labels of a category key ('' for none); an unknown slug is its own label. */
export function labelOf(labels: Labels, key: string): { readonly labelNl: string; readonly labelEn: string } {
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
