// SVG → PNG in-process with resvg (no browser, no external binary).
// Text needs a system font: the charts ask for DejaVu Sans (Debian: fonts-dejavu-core).
// Without any font installed resvg silently draws no text.
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

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
  return new Resvg(svg, OPTIONS).render().asPng();
}
