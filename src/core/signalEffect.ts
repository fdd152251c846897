// The effect of a measure, as far as figures can show it: the category's spends per month for the
// 6 months before the measure and the 6 months after, and whether the monthly average fell. Full
// Europe/Amsterdam months only: a measure on the 1st counts its own month as "after"; one later in
// the month leaves that month out of both sides. No causal claim: the text says so.
import { cents, type Cents } from './money.js';
import { addMonthsKey, monthKey } from './time.js';

/** Months on each side of the measure. */
export const EFFECT_MONTHS = 6;

export interface EffectSpend {
  /** When it was approved (the digest counts spends by approval month). */
  at: Date;
  amountCents: number;
}

export interface EffectMonth {
  month: string;
  count: number;
  totalCents: Cents;
  /** Median amount of the month's spends; null without spends. */
  medianCents: Cents | null;
}

export interface EffectWindow {
  /** The months counted (those up to the reported month), oldest first. */
  months: EffectMonth[];
  count: number;
  totalCents: Cents;
  medianCents: Cents | null;
  /** count / months counted, one decimal; 0 when no month is counted yet. */
  averagePerMonth: number;
}

export type EffectVerdict = 'fell' | 'rose' | 'same' | 'too_early';

export interface SignalEffect {
  measureDate: string;
  /** The 6 months before and after (keys), whether counted yet or not. */
  beforeMonths: string[];
  afterMonths: string[];
  before: EffectWindow;
  after: EffectWindow;
  /** 'too_early' until at least one month after the measure is complete. */
  verdict: EffectVerdict;
}

/** The months compared for a measure taking effect on `measureDate` (YYYY-MM-DD). */
export function effectMonths(measureDate: string): { before: string[]; after: string[] } {
  const month = measureDate.slice(0, 7);
  const firstAfter = measureDate.endsWith('-01') ? month : addMonthsKey(month, 1);
  const range = (from: string) => Array.from({ length: EFFECT_MONTHS }, (_, i) => addMonthsKey(from, i));
  return { before: range(addMonthsKey(month, -EFFECT_MONTHS)), after: range(firstAfter) };
}

/** Median of whole cents; the mean of the middle two rounded to a cent for an even count. */
export function medianCents(amounts: readonly number[]): Cents | null {
  if (amounts.length === 0) return null;
  const sorted = [...amounts].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return cents(sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2));
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function windowOf(months: readonly string[], upToMonth: string, byMonth: ReadonlyMap<string, number[]>): EffectWindow {
  const counted = months.filter((m) => m <= upToMonth);
  const all: number[] = [];
  const rows = counted.map((month): EffectMonth => {
    const amounts = byMonth.get(month) ?? [];
    all.push(...amounts);
    return { month, count: amounts.length, totalCents: cents(amounts.reduce((a, b) => a + b, 0)), medianCents: medianCents(amounts) };
  });
  return {
    months: rows,
    count: all.length,
    totalCents: cents(all.reduce((a, b) => a + b, 0)),
    medianCents: medianCents(all),
    averagePerMonth: counted.length === 0 ? 0 : round1(all.length / counted.length),
  };
}

/**
 * The effect of a measure on `measureDate`, counting months up to and including `upToMonth`
 * (the reported month, or the last complete month). `spends` may hold spends outside the windows.
 */
export function signalEffect(measureDate: string, upToMonth: string, spends: readonly EffectSpend[]): SignalEffect {
  const { before, after } = effectMonths(measureDate);
  const byMonth = new Map<string, number[]>();
  for (const s of spends) {
    const m = monthKey(s.at);
    const list = byMonth.get(m);
    if (list) list.push(s.amountCents);
    else byMonth.set(m, [s.amountCents]);
  }
  const b = windowOf(before, upToMonth, byMonth);
  const a = windowOf(after, upToMonth, byMonth);
  const verdict: EffectVerdict =
    a.months.length === 0 ? 'too_early' : a.averagePerMonth < b.averagePerMonth ? 'fell' : a.averagePerMonth > b.averagePerMonth ? 'rose' : 'same';
  return { measureDate, beforeMonths: before, afterMonths: after, before: b, after: a, verdict };
}

/** The whole range of instants the spends are needed for: the first month before to the last after. */
export function effectRange(measureDate: string): { firstMonth: string; lastMonth: string } {
  const { before, after } = effectMonths(measureDate);
  return { firstMonth: before[0] as string, lastMonth: after[after.length - 1] as string };
}
