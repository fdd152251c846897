import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { spendChartSvg } from '../../src/core/chartSvg.js';
import { CHART_FONT_FILES, FONTS_FOLDER, svgToPng } from '../../src/render/png.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ROOT = new URL('../../', import.meta.url).pathname;

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

/** Decode the 8-bit RGBA, non-interlaced PNG that resvg writes (enough to look at pixels). */
function decodePng(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]); // bit depth 8, RGBA, no interlace
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[row * (stride + 1) + 1 + i]!;
      const a = i >= 4 ? rgba[row * stride + i - 4]! : 0;
      const b = row > 0 ? rgba[(row - 1) * stride + i]! : 0;
      const c = i >= 4 && row > 0 ? rgba[(row - 1) * stride + i - 4]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0;
      rgba[row * stride + i] = (x + pred) & 0xff;
    }
  }
  return { width, height, rgba };
}

/** Pixels in rows [y0, y1) that are not the white background. */
function inked(png: Buffer, y0: number, y1: number): number {
  const { width, rgba } = decodePng(png);
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (rgba[i]! < 250 || rgba[i + 1]! < 250 || rgba[i + 2]! < 250) count++;
    }
  }
  return count;
}

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

  it('uses the font shipped in assets/fonts, not whatever the machine has', () => {
    expect(FONTS_FOLDER).toBe(`${ROOT}assets/fonts`);
    expect(CHART_FONT_FILES.map((f) => f.slice(ROOT.length))).toEqual(['assets/fonts/DejaVuSans.ttf', 'assets/fonts/DejaVuSans-Bold.ttf']);
  });

  it('draws the text with system fonts off: the title band has ink, and none without the title', () => {
    // Rows 10–50 hold only the title (the plot starts at y = 70). resvg draws no text at all when
    // it finds no font, so this fails when the shipped font is not found.
    const withTitle = inked(png, 10, 50);
    const withoutTitle = inked(svgToPng(svg.replace(/<text[^>]*font-weight="bold"[^>]*>[^<]*<\/text>/, '')), 10, 50);
    expect(withoutTitle).toBe(0);
    expect(withTitle).toBeGreaterThan(2000);
    // Every label: the chart with text is larger than the same chart without any text.
    const noText = svgToPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    expect(png.length).toBeGreaterThan(noText.length + 2000);
  });

  it('draws bold with the bold face, and euro signs and Dutch accents as glyphs', () => {
    const line = (weight: string, text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="5" y="30" font-family="'DejaVu Sans', sans-serif" font-size="24" font-weight="${weight}">${text}</text></svg>`;
    const regular = inked(svgToPng(line('normal', 'Tandarts € 1.234,56')), 0, 40);
    const bold = inked(svgToPng(line('bold', 'Tandarts € 1.234,56')), 0, 40);
    expect(regular).toBeGreaterThan(400);
    expect(bold).toBeGreaterThan(regular * 1.2);
    // A missing glyph would be drawn as nothing (or one box): é and € each add ink.
    expect(inked(svgToPng(line('normal', 'e')), 0, 40)).toBeLessThan(inked(svgToPng(line('normal', 'é')), 0, 40));
    expect(inked(svgToPng(line('normal', '€')), 0, 40)).toBeGreaterThan(40);
  });
});
