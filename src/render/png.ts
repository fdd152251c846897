// SVG → PNG in-process with resvg (no browser, no external binary).
// The font ships with the code (assets/fonts: DejaVu Sans, regular and bold) and system fonts are
// not loaded: resvg silently draws no text when it finds no font, and a chart rendered with
// whatever the machine has would look different on every server.
// resvg (a native module) is loaded on the first chart, not at start-up: the bot draws a chart
// once a month, and the library costs memory for as long as the process runs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: ResvgModule | undefined;
const load = (): ResvgModule => (resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule);

/** The font family the shipped files hold; the chart asks for it first (src/core/chartSvg.ts). */
export const CHART_FONT_FAMILY = 'DejaVu Sans';
const FONT_NAMES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** assets/fonts at the project root, seen from src/render/ (tsx, tests) or from dist/ (the built bundle). */
const FONT_DIRS = ['../../assets/fonts', '../assets/fonts'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
export const FONTS_FOLDER: string | undefined = FONT_DIRS.find((dir) => FONT_NAMES.every((name) => existsSync(join(dir, name))));
export const CHART_FONT_FILES: readonly string[] = FONTS_FOLDER ? FONT_NAMES.map((name) => join(FONTS_FOLDER, name)) : [];

/** The package is incomplete (assets/ not copied): said at start-up, instead of a chart without text. */
export class ChartFontMissingError extends Error {
  readonly code = 'chart_font_missing';
  constructor() {
    super(`chart font not found: assets/fonts/ (${FONT_NAMES.join(', ')}) belongs next to dist/ and src/; looked in ${FONT_DIRS.join(' and ')}`);
    this.name = 'ChartFontMissingError';
  }
}

/** Throws ChartFontMissingError when the shipped font is not there (main calls it at start-up). */
export function checkChartFont(): void {
  if (!FONTS_FOLDER) throw new ChartFontMissingError();
}

const OPTIONS: ResvgRenderOptions = {
  background: '#ffffff',
  fitTo: { mode: 'original' },
  font: {
    loadSystemFonts: false,
    fontFiles: [...CHART_FONT_FILES],
    defaultFontFamily: CHART_FONT_FAMILY,
    sansSerifFamily: CHART_FONT_FAMILY,
  },
  logLevel: 'off',
};

export function svgToPng(svg: string): Buffer {
  checkChartFont();
  return new (load().Resvg)(svg, OPTIONS).render().asPng();
}
