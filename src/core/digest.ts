// The monthly digest for managers: spend by category, recurring categories, budget pace,
// outcomes and time to approval, per team and for all teams together.
//
// Pure: the store computes SQL aggregates (see DigestInput) and this module turns them into
// figures. Money stays in integer cents; shares and percentages are numbers for display only.
import { cents, type Cents } from './money.js';
import { addMonthsKey, monthRange } from './time.js';
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

type SpendRow = DigestInput['spend'][number];

/**
 * DigestInput.spend as columns: row i is { teamId: teamId[i], month: months[month[i]],
 * categorySlug: slugs[slug[i]], count: count[i], totalCents: cents[i] }. The store's loader gives
 * spend this way (withSpendColumns), so ~60,000 rows at national scale need not each be an object.
 */
export interface SpendColumns {
  readonly length: number;
  readonly teamId: ArrayLike<number>;
  readonly month: ArrayLike<number>;
  readonly months: readonly string[];
  readonly slug: ArrayLike<number>;
  readonly slugs: readonly (string | null)[];
  readonly count: ArrayLike<number>;
  readonly cents: ArrayLike<number>;
}

const SPEND_COLUMNS = Symbol('spend columns');

/**
 * `input` with its spend replaced by `columns`: buildDigest reads the columns; `input.spend` gives
 * the rows, made on first read (setting it drops the columns; a spread copies the rows).
 */
export function withSpendColumns<T extends DigestInput>(input: T, columns: SpendColumns): T {
  let rows: readonly SpendRow[] | undefined;
  Object.defineProperty(input, SPEND_COLUMNS, { value: columns, configurable: true });
  Object.defineProperty(input, 'spend', {
    get: () => (rows ??= spendRowsOf(columns)),
    set: (value: readonly SpendRow[]) => {
      rows = value;
      delete (input as { [SPEND_COLUMNS]?: SpendColumns })[SPEND_COLUMNS];
    },
    enumerable: true,
    configurable: true,
  });
  return input;
}

function spendColumnsIn(input: DigestInput): SpendColumns {
  return (input as { [SPEND_COLUMNS]?: SpendColumns })[SPEND_COLUMNS] ?? spendColumnsOf(input.spend);
}

function spendRowsOf(c: SpendColumns): SpendRow[] {
  const rows: SpendRow[] = [];
  for (let i = 0; i < c.length; i++) {
    rows.push({
      teamId: c.teamId[i] as number,
      month: c.months[c.month[i] as number] as string,
      categorySlug: c.slugs[c.slug[i] as number] as string | null,
      count: c.count[i] as number,
      totalCents: c.cents[i] as number,
    });
  }
  return rows;
}

function spendColumnsOf(rows: readonly SpendRow[]): SpendColumns {
  const months: string[] = [];
  const slugs: (string | null)[] = [];
  const monthOf = new Map<string, number>();
  const slugOf = new Map<string | null, number>();
  const month = new Int32Array(rows.length);
  const slug = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    let m = monthOf.get(r.month);
    if (m === undefined) monthOf.set(r.month, (m = months.push(r.month) - 1));
    let k = slugOf.get(r.categorySlug);
    if (k === undefined) slugOf.set(r.categorySlug, (k = slugs.push(r.categorySlug) - 1));
    month[i] = m;
    slug[i] = k;
  });
  return {
    length: rows.length,
    teamId: rows.map((r) => r.teamId),
    month,
    months,
    slug,
    slugs,
    count: rows.map((r) => r.count),
    cents: rows.map((r) => r.totalCents),
  };
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

// Speed at national scale (10,000 teams, bench section 3): each input list is grouped by team once
// (a counting sort), spend is summed in typed arrays reused from section to section, and the
// helpers are plain functions rather than closures (the bench and the CLI run through tsx, which
// names each closure it creates with a defineProperty call).

/** Turn the store's aggregates into the digest. */
export function buildDigest(input: DigestInput, rule: RecurrenceRule = DEFAULT_RECURRENCE): Digest {
  if (!MONTH_KEY.test(input.month)) throw new RangeError(`buildDigest: bad month key ${input.month}`);
  const suggestions = input.suggestions ?? [];
  const spend = spendColumnsIn(input);

  // Team order: the input's teams first, then ids only seen in other rows. Slot = place in that order.
  const teamIds: number[] = [];
  const slotOf = new Map<number, number>();
  for (const t of input.teams) if (!slotOf.has(t.teamId)) slotOf.set(t.teamId, teamIds.push(t.teamId) - 1);
  const others = new Set<number>();
  for (let i = 0; i < spend.length; i++) if (!slotOf.has(spend.teamId[i] as number)) others.add(spend.teamId[i] as number);
  for (const rows of [input.closed, input.onHold, input.open, input.approvalDurationsMs, suggestions]) {
    for (const r of rows) if (!slotOf.has(r.teamId)) others.add(r.teamId);
  }
  for (const id of [...others].sort((a, b) => a - b)) slotOf.set(id, teamIds.push(id) - 1);

  const ctx = digestContext(input, spend, rule);
  const byTeam: SectionInput = {
    teams: groupByTeam(input.teams, slotOf, teamIds.length),
    spend: groupBySlot(spend, slotsOfIds(spend.teamId, spend.length, slotOf), teamIds.length),
    closed: groupByTeam(input.closed, slotOf, teamIds.length),
    onHold: groupByTeam(input.onHold, slotOf, teamIds.length),
    open: groupByTeam(input.open, slotOf, teamIds.length),
    approvalDurationsMs: groupByTeam(input.approvalDurationsMs, slotOf, teamIds.length),
    suggestions: groupByTeam(suggestions, slotOf, teamIds.length),
  };
  const teams: DigestSection[] = [];
  for (let slot = 0; slot < teamIds.length; slot++) {
    const id = teamIds[slot] as number;
    const first = byTeam.teams.start[slot] as number;
    const name = first < (byTeam.teams.start[slot + 1] as number) ? rowOf(byTeam.teams, first).name : `Team ${id}`;
    teams.push(buildSection(ctx, byTeam, slot, 'team', id, name, teamIds.length > 1));
  }
  // One team: its group already holds every row, in input order.
  const together: SectionInput = teamIds.length === 1 ? byTeam : {
    teams: oneGroup(input.teams, input.teams.length),
    spend: oneGroup(spend, spend.length),
    closed: oneGroup(input.closed, input.closed.length),
    onHold: oneGroup(input.onHold, input.onHold.length),
    open: oneGroup(input.open, input.open.length),
    approvalDurationsMs: oneGroup(input.approvalDurationsMs, input.approvalDurationsMs.length),
    suggestions: oneGroup(suggestions, suggestions.length),
  };
  const overall = buildSection(ctx, together, 0, 'all', null, OVERALL_NAME_NL, false);
  return { month: input.month, asOf: input.asOf, isEmpty: overall.isEmpty, rule, overall, teams };
}

/** A list's rows grouped by section: group k is row order[i] for start[k] ≤ i < start[k + 1], in list order. */
interface Grouped<L> {
  list: L;
  order: Int32Array;
  start: Int32Array;
}

/** Group k's rows are rowOf(g, i) for firstOf(g, k) ≤ i < endOf(g, k). */
function firstOf(g: Grouped<unknown>, group: number): number {
  return g.start[group] as number;
}

function endOf(g: Grouped<unknown>, group: number): number {
  return g.start[group + 1] as number;
}

function rowOf<T>(g: Grouped<readonly T[]>, i: number): T {
  return g.list[g.order[i] as number] as T;
}

interface SectionInput {
  teams: Grouped<readonly DigestTeamRow[]>;
  spend: Grouped<SpendColumns>;
  closed: Grouped<DigestInput['closed']>;
  onHold: Grouped<DigestInput['onHold']>;
  open: Grouped<DigestInput['open']>;
  approvalDurationsMs: Grouped<DigestInput['approvalDurationsMs']>;
  suggestions: Grouped<NonNullable<DigestInput['suggestions']>>;
}

/** One group per team slot: a counting sort, linear in the rows. */
function groupByTeam<T extends { teamId: number }>(list: readonly T[], slotOf: ReadonlyMap<number, number>, slots: number): Grouped<readonly T[]> {
  const slotOfRow = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) slotOfRow[i] = slotOf.get((list[i] as T).teamId) as number;
  return groupBySlot(list, slotOfRow, slots);
}

function slotsOfIds(teamIds: ArrayLike<number>, length: number, slotOf: ReadonlyMap<number, number>): Int32Array {
  const slotOfRow = new Int32Array(length);
  for (let i = 0; i < length; i++) slotOfRow[i] = slotOf.get(teamIds[i] as number) as number;
  return slotOfRow;
}

function groupBySlot<L>(list: L, slotOfRow: Int32Array, slots: number): Grouped<L> {
  const start = new Int32Array(slots + 1);
  for (const slot of slotOfRow) start[slot + 1] = (start[slot + 1] as number) + 1;
  for (let k = 1; k < start.length; k++) start[k] = (start[k] as number) + (start[k - 1] as number);
  const next = start.slice(0, slots);
  const order = new Int32Array(slotOfRow.length);
  for (let i = 0; i < slotOfRow.length; i++) order[(next[slotOfRow[i] as number] as number)++] = i;
  return { list, order, start };
}

/** All rows as one group (the overall section). */
function oneGroup<L>(list: L, length: number): Grouped<L> {
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  return { list, order, start: Int32Array.of(0, length) };
}

/** What every section shares: month columns, category keys and labels, scratch space. */
interface Ctx {
  rule: RecurrenceRule;
  elapsed: number;
  /** TREND_MONTHS months, oldest first. */
  trendMonths: readonly string[];
  /**
   * Spend is summed per category key and month column. A key is the slug, '' for no category;
   * a column is a month: first the reported month, the recurrence window, the previous 3 and the
   * trend months, then any other month in the input.
   */
  columns: number;
  monthCol: number;
  windowCols: readonly number[];
  previous3Cols: readonly number[];
  trendCols: readonly number[];
  /** Per entry of SpendColumns.slugs and .months: its key and its column. */
  keyOfSlug: Int32Array;
  colOfMonth: Int32Array;
  keys: readonly string[];
  labelNl: readonly string[];
  labelEn: readonly string[];
  /** Scratch for one section (see sumSpend): key → its index in the section (-1: none yet), and the cells. */
  local: Int32Array;
  counts: Float64Array;
  cents: Float64Array;
  /** Scratch for one section's approval durations, sorted in place. */
  durations: Float64Array;
}

function digestContext(input: DigestInput, spend: SpendColumns, rule: RecurrenceRule): Ctx {
  const month = input.month;
  const windowMonths = Array.from({ length: Math.max(0, rule.windowMonths) }, (_, i) => addMonthsKey(month, -i));
  const previous3 = [1, 2, 3].map((i) => addMonthsKey(month, -i));
  const trendMonths = Array.from({ length: TREND_MONTHS }, (_, i) => addMonthsKey(month, i - (TREND_MONTHS - 1)));
  const colOf = new Map<string, number>();
  for (const m of [month, ...windowMonths, ...previous3, ...trendMonths, ...spend.months]) if (!colOf.has(m)) colOf.set(m, colOf.size);
  const col = (m: string): number => colOf.get(m) as number;

  const labels = new Map(input.categories.map((c) => [c.slug, c]));
  const keyOf = new Map<string, number>();
  const keys: string[] = [];
  const labelNl: string[] = [];
  const labelEn: string[] = [];
  const keyOfSlug = Int32Array.from(spend.slugs, (slug) => {
    const key = slug ?? '';
    let k = keyOf.get(key);
    if (k === undefined) {
      keyOf.set(key, (k = keys.length));
      keys.push(key);
      const label = labelOf(labels, key === '' ? null : key);
      labelNl.push(label.labelNl);
      labelEn.push(label.labelEn);
    }
    return k;
  });
  const columns = colOf.size;
  return {
    rule,
    elapsed: elapsedFraction(month, input.asOf),
    trendMonths,
    columns,
    monthCol: col(month),
    windowCols: windowMonths.map(col),
    previous3Cols: previous3.map(col),
    trendCols: trendMonths.map(col),
    keyOfSlug,
    colOfMonth: Int32Array.from(spend.months, col),
    keys,
    labelNl,
    labelEn,
    local: new Int32Array(keys.length).fill(-1),
    counts: new Float64Array(keys.length * columns),
    cents: new Float64Array(keys.length * columns),
    durations: new Float64Array(64),
  };
}

/**
 * Sum the group's spend rows per category key and month column into ctx.counts / ctx.cents (row
 * k × columns holds the group's k-th key); returns the group's keys (ids into ctx.keys) in order
 * of first appearance, the order ties are broken in.
 */
function sumSpend(ctx: Ctx, spend: Grouped<SpendColumns>, group: number): number[] {
  const C = ctx.columns;
  const rows = spend.list;
  const keys: number[] = [];
  for (let i = spend.start[group] as number; i < (spend.start[group + 1] as number); i++) {
    const at = spend.order[i] as number;
    const key = ctx.keyOfSlug[rows.slug[at] as number] as number;
    let k = ctx.local[key] as number;
    if (k === -1) {
      ctx.local[key] = k = keys.length;
      keys.push(key);
      for (let cell = k * C; cell < (k + 1) * C; cell++) ctx.counts[cell] = ctx.cents[cell] = 0;
    }
    const cell = k * C + (ctx.colOfMonth[rows.month[at] as number] as number);
    ctx.counts[cell] = (ctx.counts[cell] as number) + (rows.count[at] as number);
    ctx.cents[cell] = cents((ctx.cents[cell] as number) + (rows.cents[at] as number));
  }
  for (const key of keys) ctx.local[key] = -1;
  return keys;
}

/** Count and cents of the group's k-th key in a month column, after sumSpend. */
function countIn(ctx: Ctx, k: number, col: number): number {
  return ctx.counts[k * ctx.columns + col] as number;
}

function centsIn(ctx: Ctx, k: number, col: number): number {
  return ctx.cents[k * ctx.columns + col] as number;
}

function buildSection(
  ctx: Ctx,
  input: SectionInput,
  group: number,
  scope: 'team' | 'all',
  teamId: number | null,
  name: string,
  deferTrend: boolean,
): DigestSection {
  const { rule, monthCol } = ctx;
  const keys = sumSpend(ctx, input.spend, group);

  // The month's categories with shares that add up to exactly 100.0.
  const monthCats: number[] = [];
  let monthTotal = 0;
  let monthCount = 0;
  for (let k = 0; k < keys.length; k++) {
    const count = countIn(ctx, k, monthCol);
    const total = centsIn(ctx, k, monthCol);
    if (count > 0 || total !== 0) {
      monthCats.push(k);
      monthTotal += total;
      monthCount += count;
    }
  }
  const shares = monthCats.length === 0 ? [] : sharesInTenths(monthCats.map((k) => centsIn(ctx, k, monthCol)));
  const categories: CategoryLine[] = monthCats.map((k, i) => {
    const key = keys[k] as number;
    const slug = ctx.keys[key] as string;
    return {
      slug: slug === '' ? null : slug,
      labelNl: ctx.labelNl[key] as string,
      labelEn: ctx.labelEn[key] as string,
      count: countIn(ctx, k, monthCol),
      totalCents: cents(centsIn(ctx, k, monthCol)),
      sharePct: (shares[i] ?? 0) / 10,
    };
  });
  if (categories.length > 1) categories.sort(byTotalThenLabel);

  // Recurring categories.
  const recurring: RecurringCategory[] = [];
  for (const k of monthCats) {
    const key = keys[k] as number;
    const slug = ctx.keys[key] as string;
    const count = countIn(ctx, k, monthCol);
    if (slug === '' || slug === OTHER_SLUG || count <= 0) continue;
    const reasons: RecurrenceReason[] = [];
    if (count >= rule.minCountInMonth) {
      reasons.push({ rule: 'count', count, threshold: rule.minCountInMonth });
    }
    let present = 0;
    for (const col of ctx.windowCols) if (countIn(ctx, k, col) > 0) present++;
    if (present >= rule.minMonthsPresent) {
      reasons.push({ rule: 'months', monthsPresent: present, windowMonths: rule.windowMonths, threshold: rule.minMonthsPresent });
    }
    let prev3 = 0;
    for (const col of ctx.previous3Cols) prev3 += countIn(ctx, k, col);
    // count ≥ factor × (prev3 / 3), compared without dividing.
    if (count >= rule.minCountForGrowth && count * 3 >= rule.growthFactor * prev3) {
      reasons.push({ rule: 'growth', count, previousAverage: round1(prev3 / 3), factor: rule.growthFactor });
    }
    if (reasons.length > 0) {
      recurring.push({ slug, labelNl: ctx.labelNl[key] as string, labelEn: ctx.labelEn[key] as string, count, totalCents: cents(centsIn(ctx, k, monthCol)), reasons });
    }
  }
  if (recurring.length > 1) recurring.sort((a, b) => b.count - a.count || b.totalCents - a.totalCents || collator.compare(a.labelNl, b.labelNl));

  let uncCount = 0;
  let uncCents = 0;
  for (const k of monthCats) {
    const slug = ctx.keys[keys[k] as number] as string;
    if (slug !== '' && slug !== OTHER_SLUG) continue;
    uncCount += countIn(ctx, k, monthCol);
    uncCents += centsIn(ctx, k, monthCol);
  }

  // Budget.
  let used = 0;
  let budgetedUsed = 0;
  let annual = 0;
  let withBudget = 0;
  for (let i = firstOf(input.teams, group); i < endOf(input.teams, group); i++) {
    const t = rowOf(input.teams, i);
    used += t.usedThisYearCents;
    if (t.annualBudgetCents !== null) {
      annual += t.annualBudgetCents;
      budgetedUsed += t.usedThisYearCents;
      withBudget++;
    }
  }
  const hasBudget = withBudget > 0;
  const proRataExact = annual * ctx.elapsed;

  // Outcomes.
  let alternative = 0;
  let withdrawn = 0;
  let expired = 0;
  for (let i = firstOf(input.closed, group); i < endOf(input.closed, group); i++) {
    const r = rowOf(input.closed, i);
    if (r.status === 'alternative') alternative += r.count;
    else if (r.status === 'withdrawn') withdrawn += r.count;
    else if (r.status === 'expired') expired += r.count;
  }
  let onHold = 0;
  for (let i = firstOf(input.onHold, group); i < endOf(input.onHold, group); i++) onHold += rowOf(input.onHold, i).count;
  const decided = alternative + monthCount;

  // Time to approval.
  const approvals = endOf(input.approvalDurationsMs, group) - firstOf(input.approvalDurationsMs, group);
  if (ctx.durations.length < approvals) ctx.durations = new Float64Array(approvals);
  const durations = ctx.durations.subarray(0, approvals);
  for (let i = 0; i < approvals; i++) durations[i] = rowOf(input.approvalDurationsMs, firstOf(input.approvalDurationsMs, group) + i).ms;
  if (approvals > 1) durations.sort();
  const medianMs = nearestRankOfSorted(durations, 50);
  const p90Ms = nearestRankOfSorted(durations, 90);

  let openCount = 0;
  let openCents = 0;
  for (let i = firstOf(input.open, group); i < endOf(input.open, group); i++) {
    const r = rowOf(input.open, i);
    openCount += r.count;
    openCents += r.totalCents;
  }

  let withSuggestion = 0;
  let kept = 0;
  for (let i = firstOf(input.suggestions, group); i < endOf(input.suggestions, group); i++) {
    const r = rowOf(input.suggestions, i);
    withSuggestion += r.withSuggestion;
    kept += r.kept;
  }

  const closedTotal = alternative + withdrawn + expired;
  // Built property by property, in the order of DigestSection, so trend and categoryTrend can be
  // deferred (see deferredTrend) without changing the order of the keys.
  const section = {
    scope,
    teamId,
    name,
    isEmpty: monthCount === 0 && monthTotal === 0 && closedTotal === 0,
    approved: { count: monthCount, totalCents: cents(monthTotal) },
    categories,
    recurring,
  } as DigestSection;
  if (deferTrend) deferredTrend(section, ctx, input.spend, group);
  else {
    section.trend = trendOf(ctx, keys);
    section.categoryTrend = categoryTrendOf(ctx, keys);
  }
  section.budget = {
    usedCents: cents(used),
    annualCents: hasBudget ? cents(annual) : null,
    budgetedUsedCents: cents(budgetedUsed),
    teamsWithoutBudget: endOf(input.teams, group) - firstOf(input.teams, group) - withBudget,
    elapsedFraction: ctx.elapsed,
    proRataCents: hasBudget ? cents(Math.round(proRataExact)) : null,
    usedPctOfAnnual: hasBudget && annual > 0 ? round1((budgetedUsed / annual) * 100) : null,
    usedPctOfProRata: hasBudget && proRataExact > 0 ? round1((budgetedUsed / proRataExact) * 100) : null,
  };
  section.outcomes = {
    approved: monthCount,
    alternative,
    withdrawn,
    expired,
    onHold,
    alternativeSharePct: decided > 0 ? round1((alternative / decided) * 100) : null,
  };
  section.approvalTime = {
    count: approvals,
    medianMs,
    p90Ms,
    medianHours: medianMs === null ? null : round1(medianMs / HOUR_MS),
    p90Hours: p90Ms === null ? null : round1(p90Ms / HOUR_MS),
  };
  section.open = { count: openCount, totalCents: cents(openCents) };
  section.uncategorised = { count: uncCount, totalCents: cents(uncCents) };
  section.suggestion = { withSuggestion, kept, keptPct: withSuggestion > 0 ? round1((kept / withSuggestion) * 100) : null };
  return section;
}

// ── Deferred trends ───────────────────────────────────────────────────────────────────────────
// In a digest of several teams, a team section's trend and categoryTrend are made on first read:
// only the primary section's are shown (text, chart), and making them for 10,000 teams was two
// thirds of buildDigest's time. They are own enumerable properties (JSON, spread and toEqual see
// them) with the same values; the accessors are shared, so the sections keep V8's fast shape.

const TREND_SOURCE = Symbol('trend source');

interface TrendSource {
  ctx: Ctx;
  spend: Grouped<SpendColumns>;
  group: number;
  trend?: TrendPoint[];
  categoryTrend?: CategoryTrend[];
}

type WithTrendSource = DigestSection & { [TREND_SOURCE]: TrendSource };

/** A shared accessor: made from the section's spend on first read, then kept (sumSpend reuses ctx's cells, so each build sums again). */
function deferred<K extends 'trend' | 'categoryTrend'>(key: K, make: (ctx: Ctx, keys: number[]) => NonNullable<TrendSource[K]>): PropertyDescriptor {
  return {
    get(this: WithTrendSource) {
      const s = this[TREND_SOURCE];
      return (s[key] ??= make(s.ctx, sumSpend(s.ctx, s.spend, s.group)));
    },
    set(this: WithTrendSource, value: NonNullable<TrendSource[K]>) {
      this[TREND_SOURCE][key] = value;
    },
    enumerable: true,
    configurable: true,
  };
}

const DEFERRED_TREND = deferred('trend', trendOf);
const DEFERRED_CATEGORY_TREND = deferred('categoryTrend', categoryTrendOf);

function deferredTrend(section: DigestSection, ctx: Ctx, spend: Grouped<SpendColumns>, group: number): void {
  Object.defineProperty(section, 'trend', DEFERRED_TREND);
  Object.defineProperty(section, 'categoryTrend', DEFERRED_CATEGORY_TREND);
  Object.defineProperty(section, TREND_SOURCE, { value: { ctx, spend, group } satisfies TrendSource });
}

/** Spend per trend month (TREND_MONTHS, oldest first), from the cells of sumSpend. */
function trendOf(ctx: Ctx, keys: readonly number[]): TrendPoint[] {
  const trend: TrendPoint[] = [];
  for (let i = 0; i < ctx.trendCols.length; i++) {
    const col = ctx.trendCols[i] as number;
    let count = 0;
    let total = 0;
    for (let k = 0; k < keys.length; k++) {
      count += countIn(ctx, k, col);
      total += centsIn(ctx, k, col);
    }
    trend.push({ month: ctx.trendMonths[i] as string, count, totalCents: cents(total) });
  }
  return trend;
}

/** Per category with spend in a trend month, its spend per trend month; largest first. */
function categoryTrendOf(ctx: Ctx, keys: readonly number[]): CategoryTrend[] {
  const cols = ctx.trendCols;
  const categoryTrend: CategoryTrend[] = [];
  for (let k = 0; k < keys.length; k++) {
    let any = false;
    for (const col of cols) if (countIn(ctx, k, col) > 0 || centsIn(ctx, k, col) !== 0) any = true;
    if (!any) continue;
    const counts: number[] = [];
    const money: Cents[] = [];
    for (const col of cols) {
      counts.push(countIn(ctx, k, col));
      money.push(cents(centsIn(ctx, k, col)));
    }
    const key = keys[k] as number;
    const slug = ctx.keys[key] as string;
    categoryTrend.push({ slug: slug === '' ? null : slug, labelNl: ctx.labelNl[key] as string, labelEn: ctx.labelEn[key] as string, counts, cents: money });
  }
  if (categoryTrend.length > 1) categoryTrend.sort((a, b) => sum(b.cents) - sum(a.cents) || collator.compare(a.labelNl, b.labelNl));
  return categoryTrend;
}

function labelOf(labels: ReadonlyMap<string, { labelNl: string; labelEn: string }>, slug: string | null): { labelNl: string; labelEn: string } {
  if (slug === null) return { labelNl: 'Zonder categorie', labelEn: 'Uncategorised' };
  const c = labels.get(slug);
  return c ? { labelNl: c.labelNl, labelEn: c.labelEn } : { labelNl: slug, labelEn: slug };
}

function byTotalThenLabel(a: CategoryLine, b: CategoryLine): number {
  return b.totalCents - a.totalCents || b.count - a.count || collator.compare(a.labelNl, b.labelNl);
}

function ascending(a: number, b: number): number {
  return a - b;
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

function nearestRankOfSorted(sorted: ArrayLike<number>, p: number): number | null {
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
  const start = monthBoundsMs(`${year}-01`).start;
  const end = monthBoundsMs(`${year}-12`).end;
  const at = Math.min(asOf.getTime(), monthBoundsMs(month).end);
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

const monthBounds = new Map<string, { readonly start: number; readonly end: number }>();

/**
 * monthRange(key) as epoch milliseconds, remembered: its time zone arithmetic costs ~35 µs a call,
 * a third of a one-team digest. January's start to December's end is yearRange().
 */
export function monthBoundsMs(key: string): { readonly start: number; readonly end: number } {
  let bounds = monthBounds.get(key);
  if (bounds === undefined) {
    const { start, end } = monthRange(key);
    monthBounds.set(key, (bounds = Object.freeze({ start: start.getTime(), end: end.getTime() })));
  }
  return bounds;
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
