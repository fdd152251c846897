/**
 * Features and counts for the learned category model (categoryModel.ts). Pure.
 *
 * A request's features: its folded description words, its supplier-name words and the character
 * 3–5-grams of both (so 'tandartsrekening' shares evidence with 'tandarts', and a team's own
 * spelling 'mondhyg.' with 'mondhygiëne'). Dutch function words are left out.
 */
import { foldText, supplierKey } from './category.js';

export type Correction = { description: string; supplierName: string; slug: string };

const NGRAM_MIN = 3;
const NGRAM_MAX = 5;

// ---------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------

/** Feature kinds by key prefix: 0 word (w), 1 supplier word (s), 2 character n-gram (c). */
export type Kind = 0 | 1 | 2;

export function kindOf(key: string): Kind {
  return key.charCodeAt(0) === 119 ? 0 : key.charCodeAt(0) === 115 ? 1 : 2;
}

/**
 * Dutch (and a few English) function words. With tens of corrections, not thousands, naive
 * Bayes reads chance differences in 'voor' or 'niet' between categories as evidence.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  ('de het een en of maar dat die dit deze der des van voor na naar met zonder bij in op aan uit ' +
    'over onder tot door om te als dan ook nog al niet geen wel is zijn was waren heeft hebben had ' +
    'kan kon kunnen moet moeten wil wilde willen wordt worden werd zal zou zullen er hier daar wat wie ' +
    'hoe waar dus want omdat zodat nu meer veel weer alleen anders zo ze zij hij haar hem hun ons onze ' +
    'mijn je jij jou u uw we wij ik me mij men per ' +
    'the an and or of for to in on at with without no not is are was be by from')
    .split(' '),
);

export function tokens(folded: string): string[] {
  // Pure numbers (amounts, years) say nothing about the category either.
  return folded.split(' ').filter((t) => t.length >= 2 && !STOPWORDS.has(t) && !/^\d+$/.test(t));
}

export function addGrams(out: Map<string, number>, token: string, weight: number): void {
  const padded = ` ${token} `;
  for (let n = NGRAM_MIN; n <= NGRAM_MAX; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      const k = `c${padded.slice(i, i + n)}`;
      out.set(k, (out.get(k) ?? 0) + weight);
    }
  }
}

/**
 * Feature occurrences of a request (key → count; kind weights are applied later). Supplier
 * n-grams count half: the supplier name is shorter evidence than the description.
 */
export function requestFeatures(description: string, supplierName: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens(foldText(description))) {
    out.set(`w${t}`, (out.get(`w${t}`) ?? 0) + 1);
    addGrams(out, t, 1);
  }
  for (const t of tokens(supplierKey(supplierName))) {
    out.set(`s${t}`, (out.get(`s${t}`) ?? 0) + 1);
    addGrams(out, t, 0.5);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Counting corrections
// ---------------------------------------------------------------------------------------

/** Counts of a set of corrections: plain, immutable, independent of the model options. */
export interface CorrectionCounts {
  readonly corrections: number;
  readonly slugs: readonly string[];
  /** Per slug index: number of corrections. */
  readonly docs: readonly number[];
  /** Per slug index, per feature kind: summed feature counts. */
  readonly mass: readonly (readonly [number, number, number])[];
  /** Feature key → flat [slugIndex, count, slugIndex, count, ...]. */
  readonly features: ReadonlyMap<string, readonly number[]>;
}

/**
 * Count corrections once. The workspace counts are the same for every team of the workspace:
 * build them once and pass them to buildCategoryModel for each team.
 */
export function countCorrections(corrections: readonly Correction[]): CorrectionCounts {
  const slugIndex = new Map<string, number>();
  const docs: number[] = [];
  const mass: [number, number, number][] = [];
  // Feature → flat [slugIndex, count, ...]: a feature occurs under few categories, so a short
  // array beats a Map per feature (builds are on the request path when the cache is cold).
  const features = new Map<string, number[]>();
  for (const c of corrections) {
    let i = slugIndex.get(c.slug);
    if (i === undefined) {
      i = slugIndex.size;
      slugIndex.set(c.slug, i);
      docs.push(0);
      mass.push([0, 0, 0]);
    }
    docs[i]! += 1;
    for (const [key, n] of requestFeatures(c.description, c.supplierName)) {
      mass[i]![kindOf(key)] += n;
      const per = features.get(key);
      if (per === undefined) {
        features.set(key, [i, n]);
        continue;
      }
      let j = 0;
      while (j < per.length && per[j] !== i) j += 2;
      if (j < per.length) per[j + 1]! += n;
      else per.push(i, n);
    }
  }
  return Object.freeze({
    corrections: corrections.length,
    slugs: Object.freeze([...slugIndex.keys()]),
    docs: Object.freeze(docs),
    mass: Object.freeze(mass.map((m) => Object.freeze(m))),
    features,
  });
}
