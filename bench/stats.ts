// Small statistics and the result table: every figure is a value next to its floor, as a ratio.

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const sortNum = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** Median and spread of repeated measurements. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(xs: readonly number[]): Spread {
  const s = sortNum(xs.filter((x) => Number.isFinite(x)));
  if (s.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = s.length >> 1;
  const median = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { median, min: s[0] as number, max: s[s.length - 1] as number, n: s.length };
}

export interface Row {
  section: string;
  metric: string;
  unit: string;
  value: Spread;
  floor: Spread | null;
  /** 'higher' when more is better (throughput): the ratio is then value/floor as well. */
  better: 'lower' | 'higher';
  goal: string;
  /** null: no goal to check. */
  met: boolean | null;
  note?: string;
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

export const fmtSpread = (s: Spread): string => (s.n === 0 ? '–' : s.n === 1 ? fmt(s.median) : `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`);

export function ratio(r: Row): string {
  if (!r.floor || !Number.isFinite(r.floor.median) || r.floor.median === 0) return '–';
  return `${(r.value.median / r.floor.median).toFixed(2)}x`;
}

export function table(rows: readonly Row[]): string {
  const head = ['#', 'measurement', 'ratio', 'value: median (min–max)', 'floor: median (min–max)', 'unit', 'goal', 'met'];
  const body = rows.map((r) => [
    r.section,
    r.metric,
    ratio(r),
    fmtSpread(r.value),
    r.floor ? fmtSpread(r.floor) : '–',
    r.unit,
    r.goal,
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const lines = [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.map((c) => c.replace(/\|/g, '/')).join(' | ')} |`);
  return lines.join('\n');
}
