// (1) reaction events, (2) the request path, (4) bursts and (5) start-up + peak RSS: the bot and
// the floor app (bench/floor.ts) as child processes in HTTP mode, driven from this process with
// signed requests (autocannon for load), against the Web API double (loopback only).
import { spawn, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { openStore } from '../src/store/db.js';
import { categories, requests, teams } from '../src/store/schema.js';
import { startSlackApiDouble, type RecordedCall, type SlackApiDouble } from '../test/support/slackApiDouble.js';
import { plainText, radio, sign, slackClient, staticSelect } from '../test/support/slackRequests.js';
import { percentile, sortNum, spread, type Row } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SECRET = 'bench-signing-secret';
export const TEAM = 'T0001';
const CARD_CHANNELS = 50;
const CARDS_PER_CHANNEL = 10;
export const USERS = Array.from({ length: 100 }, (_, i) => `U${String(i + 1).padStart(4, '0')}`);
const BURST_CHANNEL = 'CBURST';
const BURST_CARDS = 3;
const REQ_CHANNEL = 'CREQ';
const REPS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves with performance.now() of the first accepted connection (polled every 2 ms, bounded). */
async function waitForPort(port: number, child: ChildProcess, timeoutMs = 30_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`child exited with ${child.exitCode} before listening`);
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect({ port, host: '127.0.0.1' });
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return performance.now();
    await sleep(2);
  }
  throw new Error(`port ${port} not listening after ${timeoutMs} ms`);
}

export interface ChildApp {
  child: ChildProcess;
  port: number;
  /** Spawn → port accepting connections, ms. */
  startMs: number;
  output: string[];
  peakRssMb(): number;
  stop(): Promise<void>;
}

/**
 * Both apps run as built JavaScript, the way `npm start` runs the bot (`npm run build` → dist/):
 * the bot's bundle, and the floor app bundled the same way into bench/out/.
 */
function buildApps(): void {
  buildSync({ entryPoints: ['src/main.ts'], absWorkingDir: ROOT, bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outdir: 'dist', logLevel: 'warning' });
  buildSync({ entryPoints: ['bench/floor.ts'], absWorkingDir: ROOT, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: 'bench/out/floor.js', logLevel: 'warning' });
}

/** The node flags of `npm start` (package.json scripts.start), so both apps run the way the bot is started. */
export function startNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((t) => t.startsWith('--'));
}

export async function spawnApp(kind: 'bot' | 'floor', env: { apiUrl: string; databaseUrl: string }): Promise<ChildApp> {
  const port = await freePort();
  const entry = kind === 'bot' ? 'dist/main.js' : 'bench/out/floor.js';
  const t0 = performance.now();
  // BENCH_CPU_PROF=<dir>: the bot writes a V8 CPU profile there when it stops (open in Chrome DevTools).
  const prof = (kind === 'bot' || process.env.BENCH_CPU_PROF_FLOOR) && process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...startNodeFlags(), ...prof, entry], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: String(port),
      SLACK_API_URL: env.apiUrl,
      DATABASE_URL: env.databaseUrl,
      LOG_LEVEL: 'warn',
      // BENCH_NODE_OPTIONS: node flags for both apps (e.g. --require a memory probe).
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      CARD_UPDATE_INTERVAL_MS: '1000',
      // The start-up reconciliation reads every open card at once here (the bench waits for it
      // before measuring); in production it is paced to Slack's rate tier.
      RECONCILE_PACE_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (b: Buffer) => {
    output.push(b.toString('utf8'));
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const ready = await waitForPort(port, child).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`${kind} did not start: ${String(e)}\n${output.join('')}`);
  });
  return {
    child,
    port,
    startMs: ready - t0,
    output,
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Wait until the double saw no new call for `quietMs` (bounded by `maxMs`). */
export async function quiet(double: SlackApiDouble, quietMs = 400, maxMs = 30_000): Promise<void> {
  const end = performance.now() + maxMs;
  let n = double.calls.length;
  let since = performance.now();
  while (performance.now() < end) {
    await sleep(50);
    if (double.calls.length !== n) {
      n = double.calls.length;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) return;
  }
}

interface Card {
  channel: string;
  ts: string;
}

/** The HTTP bench database: 500 open cards in 50 teams that need 1000 approvals (so they stay open), plus burst cards. */
export function seedHttpDb(path: string, opts: { burstOnly?: boolean } = {}): { cards: Card[]; burst: Card[] } {
  const store = openStore(path);
  const now = new Date();
  const cards: Card[] = [];
  const burst: Card[] = [];
  store.tx((tx) => {
    const witgoed = tx.select().from(categories).where(eq(categories.slug, 'witgoed')).get();
    let n = 0;
    const card = (teamId: number, channel: string): Card => {
      n++;
      const ts = `1600000000.${String(n).padStart(6, '0')}`;
      tx.insert(requests)
        .values({
          teamId,
          requesterId: 'UREQ',
          amountCents: 8550,
          description: 'Koelkast om insuline koel te houden',
          supplierName: 'Witgoedhandel Noord',
          supplierIban: 'NL91ABNA0417164300',
          categoryId: witgoed?.id ?? null,
          caseRef: `BN-${n}`,
          reason: 'no_provision',
          status: 'open',
          channelId: channel,
          messageTs: ts,
          createdAt: now,
        })
        .run();
      return { channel, ts };
    };
    for (let c = opts.burstOnly ? CARD_CHANNELS + 1 : 1; c <= CARD_CHANNELS + 1; c++) {
      const channel = c <= CARD_CHANNELS ? `CB${String(c).padStart(3, '0')}` : BURST_CHANNEL;
      const team = tx
        .insert(teams)
        .values({ platform: 'slack', workspaceId: TEAM, channelId: channel, name: `Bench ${c}`, approvalsNeeded: 1000, createdAt: now })
        .returning()
        .get();
      if (channel === BURST_CHANNEL) for (let i = 0; i < BURST_CARDS; i++) burst.push(card(team.id, channel));
      else for (let i = 0; i < CARDS_PER_CHANNEL; i++) cards.push(card(team.id, channel));
    }
  });
  store.close();
  return { cards, burst };
}

/** Signed reaction events: each its own event_id; consecutive events go to different cards and users. */
export function reactionEvents(cards: Card[]) {
  const pairs = cards.length * USERS.length;
  let k = 0;
  let lastUs = 0;
  return (): string => {
    const p = k % pairs;
    const added = Math.floor(k / pairs) % 2 === 0;
    const card = cards[p % cards.length]!;
    const user = USERS[Math.floor(p / cards.length) % USERS.length]!;
    lastUs = Math.max(lastUs + 1, Date.now() * 1000);
    const eventTs = `${Math.floor(lastUs / 1e6)}.${String(lastUs % 1e6).padStart(6, '0')}`;
    k++;
    return JSON.stringify({
      token: 'verification-token',
      team_id: TEAM,
      api_app_id: 'A0001',
      event: { type: added ? 'reaction_added' : 'reaction_removed', user, reaction: 'white_check_mark', item: { type: 'message', channel: card.channel, ts: card.ts }, item_user: 'UREQ', event_ts: eventTs },
      type: 'event_callback',
      event_id: `EvBENCH${k}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    });
  };
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  bad: number;
}

export async function load(port: number, next: () => string, o: { connections: number; duration: number; overallRate?: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let bad = 0;
  const t0 = performance.now();
  const inst = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: o.connections,
    duration: o.duration,
    timeout: 10,
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (req) => {
          const body = next();
          return { ...req, method: 'POST', path: '/slack/events', body, headers: { 'content-type': 'application/json', ...sign(SECRET, body) } };
        },
      },
    ],
  });
  inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) {
      ok++;
      latencies.push(ms);
    } else bad++;
  });
  const res = await inst;
  const seconds = (performance.now() - t0) / 1000;
  bad += res.errors + res.timeouts;
  const s = sortNum(latencies);
  return { rps: ok / Math.min(seconds, res.duration || seconds), p50: percentile(s, 50), p99: percentile(s, 99), ok, bad };
}

function formState(i: number) {
  return {
    amount: { value: plainText('85,50') },
    description: { description_input: plainText('Nieuwe koelkast om insuline koel te houden') },
    supplierName: { supplier_input: plainText('Witgoedhandel Noord') },
    supplierIban: { value: plainText('NL91 ABNA 0417 1643 00') },
    categorySlug: { value: staticSelect('witgoed') },
    caseRef: { value: plainText(`RP-${i}-2026`) },
    reason: { value: radio('no_provision') },
    reasonText: { value: plainText('') },
  };
}

/** (2) Slash command → views.open, view_submission → top-level chat.postMessage: sequential round trips. */
async function requestPath(double: SlackApiDouble, port: number, n: number, seq: { i: number }): Promise<{ open: number[]; card: number[]; bad: number }> {
  const slack = slackClient({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SECRET, teamId: TEAM, responseUrlBase: double.responseUrl });
  const open: number[] = [];
  const card: number[] = [];
  let bad = 0;
  const seen = new WeakSet<RecordedCall>();
  for (let k = 0; k < n; k++) {
    const i = seq.i++;
    const triggerId = `bench.${i}.${Date.now()}`;
    const opened = double.waitFor('views.open', (c) => c.args.trigger_id === triggerId, 10_000).then(() => performance.now());
    let t0 = performance.now();
    const r1 = await slack.slashCommand({ userId: 'UREQ', channelId: REQ_CHANNEL, triggerId });
    await r1.text();
    if (r1.status !== 200) bad++;
    open.push((await opened) - t0);

    const posted = double
      .waitFor('chat.postMessage', (c) => c.args.channel === REQ_CHANNEL && !c.args.thread_ts && !seen.has(c), 10_000)
      .then((c) => (seen.add(c), performance.now()));
    t0 = performance.now();
    const r2 = await slack.viewSubmission({ userId: 'UREQ', callbackId: 'request_submit', values: formState(i), privateMetadata: JSON.stringify({ channelId: REQ_CHANNEL }) });
    const body = await r2.text();
    if (r2.status !== 200 || body !== '') bad++;
    card.push((await posted) - t0);
  }
  return { open, card, bad };
}

/** (4) 100 reactions on one card within one second. */
async function burst(double: SlackApiDouble, port: number, card: Card): Promise<{ updates: number; finalMs: number; lastSentMs: number; bad: number }> {
  const slack = slackClient({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SECRET, teamId: TEAM });
  const isCard = (c: RecordedCall) => c.args.ts === card.ts && c.args.channel === card.channel;
  const before = double.calls.length;
  const final = double
    .waitFor('chat.update', (c) => isCard(c) && JSON.stringify(c.args.blocks ?? '').includes(`${USERS.length} van `), 20_000)
    .then(() => performance.now());
  const t0 = performance.now();
  let bad = 0;
  let lastSent = 0;
  const sends = USERS.map(async (user, i) => {
    await sleep(i * 10); // 100 events over ~1 s
    const res = await slack.reactionAdded({ userId: user, reaction: 'white_check_mark', channelId: card.channel, ts: card.ts });
    await res.text();
    if (res.status !== 200) bad++;
    lastSent = Math.max(lastSent, performance.now());
  });
  await Promise.all(sends);
  const finalAt = await final;
  await sleep(2500); // anything still coming for this card (the interval is 1 s)
  const updates = double.calls.slice(before).filter((c) => c.method === 'chat.update' && isCard(c)).length;
  return { updates, finalMs: finalAt - t0, lastSentMs: lastSent - t0, bad };
}

export interface HttpBench {
  rows: Row[];
  notes: string[];
}

export async function benchHttp(nationalDb: string, log: (s: string) => void): Promise<HttpBench> {
  const dir = mkdtempSync(join(tmpdir(), 'mmw-bench-'));
  buildApps();
  const double = await startSlackApiDouble({ teamId: TEAM });
  const rows: Row[] = [];
  const notes: string[] = [];
  const apps: ChildApp[] = [];
  try {
    const dbPath = join(dir, 'http.db');
    const { cards, burst: burstCards } = seedHttpDb(dbPath);
    const channels = new Set([...cards.map((c) => c.channel), BURST_CHANNEL, REQ_CHANNEL]);
    for (const ch of channels) double.setChannelMembers(ch, ['UREQ', ...USERS]);

    log('http: starting floor and bot …');
    const floor = await spawnApp('floor', { apiUrl: double.url, databaseUrl: join(dir, 'unused.db') });
    apps.push(floor);
    const bot = await spawnApp('bot', { apiUrl: double.url, databaseUrl: dbPath });
    apps.push(bot);
    // The bot's start-up reconciliation reads every open card's reactions and redraws it: let it finish.
    const undecided = cards.length + burstCards.length;
    const end = performance.now() + 60_000;
    while (double.callsTo('reactions.get').length < undecided && performance.now() < end) await sleep(50);
    await quiet(double);

    const floorNext = reactionEvents(cards);
    const botNext = reactionEvents(cards);
    // Warm-up (JIT, member lists, user look-ups), not measured.
    await load(floor.port, floorNext, { connections: 4, duration: 1 });
    await load(bot.port, botNext, { connections: 4, duration: 1 });
    await quiet(double);

    const m = { fRps: [] as number[], bRps: [] as number[], fP50: [] as number[], bP50: [] as number[], fP99: [] as number[], bP99: [] as number[] };
    const r = { fP50: [] as number[], bP50: [] as number[], fP99: [] as number[], bP99: [] as number[] };
    let bad = 0;
    let botEvents = 0;
    for (let rep = 0; rep < REPS; rep++) {
      log(`http: reactions, max throughput, rep ${rep + 1}/${REPS}`);
      const f = await load(floor.port, floorNext, { connections: 8, duration: 3 });
      const b = await load(bot.port, botNext, { connections: 8, duration: 3 });
      botEvents += b.ok;
      bad += f.bad + b.bad;
      m.fRps.push(f.rps), m.bRps.push(b.rps), m.fP50.push(f.p50), m.bP50.push(b.p50), m.fP99.push(f.p99), m.bP99.push(b.p99);
      await quiet(double);
    }
    for (let rep = 0; rep < REPS; rep++) {
      log(`http: reactions at 200 events/s, rep ${rep + 1}/${REPS}`);
      const f = await load(floor.port, floorNext, { connections: 10, duration: 3, overallRate: 200 });
      const b = await load(bot.port, botNext, { connections: 10, duration: 3, overallRate: 200 });
      botEvents += b.ok;
      bad += f.bad + b.bad;
      r.fP50.push(f.p50), r.bP50.push(b.p50), r.fP99.push(f.p99), r.bP99.push(b.p99);
      await quiet(double);
    }
    const tp = spread(m.bRps);
    const tpF = spread(m.fRps);
    const p99 = spread(m.bP99);
    const p99F = spread(m.fP99);
    const rp99 = spread(r.bP99);
    const rp99F = spread(r.fP99);
    rows.push(
      { section: '1', metric: 'reactions: throughput (8 connections)', unit: 'events/s', value: tp, floor: tpF, better: 'higher', goal: '≥ 0.70x floor', met: tp.median >= 0.7 * tpF.median },
      { section: '1', metric: 'reactions: p50 latency at max load', unit: 'ms', value: spread(m.bP50), floor: spread(m.fP50), better: 'lower', goal: '', met: null },
      { section: '1', metric: 'reactions: p99 latency at max load', unit: 'ms', value: p99, floor: p99F, better: 'lower', goal: '≤ 2x floor', met: p99.median <= 2 * p99F.median },
      { section: '1', metric: 'reactions: p50 latency at 200 events/s', unit: 'ms', value: spread(r.bP50), floor: spread(r.fP50), better: 'lower', goal: '', met: null },
      { section: '1', metric: 'reactions: p99 latency at 200 events/s', unit: 'ms', value: rp99, floor: rp99F, better: 'lower', goal: '< 50 ms and ≤ 2x floor', met: rp99.median < 50 && rp99.median <= 2 * rp99F.median },
    );
    // Every event was a state change: check the bot really counted them (a fast wrong answer is no result).
    const check = new Database(dbPath, { readonly: true });
    const stored = (check.prepare(`SELECT COUNT(*) AS n FROM processed_events WHERE event_id LIKE 'slack:EvBENCH%'`).get() as { n: number }).n;
    check.close();
    notes.push(`(1) non-2xx/errors over all load runs: ${bad}; bot events answered 200 in the measured runs: ${botEvents.toLocaleString('en')}; event ids stored by the bot (incl. warm-up): ${stored.toLocaleString('en')}; chat.update calls sent meanwhile: ${double.callsTo('chat.update').length.toLocaleString('en')}.`);

    log('http: request path');
    const seq = { i: 0 };
    await requestPath(double, floor.port, 5, seq); // warm-up
    await requestPath(double, bot.port, 5, seq);
    const rp = { fOpen: [] as number[][], bOpen: [] as number[][], fCard: [] as number[][], bCard: [] as number[][] };
    let rpBad = 0;
    for (let rep = 0; rep < REPS; rep++) {
      const f = await requestPath(double, floor.port, 40, seq);
      const b = await requestPath(double, bot.port, 40, seq);
      rpBad += f.bad + b.bad;
      rp.fOpen.push(f.open), rp.bOpen.push(b.open), rp.fCard.push(f.card), rp.bCard.push(b.card);
    }
    const pct = (runs: number[][], p: number) => spread(runs.map((xs) => percentile(sortNum(xs), p)));
    rows.push(
      { section: '2', metric: 'slash command → views.open, p50', unit: 'ms', value: pct(rp.bOpen, 50), floor: pct(rp.fOpen, 50), better: 'lower', goal: '', met: null },
      { section: '2', metric: 'slash command → views.open, p99', unit: 'ms', value: pct(rp.bOpen, 99), floor: pct(rp.fOpen, 99), better: 'lower', goal: '', met: null },
      { section: '2', metric: 'view_submission → card posted, p50', unit: 'ms', value: pct(rp.bCard, 50), floor: pct(rp.fCard, 50), better: 'lower', goal: '', met: null },
      { section: '2', metric: 'view_submission → card posted, p99', unit: 'ms', value: pct(rp.bCard, 99), floor: pct(rp.fCard, 99), better: 'lower', goal: '', met: null },
    );
    notes.push(`(2) 40 sequential round trips per rep; failures: ${rpBad}.`);

    log('http: bursts');
    // A bot of its own: the cards of (1) still wait for their turn within the workspace's
    // rate of card updates (CARD_UPDATES_PER_MINUTE), which would only measure that queue.
    const burstDb = join(dir, 'burst.db');
    const { burst: burstOnly } = seedHttpDb(burstDb, { burstOnly: true });
    const burstBot = await spawnApp('bot', { apiUrl: double.url, databaseUrl: burstDb });
    apps.push(burstBot);
    const bEnd = performance.now() + 30_000;
    while (double.callsTo('reactions.get').length < undecided + burstOnly.length && performance.now() < bEnd) await sleep(50);
    await quiet(double);
    const bu = { updates: [] as number[], finalMs: [] as number[], lastSent: [] as number[] };
    let buBad = 0;
    for (const card of burstOnly) {
      const res = await burst(double, burstBot.port, card);
      bu.updates.push(res.updates), bu.finalMs.push(res.finalMs), bu.lastSent.push(res.lastSentMs);
      buBad += res.bad;
    }
    const upd = spread(bu.updates);
    const floorUpdates = { median: 2, min: 2, max: 2, n: 1 };
    rows.push(
      { section: '4', metric: 'burst of 100 reactions in 1 s: chat.update calls', unit: 'calls', value: upd, floor: floorUpdates, better: 'lower', goal: '≤ 5', met: upd.max <= 5 },
      { section: '4', metric: 'burst: first event → card shows 100 approvals', unit: 'ms', value: spread(bu.finalMs), floor: spread(bu.lastSent), better: 'lower', goal: '', met: null },
    );
    notes.push(`(4) on a bot of its own with only the burst cards (default CARD_UPDATES_PER_MINUTE). Floor for updates: 2 (one at once, one after the 1 s interval); floor for the time: the last event's HTTP answer. Failures: ${buBad}.`);

    const rss = { median: bot.peakRssMb(), min: NaN, max: NaN, n: 1 };
    const rssF = { median: floor.peakRssMb(), min: NaN, max: NaN, n: 1 };
    rss.min = rss.max = rss.median;
    rssF.min = rssF.max = rssF.median;
    rows.push({ section: '5', metric: 'peak RSS (VmHWM) after the load of 1, 2, 4', unit: 'MB', value: rss, floor: rssF, better: 'lower', goal: '< 150 MB', met: rss.median < 150 });
    await floor.stop();
    await bot.stop();

    log('http: start-up on the 1M-row database');
    const startDb = join(dir, 'national.db');
    copyFileSync(nationalDb, startDb);
    const st = { bot: [] as number[], floorApp: [] as number[], tsx: [] as number[] };
    for (let rep = 0; rep < 5; rep++) {
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const c = spawn(process.execPath, ['-e', '0'], { cwd: ROOT, stdio: 'ignore', env: { PATH: process.env.PATH ?? '' } });
        c.once('exit', () => resolve());
        c.once('error', reject);
      });
      st.tsx.push(performance.now() - t0);
      const f = await spawnApp('floor', { apiUrl: double.url, databaseUrl: join(dir, 'unused.db') });
      st.floorApp.push(f.startMs);
      f.child.kill('SIGKILL');
      const b = await spawnApp('bot', { apiUrl: double.url, databaseUrl: startDb });
      st.bot.push(b.startMs);
      b.child.kill('SIGKILL'); // its start-up reconciliation would now redraw every open card of the country
      await sleep(200);
    }
    const sb = spread(st.bot);
    rows.push(
      { section: '5', metric: 'start-up: spawn → port accepting, 1M-row db', unit: 'ms', value: sb, floor: spread(st.floorApp), better: 'lower', goal: '< 1000 ms', met: sb.median < 1000 },
      { section: '5', metric: '  reference: bare `node -e 0` spawn → exit', unit: 'ms', value: spread(st.tsx), floor: spread(st.floorApp), better: 'lower', goal: '', met: null },
    );
    notes.push(`(5) floor for start-up: the floor Bolt app (spawn → port accepting); reference: \`node -e 0\`; both apps run as built JavaScript (\`npm start\` builds dist/ with esbuild first) with the node flags of \`npm start\` (${startNodeFlags().join(' ')}). Peak RSS floor: the floor app after the same load.`);
    return { rows, notes };
  } finally {
    for (const a of apps) await a.stop().catch(() => undefined);
    await double.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
