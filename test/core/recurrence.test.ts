// The digest's findings on small seeded data with known answers: stationary teams get nothing, a
// planted doubling is found with its reason, a small team's lucky month is not, a team that spends
// far more often on one category than its municipality is found, and the same finding in several
// teams of a municipality is reported once. Plus the exact tests against brute-force sums.
import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestInput, type SpendRow } from '../../src/core/digest.js';
import { binomialUpperTail, hypergeometricUpperTail } from '../../src/core/exactTests.js';
import { DEFAULT_FINDINGS } from '../../src/core/recurrence.js';
import { digestAltText, digestText, findingLine } from '../../src/core/digestText.js';
import { digestChartInput } from '../../src/core/digest.js';
import { toPlain } from '../../src/core/text.js';
import { addMonthsKey } from '../../src/core/time.js';

const MONTH = '2026-10';
/** The 9 months the findings look at: February up to and including October 2026. */
const MONTHS = Array.from({ length: 9 }, (_, i) => addMonthsKey(MONTH, i - 8));

type Mix = Record<string, number>;
/** A stationary team: 8 spends a month, the same mix every month. */
const STEADY: Mix = { mondzorg: 2, huur_energie: 2, witgoed: 2, kleding: 1, werk: 1 };

/** Spend rows of one team: `mix(month)` spends per category, € 100 each. */
function rows(teamId: number, mix: (month: string) => Mix): SpendRow[] {
  return MONTHS.flatMap((month) =>
    Object.entries(mix(month))
      .filter(([, n]) => n > 0)
      .map(([slug, n]) => ({ teamId, month, categorySlug: slug, count: n, totalCents: n * 10_000 })),
  );
}

const recent = (month: string) => month >= addMonthsKey(MONTH, -2);

const categories = [
  { slug: 'mondzorg', labelNl: 'Mondzorg / tandarts', labelEn: 'Dental care' },
  { slug: 'huur_energie', labelNl: 'Huur- en energieachterstand', labelEn: 'Rent and energy arrears' },
  { slug: 'witgoed', labelNl: 'Witgoed', labelEn: 'White goods' },
  { slug: 'kleding', labelNl: 'Kleding', labelEn: 'Clothing' },
  { slug: 'werk', labelNl: 'Werk', labelEn: 'Work' },
];

interface TeamSpec {
  id: number;
  name: string;
  municipality: string;
  mix: (month: string) => Mix;
}

function input(teams: readonly TeamSpec[], shown: readonly number[] = teams.map((t) => t.id)): DigestInput {
  return {
    month: MONTH,
    asOf: new Date('2026-11-02T08:00:00Z'),
    teams: teams
      .filter((t) => shown.includes(t.id))
      .map((t) => ({ teamId: t.id, name: t.name, municipality: t.municipality, annualBudgetCents: null, usedThisYearCents: 0 })),
    peers: teams.filter((t) => !shown.includes(t.id)).map((t) => ({ teamId: t.id, municipality: t.municipality })),
    spend: teams.flatMap((t) => rows(t.id, t.mix)),
    closed: [],
    onHold: [],
    open: [],
    approvalDurationsMs: [],
    categories,
  };
}

// Municipality "slack:TNOORD": five stationary teams, one whose dental spends double from 8 to 16 a
// month in August–October, and one small team (2 a month) with one lucky month of 4 dental spends.
const steady = (id: number): TeamSpec => ({ id, name: `Noord ${id}`, municipality: 'slack:TNOORD', mix: () => STEADY });
const noord: TeamSpec[] = [
  ...[1, 2, 3, 4, 5].map(steady),
  { id: 6, name: 'Noord 6', municipality: 'slack:TNOORD', mix: (m) => ({ ...STEADY, mondzorg: recent(m) ? 16 : 8 }) },
  { id: 7, name: 'Noord 7', municipality: 'slack:TNOORD', mix: (m) => ({ mondzorg: m === MONTH ? 4 : 1, huur_energie: 1 }) },
];

describe('findings: stationary, a doubling, a small team', () => {
  const d = buildDigest(input(noord));
  const team = (id: number) => d.teams.find((t) => t.teamId === id)!;

  it('gives a stationary team no finding', () => {
    for (const id of [1, 2, 3, 4, 5]) expect(team(id).findings).toEqual([]);
  });

  it('finds the planted doubling as rising, with its numbers and reason', () => {
    // Recent months: 3 × 16 = 48 dental spends; the 6 months before: 6 × 8 = 48, so usually 24 in 3
    // months. Unchanged, the recent count would be Binomial(96, 3/9): P(X ≥ 48) ≈ 5.4e-4.
    const rising = team(6).findings.find((f) => f.kind === 'rising' && f.slug === 'mondzorg');
    expect(rising).toMatchObject({ kind: 'rising', count: 48, monthCount: 16, recentMonths: 3, historyCount: 48, historyMonths: 6, usual: 24 });
    expect(rising?.pValue).toBeCloseTo(binomialUpperTail(48, 96, 1 / 3), 12);
    expect(rising?.pValue).toBeCloseTo(5.4e-4, 5);
    expect(toPlain([{ k: 'list', items: [findingLine(rising!, 'nl')] }])).toBe(
      '• Mondzorg / tandarts stijgt: 48× in de laatste 3 maanden, gewoonlijk ongeveer 24× (16× deze maand)',
    );
    expect(toPlain([{ k: 'list', items: [findingLine(rising!, 'en')] }])).toBe(
      '• Dental care is rising: 48 in the last 3 months, usually about 24 (16 this month)',
    );
    // Its dental share is also far above the rest of the municipality's (8 of 14 a month before
    // the rise, against 2 of 8); nothing else in that team is flagged.
    expect(team(6).findings.map((f) => [f.kind, f.slug])).toEqual([
      ['high', 'mondzorg'],
      ['rising', 'mondzorg'],
    ]);
  });

  it('does not flag a small team (2 spends a month) on one lucky month', () => {
    // 1 + 1 + 4 = 6 dental spends in the recent months against 6 in the 6 months before:
    // P(X ≥ 6 | Binomial(12, 1/3)) ≈ 0.18, nowhere near significant.
    expect(binomialUpperTail(6, 12, 1 / 3)).toBeGreaterThan(0.1);
    expect(team(7).findings).toEqual([]);
  });

  it("a team's own digest (with its municipality's teams as peers) gives the findings of the municipality's digest", () => {
    const alone = buildDigest(input(noord, [6]));
    expect(alone.teams).toHaveLength(1);
    expect(alone.teams[0]?.findings).toEqual(team(6).findings);
    expect(alone.overall.findings).toEqual(team(6).findings);
  });

  it('puts the flagged category in the chart with its own colour and in the alt text', () => {
    const alone = buildDigest(input(noord, [6]));
    const chart = digestChartInput(alone);
    const dental = chart.series.find((s) => s.slug === 'mondzorg');
    expect(dental?.flagged).toBe(true);
    expect(dental?.color).toBeUndefined(); // a palette colour, not the grey of the rest
    expect(digestAltText(alone).split('\n').slice(1, 3)).toEqual([
      'Opvallend: Mondzorg / tandarts: 67% van de uitgaven van dit team in de laatste 6 maanden (72 van 108), 27% in de rest van de gemeente',
      'Opvallend: Mondzorg / tandarts stijgt: 48× in de laatste 3 maanden, gewoonlijk ongeveer 24× (16× deze maand)',
    ]);
  });
});

describe('findings: structurally high against the rest of the municipality', () => {
  // Team 16 spends 4 of its 10 spends a month on dental care; the four other teams 1 of 10.
  const mix = (dental: number): Mix => ({ mondzorg: dental, huur_energie: 4, witgoed: 10 - 4 - dental });
  const zuid: TeamSpec[] = [12, 13, 14, 15].map((id) => ({ id, name: `Zuid ${id}`, municipality: 'slack:TZUID', mix: () => mix(1) }));
  zuid.push({ id: 16, name: 'Zuid 16', municipality: 'slack:TZUID', mix: () => mix(4) });
  const d = buildDigest(input(zuid));

  it('finds the high share with both shares and Fisher’s exact p-value', () => {
    const f = d.teams.find((t) => t.teamId === 16)!.findings;
    expect(f).toHaveLength(1);
    // Over 6 months: 24 of the team's 60 spends, against 24 of the other teams' 240.
    expect(f[0]).toMatchObject({ kind: 'high', slug: 'mondzorg', count: 24, teamTotal: 60, referenceCount: 24, referenceTotal: 240, months: 6 });
    expect(f[0]?.pValue).toBeCloseTo(hypergeometricUpperTail(24, 300, 48, 60), 12);
    expect(toPlain([{ k: 'list', items: [findingLine(f[0]!, 'nl')] }])).toBe(
      '• Mondzorg / tandarts: 40% van de uitgaven van dit team in de laatste 6 maanden (24 van 60), 10% in de rest van de gemeente',
    );
    for (const id of [12, 13, 14, 15]) expect(d.teams.find((t) => t.teamId === id)!.findings).toEqual([]);
  });
});

describe('findings shared by several teams of a municipality', () => {
  // Municipality "slack:TOOST": dental doubles in 3 of its 6 teams.
  const oost: TeamSpec[] = [21, 22, 23, 24, 25, 26].map((id) => ({
    id,
    name: `Oost ${id}`,
    municipality: 'slack:TOOST',
    mix: (m) => ({ ...STEADY, mondzorg: id <= 23 && recent(m) ? 16 : 8 }),
  }));
  const d = buildDigest(input(oost));

  it('reports the finding once in the overall section, naming the teams', () => {
    expect(d.shared).toHaveLength(1);
    expect(d.shared[0]).toMatchObject({ kind: 'rising', slug: 'mondzorg', labelNl: 'Mondzorg / tandarts', labelEn: 'Dental care', municipality: 'slack:TOOST' });
    expect(d.shared[0]?.teams.map((t) => [t.teamId, t.name, t.finding.count, t.finding.kind === 'rising' && t.finding.usual])).toEqual([
      [21, 'Oost 21', 48, 24],
      [22, 'Oost 22', 48, 24],
      [23, 'Oost 23', 48, 24],
    ]);
    const plain = toPlain(digestText(d));
    expect(plain).toContain(
      'Opvallende categorieën\n• Mondzorg / tandarts stijgt in 3 teams van deze gemeente (laatste 3 maanden): Oost 21 (48×, gewoonlijk ongeveer 24×), Oost 22 (48×, gewoonlijk ongeveer 24×), Oost 23 (48×, gewoonlijk ongeveer 24×)\n',
    );
    expect(plain.match(/Mondzorg \/ tandarts stijgt/g)).toHaveLength(1);
    // The team lines do not repeat it.
    expect(plain).toContain('• Oost 21: 22× € 2.200,00\n');
    expect(plain).toContain('Dental care is rising in 3 teams of this municipality (last 3 months): Oost 21 (48, usually about 24),');
  });

  it("a team's own digest says how many other teams share its finding", () => {
    const alone = buildDigest(input(oost, [21]));
    expect(alone.teams[0]?.findings.map((f) => [f.kind, f.slug, f.alsoInTeams])).toEqual([['rising', 'mondzorg', 2]]);
    expect(toPlain(digestText(alone))).toContain('(16× deze maand) — ook in 2 andere teams van de gemeente');
  });

  it('keeps the default settings in one frozen object', () => {
    expect(Object.isFrozen(DEFAULT_FINDINGS)).toBe(true);
    expect(d.settings).toBe(DEFAULT_FINDINGS);
  });
});

describe('exact tests', () => {
  const choose = (n: number, k: number): number => {
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return r;
  };

  it('binomial upper tail equals the direct sum', () => {
    for (const [x, n, p] of [[3, 10, 0.25], [0, 5, 0.5], [12, 24, 1 / 3], [7, 7, 0.3], [1, 1, 0.9]] as const) {
      let direct = 0;
      for (let k = x; k <= n; k++) direct += choose(n, k) * p ** k * (1 - p) ** (n - k);
      expect(binomialUpperTail(x, n, p)).toBeCloseTo(direct, 12);
    }
    expect(binomialUpperTail(11, 10, 0.5)).toBe(0);
  });

  it('hypergeometric upper tail equals the direct sum', () => {
    for (const [x, N, K, n] of [[3, 20, 7, 5], [5, 50, 10, 12], [2, 10, 2, 2], [0, 10, 3, 4]] as const) {
      let direct = 0;
      for (let k = x; k <= Math.min(K, n); k++) direct += (choose(K, k) * choose(N - K, n - k)) / choose(N, n);
      expect(hypergeometricUpperTail(x, N, K, n)).toBeCloseTo(direct, 12);
    }
  });
});
