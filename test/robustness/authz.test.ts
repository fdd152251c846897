// Guarantee 5: authorisation. Only members of the team channel count: the member list is cached
// for a while, kept current by member_joined_channel / member_left_channel, and fetched again
// when it expires. Only the requester or a team admin edits or withdraws, and a refusal is an
// ephemeral message to that person. (The buttons, marking paid and the digest channel on every
// platform: test/behaviour/.)
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { approvals, auditLog, requests } from '../../src/store/schema.js';
import { CHANNEL, TestClock, useSlackBot } from '../support/bot.js';
import { createRequest, react } from '../support/slack.js';

const TTL = 60_000;
const b = useSlackBot(() => ({ clock: new TestClock(), membershipTtlMs: TTL, members: ['UREQ', 'UA', 'UB', 'UADMIN'] }));

const approvers = (id: number) => b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all().map((a) => a.approverId).sort();
const refusedTo = (user: string) => b.double.callsTo('chat.postEphemeral').filter((c) => c.args.user === user).map((c) => String(c.args.text));
const membership = (type: 'member_joined_channel' | 'member_left_channel', user: string) =>
  b.slack.event({ type, user, channel: CHANNEL, channel_type: 'C', team: 'T0001', event_ts: String(Date.now() / 1000) });

describe('channel membership', () => {
  it('a joiner counts after member_joined_channel, without fetching the list again', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UA', ts); // fetches and caches the member list
    await react(b, 'UJOIN', ts);
    expect(approvers(id)).toEqual(['UA']);
    expect(refusedTo('UJOIN')[0]).toContain('Alleen leden van het teamkanaal tellen mee');
    b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UADMIN', 'UJOIN']);
    expect((await membership('member_joined_channel', 'UJOIN')).status).toBe(200);
    await react(b, 'UJOIN', ts, '+1');
    expect(approvers(id)).toEqual(['UA', 'UJOIN']);
    expect(b.double.callsTo('conversations.members')).toHaveLength(1);
  });

  it('a member who left no longer counts (member_left_channel), and is told so', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UA', ts);
    b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UADMIN']);
    await membership('member_left_channel', 'UB');
    await react(b, 'UB', ts);
    expect(approvers(id)).toEqual(['UA']);
    expect(refusedTo('UB')).toHaveLength(1);
    expect(refusedTo('UB')[0]).toContain(`Alleen leden van het teamkanaal tellen mee voor #${id}`);
    expect(b.store.db.select().from(auditLog).where(eq(auditLog.actorId, 'UB')).all()).toHaveLength(0);
  });

  it('the cached list expires: a change Slack did not announce is seen after the TTL', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UA', ts);
    b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UADMIN', 'UNEW']); // no event
    await react(b, 'UNEW', ts);
    expect(approvers(id)).toEqual(['UA']); // still the cached list
    b.clock.advance(TTL + 1);
    await react(b, 'UNEW', ts, 'heavy_check_mark');
    expect(approvers(id)).toEqual(['UA', 'UNEW']);
    expect(b.double.callsTo('conversations.members')).toHaveLength(2);
  });
});

describe('who may change a request', () => {
  it.each([
    ['request_withdraw', 'withdraw'],
    ['request_edit', 'edit'],
    ['request_alternative', 'alternative'],
  ])('%s by a colleague is refused with an ephemeral message; nothing changes', async (actionId) => {
    const { id, ts } = await createRequest(b);
    const auditBefore = b.store.db.select().from(auditLog).all().length;
    const res = await b.slack.blockAction({ userId: 'UA', actionId, value: String(id), channelId: CHANNEL, messageTs: ts });
    expect(res.status).toBe(200);
    const eph = b.double.callsTo('chat.postEphemeral').at(-1)!;
    expect(eph.args).toMatchObject({ channel: CHANNEL, user: 'UA' });
    expect(String(eph.args.text)).toContain(`Alleen de aanvrager of een teambeheerder kan #${id} wijzigen of sluiten.`);
    expect(b.double.callsTo('views.open')).toHaveLength(0);
    expect(b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status).toBe('open');
    expect(b.store.db.select().from(auditLog).all()).toHaveLength(auditBefore);
  });

  it('a team admin may withdraw', async () => {
    const { id, ts } = await createRequest(b);
    await b.slack.blockAction({ userId: 'UADMIN', actionId: 'request_withdraw', value: String(id), channelId: CHANNEL, messageTs: ts });
    expect(b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status).toBe('withdrawn');
  });
});
