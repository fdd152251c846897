// (6) Category suggestion: throughput of suggestCategory and top-1 accuracy on the labelled set.
// Floors: throughput of foldText() over the same text (the normalisation any matcher needs), and
// the accuracy of always answering the most frequent label (the majority-class baseline).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accuracy, foldText, suggestCategory } from '../src/core/category.js';
import { spread, type Row } from './stats.js';

type Sample = { description: string; supplier: string; expected: string };

function perSecond(samples: readonly Sample[], fn: (s: Sample) => unknown, ms = 400): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms && n < 50_000_000) {
    for (const s of samples) fn(s);
    n += samples.length;
    t = performance.now();
  }
  return n / ((t - t0) / 1000);
}

export function benchCategory(): { rows: Row[]; notes: string[] } {
  const path = fileURLToPath(new URL('../test/fixtures/category-labelled.json', import.meta.url));
  const samples = JSON.parse(readFileSync(path, 'utf8')) as Sample[];
  let sink = 0;
  const suggest = (s: Sample) => (sink += suggestCategory({ description: s.description, supplierName: s.supplier }).score);
  const fold = (s: Sample) => (sink += foldText(s.description).length + foldText(s.supplier).length);
  perSecond(samples, suggest, 200);
  perSecond(samples, fold, 200);
  const v: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < 5; i++) {
    f.push(perSecond(samples, fold));
    v.push(perSecond(samples, suggest));
  }
  const acc = accuracy(samples);
  const freq = new Map<string, number>();
  for (const s of samples) freq.set(s.expected, (freq.get(s.expected) ?? 0) + 1);
  const majority = Math.max(...freq.values()) / samples.length;
  const one = (x: number) => ({ median: x, min: x, max: x, n: 1 });
  return {
    rows: [
      { section: '6', metric: 'category suggestion throughput', unit: 'suggestions/s', value: spread(v), floor: spread(f), better: 'higher', goal: '', met: null },
      { section: '6', metric: `category top-1 accuracy (${samples.length} labelled)`, unit: '%', value: one(100 * acc.ratio), floor: one(100 * majority), better: 'higher', goal: '', met: null },
    ],
    notes: [`(6) floors: foldText() of the same texts; always the most frequent label (${(100 * majority).toFixed(1)}%). Misses: ${acc.misses.length}. (checksum ${sink % 7})`],
  };
}
