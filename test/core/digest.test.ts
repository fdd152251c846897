import { describe, expect, it } from 'vitest';
import { buildDigest, chartInputFor, digestChartInput, elapsedFraction, nearestRank, sharesInTenths, type DigestInput, type DigestSection } from '../../src/core/digest.js';
import { addMonthsKey } from '../../src/core/time.js';
import { cents } from '../../src/core/money.js';
import { digestAltText, digestText as digestTextOf, formatDuration } from '../../src/core/digestText.js';
import { toPlain, typedParts } from '../../src/core/text.js';
import { DEFAULT_FINDINGS, type Digest } from '../../src/core/digest.js';

/** The digest text as the CLI prints it. */
const digestText = (d: Digest, lang?: 'nl' | 'en'): string => toPlain(digestTextOf(d, lang));

const H = 3_600_000;

type SpendRow = DigestInput['spend'][number];
const row = (teamId: number, month: string, categorySlug: string | null, count: number, totalCents: number): SpendRow => ({
  teamId,
  month,
  categorySlug,
  count,
  totalCents,
});

/*
 * Team 1 "Wijkteam Noord", October 2026 (no municipality given: each team is compared only with
 * its own history, so only `rising` can be found; see recurrence.test.ts for the municipality):
 *   tandarts  Oct 4, Sep 7 (nothing Feb–Jul)   → rising: 11 in Aug–Oct, 0 before
 *   kleding   Oct 3, Sep 5                     → rising: 8, 0 before
 *   energie   Oct 3, Sep 4                     → rising: 7, 0 before
 *   huur      Oct, Aug, Jun, May 1             → nothing: 2 against 2 before
 *   vervoer   Oct, Aug, Apr 1                  → nothing: 2 against 1 before (too few to tell)
 *   telefoon  Oct 2                            → nothing: 2 can never be significant
 *   null      Oct 2, overig Oct 5              → never a finding
 * Team 2 "Buurtteam Zuid", October: tandarts 2 (Sep 1), slotenmaker 3: new, but fewer than the 4
 * spends a pattern needs.
 */
const spend: SpendRow[] = [
  // team 1, October
  row(1, '2026-10', 'tandarts', 4, 123456),
  row(1, '2026-10', 'kleding', 3, 30000),
  row(1, '2026-10', 'huur', 1, 45000),
  row(1, '2026-10', 'vervoer', 1, 2500),
  row(1, '2026-10', 'energie', 3, 60000),
  row(1, '2026-10', 'telefoon', 2, 8000),
  row(1, '2026-10', null, 2, 5000),
  row(1, '2026-10', 'overig', 5, 10000),
  // team 1, earlier
  row(1, '2026-09', 'tandarts', 7, 70000),
  row(1, '2026-09', 'kleding', 5, 25000),
  row(1, '2026-09', 'energie', 4, 20000),
  row(1, '2026-08', 'huur', 1, 45000),
  row(1, '2026-08', 'vervoer', 1, 2500),
  row(1, '2026-06', 'huur', 1, 45000),
  row(1, '2026-05', 'huur', 1, 45000),
  row(1, '2026-04', 'vervoer', 1, 2500),
  row(1, '2025-11', 'tandarts', 1, 10000),
  // team 2
  row(2, '2026-10', 'tandarts', 2, 20000),
  row(2, '2026-10', 'slotenmaker', 3, 36000),
  row(2, '2026-09', 'tandarts', 1, 10000),
];

const categories = [
  { slug: 'tandarts', labelNl: 'Tandarts', labelEn: 'Dental costs' },
  { slug: 'kleding', labelNl: 'Kleding', labelEn: 'Clothing' },
  { slug: 'huur', labelNl: 'Huurachterstand', labelEn: 'Rent arrears' },
  { slug: 'vervoer', labelNl: 'Vervoer', labelEn: 'Transport' },
  { slug: 'energie', labelNl: 'Energie', labelEn: 'Energy' },
  { slug: 'telefoon', labelNl: 'Telefoon', labelEn: 'Phone' },
  { slug: 'slotenmaker', labelNl: 'Slotenmaker', labelEn: 'Locksmith' },
  { slug: 'overig', labelNl: 'Overig', labelEn: 'Other' },
];

// Team 1: request→approval in hours, sorted 1,2,3,4,5,6,7,8,27,30. Team 2: 10, 50.
const durations = [
  ...[2, 5, 1, 27, 3, 4, 6, 7, 30, 8].map((h) => ({ teamId: 1, ms: h * H })),
  ...[50, 10].map((h) => ({ teamId: 2, ms: h * H })),
];

const input: DigestInput = {
  month: '2026-10',
  asOf: new Date('2026-11-01T08:00:00+01:00'), // after the month: pace is taken at 1 Nov 00:00
  teams: [
    { teamId: 1, name: 'Wijkteam Noord', annualBudgetCents: 1_000_000, usedThisYearCents: 600_000 },
    { teamId: 2, name: 'Buurtteam Zuid', annualBudgetCents: null, usedThisYearCents: 250_000 },
  ],
  spend,
  closed: [
    { teamId: 1, status: 'alternative', count: 5 },
    { teamId: 1, status: 'withdrawn', count: 1 },
    { teamId: 1, status: 'expired', count: 2 },
    { teamId: 2, status: 'alternative', count: 1 },
  ],
  onHold: [{ teamId: 1, count: 1 }],
  open: [
    { teamId: 1, count: 2, totalCents: 35000 },
    { teamId: 2, count: 1, totalCents: 12345 },
  ],
  approvalDurationsMs: durations,
  categories,
};

const onlyTeam = (teamId: number): DigestInput => ({
  ...input,
  teams: input.teams.filter((t) => t.teamId === teamId),
  spend: input.spend.filter((r) => r.teamId === teamId),
  closed: input.closed.filter((r) => r.teamId === teamId),
  onHold: input.onHold.filter((r) => r.teamId === teamId),
  open: input.open.filter((r) => r.teamId === teamId),
  approvalDurationsMs: input.approvalDurationsMs.filter((r) => r.teamId === teamId),
});

const d = buildDigest(input);
const team = (id: number): DigestSection => {
  const s = d.teams.find((t) => t.teamId === id);
  if (!s) throw new Error(`no team ${id}`);
  return s;
};
const findings = (s: DigestSection) => s.findings.map((f) => [f.kind, f.slug]);

describe('buildDigest: totals and categories', () => {
  it('counts and totals the approved spends of the month per team and overall', () => {
    expect(d.isEmpty).toBe(false);
    expect(d.teams.map((t) => t.name)).toEqual(['Wijkteam Noord', 'Buurtteam Zuid']);
    expect(team(1).approved).toEqual({ count: 21, totalCents: 283956 });
    expect(team(2).approved).toEqual({ count: 5, totalCents: 56000 });
    expect(d.overall.name).toBe('Alle teams');
    expect(d.overall.scope).toBe('all');
    expect(d.overall.approved).toEqual({ count: 26, totalCents: 339956 });
  });

  it('gives per-category count, total and share (largest remainder: exactly 100.0)', () => {
    const t1 = team(1);
    const share = Object.fromEntries(t1.categories.map((c) => [c.slug ?? 'null', c.sharePct]));
    // 123456 / 283956 = 43.477… %; the remainders give the last 4 tenths to vervoer, tandarts, kleding, null.
    expect(share).toEqual({
      tandarts: 43.5,
      energie: 21.1,
      huur: 15.8,
      kleding: 10.6,
      overig: 3.5,
      telefoon: 2.8,
      null: 1.8,
      vervoer: 0.9,
    });
    const tenths = t1.categories.reduce((s, c) => s + Math.round(c.sharePct * 10), 0);
    expect(tenths).toBe(1000);
    expect(t1.categories[0]).toMatchObject({ slug: 'tandarts', labelNl: 'Tandarts', labelEn: 'Dental costs', count: 4, totalCents: 123456 });
    expect(t1.categories.map((c) => c.slug)[1]).toBe('energie'); // sorted by total
    expect(t1.categories.find((c) => c.slug === null)?.labelNl).toBe('Zonder categorie');

    const overallTenths = d.overall.categories.reduce((s, c) => s + Math.round(c.sharePct * 10), 0);
    expect(overallTenths).toBe(1000);
    expect(d.overall.categories.find((c) => c.slug === 'tandarts')).toMatchObject({ count: 6, totalCents: 143456 });
  });

  it('sharesInTenths handles zero totals and always sums to 1000 otherwise', () => {
    expect(sharesInTenths([0, 0])).toEqual([0, 0]);
    expect(sharesInTenths([1, 1, 1])).toEqual([334, 333, 333]);
    expect(sharesInTenths([5])).toEqual([1000]);
  });

  it('reports uncategorised and overig spends together', () => {
    expect(team(1).uncategorised).toEqual({ count: 7, totalCents: 15000 });
    expect(team(2).uncategorised).toEqual({ count: 0, totalCents: 0 });
  });

  it('gives the trend of the previous 5 months and this one', () => {
    const one = buildDigest(onlyTeam(1));
    expect(one.trend).toEqual([
      { month: '2026-05', count: 1, totalCents: 45000 },
      { month: '2026-06', count: 1, totalCents: 45000 },
      { month: '2026-07', count: 0, totalCents: 0 },
      { month: '2026-08', count: 2, totalCents: 47500 },
      { month: '2026-09', count: 16, totalCents: 115000 },
      { month: '2026-10', count: 21, totalCents: 283956 },
    ]);
    expect(d.trend.at(-2)).toEqual({ month: '2026-09', count: 17, totalCents: 125000 });
    const huur = one.categoryTrend.find((t) => t.slug === 'huur');
    expect(huur?.counts).toEqual([1, 1, 0, 1, 0, 1]);
  });
});

describe('buildDigest: findings', () => {
  it("finds the categories that rose from nothing in team 1's own history", () => {
    expect(findings(team(1))).toEqual([
      ['rising', 'tandarts'],
      ['rising', 'kleding'],
      ['rising', 'energie'],
    ]);
    // Unchanged, the recent count would be Binomial(n, 3/9): all n recent gives (1/3)^n.
    expect(team(1).findings[0]).toMatchObject({ count: 11, monthCount: 4, historyCount: 0, historyMonths: 6, usual: 0 });
    expect(team(1).findings[0]?.pValue).toBeCloseTo(3 ** -11, 15);
    expect(team(1).findings[2]).toMatchObject({ slug: 'energie', count: 7, monthCount: 3 });
  });

  it('flags nothing with too few spends to tell, and never uncategorised or overig', () => {
    expect(findings(team(2))).toEqual([]);
    expect(team(1).findings.some((f) => ['huur', 'vervoer', 'telefoon', 'overig'].includes(f.slug))).toBe(false);
  });

  it('uses the settings it is given', () => {
    const strict = buildDigest(onlyTeam(1), { ...DEFAULT_FINDINGS, falseDiscoveryRate: 0.0001 });
    expect(findings(strict.teams[0]!)).toEqual([['rising', 'tandarts']]);
    expect(strict.settings.falseDiscoveryRate).toBe(0.0001);
  });
});

describe('buildDigest: budget, outcomes, approval time, open', () => {
  it('compares used with the annual budget and with the pro-rata budget for the date', () => {
    // Jan 1 → Nov 1 2026 is 304 of 365 days; asOf (1 Nov 08:00) is after the month, so the month end counts.
    expect(elapsedFraction('2026-10', input.asOf)).toBeCloseTo(304 / 365, 12);
    const b = team(1).budget;
    expect(b.annualCents).toBe(1_000_000);
    expect(b.proRataCents).toBe(832877); // 1.000.000 × 304/365 = 832.876,7
    expect(b.usedPctOfAnnual).toBe(60);
    expect(b.usedPctOfProRata).toBe(72); // 600.000 / 832.876,7 = 72.04 %
    expect(team(2).budget).toMatchObject({ annualCents: null, proRataCents: null, usedPctOfAnnual: null, usedCents: 250000 });
    expect(d.overall.budget).toMatchObject({
      usedCents: 850000,
      budgetedUsedCents: 600000,
      annualCents: 1_000_000,
      teamsWithoutBudget: 1,
      usedPctOfProRata: 72,
    });
  });

  it('takes the elapsed fraction at asOf within the month, DST-aware, and caps it at the year', () => {
    // 16 Oct 00:00 Amsterdam (summer time): 288 days minus the hour lost in March.
    expect(elapsedFraction('2026-10', new Date('2026-10-16T00:00:00+02:00'))).toBeCloseTo((288 * 24 - 1) / (365 * 24), 12);
    expect(elapsedFraction('2026-12', new Date('2027-01-02T09:00:00+01:00'))).toBe(1);
    expect(elapsedFraction('2026-01', new Date('2026-01-01T00:00:00+01:00'))).toBe(0);
  });

  it('counts alternatives, withdrawn, expired and on hold, with the alternative share', () => {
    expect(team(1).outcomes).toEqual({
      approved: 21,
      alternative: 5,
      withdrawn: 1,
      expired: 2,
      onHold: 1,
      alternativeSharePct: 19.2, // 5 / 26
    });
    expect(team(2).outcomes.alternativeSharePct).toBe(16.7); // 1 / 6
    expect(d.overall.outcomes.alternativeSharePct).toBe(18.8); // 6 / 32 = 18.75
  });

  it('gives nearest-rank median and p90 of the time to approval', () => {
    expect(team(1).approvalTime).toEqual({ count: 10, medianMs: 5 * H, p90Ms: 27 * H, medianHours: 5, p90Hours: 27 });
    expect(team(2).approvalTime).toMatchObject({ medianHours: 10, p90Hours: 50 });
    // Overall, 12 values: 1 2 3 4 5 6 7 8 10 27 30 50 → rank 6 and rank 11.
    expect(d.overall.approvalTime).toMatchObject({ count: 12, medianHours: 6, p90Hours: 30 });
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
  });

  it('sums the open requests awaiting approval', () => {
    expect(team(1).open).toEqual({ count: 2, totalCents: 35000 });
    expect(d.overall.open).toEqual({ count: 3, totalCents: 47345 });
  });
});

describe('buildDigest: empty month', () => {
  const empty = buildDigest({
    ...input,
    spend: input.spend.filter((r) => r.month !== '2026-10'),
    closed: [],
    approvalDurationsMs: [],
  });

  it('is empty but keeps the trend and the open requests', () => {
    expect(empty.isEmpty).toBe(true);
    expect(empty.overall.approved).toEqual({ count: 0, totalCents: 0 });
    expect(empty.overall.categories).toEqual([]);
    expect(empty.overall.findings).toEqual([]);
    expect(empty.overall.outcomes.alternativeSharePct).toBeNull();
    expect(empty.overall.approvalTime.medianMs).toBeNull();
    expect(empty.trend.at(-2)?.totalCents).toBe(125000);
  });

  it('says so clearly in both languages', () => {
    const text = digestText(empty);
    expect(text.startsWith('Maandoverzicht minimaatwerkbudget — oktober 2026\nAlle teams\n')).toBe(true);
    expect(text).toContain('Geen uitgaven in oktober 2026 / No spends in October 2026');
    expect(text).toContain('€ 473,45'); // still awaiting approval
    expect(digestText(empty, 'en')).toContain('No spends in October 2026');
  });
});

describe('digestText', () => {
  const single = buildDigest(onlyTeam(1));
  const nl = digestText(single);

  it('renders Dutch first with euro amounts and the reasons, then an English summary', () => {
    expect(nl.startsWith('Maandoverzicht minimaatwerkbudget — oktober 2026\nWijkteam Noord\nUitgaven: 21 goedgekeurde uitgaven, samen € 2.839,56\n')).toBe(true);
    expect(nl).toContain('Per categorie\n• Tandarts: 4× · € 1.234,56 · 43,5%\n');
    expect(nl).toContain(
      [
        'Opvallende categorieën',
        '• Tandarts stijgt: 11× in de laatste 3 maanden, gewoonlijk ongeveer 0,0× (4× deze maand)',
        '• Kleding stijgt: 8× in de laatste 3 maanden, gewoonlijk ongeveer 0,0× (3× deze maand)',
        '• Energie stijgt: 7× in de laatste 3 maanden, gewoonlijk ongeveer 0,0× (3× deze maand)',
      ].join('\n'),
    );
    expect(nl).toContain('Gebruikt: € 6.000,00 van € 10.000,00 (60,0%)');
    expect(nl).toContain('€ 8.328,77'); // pro rata
    expect(nl).toContain('72,0%');
    expect(nl).toContain('Alternatief gevonden: 5 (19,2%');
    expect(nl).toContain('Mediaan 5 uur, 90% binnen 1 dag 3 uur');
    expect(nl).toContain("Zonder categorie of 'overig': 7 uitgaven, samen € 150,00");
    expect(nl).toContain('2 aanvragen, samen € 350,00');
    const en = nl.indexOf('───\nSummary in English — October 2026');
    expect(en).toBeGreaterThan(nl.indexOf('Tijd tot goedkeuring'));
    expect(nl.slice(en)).toContain('Dental costs 43.5%');
    expect(nl.slice(en)).toContain('• Dental costs is rising: 11 in the last 3 months, usually about 0.0 (4 this month)');
    expect(nl.slice(en)).toContain('median 5 hours, 90th percentile 1 day 3 hours');
  });

  it('renders the whole text in English on request', () => {
    const en = digestText(single, 'en');
    expect(en.startsWith('Monthly digest minimaatwerkbudget — October 2026')).toBe(true);
    expect(en).toContain('• Dental costs: 4× · € 1.234,56 · 43.5%');
    expect(en).toContain('Categories that stand out\n• Dental costs is rising');
    expect(en).not.toContain('Maandoverzicht');
  });

  it('marks headings strong and the team name as typed text', () => {
    const text = digestTextOf(single);
    expect(text[0]).toEqual({ k: 'p', parts: [{ k: 'strong', parts: ['Maandoverzicht minimaatwerkbudget — oktober 2026'] }] });
    expect(text[1]).toEqual({ k: 'p', parts: [{ k: 'em', parts: [{ k: 'typed', text: 'Wijkteam Noord' }] }] });
    expect(text.filter((b) => b.k === 'rule')).toHaveLength(1);
  });

  it('lists all teams and one line per team when there are several', () => {
    const text = digestText(d);
    expect(text).toContain('\nAlle teams\n');
    expect(text).toContain('€ 3.399,56');
    expect(text).toContain('• Wijkteam Noord: 21× € 2.839,56 · budget 60,0% · naar rato 72,0% · alternatief 5\n');
    expect(text).toContain('• Buurtteam Zuid: 5× € 560,00 · alternatief 1\n');
    // Each team is its own municipality here: nothing shared; team 1's own findings, with the team.
    expect(text).toContain(
      'Opvallende categorieën\n• Wijkteam Noord — Tandarts stijgt: 11× in de laatste 3 maanden, gewoonlijk ongeveer 0,0× (4× deze maand)\n• Wijkteam Noord — Kleding stijgt:',
    );
    expect(d.municipalities).toBe(2);
    expect(text).toContain('1 team zonder jaarbudget niet meegeteld');
  });

  it('keeps names and labels as typed text, whatever they hold', () => {
    const odd = buildDigest({
      ...onlyTeam(1),
      teams: [{ teamId: 1, name: 'Noord <!channel> *Oost*', annualBudgetCents: null, usedThisYearCents: 0 }],
      categories: categories.map((c) => (c.slug === 'tandarts' ? { ...c, labelNl: '<b>Tand</b> & *arts*' } : c)),
    });
    const typed = typedParts({ nl: digestTextOf(odd), en: [] });
    expect(typed).toContain('Noord <!channel> *Oost*');
    expect(typed).toContain('<b>Tand</b> & *arts*');
    expect(digestText(odd)).toContain('\nNoord <!channel> *Oost*\n');
  });

  it('formats durations in days and hours', () => {
    expect(formatDuration(5 * H, 'nl')).toBe('5 uur');
    expect(formatDuration(27 * H, 'nl')).toBe('1 dag 3 uur');
    expect(formatDuration(48 * H, 'nl')).toBe('2 dagen');
    expect(formatDuration(50 * H + 20 * 60_000, 'nl')).toBe('2 dagen 2 uur');
    expect(formatDuration(20 * 60_000, 'nl')).toBe('20 min');
    expect(formatDuration(1 * H, 'en')).toBe('1 hour');
    expect(formatDuration(26 * H, 'en')).toBe('1 day 2 hours');
  });
});

describe('chart input and alt text', () => {
  it('gives the 6 months and the categories, with the rest grouped', () => {
    const one = buildDigest(onlyTeam(1));
    const chart = digestChartInput(one);
    expect(chart.months).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(chart.title).toBe('Uitgaven per categorie, mei 2026 t/m okt 2026 — Wijkteam Noord');
    // 6 named categories in the window + the rest (null and overig); the flagged ones marked.
    expect(chart.series.map((s) => s.slug)).toEqual(['tandarts', 'huur', 'energie', 'kleding', 'telefoon', 'vervoer', '_rest']);
    expect(chart.series.filter((s) => s.flagged).map((s) => s.slug)).toEqual(['tandarts', 'energie', 'kleding']);
    expect(chart.series.at(-1)?.cents).toEqual([0, 0, 0, 0, 0, 15000]);
    const perMonth = chart.months.map((_, i) => chart.series.reduce((s, x) => s + (x.cents[i] ?? 0), 0));
    expect(perMonth).toEqual(one.trend.map((t) => t.totalCents));
  });

  it('keeps a flagged category in its own series whatever its rank', () => {
    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const trend = Array.from({ length: 9 }, (_, i) => ({
      slug: `c${i}`,
      labelNl: `C${i}`,
      labelEn: `C${i}`,
      counts: [0, 0, 0, 0, 0, 1],
      cents: [0, 0, 0, 0, 0, (9 - i) * 1000].map(cents),
    }));
    const chart = chartInputFor(months, trend, 'nl', 'titel', new Set(['c8']));
    // c8 is the smallest: flagged, so it keeps its own series; 6 more fill the 7; c6, c7 are grouped.
    expect(chart.series.map((s) => s.slug)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c8', '_rest']);
    expect(chart.series.find((s) => s.slug === 'c8')?.flagged).toBe(true);
    expect(chart.series.at(-1)?.cents).toEqual([0, 0, 0, 0, 0, 3000 + 2000]);
  });

  it('alt text says what is flagged and why, then one line per category per month and the totals', () => {
    const alt = digestAltText(buildDigest(onlyTeam(1)));
    const lines = alt.split('\n');
    expect(lines).toHaveLength(1 + 3 + 7 * 6 + 6);
    expect(lines[1]).toBe('Opvallend: Tandarts stijgt: 11× in de laatste 3 maanden, gewoonlijk ongeveer 0,0× (4× deze maand)');
    expect(lines).toContain('Tandarts, okt 2026: € 1.234,56');
    expect(lines).toContain('Huurachterstand, jul 2026: € 0,00');
    expect(lines).toContain('Totaal, okt 2026: € 2.839,56');
  });
});

describe('buildDigest at national scale', () => {
  it('handles 2,000 teams with 12 months × 15 categories of aggregates', () => {
    const months = Array.from({ length: 12 }, (_, i) => addMonthsKey('2026-10', -i));
    const teams = Array.from({ length: 2000 }, (_, i) => ({ teamId: i + 1, name: `Team ${i + 1}`, annualBudgetCents: 2_000_000, usedThisYearCents: 1_000_000 }));
    const spendRows: SpendRow[] = [];
    for (const t of teams) for (const m of months) for (let c = 0; c < 15; c++) spendRows.push(row(t.teamId, m, `cat${c}`, 1 + (c % 3), 10000));
    const durationsRows = teams.flatMap((t) => Array.from({ length: 20 }, (_, i) => ({ teamId: t.teamId, ms: (i + 1) * H })));
    const big = buildDigest({ ...input, month: '2026-10', teams, spend: spendRows, closed: [], onHold: [], open: [], approvalDurationsMs: durationsRows });
    expect(spendRows.length).toBe(360_000);
    expect(big.teams).toHaveLength(2000);
    expect(big.overall.approved.count).toBe(2000 * (5 * 1 + 5 * 2 + 5 * 3));
    // Every month the same: nothing stands out.
    expect(big.teams.every((t) => t.findings.length === 0)).toBe(true);
    expect(digestText(big).length).toBeLessThan(40_000); // one Slack message
  });
});

describe('buildDigest: sections of several teams', () => {
  it('gives a team the section a one-team digest gives it', () => {
    const several = buildDigest(input);
    for (const id of [1, 2]) {
      const alone = buildDigest(onlyTeam(id)).teams[0] as DigestSection;
      expect(several.teams.find((t) => t.teamId === id)).toEqual(alone);
    }
  });
});
