import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, accuracy, suggestCategory } from '../../src/core/category.js';
import labelled from '../fixtures/category-labelled.json' with { type: 'json' };

interface Sample {
  description: string;
  supplier: string;
  expected: string;
  split?: 'holdout';
}

const samples: readonly Sample[] = labelled as Sample[];
const tuned = samples.filter((s) => s.split !== 'holdout');
const holdout = samples.filter((s) => s.split === 'holdout');
const slugs = DEFAULT_CATEGORIES.map((c) => c.slug);

function confusionSummary(set: readonly Sample[]): string {
  const lines: string[] = [];
  for (const slug of slugs) {
    const rows = set.filter((s) => s.expected === slug);
    const wrong = new Map<string, number>();
    let ok = 0;
    for (const s of rows) {
      const got = suggestCategory({ description: s.description, supplierName: s.supplier }).slug;
      if (got === slug) ok += 1;
      else wrong.set(got, (wrong.get(got) ?? 0) + 1);
    }
    const falsePos = set.filter(
      (s) => s.expected !== slug && suggestCategory({ description: s.description, supplierName: s.supplier }).slug === slug,
    ).length;
    const confused = [...wrong.entries()].map(([g, n]) => `${g}×${n}`).join(', ');
    lines.push(
      `  ${slug.padEnd(13)} ${String(ok).padStart(3)}/${String(rows.length).padEnd(3)} false+ ${falsePos}${confused ? `  → ${confused}` : ''}`,
    );
  }
  return lines.join('\n');
}

describe('category suggestion accuracy on the labelled set', () => {
  it('has a well-formed labelled set covering every category', () => {
    expect(samples.length).toBeGreaterThanOrEqual(170);
    expect(holdout.length).toBeGreaterThanOrEqual(35);
    for (const s of samples) expect(slugs).toContain(s.expected);
    for (const slug of slugs) {
      const n = samples.filter((s) => s.expected === slug).length;
      expect(n, slug).toBeGreaterThanOrEqual(slug === 'overig' ? 5 : 8);
    }
  });

  it('reaches ≥ 0.9 top-1 accuracy overall (and reports tuned vs held-out)', () => {
    const all = accuracy(samples);
    const t = accuracy(tuned);
    const h = accuracy(holdout);
    const pct = (r: { correct: number; total: number; ratio: number }) =>
      `${r.correct}/${r.total} = ${(r.ratio * 100).toFixed(1)}%`;
    console.log(
      [
        `category accuracy — overall ${pct(all)}, tuned ${pct(t)}, held-out ${pct(h)}`,
        'per category (all samples): correct/total, false positives, confused with',
        confusionSummary(samples),
        ...all.misses.map((m) => `  miss: expected ${m.expected}, got ${m.got}: ${m.description}`),
      ].join('\n'),
    );
    expect(all.ratio).toBeGreaterThanOrEqual(0.9);
    expect(h.ratio).toBeGreaterThanOrEqual(0.85);
  });
});
