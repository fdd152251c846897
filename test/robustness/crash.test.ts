// Guarantee 2: crash safety. The real bot runs as a child process (node --import tsx src/main.ts)
// on a SQLite file; a stream of signed reaction events is sent at it and the process is killed
// with SIGKILL at random moments, then restarted on the same file. Events that were not answered
// with HTTP 200 are sent again after the restart (as Slack retries). At the end:
//  - every event answered 200 was applied (its id is in processed_events) and the state equals the
//    oracle fed the applied events in commit order (reactions, approvals, statuses);
//  - no request has two payments; an approved request has exactly one;
//  - PRAGMA integrity_check says ok, and the audit hash chain is intact.
// reactions.get is made to fail, so start-up reconciliation cannot repair a lost event: what is
// checked is durability of what was acknowledged. Bounded: 3 kills, 200 events, loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { openStore } from '../../src/store/db.js';
import { reactions } from '../../src/store/schema.js';
import { startSlackApiDouble, type SlackApiDouble } from '../support/slackApiDouble.js';
import { claimedInOrder, dbState, oracle, sameSet, seedRequest, seedTeam, signedReaction, type OracleEvent } from './support.js';

const SECRET = 'crash-test-secret';
const ROOT = new URL('../../', import.meta.url).pathname;
const USERS = ['UA', 'UB', 'UC', 'UD', 'UE'];
const EMOJI = ['white_check_mark', '+1', 'heavy_check_mark', 'x'];
const KILLS = 3;
const EVENTS = 200;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

// A small deterministic PRNG, so a failure can be replayed with the same seed.
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

interface Ev extends OracleEvent {
  eventId: string;
  channelId: string;
  messageTs: string;
  acked: boolean;
}

describe('crash safety (SIGKILL, restart on the same database)', () => {
  let dir: string;
  let dbPath: string;
  let double: SlackApiDouble;
  let child: ChildProcess | undefined;
  const output: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mmw-crash-'));
    dbPath = join(dir, 'crash.db');
    double = await startSlackApiDouble({ teamId: 'T0001' });
    double.setChannelMembers('C0CRASHA', ['UREQ', ...USERS]);
    double.setChannelMembers('C0CRASHB', ['UREQ', ...USERS]);
    double.respondWith('reactions.get', () => ({ ok: false, error: 'missing_scope' }));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await double.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startChild(port: number): Promise<ChildProcess> {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: double.url,
        PORT: String(port),
        DATABASE_URL: dbPath,
        LOG_LEVEL: 'warn',
        CARD_UPDATE_INTERVAL_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
    proc.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    // Ready when the receiver answers (an unsigned request is refused with 401).
    for (let i = 0; i < 300; i++) {
      if (proc.exitCode !== null) throw new Error(`bot exited: ${output.join('').slice(-500)}`);
      const status = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '' }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 401) return proc;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('bot did not start');
  }

  const exited = (proc: ChildProcess) => new Promise<void>((r) => (proc.exitCode !== null || proc.signalCode !== null ? r() : proc.once('exit', () => r())));

  it('keeps every acknowledged event, never pays twice, and the file stays sound', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);
    const rnd = prng(seed);
    const setup = openStore(dbPath);
    const teamA = seedTeam(setup, 'C0CRASHA', 3);
    const teamB = seedTeam(setup, 'C0CRASHB', 1000); // never decides: every reaction stays visible
    const now = new Date();
    const cards = [
      ...Array.from({ length: 3 }, () => ({ channelId: 'C0CRASHA', ...seedRequest(setup, teamA, 'C0CRASHA', 'UREQ', undefined, now) })),
      ...Array.from({ length: 3 }, () => ({ channelId: 'C0CRASHB', ...seedRequest(setup, teamB, 'C0CRASHB', 'UREQ', undefined, now) })),
    ];
    setup.close();

    const events: Ev[] = Array.from({ length: EVENTS }, (_, i) => {
      const card = cards[Math.floor(rnd() * cards.length)]!;
      return {
        eventId: `EvCrash${i}`,
        requestId: card.id,
        channelId: card.channelId,
        messageTs: card.ts,
        userId: USERS[Math.floor(rnd() * USERS.length)]!,
        emoji: EMOJI[Math.floor(rnd() * (rnd() < 0.9 ? 3 : 4))]!,
        added: rnd() < 0.7,
        eventTs: `1800000000.${String(i + 1).padStart(6, '0')}`,
        acked: false,
      };
    });

    const port = await freePort();
    let kills = 0;
    for (let cycle = 0; cycle <= KILLS; cycle++) {
      child = await startChild(port);
      const proc = child;
      const last = cycle === KILLS;
      let dead = false;
      const killTimer = last
        ? undefined
        : setTimeout(() => {
            dead = true;
            proc.kill('SIGKILL');
            kills++;
          }, 50 + Math.floor(rnd() * 400));
      const nowSec = Math.floor(Date.now() / 1000);
      let k = 0;
      const pending = events.filter((e) => !e.acked);
      // Four deliveries in flight at a time, in event order, until the process dies.
      let next = 0;
      const worker = async () => {
        while (!dead && next < pending.length) {
          const ev = pending[next++]!;
          const { body, headers } = signedReaction(
            SECRET,
            { type: ev.added ? 'reaction_added' : 'reaction_removed', eventId: ev.eventId, userId: ev.userId, reaction: ev.emoji, channelId: ev.channelId, ts: ev.messageTs, eventTs: ev.eventTs },
            nowSec - k++ % 200,
          );
          const status = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body }).then(
            (r) => r.status,
            () => 0,
          );
          if (status === 200) ev.acked = true;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      if (killTimer) {
        if (!dead) {
          // Everything was sent before the timer: kill now, still possibly mid-outbox.
          clearTimeout(killTimer);
          proc.kill('SIGKILL');
          kills++;
        }
        await exited(proc);
      }
    }
    expect(kills).toBe(KILLS);
    expect(events.every((e) => e.acked)).toBe(true); // bounded: the last run delivers what is left
    child!.kill('SIGTERM');
    await exited(child!);

    const store = openStore(dbPath, { migrate: false });
    try {
      expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(store.db)).toMatchObject({ intact: true });
      const claimed = claimedInOrder(store, 'slack:EvCrash');
      expect(new Set(claimed).size).toBe(claimed.length);
      // Every acknowledged event was applied.
      expect(new Set(claimed)).toEqual(new Set(events.filter((e) => e.acked).map((e) => `slack:${e.eventId}`)));
      const byId = new Map(events.map((e) => [`slack:${e.eventId}`, e]));
      const applied = claimed.map((id) => byId.get(id)!);
      const expectA = oracle(applied.filter((e) => e.channelId === 'C0CRASHA'), 3);
      const expectB = oracle(applied.filter((e) => e.channelId === 'C0CRASHB'), 1000);
      for (const card of cards) {
        const want = (card.channelId === 'C0CRASHA' ? expectA : expectB).get(card.id);
        const got = dbState(store, card.id);
        expect(got.status).toBe(want?.status ?? 'open');
        expect(sameSet(got.approvers, want?.approvers ?? new Set())).toBe(true);
        expect(got.payments.length).toBe(got.status === 'approved' ? 1 : 0);
        if (card.channelId === 'C0CRASHB') {
          // Each (person, emoji) shows the newest event sent for it.
          const rows = store.db.select().from(reactions).where(eq(reactions.requestId, card.id)).all();
          for (const row of rows) {
            const newest = events.filter((e) => e.requestId === card.id && e.userId === row.userId && e.emoji === row.emoji).at(-1)!;
            expect(row.present).toBe(newest.added);
          }
        }
      }
      const doubled = store.sqlite.prepare('select request_id, count(*) n from payments group by request_id having n > 1').all();
      expect(doubled).toEqual([]);
    } finally {
      store.close();
    }
  }, 90_000);
});
