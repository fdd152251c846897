// Guarantee 1: exactly once under retries and races. fast-check generates random streams of
// reaction events for several requests — Slack retries (same event_id), the same reaction again
// under a new event_id, removals, event_ts order unlike arrival order, concurrent delivery — and
// checks after each run:
//  - every delivered eligible event on an undecided request was applied once (its id claimed once),
//    ineligible ones never;
//  - the outcome equals an independent oracle fed the events in commit order: a request is approved
//    iff N distinct eligible people hold an approval (newest event_ts per person and emoji) at
//    the decision, and the approvers recorded with the payment are exactly those;
//  - at most one payment per request, and one iff approved;
//  - replaying the audit trail gives the approvals, objections and statuses in the database.
// Runs: app layer 250 runs × up to 60 deliveries (~15 000 events); HTTP 12 runs. About 10 s together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleReaction } from '../../src/app/react.js';
import { openStore, type Store } from '../../src/store/db.js';
import { payments } from '../../src/store/schema.js';
import { SIGNING_SECRET, startBot, TestClock, type RunningBot } from '../support/bot.js';
import {
  claimedInOrder,
  dbState,
  FakeDirectory,
  oracle,
  replayAudit,
  sameSet,
  seedRequest,
  seedTeam,
  signedReaction,
  type OracleEvent,
} from './support.js';

const MEMBERS = ['UREQ', 'UA', 'UB', 'UC', 'UD', 'UE'];
const USERS = [...MEMBERS, 'UBOT2', 'UOUT']; // a bot and a non-member never count
const EMOJI = ['white_check_mark', 'heavy_check_mark', '+1', '+1::skin-tone-3', 'x', 'raised_hand', 'smile'];
const APPROVALS_NEEDED = 3;

interface BaseEvent {
  req: number;
  user: string;
  emoji: string;
  added: boolean;
  tick: number;
}
interface Delivery {
  base: number;
  /** 0 = the original event id; >0 = the same reaction again under a new event id. */
  alias: number;
  key: number;
}

const baseEvent = (nReq: number) =>
  fc.record({
    req: fc.integer({ min: 0, max: nReq - 1 }),
    user: fc.constantFrom(...USERS),
    // Mostly approvals, some objections, a few emoji that mean nothing; mostly additions.
    emoji: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...EMOJI.slice(0, 4)) },
      { weight: 1, arbitrary: fc.constantFrom('x', 'raised_hand') },
      { weight: 1, arbitrary: fc.constant('smile') },
    ),
    added: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
    // Few distinct ticks: ties and event_ts order unlike arrival order are common.
    tick: fc.integer({ min: 0, max: 30 }),
  });

const scenario = fc
  .integer({ min: 1, max: 3 })
  .chain((nReq) =>
    fc.record({
      nReq: fc.constant(nReq),
      events: fc.array(baseEvent(nReq), { minLength: 1, maxLength: 35 }),
      extra: fc.array(fc.record({ pick: fc.nat(), alias: fc.integer({ min: 0, max: 2 }) }), { maxLength: 25 }),
      order: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
      concurrency: fc.integer({ min: 1, max: 8 }),
    }),
  );

type Scenario = { nReq: number; events: BaseEvent[]; extra: { pick: number; alias: number }[]; order: number[]; concurrency: number };

/** Every event once, plus retries (alias 0) and re-sends under new ids (alias > 0), shuffled. */
function deliveries(s: Scenario): Delivery[] {
  const list: Delivery[] = s.events.map((_, i) => ({ base: i, alias: 0, key: 0 }));
  for (const x of s.extra) list.push({ base: x.pick % s.events.length, alias: x.alias, key: 0 });
  list.forEach((d, i) => (d.key = s.order[i % s.order.length]! * 1000 + i));
  return list.sort((a, b) => a.key - b.key);
}

const eventTs = (tick: number) => `1800000000.${String(tick * 10).padStart(6, '0')}`;
const eligible = (e: BaseEvent, requester = 'UREQ') =>
  e.user !== requester && MEMBERS.includes(e.user) && !e.emoji.startsWith('smile');

async function inChunks<T>(items: T[], size: number, fn: (t: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** The checks every run ends with. */
function verifyRun(store: Store, s: Scenario, runId: string, reqs: { id: number }[], claimPrefix: string) {
  const idOf = (base: number, alias: number) => `${runId}-${base}-${alias}`;
  const delivered = deliveries(s);
  // Exactly once: each distinct eligible event id claimed once; nothing ineligible claimed.
  const expectedIds = new Set(delivered.filter((d) => eligible(s.events[d.base]!)).map((d) => `${claimPrefix}${idOf(d.base, d.alias)}`));
  const claimed = claimedInOrder(store, `${claimPrefix}${runId}-`);
  expect(new Set(claimed).size).toBe(claimed.length);
  for (const id of claimed) expect(expectedIds.has(id)).toBe(true);
  // On a request still undecided, every eligible event was applied (one on a decided card need not be).
  const undecided = new Set(reqs.map((r, i) => [r, i] as const).filter(([r]) => dbState(store, r.id).status !== 'approved').map(([, i]) => i));
  const claimedSet = new Set(claimed);
  for (const id of expectedIds) {
    const base = Number(id.slice(claimPrefix.length).split('-')[1]);
    if (undecided.has(s.events[base]!.req)) expect(claimedSet.has(id)).toBe(true);
  }
  // The oracle, fed in commit order.
  const applied: OracleEvent[] = claimed.map((id) => {
    const base = Number(id.slice(claimPrefix.length).split('-')[1]);
    const e = s.events[base]!;
    return { requestId: reqs[e.req]!.id, userId: e.user, emoji: e.emoji, added: e.added, eventTs: eventTs(e.tick) };
  });
  const expected = oracle(applied, APPROVALS_NEEDED);
  const replay = replayAudit(
    store,
    reqs.map((r) => r.id),
  );
  for (const r of reqs) {
    const want = expected.get(r.id) ?? { status: 'open', approvers: new Set<string>(), objectors: new Set<string>(), decidedBy: null };
    const got = dbState(store, r.id);
    expect(got.status).toBe(want.status);
    expect(sameSet(got.approvers, want.approvers)).toBe(true);
    expect(sameSet(got.objectors, want.objectors)).toBe(true);
    expect(got.payments.length).toBe(want.status === 'approved' ? 1 : 0);
    if (want.decidedBy) expect(sameSet(new Set(got.payments[0]!.approvers.split(',')), want.decidedBy)).toBe(true);
    const rep = replay.get(r.id)!;
    expect(rep.status).toBe(got.status);
    expect(sameSet(rep.approvers, got.approvers)).toBe(true);
    expect(sameSet(rep.objectors, got.objectors)).toBe(true);
  }
}

describe('exactly once (app layer, real SQLite file)', () => {
  let dir: string;
  let store: Store;
  let teamId: number;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mmw-prop-'));
    store = openStore(join(dir, 'prop.db'));
    teamId = seedTeam(store, 'C0PROP', APPROVALS_NEEDED);
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds for random interleavings of retries, duplicates, removals and concurrent delivery', async () => {
    let run = 0;
    const clock = new TestClock();
    await fc.assert(
      fc.asyncProperty(scenario, fc.integer({ min: 0, max: 3 }), async (s, yieldMax) => {
        run++;
        const runId = `a${run}`;
        let turn = 0;
        const directory = new FakeDirectory(new Set(MEMBERS), new Set(['UBOT2']), () => (yieldMax === 0 ? 0 : turn++ % (yieldMax + 1)));
        const reqs = Array.from({ length: s.nReq }, () => seedRequest(store, teamId, 'C0PROP'));
        const deps = { store, clock, outboxWake: () => {} };
        await inChunks(deliveries(s), s.concurrency, (d) => {
          const e = s.events[d.base]!;
          return handleReaction(
            deps,
            {
              platform: 'slack',
              eventId: `${runId}-${d.base}-${d.alias}`,
              eventTs: eventTs(e.tick),
              channelId: 'C0PROP',
              messageTs: reqs[e.req]!.ts,
              userId: e.user,
              emoji: e.emoji,
              added: e.added,
            },
            directory,
          );
        });
        verifyRun(store, s, runId, reqs, 'slack:');
      }),
      { numRuns: 250 },
    );
    // Across all runs: never two payments for one request.
    const perRequest = store.sqlite.prepare('select request_id, count(*) n from payments group by request_id having n > 1').all();
    expect(perRequest).toEqual([]);
    expect(store.db.select().from(payments).all().length).toBeGreaterThan(15); // the runs do reach decisions
  }, 60_000);
});

describe('exactly once (signed HTTP into Bolt, concurrent deliveries)', () => {
  let b: RunningBot;
  let teamId: number;
  beforeAll(async () => {
    b = await startBot();
    b.double.setChannelMembers('C0HTTP', MEMBERS);
    b.double.setUser({ id: 'UBOT2', is_bot: true });
    teamId = seedTeam(b.store, 'C0HTTP', APPROVALS_NEEDED);
  });
  afterAll(async () => {
    await b.close();
  });

  it('holds through the real receiver with Promise.all deliveries', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        run++;
        const runId = `h${run}`;
        const reqs = Array.from({ length: s.nReq }, () => seedRequest(b.store, teamId, 'C0HTTP'));
        const nowSec = Math.floor(Date.now() / 1000);
        let k = 0;
        const statuses: number[] = [];
        await inChunks(deliveries(s), Math.max(2, s.concurrency), async (d) => {
          const e = s.events[d.base]!;
          // Slack re-signs a retry with a new timestamp: each delivery gets its own.
          const { body, headers } = signedReaction(
            SIGNING_SECRET,
            {
              type: e.added ? 'reaction_added' : 'reaction_removed',
              eventId: `${runId}-${d.base}-${d.alias}`,
              userId: e.user,
              reaction: e.emoji,
              channelId: 'C0HTTP',
              ts: reqs[e.req]!.ts,
              eventTs: eventTs(e.tick),
            },
            nowSec - k++,
          );
          const res = await b.slack.raw(body, headers);
          statuses.push(res.status);
        });
        expect(statuses.every((st) => st === 200)).toBe(true);
        verifyRun(b.store, s, runId, reqs, 'slack:');
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
