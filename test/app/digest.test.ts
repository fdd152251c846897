// The automatic monthly digest: when it is due, that it is posted once per month per channel
// (two schedulers on the same database file racing, a restart, a crash, a failed post).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimMonthlyDigest, digestForMonth, resolveDigestMonth, type DigestPort } from '../../src/app/digest.js';
import type { AppDeps } from '../../src/app/deps.js';
import { digestCommand } from '../../src/cli/digest.js';
import { dueDigestMonth, runMonthlyDigest } from '../../src/jobs/monthlyDigest.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { createLog } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/db.js';
import { auditLog, categories, payments, requests, teams } from '../../src/store/schema.js';
import { TestClock } from '../support/bot.js';
import { toPlain } from '../../src/core/text.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const log = createLog('error', () => {});

interface Posted {
  kind: 'text' | 'chart';
  channelId: string;
  text?: string;
  png?: Buffer;
  altText?: string;
}

/** A platform double: records posts, optionally waits (so two runs overlap) or fails. */
function fakePort(posted: Posted[], opts: { delayMs?: number; failUploads?: number } = {}): DigestPort {
  let failUploads = opts.failUploads ?? 0;
  const wait = () => new Promise((r) => setTimeout(r, opts.delayMs ?? 0));
  return {
    platform: 'slack',
    async postText(channelId, text) {
      await wait();
      posted.push({ kind: 'text', channelId, text: toPlain(text) });
    },
    async uploadChart(channelId, chart) {
      await wait();
      if (failUploads > 0) {
        failUploads--;
        throw Object.assign(new Error('upload failed'), { code: 'slack_webapi_platform_error' });
      }
      posted.push({ kind: 'chart', channelId, png: chart.png, altText: chart.altText });
    },
  };
}

let dir: string;
let path: string;
let stores: Store[];
const open = () => {
  const s = openStore(path);
  stores.push(s);
  return s;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mmw-digest-'));
  path = join(dir, 'test.db');
  stores = [];
  const s = open();
  const now = new Date('2026-01-01T00:00:00Z');
  const t1 = s.db.insert(teams).values({ platform: 'slack', workspaceId: 'T', channelId: 'CNOORD', name: 'Wijkteam Noord', createdAt: now }).returning().get().id;
  s.db.insert(teams).values({ platform: 'slack', workspaceId: 'T', channelId: 'CZUID', name: 'Buurtteam Zuid', createdAt: now, digestChannelId: 'CZUIDMGR' }).run();
  const mondzorg = s.db.select().from(categories).all().find((c) => c.slug === 'mondzorg')!.id;
  const r = s.db
    .insert(requests)
    .values({
      teamId: t1,
      requesterId: 'UREQ',
      amountCents: 12000,
      description: 'x',
      supplierName: 'Tandarts',
      supplierIban: 'NL91ABNA0417164300',
      categoryId: mondzorg,
      caseRef: 'WT-1',
      reason: 'no_provision',
      status: 'approved',
      channelId: 'CNOORD',
      createdAt: new Date('2026-10-05T08:00:00Z'),
      decidedAt: new Date('2026-10-05T10:00:00Z'),
    })
    .returning()
    .get();
  s.db
    .insert(payments)
    .values({ requestId: r.id, amountCents: 12000, supplierName: 'Tandarts', supplierIban: r.supplierIban, categoryId: mondzorg, approvers: 'UA,UB,UC', recordedAt: r.decidedAt! })
    .run();
});

afterEach(() => {
  for (const s of stores) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const depsOf = (store: Store, clock: TestClock): AppDeps => ({ store, clock, outboxWake: () => {} });

describe('when the digest is due', () => {
  it('from 09:00 Amsterdam on the first working day, for the previous month', () => {
    // 1 November 2026 is a Sunday: the first working day is Monday 2 November (CET, UTC+1).
    expect(dueDigestMonth(new Date('2026-11-01T10:00:00Z'))).toBeNull();
    expect(dueDigestMonth(new Date('2026-11-02T07:59:59Z'))).toBeNull();
    expect(dueDigestMonth(new Date('2026-11-02T08:00:00Z'))).toBe('2026-10');
    expect(dueDigestMonth(new Date('2026-11-30T22:59:00Z'))).toBe('2026-10');
    // 1 January 2027 is a holiday (Friday): Monday 4 January.
    expect(dueDigestMonth(new Date('2027-01-01T08:00:00Z'))).toBeNull();
    expect(dueDigestMonth(new Date('2027-01-04T08:00:00Z'))).toBe('2026-12');
    // 1 April 2026 (Wednesday, CEST, UTC+2): 09:00 is 07:00Z.
    expect(dueDigestMonth(new Date('2026-04-01T06:59:00Z'))).toBeNull();
    expect(dueDigestMonth(new Date('2026-04-01T07:00:00Z'))).toBe('2026-03');
  });

  it('the scheduler posts nothing before 09:00, posts at 09:00, and not again that month', async () => {
    const clock = new TestClock(new Date('2026-11-02T07:55:00Z')); // 08:55 Amsterdam
    const posted: Posted[] = [];
    const store = stores[0]!;
    const scheduler = createScheduler(depsOf(store, clock), log, { digest: { defaultChannelId: 'CMGR', ports: [fakePort(posted)] } });
    await scheduler.tick();
    expect(posted).toEqual([]);
    clock.t = new Date('2026-11-02T08:00:00Z'); // 09:00
    await scheduler.tick();
    expect(posted.map((p) => `${p.kind}:${p.channelId}`).sort()).toEqual(['chart:CMGR', 'chart:CZUIDMGR', 'text:CMGR', 'text:CZUIDMGR']);
    const mgr = posted.find((p) => p.kind === 'text' && p.channelId === 'CMGR')!;
    expect(mgr.text).toContain('Maandoverzicht minimaatwerkbudget — oktober 2026\n');
    expect(mgr.text).toContain('1 goedgekeurde uitgave, samen € 120,00');
    const zuid = posted.find((p) => p.kind === 'text' && p.channelId === 'CZUIDMGR')!;
    expect(zuid.text).toContain('Geen uitgaven in oktober 2026');
    const chart = posted.find((p) => p.kind === 'chart' && p.channelId === 'CMGR')!;
    expect(chart.png!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(chart.altText).toContain('Mondzorg / tandarts, okt 2026: € 120,00');

    clock.t = new Date('2026-11-02T08:05:00Z');
    await scheduler.tick();
    clock.t = new Date('2026-11-20T12:00:00Z');
    await scheduler.tick();
    // A restart: a new process with its own store on the same file.
    const restarted = createScheduler(depsOf(open(), clock), log, { digest: { defaultChannelId: 'CMGR', ports: [fakePort(posted)] } });
    await restarted.tick();
    expect(posted).toHaveLength(4);
    const audits = store.db.select().from(auditLog).all().filter((a) => a.action === 'digest.posted');
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({ month: '2026-10', platform: 'slack' });
  });
});

describe('once per month per channel', () => {
  it('two schedulers racing on the same database file post exactly once', async () => {
    const clock = new TestClock(new Date('2026-11-02T08:00:00Z'));
    const posted: Posted[] = [];
    const config = { defaultChannelId: 'CMGR', ports: [fakePort(posted, { delayMs: 20 })] };
    const a = runMonthlyDigest(depsOf(open(), clock), config, log);
    const b = runMonthlyDigest(depsOf(open(), clock), config, log);
    const [ra, rb] = await Promise.all([a, b]);
    expect([...ra.posted, ...rb.posted].sort()).toEqual(['digest:2026-10:slack:CMGR', 'digest:2026-10:slack:CZUIDMGR']);
    expect(posted.filter((p) => p.kind === 'text')).toHaveLength(2);
    expect(posted.filter((p) => p.kind === 'chart')).toHaveLength(2);
  });

  it('only one of many claims on the same key wins', () => {
    const [s1, s2] = [open(), open()];
    const now = new Date('2026-11-02T08:00:00Z');
    const wins = Array.from({ length: 20 }, (_, i) => claimMonthlyDigest(i % 2 ? s1 : s2, 'digest:2026-10:slack:CX', now)).filter(Boolean);
    expect(wins).toHaveLength(1);
  });

  it('a claim left by a crashed instance is taken over only after it went stale', () => {
    const [s1, s2] = [open(), open()];
    const t = new Date('2026-11-02T08:00:00Z').getTime();
    expect(claimMonthlyDigest(s1, 'k', new Date(t))).toBe(true);
    // s1 "crashes": no done_at.
    expect(claimMonthlyDigest(s2, 'k', new Date(t + 5 * 60_000))).toBe(false);
    expect(claimMonthlyDigest(s2, 'k', new Date(t + 15 * 60_000))).toBe(true);
    expect(claimMonthlyDigest(s1, 'k', new Date(t + 16 * 60_000))).toBe(false);
  });

  it('a failed upload is retried on the next tick, without posting the text twice', async () => {
    const clock = new TestClock(new Date('2026-11-02T08:00:00Z'));
    const posted: Posted[] = [];
    const config = { defaultChannelId: 'CMGR', ports: [fakePort(posted, { failUploads: 1 })] };
    const deps = depsOf(stores[0]!, clock);
    const first = await runMonthlyDigest(deps, config, log);
    expect(first.failed).toHaveLength(1);
    expect(first.posted).toHaveLength(1);
    clock.advance(5 * 60_000);
    const second = await runMonthlyDigest(deps, config, log);
    expect(second.posted).toEqual(first.failed);
    clock.advance(5 * 60_000);
    expect((await runMonthlyDigest(deps, config, log)).posted).toEqual([]);
    const byChannel = (kind: string) => posted.filter((p) => p.kind === kind).map((p) => p.channelId).sort();
    expect(byChannel('text')).toEqual(['CMGR', 'CZUIDMGR']);
    expect(byChannel('chart')).toEqual(['CMGR', 'CZUIDMGR']);
  });
});

describe('digestForMonth, the month asked for, and the CLI', () => {
  it('renders a valid PNG of reasonable size', () => {
    const r = digestForMonth({ store: stores[0]!, clock: new TestClock(new Date('2026-11-03T08:00:00Z')) }, '2026-10');
    expect(r.png!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(r.png!.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(r.png!.length).toBeGreaterThan(5 * 1024);
    expect(r.png!.length).toBeLessThan(500 * 1024);
    expect(r.digest.overall.approved).toEqual({ count: 1, totalCents: 12000 });
  });

  it('resolves the month: default previous, refuses bad and future months in Dutch first', () => {
    const now = new Date('2026-11-03T08:00:00Z');
    expect(resolveDigestMonth('', now)).toEqual({ ok: true, value: '2026-10' });
    expect(resolveDigestMonth('2026-11', now)).toEqual({ ok: true, value: '2026-11' });
    const bad = resolveDigestMonth('2026-13', now);
    expect(bad.ok || bad.error.nl).toContain('"2026-13" is geen maand');
    const word = resolveDigestMonth('oktober', now);
    expect(word.ok || word.error.nl).toContain('JJJJ-MM');
    const future = resolveDigestMonth('2026-12', now);
    expect(future.ok || future.error.nl).toBe('december 2026 is nog niet begonnen; er is nog geen overzicht.');
  });

  it('digestCommand prints the digest as plain text; bad input exits 2 with a Dutch message', () => {
    const now = new Date('2026-11-03T08:00:00Z');
    const ok = digestCommand(stores[0]!, { month: '2026-10' }, now);
    expect(ok.exitCode).toBe(0);
    expect(ok.output).toContain('Maandoverzicht minimaatwerkbudget — oktober 2026');
    expect(ok.output).not.toContain('*Uitgaven:*');
    expect(ok.output).toContain('Uitgaven: 1 goedgekeurde uitgave, samen € 120,00');
    const empty = digestCommand(stores[0]!, { month: '2026-02' }, now);
    expect(empty.output).toContain('Geen uitgaven in februari 2026');
    const bad = digestCommand(stores[0]!, { month: '2026-13' }, now);
    expect(bad.exitCode).toBe(2);
    expect(bad.output).toMatch(/^"2026-13" is geen maand/);
  });
});
