// Which categories stand out in a team's spends, and why: the digest's findings.
//
// Two kinds, each with a reason a manager can check:
//   high    over the last 6 months this team spends clearly more often on the category, as a share
//           of its own spends, than the rest of its municipality does ("31% van de uitgaven van
//           dit team, 12% in de rest van de gemeente");
//   rising  the last 3 months' count is clearly above the team's own usual level from the 6 months
//           before ("9× in de laatste 3 maanden, gewoonlijk ongeveer 3×").
// "Clearly" is a test that is honest at small counts, plus a size that matters:
//   high    Fisher's exact test (one-sided) of the team's count against the rest of the municipality;
//   rising  the exact test of two Poisson rates: given the total over the 9 months, the recent
//           count is binomial with p = 3/9 when the rate did not change (honest even though the
//           usual level is itself estimated); at least 4 months of history, so a new team is not
//           "rising" in everything;
//   and the observed ratio at least 1.5 (a big team can be significantly, but not notably, above),
//   and at least 4 spends in the window ("four or five similar cases make a pattern").
// Across the categories and teams a digest shows (with the other teams of their municipalities,
// so a team's own digest is judged with its municipality) the tests are corrected for looking many
// times: Benjamini–Hochberg at a false-discovery rate of 10%, over the tests that can be significant
// at all (Tarone's screening, as Gilbert 2005 combines it with Benjamini–Hochberg): a category
// with 2 spends in a year can never be unusual and is not counted.
// The correction is over the digest's tests, not per municipality: per municipality, the many
// municipalities without any change together gave more chance findings than real ones (planted
// seed, bench section 7: precision 0.6–0.76 against 1.0). Measured there: no team-month of the
// stationary national data has a finding (the former rule: 22%), every finding on the planted seed
// is a planted signal; a doubling over 3 months in a team with a few spends a month is mostly too
// small to tell from chance, for any rule that keeps false alarms rare.
import { FALLBACK_SLUG } from './category.js';
import { binomialMinP, binomialUpperTail, hypergeometricMinP, hypergeometricUpperTail } from './exactTests.js';

export interface FindingSettings {
  /** Benjamini–Hochberg: the expected share of a digest's findings that are chance. */
  falseDiscoveryRate: number;
  /** A finding needs at least this many spends in its window: "four or five similar cases make a pattern". */
  minCount: number;
  /** `high`: the months compared with the municipality, the reported month included. */
  shareMonths: number;
  /** `high`: the team's share must be at least this factor times the rest of the municipality's. */
  minShareRatio: number;
  /** `high`: the rest of the municipality needs at least this many spends to compare with. */
  minReferenceSpends: number;
  /** `rising`: the recent months, the reported month included. */
  recentMonths: number;
  /** `rising`: the months before the recent ones that give the usual level. */
  historyMonths: number;
  /** `rising`: fewer months of history (a new team) → no `rising` test. */
  minHistoryMonths: number;
  /** `rising`: the recent count must be at least this factor times the usual level. */
  minRiseRatio: number;
  /** The same finding in at least this many teams of one municipality is reported once for them together. */
  minTeamsShared: number;
}

export const DEFAULT_FINDINGS: Readonly<FindingSettings> = Object.freeze({
  falseDiscoveryRate: 0.1,
  minCount: 4,
  shareMonths: 6,
  minShareRatio: 1.5,
  minReferenceSpends: 50,
  recentMonths: 3,
  historyMonths: 6,
  minHistoryMonths: 4,
  minRiseRatio: 1.5,
  minTeamsShared: 2,
});

/** How many months of spend the findings need, the reported month included. */
export function findingMonths(s: FindingSettings): number {
  return Math.max(s.shareMonths, s.recentMonths + s.historyMonths);
}

/** Never a pattern: no category, or the "nothing fits" category. */
/** The slug people pick when nothing fits (the category list's own fallback). */
export const OTHER_SLUG = FALLBACK_SLUG;
const isNamed = (slug: string): boolean => slug !== '' && slug !== OTHER_SLUG;

/** One category's spends in the windows the tests look at. */
export interface CategoryCounts {
  /** In the last shareMonths months (`high`). */
  shareWindow: number;
  /** In the recent months, in the reported month alone, and in the history months before (`rising`). */
  recent: number;
  month: number;
  history: number;
}

/** One team's counts per category slug ('' for none), as countInto() adds them up. */
export interface TeamCounts {
  teamId: number;
  /** Teams of one municipality are compared with each other and corrected together. */
  municipality: string;
  /** Months of history the team has before the recent months (it may be newer than historyMonths). */
  historyMonths: number;
  categories: ReadonlyMap<string, CategoryCounts>;
}

/**
 * Count `n` spends made `monthsAgo` months before the reported month (0: in it) into the windows
 * of `c`; `historyMonths` is how many months before the recent ones the team existed.
 */
export function countInto(c: CategoryCounts, monthsAgo: number, n: number, historyMonths: number, s: FindingSettings): void {
  if (monthsAgo === 0) c.month += n;
  if (monthsAgo < s.shareMonths) c.shareWindow += n;
  if (monthsAgo < s.recentMonths) c.recent += n;
  else if (monthsAgo < s.recentMonths + Math.min(historyMonths, s.historyMonths)) c.history += n;
}

export type Finding =
  | {
      kind: 'high';
      slug: string;
      /** The team's spends in the category, and all its spends, over `months`. */
      count: number;
      teamTotal: number;
      /** The same for the rest of the municipality. */
      referenceCount: number;
      referenceTotal: number;
      months: number;
      pValue: number;
    }
  | {
      kind: 'rising';
      slug: string;
      /** Spends in the category in the recent months, and in the reported month alone. */
      count: number;
      monthCount: number;
      recentMonths: number;
      /** In the `historyMonths` before: the count, and the level it gives for `recentMonths`. */
      historyCount: number;
      historyMonths: number;
      usual: number;
      pValue: number;
    };

/** A finding that may be significant: its p-value is at most the false-discovery rate. */
interface Candidate {
  teamId: number;
  finding: Finding;
  minP: number;
}

/**
 * Tests of some teams: every test's smallest possible p-value (Tarone's screening needs them all),
 * and the candidates with their finding (a test with p above q is never kept: no object).
 */
export interface Tests {
  minPs: number[];
  candidates: Candidate[];
}

/**
 * Test the teams of one municipality (each against the rest of it and against its own history),
 * adding to `tests`. `members` are all its teams, shown or not: they are the reference.
 */
export function testMunicipality(members: readonly TeamCounts[], settings: FindingSettings, tests: Tests): void {
  highShareTests(members, settings, tests);
  risingTests(members, settings, tests);
}

/** The findings kept after the correction over all `tests`: teamId → findings, strongest first. */
export function correctedFindings(tests: Tests, settings: FindingSettings): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const c of significant(tests, settings.falseDiscoveryRate)) {
    const list = out.get(c.teamId);
    if (list) list.push(c.finding);
    else out.set(c.teamId, [c.finding]);
  }
  for (const list of out.values()) list.sort(strongestFirst);
  return out;
}

function strongestFirst(a: Finding, b: Finding): number {
  return a.pValue - b.pValue || a.slug.localeCompare(b.slug) || a.kind.localeCompare(b.kind);
}

/** `high`: each team's share of a category over shareMonths against the rest of its municipality. */
function highShareTests(members: readonly TeamCounts[], s: FindingSettings, tests: Tests): void {
  // Totals per category and overall, of the municipality, over the share months.
  const perCategory = new Map<string, number>();
  const teamTotals: number[] = [];
  let total = 0;
  for (const t of members) {
    let teamTotal = 0;
    for (const [slug, c] of t.categories) {
      perCategory.set(slug, (perCategory.get(slug) ?? 0) + c.shareWindow);
      teamTotal += c.shareWindow;
    }
    teamTotals.push(teamTotal);
    total += teamTotal;
  }
  members.forEach((t, i) => {
    const teamTotal = teamTotals[i] as number;
    const referenceTotal = total - teamTotal;
    if (teamTotal === 0 || referenceTotal < s.minReferenceSpends) return;
    for (const [slug, c] of t.categories) {
      const count = c.shareWindow;
      if (!isNamed(slug) || count === 0) continue;
      const referenceCount = (perCategory.get(slug) ?? 0) - count;
      const population = teamTotal + referenceTotal;
      const marked = count + referenceCount;
      const minP = hypergeometricMinP(population, marked, teamTotal);
      tests.minPs.push(minP);
      // count / teamTotal ≥ ratio × referenceCount / referenceTotal, without dividing; a test that
      // cannot reach q is never significant, so its p-value is not needed.
      if (count < s.minCount || count * referenceTotal < s.minShareRatio * referenceCount * teamTotal || minP > s.falseDiscoveryRate) continue;
      const p = hypergeometricUpperTail(count, population, marked, teamTotal);
      if (p > s.falseDiscoveryRate) continue;
      tests.candidates.push({
        teamId: t.teamId,
        finding: { kind: 'high', slug, count, teamTotal, referenceCount, referenceTotal, months: s.shareMonths, pValue: p },
        minP,
      });
    }
  });
}

/** `rising`: each team's recent count of a category against its own months before. */
function risingTests(members: readonly TeamCounts[], s: FindingSettings, tests: Tests): void {
  for (const t of members) {
    const history = Math.min(s.historyMonths, t.historyMonths);
    if (history < s.minHistoryMonths) continue;
    const share = s.recentMonths / (s.recentMonths + history);
    for (const [slug, c] of t.categories) {
      const count = c.recent;
      if (!isNamed(slug) || count === 0) continue;
      const n = count + c.history;
      const minP = binomialMinP(n, share);
      tests.minPs.push(minP);
      const usual = (c.history * s.recentMonths) / history;
      if (count < s.minCount || count < s.minRiseRatio * usual || minP > s.falseDiscoveryRate) continue;
      const p = binomialUpperTail(count, n, share);
      if (p > s.falseDiscoveryRate) continue;
      tests.candidates.push({
        teamId: t.teamId,
        finding: {
          kind: 'rising',
          slug,
          count,
          monthCount: c.month,
          recentMonths: s.recentMonths,
          historyCount: c.history,
          historyMonths: history,
          usual: Math.round(usual * 10) / 10,
          pValue: p,
        },
        minP,
      });
    }
  }
}

/**
 * Benjamini–Hochberg at level q over the tests that can be significant (Tarone): K is the smallest
 * number such that at most K tests could reach q / K; only those m ≤ K tests count. Returns the
 * candidates kept.
 */
function significant(tests: Tests, q: number): Candidate[] {
  if (tests.candidates.length === 0) return [];
  const minPs = Float64Array.from(tests.minPs).sort();
  let k = 1;
  // countAtMost(q / k) does not grow with k: step k up until it fits.
  while (countAtMost(minPs, q / k) > k) k++;
  const m = countAtMost(minPs, q / k);
  const sorted = tests.candidates.filter((c) => c.minP <= q / k).sort(byPValue);
  let kept = 0;
  sorted.forEach((c, i) => {
    if (c.finding.pValue <= (q * (i + 1)) / m) kept = i + 1;
  });
  return sorted.slice(0, kept);
}

const byPValue = (a: Candidate, b: Candidate): number => a.finding.pValue - b.finding.pValue;

/** How many of the sorted values are ≤ limit. */
function countAtMost(sorted: Float64Array, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
