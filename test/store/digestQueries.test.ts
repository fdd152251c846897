// The digest's SQL aggregates on a seeded real database (real migrations), against figures
// computed by hand. Months are Europe/Amsterdam: the month boundaries around the DST changes
// (end of March, end of October 2026) are seeded on both sides.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/core/digest.js';
import { digestText } from '../../src/core/digestText.js';
import { toPlain } from '../../src/core/text.js';
import { openStore, type Store } from '../../src/store/db.js';
import { digestTargets, loadDigestInput } from '../../src/store/digestQueries.js';
import { readSpend, readSpendPlain, usedThisYear, usedThisYearPlain } from '../../src/store/digestSpend.js';
import { categories, payments, requests, teamBudgets, teams } from '../../src/store/schema.js';
import type { RequestStatus } from '../../src/core/request.js';
import { monthRange } from '../../src/core/time.js';

let dir: string;
let store: Store;
let t1: number;
let t2: number;
const cat = new Map<string, number>();
const H = 3_600_000;
const AS_OF = new Date('2026-11-02T08:00:00Z');

interface Seed {
  team: () => number;
  cents: number;
  slug?: string | null;
  suggested?: string | null;
  status: RequestStatus;
  created: string;
  decided?: string;
  closed?: string;
}

/** A request as the app leaves it: an approved one has its payment, recorded at the approval. */
function seed(s: Seed): void {
  const row = store.db
    .insert(requests)
    .values({
      teamId: s.team(),
      requesterId: 'UREQ',
      amountCents: s.cents,
      description: 'x',
      supplierName: 'Leverancier',
      supplierIban: 'NL91ABNA0417164300',
      categoryId: s.slug ? (cat.get(s.slug) as number) : null,
      suggestedCategoryId: s.suggested ? (cat.get(s.suggested) as number) : null,
      caseRef: 'WT-1',
      reason: 'no_provision',
      status: s.status,
      channelId: 'C',
      createdAt: new Date(s.created),
      decidedAt: s.decided ? new Date(s.decided) : null,
      closedAt: s.closed ? new Date(s.closed) : null,
    })
    .returning()
    .get();
  if (s.decided) {
    store.db
      .insert(payments)
      .values({
        requestId: row.id,
        amountCents: row.amountCents,
        supplierName: row.supplierName,
        supplierIban: row.supplierIban,
        categoryId: row.categoryId,
        approvers: 'UA,UB,UC',
        recordedAt: new Date(s.decided),
      })
      .run();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mmw-digestq-'));
  store = openStore(join(dir, 'test.db'));
  const now = new Date('2025-01-01T00:00:00Z');
  t1 = store.db.insert(teams).values({ platform: 'slack', workspaceId: 'T', channelId: 'CNOORD', name: 'Wijkteam Noord', createdAt: now }).returning().get().id;
  t2 = store.db.insert(teams).values({ platform: 'slack', workspaceId: 'T', channelId: 'CZUID', name: 'Buurtteam Zuid', createdAt: now, digestChannelId: 'CMGR' }).returning().get().id;
  store.db.insert(teamBudgets).values({ teamId: t1, year: 2026, amountCents: 1_000_000, setBy: 'UADMIN', setAt: now }).run();
  store.db.insert(teamBudgets).values({ teamId: t1, year: 2025, amountCents: 1, setBy: 'UADMIN', setAt: now }).run();
  for (const c of store.db.select().from(categories).all()) cat.set(c.slug, c.id);
  const T1 = () => t1;
  const T2 = () => t2;

  // ── Team 1, approved in October 2026 (Amsterdam) ──
  seed({ team: T1, cents: 12000, slug: 'mondzorg', suggested: 'mondzorg', status: 'approved', created: '2026-10-05T08:00:00Z', decided: '2026-10-05T10:00:00Z' }); // 2 h
  seed({ team: T1, cents: 8000, slug: 'mondzorg', suggested: 'mondzorg', status: 'paid', created: '2026-10-10T08:00:00Z', decided: '2026-10-11T08:00:00Z' }); // 24 h
  // 2026-09-30T22:00Z is 1 October 00:00 CEST: October.
  seed({ team: T1, cents: 30000, slug: 'witgoed', suggested: 'overig', status: 'approved', created: '2026-09-30T20:00:00Z', decided: '2026-09-30T22:00:00Z' }); // 2 h
  // 2026-10-31T22:30Z is 31 October 23:30 CET (winter time since 25 October): October.
  seed({ team: T1, cents: 5000, slug: null, status: 'approved', created: '2026-10-31T20:00:00Z', decided: '2026-10-31T22:30:00Z' }); // 2.5 h
  seed({ team: T1, cents: 2500, slug: 'overig', suggested: 'overig', status: 'approved', created: '2026-10-20T08:00:00Z', decided: '2026-10-20T14:00:00Z' }); // 6 h
  // ── Team 1, approved in other months ──
  // 2026-10-31T23:30Z is 1 November 00:30 CET: November (outside the October digest), created in October.
  seed({ team: T1, cents: 7000, slug: 'mondzorg', suggested: 'mondzorg', status: 'approved', created: '2026-10-31T21:00:00Z', decided: '2026-10-31T23:30:00Z' });
  // 2026-09-30T21:59Z is 30 September 23:59 CEST: September.
  seed({ team: T1, cents: 6000, slug: 'mondzorg', status: 'approved', created: '2026-09-29T21:59:00Z', decided: '2026-09-30T21:59:00Z' });
  seed({ team: T1, cents: 9000, slug: 'mondzorg', status: 'paid', created: '2026-08-14T10:00:00Z', decided: '2026-08-15T10:00:00Z' });
  // 2026-03-31T22:30Z is 1 April 00:30 CEST (summer time since 29 March): April.
  seed({ team: T1, cents: 4000, slug: 'vervoer', status: 'approved', created: '2026-03-30T22:30:00Z', decided: '2026-03-31T22:30:00Z' });
  // 2026-03-31T21:30Z is 31 March 23:30 CEST: March.
  seed({ team: T1, cents: 3000, slug: 'vervoer', status: 'approved', created: '2026-03-31T20:00:00Z', decided: '2026-03-31T21:30:00Z' });
  // ── Team 1, closed ──
  seed({ team: T1, cents: 10000, slug: 'mondzorg', status: 'alternative', created: '2026-10-02T08:00:00Z', closed: '2026-10-03T10:00:00Z' });
  seed({ team: T1, cents: 10000, slug: 'kleding', status: 'withdrawn', created: '2026-10-06T08:00:00Z', closed: '2026-10-07T10:00:00Z' });
  seed({ team: T1, cents: 10000, slug: 'kleding', status: 'expired', created: '2026-10-01T08:00:00Z', closed: '2026-10-15T08:00:00Z' });
  // Closed 1 November 00:10 CET: not in October.
  seed({ team: T1, cents: 10000, slug: 'kleding', status: 'expired', created: '2026-10-17T08:00:00Z', closed: '2026-10-31T23:10:00Z' });
  // ── Team 1, waiting now ──
  seed({ team: T1, cents: 4500, slug: 'kleding', status: 'open', created: '2026-10-25T08:00:00Z' });
  // Created 1 November 00:30 CET: waiting now, but not used up to the end of October.
  seed({ team: T1, cents: 3500, slug: 'kleding', status: 'open', created: '2026-10-31T23:30:00Z' });
  seed({ team: T1, cents: 5500, slug: 'kleding', status: 'on_hold', created: '2026-10-28T08:00:00Z' });

  // ── Team 2 (no budget) ──
  seed({ team: T2, cents: 20000, slug: 'kleding', suggested: 'kleding', status: 'approved', created: '2026-10-12T08:00:00Z', decided: '2026-10-14T08:00:00Z' }); // 48 h
  seed({ team: T2, cents: 10000, slug: 'kleding', status: 'approved', created: '2026-09-12T08:00:00Z', decided: '2026-09-14T08:00:00Z' });
  seed({ team: T2, cents: 1000, slug: 'mondzorg', status: 'approved', created: '2025-12-09T08:00:00Z', decided: '2025-12-10T08:00:00Z' });
  // Approved 31 October 2025: outside every window loaded below.
  seed({ team: T2, cents: 999, slug: 'mondzorg', status: 'approved', created: '2025-10-30T08:00:00Z', decided: '2025-10-31T08:00:00Z' });
  seed({ team: T2, cents: 10000, slug: 'kleding', status: 'alternative', created: '2026-10-19T08:00:00Z', closed: '2026-10-20T08:00:00Z' });
});

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sortRows = <T>(rows: readonly T[]): T[] => [...rows].map((r) => JSON.stringify(r)).sort().map((s) => JSON.parse(s) as T);

describe('loadDigestInput, October 2026', () => {
  it('buckets spend by Amsterdam approval month, across the DST boundaries, February–October', () => {
    const input = loadDigestInput(store, '2026-10', AS_OF);
    const spend = (teamId: number, month: string, categorySlug: string | null, count: number, totalCents: number) => ({ teamId, month, categorySlug, count, totalCents });
    expect(sortRows(input.spend)).toEqual(
      sortRows([
        spend(t1, '2026-10', 'mondzorg', 2, 20000),
        spend(t1, '2026-10', 'witgoed', 1, 30000),
        spend(t1, '2026-10', null, 1, 5000),
        spend(t1, '2026-10', 'overig', 1, 2500),
        spend(t1, '2026-09', 'mondzorg', 1, 6000),
        spend(t1, '2026-08', 'mondzorg', 1, 9000),
        spend(t1, '2026-04', 'vervoer', 1, 4000),
        spend(t1, '2026-03', 'vervoer', 1, 3000),
        spend(t2, '2026-10', 'kleding', 1, 20000),
        spend(t2, '2026-09', 'kleding', 1, 10000),
      ]),
    );
  });

  it('teams with the year budget and the use up to the end of the month', () => {
    const input = loadDigestInput(store, '2026-10', AS_OF);
    // Team 1: 120 + 80 + 300 + 50 + 25 + 70 + 60 + 90 + 40 + 30 (approved/paid) + 45 + 55 (open, on hold) = € 965;
    // the open € 35 created on 1 November (Amsterdam) is not counted; closed requests never are.
    // Both teams are in Slack workspace T: one municipality.
    const created = Date.parse('2025-01-01T00:00:00Z');
    expect(input.teams).toEqual([
      { teamId: t1, name: 'Wijkteam Noord', municipality: 'slack:T', createdAtMs: created, annualBudgetCents: 1_000_000, usedThisYearCents: 96500 },
      { teamId: t2, name: 'Buurtteam Zuid', municipality: 'slack:T', createdAtMs: created, annualBudgetCents: null, usedThisYearCents: 30000 },
    ]);
    expect(input.peers).toEqual([]);
  });

  it('closed in the month, waiting now, durations, suggestions', () => {
    const input = loadDigestInput(store, '2026-10', AS_OF);
    expect(sortRows(input.closed)).toEqual(
      sortRows([
        { teamId: t1, status: 'alternative', count: 1 },
        { teamId: t1, status: 'withdrawn', count: 1 },
        { teamId: t1, status: 'expired', count: 1 },
        { teamId: t2, status: 'alternative', count: 1 },
      ]),
    );
    expect(input.onHold).toEqual([{ teamId: t1, count: 1 }]);
    expect(input.open).toEqual([{ teamId: t1, count: 2, totalCents: 8000 }]);
    expect(sortRows(input.approvalDurationsMs.map((r) => `${r.teamId}:${r.ms / H}`))).toEqual(
      sortRows([`${t1}:2`, `${t1}:24`, `${t1}:2`, `${t1}:2.5`, `${t1}:6`, `${t2}:48`]),
    );
    expect(sortRows(input.suggestions)).toEqual(
      sortRows([
        { teamId: t1, withSuggestion: 4, kept: 3 },
        { teamId: t2, withSuggestion: 1, kept: 1 },
      ]),
    );
    expect(input.categories.find((c) => c.slug === 'mondzorg')).toEqual({ slug: 'mondzorg', labelNl: 'Mondzorg / tandarts', labelEn: 'Dental care' });
  });

  it('gives the hand-computed digest figures', () => {
    const d = buildDigest(loadDigestInput(store, '2026-10', AS_OF));
    expect(d.overall.approved).toEqual({ count: 6, totalCents: 77500 });
    const noord = d.teams.find((t) => t.teamId === t1)!;
    expect(noord.approved).toEqual({ count: 5, totalCents: 57500 });
    expect(noord.categories.map((c) => [c.slug, c.count, c.totalCents, c.sharePct])).toEqual([
      ['witgoed', 1, 30000, 52.2], // 300 / 575
      ['mondzorg', 2, 20000, 34.8],
      [null, 1, 5000, 8.7],
      ['overig', 1, 2500, 4.3],
    ]);
    expect(noord.uncategorised).toEqual({ count: 2, totalCents: 7500 });
    expect(noord.outcomes).toMatchObject({ approved: 5, alternative: 1, withdrawn: 1, expired: 1, onHold: 1, alternativeSharePct: 16.7 });
    expect(noord.approvalTime).toMatchObject({ count: 5, medianHours: 2.5, p90Hours: 24 });
    expect(noord.budget).toMatchObject({ usedCents: 96500, annualCents: 1_000_000, usedPctOfAnnual: 9.7 });
    expect(noord.open).toEqual({ count: 2, totalCents: 8000 });
    expect(noord.suggestion).toEqual({ withSuggestion: 4, kept: 3, keptPct: 75 });
    expect(d.overall.suggestion).toEqual({ withSuggestion: 5, kept: 4, keptPct: 80 });
    // Trend (Noord): May–October 2026.
    const one = buildDigest(loadDigestInput(store, '2026-10', AS_OF, { teamId: t1 }));
    expect(one.trend.map((t) => [t.month, t.count, t.totalCents])).toEqual([
      ['2026-05', 0, 0],
      ['2026-06', 0, 0],
      ['2026-07', 0, 0],
      ['2026-08', 1, 9000],
      ['2026-09', 1, 6000],
      ['2026-10', 5, 57500],
    ]);
    // mondzorg: 1 + 1 + 2 in August–October, none in the 6 months before: unchanged, all 4 would be
    // recent with probability (1/3)^4 = 0.012; the only test of the municipality that could reach
    // 10%, so Benjamini–Hochberg keeps it.
    expect(noord.findings.map((f) => [f.kind, f.slug, f.count, f.pValue.toFixed(4)])).toEqual([['rising', 'mondzorg', 4, '0.0123']]);
    expect(one.teams[0]?.findings).toEqual(noord.findings);
    expect(toPlain(digestText(d))).toContain('Voorgestelde categorie overgenomen: 4 van 5 keer (80,0%)');
  });
});

describe('loadDigestInput, other months and filters', () => {
  it('puts the approval at 2026-03-31T22:30Z in April and 21:30Z in March', () => {
    const input = loadDigestInput(store, '2026-04', new Date('2026-05-04T08:00:00Z'), { teamId: t1 });
    expect(sortRows(input.spend.filter((r) => r.month >= '2026-03'))).toEqual(
      sortRows([
        { teamId: t1, month: '2026-04', categorySlug: 'vervoer', count: 1, totalCents: 4000 },
        { teamId: t1, month: '2026-03', categorySlug: 'vervoer', count: 1, totalCents: 3000 },
      ]),
    );
    expect(input.approvalDurationsMs).toEqual([{ teamId: t1, ms: 24 * H }]);
  });

  it('puts the approval at 2026-10-31T23:30Z in November', () => {
    const input = loadDigestInput(store, '2026-11', new Date('2026-12-01T08:00:00Z'), { teamId: t1 });
    expect(input.spend.filter((r) => r.month === '2026-11')).toEqual([{ teamId: t1, month: '2026-11', categorySlug: 'mondzorg', count: 1, totalCents: 7000 }]);
    expect(input.closed).toEqual([{ teamId: t1, status: 'expired', count: 1 }]);
  });

  it('filters by team', () => {
    const input = loadDigestInput(store, '2026-10', AS_OF, { teamId: t2 });
    expect(input.teams.map((t) => t.teamId)).toEqual([t2]);
    // The other team of its municipality comes along, for the findings only.
    expect(input.peers).toEqual([{ teamId: t1, municipality: 'slack:T', createdAtMs: Date.parse('2025-01-01T00:00:00Z') }]);
    expect(new Set(input.spend.map((r) => r.teamId))).toEqual(new Set([t1, t2]));
    expect(new Set(input.approvalDurationsMs.map((r) => r.teamId))).toEqual(new Set([t2]));
    expect(input.open).toEqual([]);
    expect(input.closed).toEqual([{ teamId: t2, status: 'alternative', count: 1 }]);
  });

  it('an empty month says so in Dutch first', () => {
    const d = buildDigest(loadDigestInput(store, '2026-02', new Date('2026-03-02T08:00:00Z')));
    expect(d.isEmpty).toBe(true);
    expect(toPlain(digestText(d))).toContain('Geen uitgaven in februari 2026 / No spends in February 2026');
  });

  it('targets: own digest channel, the rest to the default channel', () => {
    expect(digestTargets(store, 'CDEFAULT')).toEqual([
      { platform: 'slack', channelId: 'CDEFAULT', teamIds: [t1] },
      { platform: 'slack', channelId: 'CMGR', teamIds: [t2] },
    ]);
    expect(digestTargets(store, undefined)).toEqual([{ platform: 'slack', channelId: 'CMGR', teamIds: [t2] }]);
  });
});

// ── One team, a few teams, all teams: the same figures ──────────────────────────────────────────
// A second database with more varied data: a team's own category with a default slug, categories
// only one team has, spends without a category, a team without a budget or a name, a team with
// more spends than the loader sorts in place (> 32 in the window), and spends outside the window.
describe('loadDigestInput for one team, a few teams and all teams', () => {
  let dir2: string;
  let db: Store;
  const ids: number[] = [];
  const MONTH = '2026-06';
  const NOW = new Date('2026-07-01T08:00:00Z');

  beforeAll(() => {
    dir2 = mkdtempSync(join(tmpdir(), 'mmw-digestq2-'));
    db = openStore(join(dir2, 'test.db'));
    const created = new Date('2025-01-01T00:00:00Z');
    for (const [i, name] of ['Noord', 'Zuid', '', 'Oost'].entries()) {
      ids.push(db.db.insert(teams).values({ platform: 'slack', workspaceId: 'T', channelId: `C${i}`, name, createdAt: created }).returning().get().id);
    }
    const [noord, zuid, naamloos, oost] = ids as [number, number, number, number];
    for (const id of [noord, naamloos, oost]) db.db.insert(teamBudgets).values({ teamId: id, year: 2026, amountCents: 500_000, setBy: 'UADMIN', setAt: created }).run();
    const slug = new Map(db.db.select().from(categories).all().map((c) => [c.slug, c.id]));
    const own = (teamId: number, s: string, label: string) =>
      db.db.insert(categories).values({ teamId, slug: s, labelNl: label, labelEn: label, createdAt: created }).returning().get().id;
    const noordMondzorg = own(noord, 'mondzorg', 'Mondzorg (Noord)');
    const zuidFiets = own(zuid, 'fiets', 'Fiets');
    const defaults = ['mondzorg', 'kleding', 'witgoed', 'overig'].map((s) => slug.get(s) as number);
    const insert = db.sqlite.prepare(
      `INSERT INTO requests (team_id, requester_id, amount_cents, description, supplier_name, supplier_iban, category_id, suggested_category_id,
         case_ref, reason, status, channel_id, created_at, decided_at, closed_at)
       VALUES (?, 'UREQ', ?, 'x', 'Leverancier', 'NL91ABNA0417164300', ?, ?, 'WT-1', 'no_provision', ?, 'C', ?, ?, ?)`,
    );
    let n = 0;
    const at = (month: string, day: number, hour: number) => Date.parse(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);
    db.sqlite.transaction(() => {
      for (const month of ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']) {
        for (const teamId of ids) {
          // Oost is busy: 8 spends a month, so more than 32 in the window.
          for (let k = 0; k < (teamId === oost ? 8 : 3); k++) {
            n++;
            const category = teamId === noord && k === 0 ? noordMondzorg : teamId === zuid && k === 1 ? zuidFiets : n % 7 === 0 ? null : (defaults[n % defaults.length] as number);
            const suggested = n % 3 === 0 ? category : n % 3 === 1 ? (defaults[0] as number) : null;
            const amount = [5000, 12000, 5000, 30000, 2500][n % 5] as number;
            const created = at(month, 1 + (n % 27), 8);
            insert.run(teamId, amount, category, suggested, n % 2 ? 'paid' : 'approved', created, created + (n % 50) * 3_600_000, null);
          }
          const created = at(month, 3, 9);
          insert.run(teamId, 4000, defaults[1], null, ['alternative', 'withdrawn', 'expired'][n % 3], created, null, created + 86_400_000);
        }
      }
      insert.run(noord, 4500, defaults[1], null, 'open', at('2026-06', 20, 9), null, null);
      insert.run(oost, 5500, null, null, 'on_hold', at('2026-06', 21, 9), null, null);
    })();
  });

  afterAll(() => {
    db.close();
    rmSync(dir2, { recursive: true, force: true });
  });

  it('spend equals a plain GROUP BY over the window, in its order (team, month, category id, none first)', () => {
    const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const ends = months.map((m) => monthEndMs(m));
    const plain = db.sqlite
      .prepare(
        `SELECT r.team_id AS teamId, CASE ${ends.map(() => 'WHEN r.decided_at < ? THEN ?').join(' ')} END AS month, c.slug AS categorySlug,
                COUNT(*) AS count, SUM(r.amount_cents) AS totalCents
           FROM requests r LEFT JOIN categories c ON c.id = r.category_id
          WHERE r.status IN ('approved','paid') AND r.decided_at >= ? AND r.decided_at < ?
          GROUP BY r.team_id, month, r.category_id ORDER BY r.team_id, month, r.category_id`,
      )
      .all(...ends.flatMap((end, i) => [end, months[i]]), monthStartMs('2025-10'), monthEndMs('2026-06'));
    expect(plain.length).toBeGreaterThan(40);
    expect(loadDigestInput(db, MONTH, NOW).spend).toEqual(plain);
    // The packed read and the plain one agree, for all teams and for some.
    const slugById = new Map(db.db.select().from(categories).all().map((c) => [c.id, c.slug]));
    for (const teamIds of [undefined, [ids[1] as number, ids[3] as number]]) {
      expect(readSpend(db, { months, teamIds, slugById })).toEqual(readSpendPlain(db, { months, teamIds, slugById }));
      const used = usedThisYear(db, monthStartMs('2026-01'), monthEndMs('2026-06'), teamIds);
      expect(used.size).toBeGreaterThan(0);
      expect(used).toEqual(usedThisYearPlain(db, monthStartMs('2026-01'), monthEndMs('2026-06'), teamIds));
    }
    expect(usedThisYear(db, monthStartMs('2026-01'), monthEndMs('2026-06'), [ids[0] as number])).toEqual(
      usedThisYearPlain(db, monthStartMs('2026-01'), monthEndMs('2026-06'), [ids[0] as number]),
    );
  });

  it('one team gives the same input and the same section as all teams restricted to that team', () => {
    const all = loadDigestInput(db, MONTH, NOW);
    const allDigest = buildDigest(all);
    for (const id of ids) {
      const one = loadDigestInput(db, MONTH, NOW, { teamId: id });
      const mine = <T extends { teamId: number }>(rows: readonly T[]) => rows.filter((r) => r.teamId === id);
      expect(one.teams).toEqual(mine(all.teams));
      // All four teams are one municipality: the others come along as peers, with their spend.
      expect(one.peers?.map((p) => p.teamId)).toEqual(ids.filter((x) => x !== id));
      expect(one.spend).toEqual(all.spend);
      expect(one.closed).toEqual(mine(all.closed));
      expect(one.onHold).toEqual(mine(all.onHold));
      expect(one.open).toEqual(mine(all.open));
      expect(one.suggestions).toEqual(mine(all.suggestions));
      expect(sortRows(one.approvalDurationsMs)).toEqual(sortRows(mine(all.approvalDurationsMs)));

      const section = buildDigest(one).teams[0];
      const inAll = allDigest.teams.find((t) => t.teamId === id);
      expect(section).toEqual(inAll);
      expect(JSON.stringify(section)).toBe(JSON.stringify(inAll));
    }
    expect(allDigest.teams.find((t) => t.teamId === ids[2])?.name).toBe('C2');
  });

  it('a few teams give the same sections as all teams', () => {
    const few = [ids[0], ids[3]] as number[];
    const digest = buildDigest(loadDigestInput(db, MONTH, NOW, { teamIds: few }));
    const all = buildDigest(loadDigestInput(db, MONTH, NOW));
    expect(digest.teams.map((t) => t.teamId)).toEqual(few);
    expect(digest.teams).toEqual(all.teams.filter((t) => few.includes(t.teamId as number)));
  });
});

function monthStartMs(month: string): number {
  return monthRange(month).start.getTime();
}

function monthEndMs(month: string): number {
  return monthRange(month).end.getTime();
}
