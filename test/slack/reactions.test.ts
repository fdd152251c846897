// Reactions on Slack cards, where Slack differs from other platforms: several approval emoji (and
// skin tones) per person, bots, event_id retries and out-of-order events, messages that are not
// cards. The flow every platform shares is in test/behaviour/.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useSlackBot, CHANNEL } from '../support/bot.js';
import { approvals, auditLog } from '../../src/store/schema.js';
import { cardTextOf, createRequest, react, settle, unreact } from '../support/slack.js';

const b = useSlackBot({ members: ['UREQ', 'UA', 'UB', 'UC', 'UD', 'UADMIN'] });
const approverIds = (id: number) => b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all().map((a) => a.approverId);

describe('approval emoji', () => {
  it('counts any approval emoji, with any skin tone, once per person', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UA', ts);
    await react(b, 'UA', ts, 'heavy_check_mark'); // same person, other emoji: still one
    await react(b, 'UB', ts, '+1::skin-tone-3');
    await settle(b);
    expect(approverIds(id)).toEqual(['UA', 'UB']);
    expect(cardTextOf(b.double.callsTo('chat.update').at(-1)!)).toContain('2 van 3');
  });

  it('withdraws an approval only when the person’s last approval emoji is removed', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UA', ts);
    await react(b, 'UA', ts, '+1');
    await unreact(b, 'UA', ts);
    expect(approverIds(id)).toEqual(['UA']);
    await unreact(b, 'UA', ts, '+1');
    expect(approverIds(id)).toEqual([]);
  });

  it('never counts a bot, and tells it nothing', async () => {
    b.double.setUser({ id: 'UBOT2', is_bot: true });
    const { id, ts } = await createRequest(b);
    await react(b, 'UBOT2', ts);
    await settle(b);
    expect(approverIds(id)).toEqual([]);
    expect(b.double.callsTo('chat.postEphemeral').filter((c) => c.args.user === 'UBOT2')).toEqual([]);
  });
});

describe('events', () => {
  it('ignores a retry with the same event_id and a removal older than the addition', async () => {
    const { id, ts } = await createRequest(b);
    await b.slack.reactionAdded({ userId: 'UA', reaction: 'white_check_mark', channelId: CHANNEL, ts, eventTs: '1800000002.000100' }, { eventId: 'EvSAME' });
    await b.slack.reactionRemoved({ userId: 'UA', reaction: 'white_check_mark', channelId: CHANNEL, ts, eventTs: '1800000001.000100' }, { eventId: 'EvOLD' });
    const retry = await b.slack.reactionAdded({ userId: 'UA', reaction: 'white_check_mark', channelId: CHANNEL, ts, eventTs: '1800000002.000100' }, { eventId: 'EvSAME', retryNum: 1 });
    expect(retry.status).toBe(200); // accepted (a new signature), and recognised by its event_id
    expect(approverIds(id)).toEqual(['UA']);
    expect(b.store.db.select().from(auditLog).where(eq(auditLog.action, 'approval.added')).all()).toHaveLength(1);
  });

  it('ignores reactions on messages that are not request cards', async () => {
    const res = await react(b, 'UA', '1699999999.000001');
    expect(res.status).toBe(200);
    expect(b.store.db.select().from(approvals).all()).toHaveLength(0);
  });
});
