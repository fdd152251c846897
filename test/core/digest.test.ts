import { describe, expect, it } from 'vitest';
import {
  buildDigest,
  DEFAULT_RECURRENCE,
  digestChartInput,
  elapsedFraction,
  nearestRank,
  sharesInTenths,
  withSpendColumns,
  type DigestInput,
  type DigestSection,
  type RecurrenceReason,
} from '../../src/core/digest.js';
import { addMonthsKey } from '../../src/core/time.js';
import { digestAltText, digestText, formatDuration } from '../../src/core/digestText.js';

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
 * Team 1 "Wijkteam Noord", October 2026, built so that each recurrence rule fires on its own
 * and a neighbour stays just below it (default rule: 4 in the month; 3 of the last 6 months;
 * ≥ 2× the average of the previous 3 months with at least 3):
 *   tandarts  Oct 4 (Sep 7)            → count only (growth: 4 < 2 × 7/3)
 *   kleding   Oct 3 (Sep 5)            → nothing (count 3 < 4; growth 3 < 2 × 5/3)
 *   huur      Oct, Aug, Jun, May 1     → months only ("4 of the last 6")
 *   vervoer   Oct, Aug 1 (Apr 1)       → nothing (Apr is outside the 6-month window)
 *   energie   Oct 3 (Sep 4)            → growth only (3 ≥ 2 × 4/3)
 *   telefoon  Oct 2 (nothing before)   → nothing (2 < minCountForGrowth 3)
 *   null      Oct 2                    → uncategorised, never recurring
 *   overig    Oct 5                    → 'overig', never recurring (although 5 ≥ 4)
 * Team 2 "Buurtteam Zuid", October: tandarts 2 (Sep 1), slotenmaker 3 (new → growth "nieuw").
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
const rules = (s: DigestSection, slug: string): RecurrenceReason['rule'][] | undefined =>
  s.recurring.find((r) => r.slug === slug)?.reasons.map((r) => r.rule);

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
    expect(team(1).trend).toEqual([
      { month: '2026-05', count: 1, totalCents: 45000 },
      { month: '2026-06', count: 1, totalCents: 45000 },
      { month: '2026-07', count: 0, totalCents: 0 },
      { month: '2026-08', count: 2, totalCents: 47500 },
      { month: '2026-09', count: 16, totalCents: 115000 },
      { month: '2026-10', count: 21, totalCents: 283956 },
    ]);
    expect(d.overall.trend.at(-2)).toEqual({ month: '2026-09', count: 17, totalCents: 125000 });
    const huur = team(1).categoryTrend.find((t) => t.slug === 'huur');
    expect(huur?.counts).toEqual([1, 1, 0, 1, 0, 1]);
  });
});

describe('buildDigest: recurring categories', () => {
  it('flags each rule on its own, with its numbers', () => {
    const t1 = team(1);
    expect(rules(t1, 'tandarts')).toEqual(['count']);
    expect(t1.recurring.find((r) => r.slug === 'tandarts')?.reasons[0]).toEqual({ rule: 'count', count: 4, threshold: 4 });
    expect(rules(t1, 'huur')).toEqual(['months']);
    expect(t1.recurring.find((r) => r.slug === 'huur')?.reasons[0]).toEqual({
      rule: 'months',
      monthsPresent: 4,
      windowMonths: 6,
      threshold: 3,
    });
    expect(rules(t1, 'energie')).toEqual(['growth']);
    expect(t1.recurring.find((r) => r.slug === 'energie')?.reasons[0]).toEqual({
      rule: 'growth',
      count: 3,
      previousAverage: 1.3,
      factor: 2,
    });
  });

  it('does not flag just below each threshold', () => {
    const t1 = team(1);
    expect(rules(t1, 'kleding')).toBeUndefined(); // 3 < 4, and 3 < 2 × 5/3
    expect(rules(t1, 'vervoer')).toBeUndefined(); // 2 of the last 6 months (April is the 7th)
    expect(rules(t1, 'telefoon')).toBeUndefined(); // 2 < minCountForGrowth
    expect(rules(t1, 'overig')).toBeUndefined(); // 5 ≥ 4 but 'overig' is never a pattern
    expect(t1.recurring.some((r) => r.slug === null)).toBe(false);
    expect(t1.recurring.map((r) => r.slug).sort()).toEqual(['energie', 'huur', 'tandarts']);
  });

  it('flags at the exact threshold and not one below it when the rule changes', () => {
    const stricter = buildDigest(onlyTeam(1), { ...DEFAULT_RECURRENCE, minCountInMonth: 5, minMonthsPresent: 5 });
    const t1 = stricter.teams[0];
    expect(t1 && rules(t1, 'tandarts')).toBeUndefined();
    expect(t1 && rules(t1, 'huur')).toBeUndefined();
    const looser = buildDigest(onlyTeam(1), { ...DEFAULT_RECURRENCE, minMonthsPresent: 2, growthFactor: 1.8 });
    const l1 = looser.teams[0];
    expect(l1 && rules(l1, 'vervoer')).toEqual(['months']);
    expect(l1 && rules(l1, 'kleding')).toEqual(['months', 'growth']); // 3 ≥ 1.8 × 5/3 = 3
  });

  it('treats a category without history as growth ("nieuw") and combines rules overall', () => {
    expect(rules(team(2), 'slotenmaker')).toEqual(['growth']);
    expect(team(2).recurring[0]?.reasons[0]).toMatchObject({ previousAverage: 0 });
    // Overall tandarts: 6 in October (≥ 4) and 6 ≥ 2 × (7 + 1)/3.
    expect(rules(d.overall, 'tandarts')).toEqual(['count', 'growth']);
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
    expect(empty.overall.recurring).toEqual([]);
    expect(empty.overall.outcomes.alternativeSharePct).toBeNull();
    expect(empty.overall.approvalTime.medianMs).toBeNull();
    expect(empty.overall.trend.at(-2)?.totalCents).toBe(125000);
  });

  it('says so clearly in both languages', () => {
    const text = digestText(empty);
    expect(text).toContain('*Maandoverzicht minimaatwerkbudget — oktober 2026*');
    expect(text).toContain('Geen uitgaven in oktober 2026 / No spends in October 2026');
    expect(text).toContain('€ 473,45'); // still awaiting approval
    expect(digestText(empty, 'en')).toContain('No spends in October 2026');
  });
});

describe('digestText', () => {
  const single = buildDigest(onlyTeam(1));
  const nl = digestText(single);

  it('renders Dutch first with euro amounts and the reasons, then an English summary', () => {
    expect(nl.startsWith('*Maandoverzicht minimaatwerkbudget — oktober 2026*')).toBe(true);
    expect(nl).toContain('_Wijkteam Noord_');
    expect(nl).toContain('€ 2.839,56'); // month total
    expect(nl).toContain('• Tandarts: 4× · € 1.234,56 · 43,5%');
    expect(nl).toContain('4 keer deze maand (drempel 4)');
    expect(nl).toContain('in 4 van de laatste 6 maanden');
    expect(nl).toContain('verdubbeld t.o.v. gemiddelde vorige 3 maanden (3 tegen 1,3)');
    expect(nl).toContain('Gebruikt: € 6.000,00 van € 10.000,00 (60,0%)');
    expect(nl).toContain('€ 8.328,77'); // pro rata
    expect(nl).toContain('72,0%');
    expect(nl).toContain('Alternatief gevonden: 5 (19,2%');
    expect(nl).toContain('Mediaan 5 uur, 90% binnen 1 dag 3 uur');
    expect(nl).toContain("*Zonder categorie of 'overig':* 7 uitgaven, samen € 150,00");
    expect(nl).toContain('2 aanvragen, samen € 350,00');
    const en = nl.indexOf('*Summary in English');
    expect(en).toBeGreaterThan(nl.indexOf('Tijd tot goedkeuring'));
    expect(nl.slice(en)).toContain('Dental costs 43.5%');
    expect(nl.slice(en)).toContain('median 5 hours, 90th percentile 1 day 3 hours');
  });

  it('renders the whole text in English on request', () => {
    const en = digestText(single, 'en');
    expect(en.startsWith('*Monthly digest minimaatwerkbudget — October 2026*')).toBe(true);
    expect(en).toContain('• Dental costs: 4× · € 1.234,56 · 43.5%');
    expect(en).toContain('4 times this month (threshold 4)');
    expect(en).not.toContain('Maandoverzicht');
  });

  it('lists all teams and one line per team when there are several', () => {
    const text = digestText(d);
    expect(text).toContain('_Alle teams_');
    expect(text).toContain('€ 3.399,56');
    expect(text).toContain('• *Wijkteam Noord*: 21× € 2.839,56');
    expect(text).toContain('• *Buurtteam Zuid*: 5× € 560,00');
    expect(text).toContain('nieuw: 3 keer, de vorige 3 maanden niet');
    expect(text).toContain('1 team zonder jaarbudget niet meegeteld');
  });

  it('escapes Slack control characters in names', () => {
    const odd = buildDigest({ ...onlyTeam(1), teams: [{ teamId: 1, name: 'Noord <&> Oost', annualBudgetCents: null, usedThisYearCents: 0 }] });
    expect(digestText(odd)).toContain('_Noord &lt;&amp;&gt; Oost_');
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
    const chart = digestChartInput(buildDigest(onlyTeam(1)));
    expect(chart.months).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(chart.title).toBe('Uitgaven per categorie, mei 2026 t/m okt 2026 — Wijkteam Noord');
    // 6 named categories in the window + the rest (null and overig).
    expect(chart.series.map((s) => s.slug)).toEqual(['tandarts', 'huur', 'energie', 'kleding', 'telefoon', 'vervoer', '_rest']);
    expect(chart.series.at(-1)?.cents).toEqual([0, 0, 0, 0, 0, 15000]);
    const perMonth = chart.months.map((_, i) => chart.series.reduce((s, x) => s + (x.cents[i] ?? 0), 0));
    expect(perMonth).toEqual(team(1).trend.map((t) => t.totalCents));
  });

  it('alt text has one line per category per month and the totals', () => {
    const alt = digestAltText(buildDigest(onlyTeam(1)));
    const lines = alt.split('\n');
    expect(lines).toHaveLength(1 + 7 * 6 + 6);
    expect(lines).toContain('Tandarts, okt 2026: € 1.234,56');
    expect(lines).toContain('Huurachterstand, jul 2026: € 0,00');
    expect(lines).toContain('Totaal, okt 2026: € 2.839,56');
  });
});

describe('buildDigest at national scale', () => {
  it('handles 2,000 teams with 12 months × 15 categories of aggregates quickly', () => {
    const months = Array.from({ length: 12 }, (_, i) => addMonthsKey('2026-10', -i));
    const teams = Array.from({ length: 2000 }, (_, i) => ({ teamId: i + 1, name: `Team ${i + 1}`, annualBudgetCents: 2_000_000, usedThisYearCents: 1_000_000 }));
    const spendRows: SpendRow[] = [];
    for (const t of teams) for (const m of months) for (let c = 0; c < 15; c++) spendRows.push(row(t.teamId, m, `cat${c}`, 1 + (c % 3), 10000));
    const durationsRows = teams.flatMap((t) => Array.from({ length: 20 }, (_, i) => ({ teamId: t.teamId, ms: (i + 1) * H })));
    const started = performance.now();
    const big = buildDigest({ ...input, month: '2026-10', teams, spend: spendRows, closed: [], onHold: [], open: [], approvalDurationsMs: durationsRows });
    const elapsedMs = performance.now() - started;
    expect(spendRows.length).toBe(360_000);
    expect(big.teams).toHaveLength(2000);
    expect(big.overall.approved.count).toBe(2000 * (5 * 1 + 5 * 2 + 5 * 3));
    expect(elapsedMs).toBeLessThan(5000);
    expect(digestText(big).length).toBeLessThan(40_000); // one Slack message
  });
});

describe('buildDigest: sections of several teams', () => {
  it("makes a team's trend on first read, with the values a one-team digest has", () => {
    const several = buildDigest(input);
    for (const id of [1, 2]) {
      const alone = buildDigest(onlyTeam(id)).teams[0] as DigestSection;
      const section = several.teams.find((t) => t.teamId === id) as DigestSection;
      expect(Object.keys(section)).toEqual(Object.keys(alone));
      expect(section.trend).toEqual(alone.trend);
      expect(section.categoryTrend).toEqual(alone.categoryTrend);
      expect(JSON.parse(JSON.stringify(section))).toEqual(JSON.parse(JSON.stringify(alone)));
    }
    const zuid = several.teams[1] as DigestSection;
    zuid.trend = [];
    expect(zuid.trend).toEqual([]);
    expect({ ...zuid }.categoryTrend).toEqual(zuid.categoryTrend);
  });

  it('reads spend given as columns (withSpendColumns) as it reads the rows', () => {
    const months = [...new Set(input.spend.map((r) => r.month))];
    const slugs = [...new Set(input.spend.map((r) => r.categorySlug))];
    const columns = {
      length: input.spend.length,
      teamId: input.spend.map((r) => r.teamId),
      month: input.spend.map((r) => months.indexOf(r.month)),
      months,
      slug: input.spend.map((r) => slugs.indexOf(r.categorySlug)),
      slugs,
      count: input.spend.map((r) => r.count),
      cents: input.spend.map((r) => r.totalCents),
    };
    const fromColumns = withSpendColumns<DigestInput>({ ...input, spend: [] }, columns);
    expect(buildDigest(fromColumns)).toEqual(buildDigest(input));
    expect(fromColumns.spend).toEqual(input.spend);
    // A copy with other rows is read from its rows, not from the columns it came from.
    expect(buildDigest({ ...fromColumns, spend: [] }).overall.approved).toEqual({ count: 0, totalCents: 0 });
    fromColumns.spend = onlyTeam(2).spend;
    expect(buildDigest(fromColumns).overall.approved).toEqual(buildDigest(onlyTeam(2)).overall.approved);
  });
});
