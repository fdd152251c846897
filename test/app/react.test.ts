// The reaction use case on a real SQLite file: when it wakes the outbox, and how long the card
// facts it keeps (the team's emoji settings) may lag behind the database.
import { beforeEach, describe, expect, it } from 'vitest';
import { handleReaction, type ReactionEvent } from '../../src/app/react.js';
import { CARD_FACTS_TTL_MS } from '../../src/store/requests.js';
import { useTestStore } from '../support/db.js';
import { TestClock } from '../support/bot.js';
import { FakeDirectory, seedRequest, seedTeam } from '../robustness/support.js';

describe('handleReaction', () => {
  const t = useTestStore('mmw-react-');
  let clock: TestClock;
  let wakes: number;
  let teamId: number;
  let ts: string;
  let n = 0;
  const directory = new FakeDirectory(new Set(['UREQ', 'UA', 'UB', 'UC', 'UD']), new Set());
  const deps = () => ({ store: t.store, clock, outboxWake: () => void wakes++ });
  const react = (userId: string, emoji = 'white_check_mark', added = true) => {
    n++;
    const ev: ReactionEvent = {
      platform: 'slack',
      eventId: `Ev${n}`,
      eventTs: `1763000000.${String(n).padStart(6, '0')}`,
      channelId: 'C0REACT',
      messageTs: ts,
      userId,
      emoji,
      added,
    };
    return handleReaction(deps(), ev, directory);
  };
  const pendingCardUpdates = () =>
    t.store.sqlite.prepare(`SELECT count(*) FROM outbox WHERE kind = 'card.update' AND done_at IS NULL`).pluck().get() as number;

  beforeEach(() => {
    clock = new TestClock();
    wakes = 0;
    teamId = seedTeam(t.store, 'C0REACT', 5);
    ts = seedRequest(t.store, teamId, 'C0REACT').ts;
  });

  it('wakes the outbox when it enqueued a card update, not when one is already waiting', async () => {
    expect(await react('UA')).toMatchObject({ outcome: 'changed', enqueued: true });
    expect(wakes).toBe(1);
    expect(pendingCardUpdates()).toBe(1);

    // The waiting update draws the newest state when it is sent: nothing new to send, no wake.
    expect(await react('UB')).toMatchObject({ outcome: 'changed', enqueued: false });
    expect(await react('UA', 'white_check_mark', false)).toMatchObject({ outcome: 'changed', enqueued: false });
    expect(wakes).toBe(1);
    expect(pendingCardUpdates()).toBe(1);

    // An objection posts a question in the thread: that is new, so the outbox is woken.
    expect(await react('UC', 'x')).toMatchObject({ outcome: 'changed', status: 'on_hold', enqueued: true });
    expect(wakes).toBe(2);
  });

  it('reads a changed team emoji setting within the cache time, not before', async () => {
    expect(await react('UA', 'tada')).toEqual({ outcome: 'not_counted' });
    t.store.sqlite.prepare(`UPDATE teams SET approval_emoji = 'tada' WHERE id = ?`).run(teamId);

    // Within the cache time the old setting still holds…
    clock.advance(CARD_FACTS_TTL_MS - 1000);
    expect(await react('UB', 'tada')).toEqual({ outcome: 'not_counted' });
    // …after it, the new one.
    clock.advance(2000);
    expect(await react('UB', 'tada')).toMatchObject({ outcome: 'changed', status: 'open' });
    expect(await react('UC', 'white_check_mark')).toEqual({ outcome: 'not_counted' });
  });

  it('a message that is not a card is looked up again (it may become one)', async () => {
    const later = '1763999999.000001';
    const at = (messageTs: string) => handleReaction(deps(), { platform: 'slack', eventId: `EvL${++n}`, eventTs: `1763000001.${String(n).padStart(6, '0')}`, channelId: 'C0REACT', messageTs, userId: 'UA', emoji: 'white_check_mark', added: true }, directory);
    expect(await at(later)).toEqual({ outcome: 'not_a_card' });
    seedRequest(t.store, teamId, 'C0REACT', 'UREQ', later);
    expect(await at(later)).toMatchObject({ outcome: 'changed' });
  });

  it('the requester is told off only while the request is undecided (read fresh, not from the cache)', async () => {
    expect(await react('UREQ')).toMatchObject({ outcome: 'refused' });
    t.store.sqlite.prepare(`UPDATE requests SET status = 'withdrawn' WHERE message_ts = ?`).run(ts);
    expect(await react('UREQ')).toEqual({ outcome: 'not_counted' });
  });
});
