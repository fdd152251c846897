// Exact one-sided tests for small counts, as the digest's findings use them (src/core/recurrence.ts).
// Both are conditional tests: honest at any count, because they need no normal approximation and
// no rate known in advance. Also the smallest p-value each test could give with its margins, which
// the false-discovery correction uses to leave out tests that cannot be significant at all.

/** ln n! for whole n, from a table grown on demand (a digest asks for thousands). */
let logFactorials = new Float64Array([0]);
function logFactorial(n: number): number {
  if (n >= logFactorials.length) {
    const grown = new Float64Array(Math.max(n + 1, 2 * logFactorials.length));
    grown.set(logFactorials);
    for (let i = logFactorials.length; i < grown.length; i++) grown[i] = (grown[i - 1] as number) + Math.log(i);
    logFactorials = grown;
  }
  return logFactorials[n] as number;
}

const logChoose = (n: number, k: number): number => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

/** Sum of a tail whose terms shrink by `ratio(k)` from `first` on, until they no longer count. */
function tail(first: number, from: number, to: number, ratio: (k: number) => number): number {
  let term = first;
  let sum = first;
  for (let k = from; k < to && term > sum * 1e-15; k++) {
    term *= ratio(k);
    sum += term;
  }
  return Math.min(1, sum);
}

/**
 * P(X ≥ x) for X ~ Binomial(n, p). Used for the exact test of two Poisson rates: given that a
 * category occurred n times in the recent and the earlier months together, the recent months'
 * count is Binomial(n, recent months / all months) when the rate did not change.
 */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n || p <= 0) return 0;
  if (p >= 1) return 1;
  const first = Math.exp(logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p));
  const odds = p / (1 - p);
  return tail(first, x, n, (k) => ((n - k) / (k + 1)) * odds);
}

/**
 * P(X ≥ x) for X hypergeometric: `draws` taken without replacement from `population` of which
 * `successes` are marked. This is Fisher's exact test (one-sided) of a 2×2 table: a team's
 * `draws` spends, `x` of them in the category, against the rest of its municipality.
 */
export function hypergeometricUpperTail(x: number, population: number, successes: number, draws: number): number {
  const lo = Math.max(0, draws - (population - successes));
  const hi = Math.min(draws, successes);
  if (x <= lo) return 1;
  if (x > hi) return 0;
  const first = Math.exp(
    logChoose(successes, x) + logChoose(population - successes, draws - x) - logChoose(population, draws),
  );
  return tail(first, x, hi, (k) => ((successes - k) * (draws - k)) / ((k + 1) * (population - successes - draws + k + 1)));
}

/** The smallest p-value binomialUpperTail can give for this n and p: all n in the recent months. */
export function binomialMinP(n: number, p: number): number {
  return n <= 0 ? 1 : Math.pow(p, n);
}

/** The smallest p-value hypergeometricUpperTail can give with these margins: P(X = its maximum). */
export function hypergeometricMinP(population: number, successes: number, draws: number): number {
  const lo = Math.max(0, draws - (population - successes));
  const hi = Math.min(draws, successes);
  if (hi <= lo) return 1;
  return Math.exp(logChoose(successes, hi) + logChoose(population - successes, draws - hi) - logChoose(population, draws));
}
