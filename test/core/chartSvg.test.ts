import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { wrapLabel, axisEuro, CHART_HEIGHT, CHART_WIDTH, monthShortNl, niceStep, PALETTE, spendChartSvg, type SpendChartInput } from '../../src/core/chartSvg.js';

const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const sample: SpendChartInput = {
  title: 'Uitgaven per categorie <mei–okt> & "meer"',
  months,
  series: [
    { slug: 'tandarts', label: 'Tandarts', cents: [10000, 0, 0, 0, 70000, 123456] },
    { slug: 'huur', label: 'Huur & <energie>', cents: [45000, 45000, 0, 45000, 0, 45000] },
    { slug: 'kleding', label: "Kleding 'werk'", cents: [0, 0, 0, 0, 25000, 30000] },
  ],
};

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['g', 'rect', 'text', 'line'].includes(name) });
const parse = (svg: string): Node => (parser.parse(svg) as { svg: Node }).svg;

/** All text content of <text> elements anywhere below `node`. */
function texts(node: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown, key: string): void => {
    if (Array.isArray(n)) n.forEach((x) => walk(x, key));
    else if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) walk(v, k);
    else if (key === 'text' || key === '#text') out.push(String(n));
  };
  walk(node, '');
  return out;
}

describe('spendChartSvg', () => {
  const svg = spendChartSvg(sample);
  const root = parse(svg);

  it('is well-formed XML with explicit size and a title', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(root['@_width']).toBe(String(CHART_WIDTH));
    expect(root['@_height']).toBe(String(CHART_HEIGHT));
    expect(root['@_font-family']).toContain('DejaVu Sans');
    expect(root['title']).toMatchObject({ '#text': sample.title });
  });

  it('has one bar group per month, stacked from the series, with the month total', () => {
    const groups = (root['g'] as Node[]).filter((g) => g['@_class'] === 'month');
    expect(groups.map((g) => g['@_data-month'])).toEqual(months);
    const rects = (g: Node): Node[] => (g['rect'] as Node[] | undefined) ?? [];
    expect(groups.map((g) => rects(g).length)).toEqual([2, 1, 0, 1, 2, 3]); // zero values draw nothing
    const octTexts = texts(groups[5]);
    expect(octTexts).toContain('€ 1.984,56'); // 123456 + 45000 + 30000
    expect(octTexts).toContain('okt 2026');
    // Stacked: the bars of one month touch, bottom to top in series order.
    const oct = rects(groups[5] as Node).map((r) => ({ y: Number(r['@_y']), h: Number(r['@_height']) }));
    expect(oct[0]!.y).toBeCloseTo(oct[1]!.y + oct[1]!.h, 0);
    expect(oct[1]!.y).toBeCloseTo(oct[2]!.y + oct[2]!.h, 0);
    // Heights are proportional to the amounts.
    expect(oct[0]!.h / oct[1]!.h).toBeCloseTo(123456 / 45000, 1);
  });

  it('escapes labels and the title', () => {
    expect(svg).toContain('Huur &amp; &lt;energie&gt;');
    expect(svg).toContain('Kleding &apos;werk&apos;');
    expect(svg).toContain('&quot;meer&quot;');
    expect(svg).not.toContain('<energie>');
    expect(texts(root)).toContain('Huur & <energie>');
  });

  it('has a euro axis and a legend with palette colours', () => {
    const axis = (root['g'] as Node[]).find((g) => g['@_class'] === 'y-axis');
    const labels = texts(axis);
    expect(labels[0]).toBe('€ 0');
    expect(labels).toContain('€ 2.000');
    const legend = (root['g'] as Node[]).find((g) => g['@_class'] === 'legend') as Node;
    expect(texts(legend)).toEqual(["Kleding 'werk'", 'Huur & <energie>', 'Tandarts']);
    expect((legend['rect'] as Node[]).map((r) => r['@_fill'])).toEqual([PALETTE[2], PALETTE[1], PALETTE[0]]);
  });

  it('still draws axes and says so when there is nothing to show', () => {
    const empty = spendChartSvg({ title: 'Leeg', months, series: [] });
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain('Geen uitgaven in deze periode');
    expect((parse(empty)['g'] as Node[]).filter((g) => g['@_class'] === 'month')).toHaveLength(6);
  });

  it('has helpers for month labels, axis amounts and steps', () => {
    expect(monthShortNl('2026-10')).toBe('okt 2026');
    expect(monthShortNl('2026-03')).toBe('mrt 2026');
    expect(axisEuro(125000)).toBe('€ 1.250');
    expect(axisEuro(1250)).toBe('€ 12,50');
    expect(niceStep(198456)).toBe(50000);
    expect(niceStep(300)).toBe(100);
    expect(niceStep(3)).toBe(1);
    expect(wrapLabel('Tandarts', 24)).toEqual(['Tandarts']);
    expect(wrapLabel('Overig / zonder categorie', 24)).toEqual(['Overig / zonder', 'categorie']);
    expect(wrapLabel('Kleding & werkkleding voor een nieuwe baan bij de gemeente', 24)).toEqual([
      'Kleding & werkkleding',
      'voor een nieuwe baan…',
    ]);
  });

  it('wraps long legend labels onto a second line and shrinks a long title', () => {
    const long = spendChartSvg({
      ...sample,
      title: 'Uitgaven per categorie, mei 2026 t/m okt 2026 — Buurtteam Utrecht Overvecht-Noord en Zuilen',
      series: [{ slug: 'x', label: 'Overig / zonder categorie', cents: [1, 2, 3, 4, 5, 6] }],
    });
    expect(XMLValidator.validate(long)).toBe(true);
    expect(long).toContain('Overig / zonder<tspan');
    expect(long).toMatch(/font-size="1[2-6]" font-weight="bold"/);
  });

  it('marks a flagged category in the legend: bold, with ▲', () => {
    const svg = spendChartSvg({ ...sample, series: sample.series.map((x) => (x.slug === 'kleding' ? { ...x, flagged: true } : x)) });
    expect(XMLValidator.validate(svg)).toBe(true);
    const legend = (parse(svg)['g'] as Node[]).find((g) => g['@_class'] === 'legend') as Node;
    const entries = legend['text'] as Node[];
    expect(entries.map((t) => [t['#text'], t['@_font-weight']])).toEqual([
      ["▲ Kleding 'werk'", 'bold'],
      ['Huur & <energie>', undefined],
      ['Tandarts', undefined],
    ]);
  });
});
