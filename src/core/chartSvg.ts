// A stacked bar chart of spend by category per month, as a self-contained SVG string.
// Pure: no DOM, no Node APIs. Rendered to PNG by src/render/png.ts (resvg), which needs a font
// for the family below (DejaVu Sans, Debian package fonts-dejavu-core).
import { cents, formatEuro } from './money.js';

export interface SpendChartSeries {
  slug: string;
  label: string;
  /** Per month, in the order of `months`; integer euro cents. */
  cents: number[];
  /** Fill colour; by default the next colour of the palette. */
  color?: string;
  /** A category the digest text flags: its legend entry is bold and marked with FLAG_MARK. */
  flagged?: boolean;
}

export interface SpendChartInput {
  /** Month keys 'YYYY-MM', oldest first (usually 6). */
  months: string[];
  /** Stacked bottom to top in this order. */
  series: SpendChartSeries[];
  title: string;
}

/** Okabe-Ito, a colour-blind-safe palette (black last; grey is kept for a "rest" series). */
export const PALETTE: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#000000'];
export const REST_COLOR = '#999999';
/** Marks a flagged category in the legend (DejaVu Sans has the glyph). */
export const FLAG_MARK = '▲';

export const CHART_WIDTH = 900;
export const CHART_HEIGHT = 500;
export const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

const MONTHS_NL_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** '2026-10' → 'okt 2026'. */
export function monthShortNl(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  const name = m ? MONTHS_NL_SHORT[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : key;
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** "€ 1.250" for whole euros, "€ 12,50" otherwise. */
export function axisEuro(c: number): string {
  const s = formatEuro(cents(c));
  return s.endsWith(',00') ? s.slice(0, -3) : s;
}

/** A step of 1, 2 or 5 × 10^k cents giving at most about `maxTicks` intervals up to `max`. */
export function niceStep(max: number, maxTicks = 5): number {
  if (max <= 0) return 2500;
  const raw = max / maxTicks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const m = raw / pow;
  const nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  return Math.max(1, Math.round(nice * pow));
}

const LEGEND_CHARS = 24;

/** One or two lines of at most `max` characters, broken at a space; the rest is cut with "…". */
export function wrapLabel(label: string, max: number): [string] | [string, string] {
  const chars = [...label];
  if (chars.length <= max) return [label];
  const head = chars.slice(0, max + 1).join('');
  const cut = head.lastIndexOf(' ');
  const first = cut > 0 ? head.slice(0, cut) : chars.slice(0, max).join('');
  const rest = label.slice(first.length).trimStart();
  return [first, truncate(rest, max)];
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  const head = chars.slice(0, max - 1).join('');
  const cut = head.lastIndexOf(' ');
  return `${(cut > max / 2 ? head.slice(0, cut) : head).trimEnd()}…`;
}

/** 20 px, smaller (down to 12) when a long title would not fit `width` (bold DejaVu ≈ 0.62 em a character). */
function titleSize(title: string, width: number): number {
  const len = [...title].length;
  return Math.max(12, Math.min(20, Math.floor(width / (len * 0.62))));
}

const n = (v: number): string => String(Math.round(v * 10) / 10);

export function spendChartSvg(input: SpendChartInput): string {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const plot = { left: 100, top: 70, right: W - 250, bottom: H - 60 };
  const plotW = plot.right - plot.left;
  const plotH = plot.bottom - plot.top;
  const months = input.months;
  const series = input.series.map((s, i) => ({
    ...s,
    color: s.color ?? PALETTE[i % PALETTE.length] ?? '#000000',
    values: months.map((_, m) => Math.max(0, s.cents[m] ?? 0)),
  }));

  const totals = months.map((_, m) => series.reduce((sum, s) => sum + (s.values[m] ?? 0), 0));
  const max = Math.max(0, ...totals);
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (c: number): number => plot.bottom - (c / top) * plotH;

  const out: string[] = [];
  const titleText = escapeXml(input.title);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title id="chart-title">${titleText}</title>`,
    `<desc id="chart-desc">${escapeXml(describe(input, totals))}</desc>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${plot.left}" y="36" font-size="${titleSize(input.title, W - plot.left - 20)}" font-weight="bold" fill="#222222">${titleText}</text>`,
  );

  // Y axis: grid lines and euro labels.
  out.push('<g class="y-axis" font-size="12" fill="#444444">');
  for (let v = 0; v <= top; v += step) {
    const yy = n(y(v));
    out.push(
      `<line x1="${plot.left}" y1="${yy}" x2="${plot.right}" y2="${yy}" stroke="${v === 0 ? '#444444' : '#dddddd'}" stroke-width="1"/>`,
      `<text x="${plot.left - 8}" y="${n(y(v) + 4)}" text-anchor="end">${escapeXml(axisEuro(v))}</text>`,
    );
  }
  out.push('</g>');

  // One bar group per month.
  const band = months.length > 0 ? plotW / months.length : plotW;
  const barW = Math.min(80, band * 0.62);
  months.forEach((month, m) => {
    const cx = plot.left + band * (m + 0.5);
    const x = n(cx - barW / 2);
    out.push(`<g class="month" data-month="${escapeXml(month)}">`);
    let base = 0;
    for (const s of series) {
      const v = s.values[m] ?? 0;
      if (v <= 0) continue;
      const y0 = y(base);
      const y1 = y(base + v);
      out.push(
        `<rect class="bar" data-slug="${escapeXml(s.slug)}" x="${x}" y="${n(y1)}" width="${n(barW)}" height="${n(y0 - y1)}" fill="${escapeXml(s.color)}" stroke="#ffffff" stroke-width="1"><title>${escapeXml(`${s.label}, ${monthShortNl(month)}: ${formatEuro(cents(v))}`)}</title></rect>`,
      );
      base += v;
    }
    const total = totals[m] ?? 0;
    out.push(
      `<text class="total" x="${n(cx)}" y="${n(y(total) - 6)}" text-anchor="middle" font-size="12" font-weight="bold" fill="#222222">${escapeXml(formatEuro(cents(total)))}</text>`,
      `<text class="month-label" x="${n(cx)}" y="${plot.bottom + 22}" text-anchor="middle" font-size="13" fill="#222222">${escapeXml(monthShortNl(month))}</text>`,
      '</g>',
    );
  });

  if (max === 0) {
    out.push(
      `<text x="${n(plot.left + plotW / 2)}" y="${n(plot.top + plotH / 2)}" text-anchor="middle" font-size="16" fill="#666666">Geen uitgaven in deze periode</text>`,
    );
  }

  // Legend, top to bottom in the same order as the stack (top segment first); long labels wrap once.
  const lx = plot.right + 30;
  out.push('<g class="legend" font-size="13" fill="#222222">');
  let ly = plot.top;
  for (const s of [...series].reverse()) {
    const [first, second] = wrapLabel(s.flagged ? `${FLAG_MARK} ${s.label}` : s.label, LEGEND_CHARS);
    const weight = s.flagged ? ' font-weight="bold"' : '';
    out.push(
      `<rect x="${lx}" y="${ly}" width="16" height="16" fill="${escapeXml(s.color)}"/>`,
      second === undefined
        ? `<text x="${lx + 24}" y="${ly + 13}"${weight}>${escapeXml(first)}</text>`
        : `<text x="${lx + 24}" y="${ly + 13}"${weight}>${escapeXml(first)}<tspan x="${lx + 24}" dy="16">${escapeXml(second)}</tspan></text>`,
    );
    ly += second === undefined ? 24 : 40;
  }
  out.push('</g>', '</svg>');
  return out.join('\n');
}

function describe(input: SpendChartInput, totals: readonly number[]): string {
  return input.months.map((m, i) => `${monthShortNl(m)}: ${formatEuro(cents(totals[i] ?? 0))}`).join('; ');
}
