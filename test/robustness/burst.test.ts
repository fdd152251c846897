// Guarantee 4: bursts. 100 approvals on one card within about a second do not make 100
// chat.update calls: card updates are coalesced in the outbox and sent at most once per
// CARD_UPDATE_INTERVAL_MS per card (Slack allows about one update per second per message), and
// the last update shows the final count. Only the spacing of the calls is measured, not speed.
import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { approvals, teams } from '../../src/store/schema.js';
import { CHANNEL, startBot, TestClock, type RunningBot } from '../support/bot.js';
import { cardTextOf, createRequest, react, waitUntil } from '../support/slack.js';

/** The outbox throttle works on the app clock: here it follows real time. */
class WallClock extends TestClock {
  override now(): Date {
    return new Date();
  }
}

let b: RunningBot;
afterEach(async () => {
  await b.close();
});

it('100 reactions in a burst: a handful of chat.update calls, ≥ 1 s apart, the last one correct', async () => {
  const INTERVAL = 1000;
  b = await startBot({ clock: new WallClock(), cardUpdateIntervalMs: INTERVAL });
  const people = Array.from({ length: 100 }, (_, i) => `UM${String(i).padStart(3, '0')}`);
  b.double.setChannelMembers(CHANNEL, ['UREQ', ...people]);
  const { id, ts } = await createRequest(b);
  // So that 100 approvals do not decide early: this team needs 150.
  b.store.sqlite.prepare('update teams set approvals_needed = 150').run();
  expect(b.store.db.select().from(teams).get()!.approvalsNeeded).toBe(150);
  const before = b.double.callsTo('chat.update').length;

  for (let i = 0; i < people.length; i += 25) {
    const res = await Promise.all(people.slice(i, i + 25).map((p) => react(b, p, ts)));
    expect(res.every((r) => r.status === 200)).toBe(true);
  }
  expect(b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all()).toHaveLength(100);

  const updates = await waitUntil(() => {
    const u = b.double.callsTo('chat.update').slice(before);
    return u.length > 0 && cardTextOf(u.at(-1)!).includes('100 van 150') ? u : undefined;
  }, 10_000);
  // Nothing more is pending: the final state is on the card.
  await waitUntil(() => (b.store.sqlite.prepare('select count(*) n from outbox where done_at is null').get() as { n: number }).n === 0, 5_000);
  const all = b.double.callsTo('chat.update').slice(before);
  expect(all.length).toBe(updates.length);
  expect(all.length).toBeLessThanOrEqual(5);
  expect(cardTextOf(all.at(-1)!)).toContain('100 van 150');
  // Per card at most one update per interval (a little slack for timer granularity).
  for (let i = 1; i < all.length; i++) expect(all[i]!.at - all[i - 1]!.at).toBeGreaterThanOrEqual(INTERVAL - 50);
  // The card post and its first update are spaced too.
  const post = b.double.callsTo('chat.postMessage').find((c) => !c.args.thread_ts)!;
  expect(all[0]!.at - post.at).toBeGreaterThanOrEqual(INTERVAL - 50);
});
