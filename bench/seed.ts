// Seeds a national-scale register: 1,000,000 requests over 340 municipalities x 30 teams and
// 10 years, with a realistic category mix, statuses and the payments of approved/paid requests.
// The file is cached under bench/out/ by SEED_VERSION: a rerun reuses it.
//
// Speed: the schema comes from the real migrations (openStore); then, in one transaction with
// prepared statements, the rows are inserted with the secondary indexes of `requests` and
// `payments` dropped, and the indexes are re-created from their own stored SQL (so they are
// exactly the migrations' indexes). No ANALYZE: the app never runs it, so neither does the bench.
//
// Run alone: `npx tsx bench/seed.ts` (prints the path and how long it took).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { seededRandom } from '../src/core/random.js';
import { openStore } from '../src/store/db.js';
import { addMonthsKey, monthRange } from '../src/core/time.js';

/** Bump when the seeded data changes: the cached file is then rebuilt. */
export const SEED_VERSION = 1;
export const MUNICIPALITIES = 340;
export const TEAMS_PER_MUNICIPALITY = 30;
export const REQUESTS = 1_000_000;
/** The seeded decade: 2016-07 up to and including 2026-06 (Europe/Amsterdam). */
export const FIRST_MONTH = '2016-07';
/** "Now" in the seeded world; the digest is made for DIGEST_MONTH as of this instant. */
export const SEED_NOW = new Date('2026-06-30T10:00:00Z');
export const DIGEST_MONTH = '2026-06';

const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));
export const nationalDbPath = (): string => join(OUT_DIR, `national-v${SEED_VERSION}-${REQUESTS}.db`);

/** Small deterministic PRNG (mulberry32). */
export const rng = seededRandom;

/** Category mix (weights), after the domain notes: dental, arrears and white goods lead. */
const CATEGORY_MIX: [string, number][] = [
  ['mondzorg', 14],
  ['huur_energie', 12],
  ['witgoed', 12],
  ['woning', 9],
  ['werk', 9],
  ['documenten', 8],
  ['schuld', 7],
  ['kinderen', 7],
  ['vervoer', 6],
  ['zorg', 6],
  ['kleding', 5],
  ['noodhulp', 4],
  ['overig', 3],
];

const DESCRIPTIONS: Record<string, [string, string]> = {
  mondzorg: ['Tandarts noodbehandeling', 'Tandartspraktijk Centrum'],
  huur_energie: ['Huurachterstand om ontruiming te voorkomen', 'Woningcorporatie Oost'],
  witgoed: ['Koelkast voor insuline', 'Witgoedhandel Noord'],
  woning: ['Slotenmaker na buitensluiten', 'Slotenservice 24'],
  werk: ['Werkkleding voor nieuwe baan', 'Werkkleding BV'],
  documenten: ['Nieuwe ID-kaart', 'Gemeente Burgerzaken'],
  schuld: ['Oude schuld voor schuldregeling', 'Incassobureau West'],
  kinderen: ['Schoolspullen', 'Boekhandel Plein'],
  vervoer: ['Fiets om naar werk te gaan', 'Fietsenmaker Zuid'],
  zorg: ['Eigen bijdrage hulpmiddel', 'Thuiszorgwinkel'],
  kleding: ['Winterjas kinderen', 'Kledingwinkel Markt'],
  noodhulp: ['Boodschappen noodhulp', 'Supermarkt Hoek'],
  overig: ['Diversen', 'Leverancier'],
};

function pickWeighted(cum: number[], total: number, u: number): number {
  const x = u * total;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A standard normal sample (Box-Muller). */
function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

export interface SeedInfo {
  path: string;
  cached: boolean;
  seconds: number;
  requests: number;
  payments: number;
  teams: number;
}

/** The cached national database, seeded first when it is missing. */
export function ensureNationalDb(log: (s: string) => void = () => {}): SeedInfo {
  const path = nationalDbPath();
  if (existsSync(path)) {
    const db = new Database(path, { readonly: true });
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const info = { path, cached: true, seconds: 0, requests: n('SELECT COUNT(*) AS n FROM requests'), payments: n('SELECT COUNT(*) AS n FROM payments'), teams: n('SELECT COUNT(*) AS n FROM teams') };
    db.close();
    return info;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${path}.tmp`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  log(`seeding ${REQUESTS.toLocaleString('en')} requests into ${tmp} …`);
  const started = performance.now();
  openStore(tmp).close(); // the real migrations
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const counts = seedInto(db);
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(tmp, path);
  const seconds = (performance.now() - started) / 1000;
  log(`seeded in ${seconds.toFixed(1)} s`);
  return { path, cached: false, seconds, ...counts };
}

function seedInto(db: Database.Database): { requests: number; payments: number; teams: number } {
  const r = rng(20260630);
  const catIds = new Map((db.prepare('SELECT id, slug FROM categories WHERE team_id IS NULL').all() as { id: number; slug: string }[]).map((c) => [c.slug, c.id]));
  const cats = CATEGORY_MIX.map(([slug, w]) => ({ slug, w, id: catIds.get(slug) }));
  if (cats.some((c) => c.id === undefined)) throw new Error('seed: default categories missing');
  const catCum: number[] = [];
  let catTotal = 0;
  for (const c of cats) catCum.push((catTotal += c.w));

  // Secondary indexes off during the load, back on (from their own SQL) afterwards.
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('requests','payments') AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];

  const start = monthRange(FIRST_MONTH).start.getTime();
  const now = SEED_NOW.getTime();
  const span = now - start;
  const DAY = 86_400_000;

  const insertTeam = db.prepare(
    `INSERT INTO teams (id, platform, workspace_id, channel_id, name, created_at) VALUES (?, 'slack', ?, ?, ?, ?)`,
  );
  const insertBudget = db.prepare(`INSERT INTO team_budgets (team_id, year, amount_cents, set_by, set_at) VALUES (?, ?, ?, 'UADMIN', ?)`);
  const insertRequest = db.prepare(
    `INSERT INTO requests (id, team_id, requester_id, amount_cents, description, supplier_name, supplier_iban, category_id,
       suggested_category_id, case_ref, reason, status, channel_id, message_ts, created_at, decided_at, closed_at, closed_kind)
     VALUES (?, ?, ?, ?, ?, ?, 'NL91ABNA0417164300', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPayment = db.prepare(
    `INSERT INTO payments (request_id, amount_cents, supplier_name, supplier_iban, category_id, approvers, recorded_at, exported_at, export_batch, paid_at, paid_by)
     VALUES (?, ?, ?, 'NL91ABNA0417164300', ?, 'U01,U02,U03', ?, ?, ?, ?, ?)`,
  );

  let payments = 0;
  const teamCount = MUNICIPALITIES * TEAMS_PER_MUNICIPALITY;
  db.transaction(() => {
    for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
    // Teams: some use the budget a lot, some little (log-normal activity).
    const teamCum: number[] = [];
    let teamTotal = 0;
    const channel: string[] = [];
    for (let m = 1; m <= MUNICIPALITIES; m++) {
      for (let t = 1; t <= TEAMS_PER_MUNICIPALITY; t++) {
        const id = (m - 1) * TEAMS_PER_MUNICIPALITY + t;
        const ch = `CM${String(m).padStart(3, '0')}T${String(t).padStart(2, '0')}`;
        channel[id] = ch;
        insertTeam.run(id, `TM${String(m).padStart(3, '0')}`, ch, `Gemeente ${m} team ${t}`, start);
        for (let y = 2016; y <= 2026; y++) insertBudget.run(id, y, 1_000_000 + Math.floor(r() * 40) * 100_000, start);
        teamCum.push((teamTotal += Math.exp(0.9 * gauss(r))));
      }
    }
    for (let id = 1; id <= REQUESTS; id++) {
      const teamId = pickWeighted(teamCum, teamTotal, r()) + 1;
      // Use grows over the decade: density rises linearly with time.
      const createdAt = start + Math.floor(Math.sqrt(r()) * span);
      const age = now - createdAt;
      const cat = cats[pickWeighted(catCum, catTotal, r())]!;
      const u = r();
      let status: string;
      if (age < 14 * DAY) status = u < 0.6 ? 'open' : u < 0.65 ? 'on_hold' : u < 0.85 ? 'approved' : u < 0.93 ? 'alternative' : 'withdrawn';
      else if (age < 60 * DAY) status = u < 0.35 ? 'approved' : u < 0.7 ? 'paid' : u < 0.88 ? 'alternative' : u < 0.95 ? 'withdrawn' : 'expired';
      else status = u < 0.02 ? 'approved' : u < 0.7 ? 'paid' : u < 0.88 ? 'alternative' : u < 0.95 ? 'withdrawn' : 'expired';
      const amount = Math.min(49_999, Math.max(500, Math.round(Math.exp(Math.log(12_000) + 0.8 * gauss(r)))));
      const v = r();
      const suggested = v < 0.85 ? cat.id! : v < 0.95 ? cats[Math.floor(r() * cats.length)]!.id! : null;
      const [description, supplier] = DESCRIPTIONS[cat.slug]!;
      let decidedAt: number | null = null;
      let closedAt: number | null = null;
      let closedKind: string | null = null;
      if (status === 'approved' || status === 'paid') {
        // Time to approval: median ~5 h, a long tail of days.
        decidedAt = Math.min(now - 1, createdAt + Math.round(Math.exp(Math.log(5 * 3_600_000) + 1.2 * gauss(r))));
      } else if (status === 'expired') {
        closedAt = Math.min(now - 1, createdAt + 14 * DAY);
      } else if (status === 'alternative' || status === 'withdrawn') {
        closedAt = Math.min(now - 1, createdAt + Math.round(r() * 10 * DAY));
        if (status === 'alternative') closedKind = ['charity_fund', 'other_provision', 'free_solution', 'other'][Math.floor(r() * 4)]!;
      }
      insertRequest.run(
        id,
        teamId,
        `U${teamId}_${Math.floor(r() * 12)}`,
        amount,
        description,
        supplier,
        cat.id,
        suggested,
        `CR-${teamId}-${Math.floor(r() * 400)}`,
        r() < 0.7 ? 'no_provision' : 'too_slow',
        status,
        channel[teamId],
        `${1_400_000_000 + id}.000100`,
        createdAt,
        decidedAt,
        closedAt,
        closedKind,
      );
      if (decidedAt !== null) {
        const paid = status === 'paid' ? Math.min(now, decidedAt + DAY * (2 + Math.floor(r() * 14))) : null;
        insertPayment.run(id, amount, supplier, cat.id, decidedAt, paid, paid === null ? null : `B${Math.floor(paid / (7 * DAY))}`, paid, paid === null ? null : 'UFIN');
        payments++;
      }
    }
    for (const ix of indexes) db.exec(ix.sql);
  })();
  return { requests: REQUESTS, payments, teams: teamCount };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const info = ensureNationalDb((s) => process.stdout.write(`${s}\n`));
  process.stdout.write(`${JSON.stringify(info)}\n`);
  const planted = ensurePlantedDb((s) => process.stdout.write(`${s}\n`));
  process.stdout.write(`${JSON.stringify({ ...planted, truth: planted.truth.length })}\n`);
}

export const benchOutDir = (): string => OUT_DIR;

// ── The planted seed: known signals in otherwise stationary data ──────────────────────────────
// 100 municipalities × 25 teams over the 24 months up to DIGEST_MONTH, approved spends only (what
// the findings read). Each team spends Poisson(rate) a month with the national category mix; the
// rate is log-normal (median 4 a month), so about a third of the teams spend 5 or more a month.
// Planted: in 5% of the teams one category (drawn by the mix) has its rate multiplied by 2, 2.5 or
// 3 for the last 3, 4, 6, 9 or 24 months (24: since the start, a structural difference); in
// municipality 1 dental care rises 2.5× over the last 4 months in a third of its teams. The rest is
// stationary. The truth (team, category, factor, months, base rate) is returned for scoring.

export const PLANTED_SEED_VERSION = 1;
export const PLANTED_MUNICIPALITIES = 100;
export const PLANTED_TEAMS_PER_MUNICIPALITY = 25;
export const PLANTED_MONTHS = 24;
export const plantedDbPath = (): string => join(OUT_DIR, `planted-v${PLANTED_SEED_VERSION}.db`);

export interface PlantedSignal {
  teamId: number;
  slug: string;
  factor: number;
  /** Months with the raised rate, counting back from DIGEST_MONTH (included). */
  months: number;
  /** The team's usual spends a month, and the category's usual spends a month in it. */
  teamRate: number;
  categoryRate: number;
}

export interface PlantedInfo extends SeedInfo {
  truth: PlantedSignal[];
}

/** A Poisson sample (Knuth; the rates here are small). */
function poisson(r: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(r)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = r();
  while (p > limit) {
    k++;
    p *= r();
  }
  return k;
}

/** The planted design, deterministic: the same truth whether the file is cached or not. */
function plantedDesign(): { rates: number[]; truth: PlantedSignal[] } {
  const r = rng(20260701);
  const teams = PLANTED_MUNICIPALITIES * PLANTED_TEAMS_PER_MUNICIPALITY;
  const total = CATEGORY_MIX.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of CATEGORY_MIX) cum.push((acc += w));
  const rates = Array.from({ length: teams + 1 }, () => 4 * Math.exp(0.6 * gauss(r)));
  const truth: PlantedSignal[] = [];
  const share = (slug: string) => (CATEGORY_MIX.find(([s]) => s === slug)?.[1] ?? 0) / total;
  // Municipality 1: dental rises 2.5× over the last 4 months in a third of its teams.
  for (let t = 1; t <= PLANTED_TEAMS_PER_MUNICIPALITY; t += 3) {
    truth.push({ teamId: t, slug: 'mondzorg', factor: 2.5, months: 4, teamRate: rates[t] as number, categoryRate: (rates[t] as number) * share('mondzorg') });
  }
  for (let id = PLANTED_TEAMS_PER_MUNICIPALITY + 1; id <= teams; id++) {
    if (r() >= 0.05) continue;
    let slug = CATEGORY_MIX[pickWeighted(cum, total, r())]![0];
    while (slug === 'overig') slug = CATEGORY_MIX[pickWeighted(cum, total, r())]![0];
    const factor = [2, 2.5, 3][Math.floor(r() * 3)]!;
    const months = [3, 4, 6, 9, 24][Math.floor(r() * 5)]!;
    truth.push({ teamId: id, slug, factor, months, teamRate: rates[id] as number, categoryRate: (rates[id] as number) * share(slug) });
  }
  return { rates, truth };
}

/** The cached planted database, seeded first when it is missing (the same fast path as the national one). */
export function ensurePlantedDb(log: (s: string) => void = () => {}): PlantedInfo {
  const path = plantedDbPath();
  const { rates, truth } = plantedDesign();
  if (existsSync(path)) {
    const db = new Database(path, { readonly: true });
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const info = { path, cached: true, seconds: 0, requests: n('SELECT COUNT(*) AS n FROM requests'), payments: 0, teams: n('SELECT COUNT(*) AS n FROM teams'), truth };
    db.close();
    return info;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${path}.tmp`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  log(`seeding the planted database into ${tmp} …`);
  const started = performance.now();
  openStore(tmp).close();
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const requests = seedPlanted(db, rates, truth);
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(tmp, path);
  const seconds = (performance.now() - started) / 1000;
  log(`seeded the planted database in ${seconds.toFixed(1)} s`);
  return { path, cached: false, seconds, requests, payments: 0, teams: PLANTED_MUNICIPALITIES * PLANTED_TEAMS_PER_MUNICIPALITY, truth };
}

function seedPlanted(db: Database.Database, rates: readonly number[], truth: readonly PlantedSignal[]): number {
  const r = rng(20260702);
  const catIds = new Map((db.prepare('SELECT id, slug FROM categories WHERE team_id IS NULL').all() as { id: number; slug: string }[]).map((c) => [c.slug, c.id]));
  const total = CATEGORY_MIX.reduce((s, [, w]) => s + w, 0);
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests' AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];
  const first = addMonthsKey(DIGEST_MONTH, 1 - PLANTED_MONTHS);
  const start = monthRange(first).start.getTime();
  const insertTeam = db.prepare(`INSERT INTO teams (id, platform, workspace_id, channel_id, name, created_at) VALUES (?, 'slack', ?, ?, ?, ?)`);
  const insertRequest = db.prepare(
    `INSERT INTO requests (team_id, requester_id, amount_cents, description, supplier_name, supplier_iban, category_id, suggested_category_id,
       case_ref, reason, status, channel_id, message_ts, created_at, decided_at)
     VALUES (?, 'UREQ', ?, 'x', 'Leverancier', 'NL91ABNA0417164300', ?, ?, 'CR', 'no_provision', 'paid', ?, ?, ?, ?)`,
  );
  const raised = new Map(truth.map((t) => [`${t.teamId}:${t.slug}`, t]));
  let n = 0;
  db.transaction(() => {
    for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
    for (let m = 1; m <= PLANTED_MUNICIPALITIES; m++) {
      for (let t = 1; t <= PLANTED_TEAMS_PER_MUNICIPALITY; t++) {
        const id = (m - 1) * PLANTED_TEAMS_PER_MUNICIPALITY + t;
        insertTeam.run(id, `TP${String(m).padStart(3, '0')}`, `CP${id}`, `Gemeente ${m} team ${t}`, start);
      }
    }
    for (let i = 0; i < PLANTED_MONTHS; i++) {
      const month = addMonthsKey(first, i);
      const { start: from, end: to } = monthRange(month);
      const monthsBeforeEnd = PLANTED_MONTHS - i; // 1 for DIGEST_MONTH
      for (let id = 1; id < rates.length; id++) {
        for (const [slug, w] of CATEGORY_MIX) {
          const signal = raised.get(`${id}:${slug}`);
          const factor = signal && monthsBeforeEnd <= signal.months ? signal.factor : 1;
          const count = poisson(r, (rates[id] as number) * (w / total) * factor);
          for (let k = 0; k < count; k++) {
            const decided = from.getTime() + Math.floor(r() * (to.getTime() - from.getTime() - 1));
            const amount = Math.min(49_999, Math.max(500, Math.round(Math.exp(Math.log(12_000) + 0.8 * gauss(r)))));
            insertRequest.run(id, amount, catIds.get(slug), catIds.get(slug), `CP${id}`, `${1_500_000_000 + n}.000100`, decided - 3_600_000, decided);
            n++;
          }
        }
      }
    }
    for (const ix of indexes) db.exec(ix.sql);
  })();
  return n;
}
