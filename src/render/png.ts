// SVG → PNG in-process with resvg (no browser, no external binary).
// Text needs a system font: the charts ask for DejaVu Sans (Debian: fonts-dejavu-core).
// Without any font installed resvg silently draws no text.
// resvg (a native module) is loaded on the first chart, not at start-up: the bot draws a chart
// once a month, and the library costs memory for as long as the process runs.
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: ResvgModule | undefined;
const load = (): ResvgModule => (resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule);

const OPTIONS: ResvgRenderOptions = {
  background: '#ffffff',
  fitTo: { mode: 'original' },
  font: {
    loadSystemFonts: true,
    defaultFontFamily: 'DejaVu Sans',
    sansSerifFamily: 'DejaVu Sans',
  },
  logLevel: 'off',
};

export function svgToPng(svg: string): Buffer {
  return new (load().Resvg)(svg, OPTIONS).render().asPng();
}
