/**
 * Category suggestion that learns from the team's own choices.
 *
 * The keyword table (category.ts) knows generic words; a team writes in its own words
 * ("Jansen mondhyg.", "WW-kleding PostNL"). Every time a requester confirms or changes the
 * suggested category, that (description, supplier, category) is a labelled example: a
 * Correction. This module is a multinomial naive Bayes classifier over those examples with
 * the keyword table as its prior. Pure: plain data in, plain data out, deterministic.
 *
 * For each candidate category c (available, and either a keyword hit or learned):
 *
 *   score(c) = KEYWORD_NATS·kw(c) + HISTORY_NATS·[c is the supplier-history choice]   log-prior
 *            + LIKELIHOOD_WEIGHT · Σ_f x_f · log(θ(c,f) · V)                          evidence E(c)
 *
 * kw(c) is suggestCategory's summed keyword weight. f runs over the request's features that
 * occur in some correction (words, supplier words, character 3–5-grams: categoryCounts.ts), x_f
 * is its count × FEATURE_WEIGHT, divided by the number of categories f was filed under
 * (SPREAD_POWER). θ(c,f) = (m(c,f) + ALPHA) / (m(c) + ALPHA·V) is the Laplace-smoothed share of
 * f in c's feature mass, m = TEAM_WEIGHT·team counts + WORKSPACE_WEIGHT·workspace counts, and
 * V = max(distinct features seen, VOCABULARY_FLOOR). So a category without corrections has
 * E = 0 (θ = 1/V), and E(c) > 0 means the request resembles what was filed under c.
 * LIKELIHOOD_WEIGHT < 1 tempers naive Bayes' double counting of overlapping words and n-grams.
 * The class prior is uniform: the team's own category frequencies cost accuracy on the tuning
 * data (the keyword prior already carries what is common). Corrections override the prior
 * only when E(winner) > MIN_EVIDENCE. Without corrections the answer is exactly
 * suggestCategory's.
 *
 * The constants were chosen on the tuning half of test/fixtures/category-labelled.json and the
 * first 140 samples of category-own-words.json (bench/category.ts reports on the rest), under
 * the condition that two identical team corrections overrule a decisive keyword and one teaches
 * a phrase the table does not know.
 */
import {
  DEFAULT_CATEGORIES,
  foldText,
  suggestCategoryRanked,
  supplierKey,
  type Suggestion,
  type SupplierHistory,
} from './category.js';
import { addGrams, countCorrections, kindOf, requestFeatures, tokens, type Correction, type CorrectionCounts } from './categoryCounts.js';

export { countCorrections, type Correction, type CorrectionCounts } from './categoryCounts.js';

/** A team's own correction counts fully; one from elsewhere in the workspace for this much. */
export const TEAM_WEIGHT = 1;
export const WORKSPACE_WEIGHT = 0.25;
/** Laplace smoothing (pseudo-count per feature and category). */
export const ALPHA = 0.5;
/** Log-prior per unit of keyword weight (3 = decisive keyword ≈ e^3 odds). */
export const KEYWORD_NATS = 1;
/** Log-prior bonus for the category the supplier history points to (suggestCategory step 1). */
export const HISTORY_NATS = 4;
/** Tempers the evidence: overlapping n-grams and words are not independent. */
export const LIKELIHOOD_WEIGHT = 0.25;
/** Corrections override the prior only when E(winner) is above this (nats, untempered). */
export const MIN_EVIDENCE = 2;
/**
 * A feature seen under k categories counts k^-SPREAD_POWER times: a word the teams file under
 * many categories (their neighbourhood's name, their 'cl.') says little about which one.
 */
export const SPREAD_POWER = 1;
/**
 * V is at least this: the words and n-grams a team will use, not just those in its first few
 * corrections. With V = the handful seen so far, the uniform distribution θ = 1/V that stands
 * for 'no corrections' would rival a category learnt from three identical corrections.
 */
export const VOCABULARY_FLOOR = 10_000;
/** Weight of one feature occurrence, by kind: a word counts as much as four of its n-grams. */
export const FEATURE_WEIGHT = { word: 1, supplier: 1, char: 0.25 } as const;

export type ModelOptions = {
  teamWeight: number;
  workspaceWeight: number;
  alpha: number;
  keywordNats: number;
  historyNats: number;
  likelihoodWeight: number;
  minEvidence: number;
  spreadPower: number;
  vocabularyFloor: number;
  featureWeight: { word: number; supplier: number; char: number };
};

export const DEFAULT_MODEL_OPTIONS: Readonly<ModelOptions> = Object.freeze({
  teamWeight: TEAM_WEIGHT,
  workspaceWeight: WORKSPACE_WEIGHT,
  alpha: ALPHA,
  keywordNats: KEYWORD_NATS,
  historyNats: HISTORY_NATS,
  likelihoodWeight: LIKELIHOOD_WEIGHT,
  minEvidence: MIN_EVIDENCE,
  spreadPower: SPREAD_POWER,
  vocabularyFloor: VOCABULARY_FLOOR,
  featureWeight: FEATURE_WEIGHT,
});

// ---------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------

export interface CategoryModel {
  readonly options: Readonly<ModelOptions>;
  readonly team: CorrectionCounts;
  readonly workspace: CorrectionCounts;
  /** Every slug with a correction; the indexes below refer to it. */
  readonly slugs: readonly string[];
  readonly slugIndex: ReadonlyMap<string, number>;
  readonly teamIndex: readonly number[];
  readonly workspaceIndex: readonly number[];
  /** log(ALPHA·V / (m(c) + ALPHA·V)): the evidence of an in-vocabulary feature unseen under c. */
  readonly unseen: readonly number[];
  readonly vocabulary: number;
}

const kindWeights = (o: ModelOptions): readonly [number, number, number] => [
  o.featureWeight.word,
  o.featureWeight.supplier,
  o.featureWeight.char,
];

const counted = (x: readonly Correction[] | CorrectionCounts): CorrectionCounts =>
  'features' in x ? x : countCorrections(x);

/**
 * Build the model of one team. `team`: this team's corrections. `workspace`: the corrections of
 * the whole workspace (this team's included or not: included, they count TEAM_WEIGHT +
 * WORKSPACE_WEIGHT). Either may be given as countCorrections(...) when the caller caches that
 * (the workspace counts are the same for every team). Cheap: see bench section 6.
 */
export function buildCategoryModel(
  input: { team: readonly Correction[] | CorrectionCounts; workspace: readonly Correction[] | CorrectionCounts },
  opts: Partial<ModelOptions> = {},
): CategoryModel {
  const options: Readonly<ModelOptions> = Object.freeze({ ...DEFAULT_MODEL_OPTIONS, ...opts });
  const team = counted(input.team);
  const workspace = counted(input.workspace);
  const slugs = [...new Set([...team.slugs, ...workspace.slugs])];
  const at = new Map(slugs.map((s, i) => [s, i] as const));
  const teamIndex = team.slugs.map((s) => at.get(s)!);
  const workspaceIndex = workspace.slugs.map((s) => at.get(s)!);
  const w = kindWeights(options);
  const mass = slugs.map(() => 0);
  const add = (counts: CorrectionCounts, index: readonly number[], weight: number) =>
    counts.slugs.forEach((_, i) => {
      const j = index[i]!;
      const m = counts.mass[i]!;
      mass[j]! += weight * (w[0] * m[0] + w[1] * m[1] + w[2] * m[2]);
    });
  add(team, teamIndex, options.teamWeight);
  add(workspace, workspaceIndex, options.workspaceWeight);
  let vocabulary = workspace.features.size;
  for (const key of team.features.keys()) if (!workspace.features.has(key)) vocabulary += 1;
  const av = options.alpha * Math.max(vocabulary, options.vocabularyFloor, 1);
  return Object.freeze({
    options,
    team,
    workspace,
    slugs: Object.freeze(slugs),
    slugIndex: at,
    teamIndex: Object.freeze(teamIndex),
    workspaceIndex: Object.freeze(workspaceIndex),
    unseen: Object.freeze(mass.map((m) => Math.log(av / (m + av)))),
    vocabulary,
  });
}

// ---------------------------------------------------------------------------------------
// Suggesting
// ---------------------------------------------------------------------------------------

/**
 * E(c) per model slug, and optionally, per feature, what it taught: log(1 + m(c,f)/ALPHA)
 * weighted by x_f (the part of E that differs from an unseen feature).
 */
function evidence(
  model: CategoryModel,
  feats: ReadonlyMap<string, number>,
  perFeature?: Map<string, Float64Array>,
): Float64Array {
  const o = model.options;
  const w = kindWeights(o);
  const k = model.slugs.length;
  const e = new Float64Array(k);
  const m = new Float64Array(k);
  let inVocabulary = 0;
  for (const [key, n] of feats) {
    const t = model.team.features.get(key);
    const ws = model.workspace.features.get(key);
    if (t === undefined && ws === undefined) continue; // never seen: no evidence either way
    const kw = w[kindOf(key)];
    m.fill(0);
    if (t) for (let i = 0; i < t.length; i += 2) m[model.teamIndex[t[i]!]!]! += o.teamWeight * kw * t[i + 1]!;
    if (ws) for (let i = 0; i < ws.length; i += 2) m[model.workspaceIndex[ws[i]!]!]! += o.workspaceWeight * kw * ws[i + 1]!;
    let spread = 0;
    for (let c = 0; c < k; c++) if (m[c]! > 0) spread += 1;
    const x = (n * kw) / spread ** o.spreadPower;
    inVocabulary += x;
    const taught = perFeature ? new Float64Array(k) : undefined;
    for (let c = 0; c < k; c++) {
      if (m[c]! <= 0) continue;
      const v = x * Math.log1p(m[c]! / o.alpha);
      e[c]! += v;
      if (taught) taught[c] = v;
    }
    if (taught) perFeature!.set(key, taught);
  }
  for (let c = 0; c < k; c++) e[c]! += inVocabulary * model.unseen[c]!;
  return e;
}

const TABLE_ORDER: ReadonlyMap<string, number> = new Map(DEFAULT_CATEGORIES.map((c, i) => [c.slug, i] as const));

function countFor(counts: CorrectionCounts, slug: string): number {
  const i = counts.slugs.indexOf(slug);
  return i < 0 ? 0 : counts.docs[i]!;
}

/** The two request words (description or supplier) that most taught the model `slug` over `versus`. */
function teachingWords(model: CategoryModel, description: string, supplierName: string, slug: string, versus: string): string[] {
  const feats = requestFeatures(description, supplierName);
  const perFeature = new Map<string, Float64Array>();
  evidence(model, feats, perFeature);
  const b = model.slugs.indexOf(slug);
  const v = model.slugs.indexOf(versus);
  const gain = (key: string) => {
    const t = perFeature.get(key);
    return t ? t[b]! - (v < 0 ? 0 : t[v]!) : 0;
  };
  const byWord = new Map<string, number>();
  const score = (kind: 'w' | 's', token: string) => {
    const grams = new Map<string, number>();
    addGrams(grams, token, 1);
    let g = gain(`${kind}${token}`);
    for (const key of grams.keys()) g += gain(key);
    byWord.set(token, Math.max(byWord.get(token) ?? -Infinity, g));
  };
  for (const t of tokens(foldText(description))) score('w', t);
  for (const t of tokens(supplierKey(supplierName))) score('s', t);
  return [...byWord]
    .filter(([, g]) => g > 0)
    .sort(([ta, a], [tb, b2]) => b2 - a || (ta < tb ? -1 : ta > tb ? 1 : 0))
    .slice(0, 2)
    .map(([t]) => t);
}

/**
 * The suggestion for a request: the same shape and the same answer as suggestCategory while
 * the model has no corrections; with corrections, the category with the best score above
 * (source 'learned' when the corrections changed or decided the answer). Always one of
 * `available` (default: all DEFAULT_CATEGORIES).
 */
export function suggestWithModel(
  model: CategoryModel,
  input: { description: string; supplierName: string; history?: readonly SupplierHistory[]; available?: readonly string[] },
): Suggestion {
  const ranked = suggestCategoryRanked(input);
  const prior = ranked.suggestion;
  if (model.team.corrections + model.workspace.corrections === 0) return prior;
  const o = model.options;
  const available = new Set(input.available ?? DEFAULT_CATEGORIES.map((c) => c.slug));
  const kw = new Map(ranked.keywordScores.map((s) => [s.slug, s.score] as const));
  const e = evidence(model, requestFeatures(input.description, input.supplierName));
  const at = model.slugIndex;

  const candidates = [...new Set([prior.slug, ...kw.keys(), ...model.slugs])].filter((s) => available.has(s));
  const scored = candidates.map((slug) => {
    const i = at.get(slug);
    const evidenceOf = i === undefined ? 0 : e[i]!;
    const prior_ =
      o.keywordNats * (kw.get(slug) ?? 0) + (prior.source === 'supplier_history' && slug === prior.slug ? o.historyNats : 0);
    return { slug, evidence: evidenceOf, score: prior_ + o.likelihoodWeight * evidenceOf };
  });
  // Best score; ties: the prior's answer, then table order, then slug.
  const rank = (s: string) => (s === prior.slug ? -1 : (TABLE_ORDER.get(s) ?? Number.MAX_SAFE_INTEGER));
  scored.sort((a, b) => b.score - a.score || rank(a.slug) - rank(b.slug) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const best = scored[0];
  // Corrections override the prior only with positive evidence for the winner.
  if (!best || best.evidence <= o.minEvidence) return prior;
  if (best.slug === prior.slug && prior.source !== 'fallback') return prior;

  const top = best.score;
  const z = scored.reduce((sum, s) => sum + Math.exp(s.score - top), 0);
  const inTeam = countFor(model.team, best.slug);
  const words = teachingWords(model, input.description, input.supplierName, best.slug, prior.slug);
  const from =
    inTeam > 0
      ? `geleerd van ${inTeam} ${inTeam === 1 ? 'correctie' : 'correcties'} in dit team`
      : `geleerd van ${countFor(model.workspace, best.slug)} ${countFor(model.workspace, best.slug) === 1 ? 'correctie' : 'correcties'} in andere teams`;
  return {
    slug: best.slug,
    source: 'learned',
    score: Math.round((1 / z) * 1000) / 1000,
    explanation: words.length > 0 ? `${from}: ${words.map((t) => `"${t}"`).join(', ')}` : from,
  };
}
