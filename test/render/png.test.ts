import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { spendChartSvg } from '../../src/core/chartSvg.js';
import { svgToPng } from '../../src/render/png.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const svg = spendChartSvg({
  title: 'Uitgaven per categorie, mei 2026 t/m okt 2026 — Wijkteam Noord',
  months: ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'],
  series: [
    { slug: 'tandarts', label: 'Tandarts', cents: [0, 0, 0, 0, 70000, 123456] },
    { slug: 'huur', label: 'Huurachterstand', cents: [45000, 45000, 0, 45000, 0, 45000] },
    { slug: 'energie', label: 'Energie', cents: [0, 0, 0, 0, 20000, 60000] },
    { slug: 'kleding', label: 'Kleding & werkkleding voor een nieuwe baan', cents: [0, 0, 0, 0, 25000, 30000] },
    { slug: 'telefoon', label: 'Telefoon', cents: [0, 0, 0, 0, 0, 8000] },
    { slug: 'vervoer', label: 'Vervoer', cents: [0, 0, 0, 2500, 0, 2500] },
    { slug: '_rest', label: 'Overig / zonder categorie', cents: [0, 0, 0, 0, 0, 15000], color: '#999999' },
  ],
});

describe('svgToPng', () => {
  const png = svgToPng(svg);

  it('writes a PNG of the chart size and a sensible file size', () => {
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(900);
    expect(png.readUInt32BE(20)).toBe(500);
    expect(png.length).toBeGreaterThan(5 * 1024);
    expect(png.length).toBeLessThan(500 * 1024);
    writeFileSync('/tmp/digest-chart.png', png);
  });

  it('finds a font: text is drawn (fails when no system font is installed, e.g. fonts-dejavu-core)', () => {
    const textOnly = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="30" font-family="DejaVu Sans, sans-serif" font-size="24">Tandarts €</text></svg>`;
    const img = new Resvg(textOnly, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
    const px = img.pixels;
    let inked = 0;
    for (let i = 3; i < px.length; i += 4) if ((px[i] ?? 0) > 0) inked++;
    expect(inked).toBeGreaterThan(200);
    // And through svgToPng: the chart with text is larger than the same chart without text.
    const noText = svgToPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    expect(png.length).toBeGreaterThan(noText.length + 2000);
  });
});
