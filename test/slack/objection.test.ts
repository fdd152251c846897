// Objections on Slack: every objection emoji (and skin tone) holds the request and the thread's
// button carries the request; a reason is shown literally (no pings); the reason modal cannot be
// submitted by someone who did not object. The objection flow on every platform: test/behaviour/.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useSlackBot } from '../support/bot.js';
import { plainText } from '../support/slackRequests.js';
import { auditLog, objections, requests } from '../../src/store/schema.js';
import { cardTextOf, createRequest, react, settle } from '../support/slack.js';

const b = useSlackBot({ members: ['UREQ', 'UA', 'UB', 'UC', 'UD', 'UE', 'UADMIN'] });

const statusOf = (id: number) => b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status;
const lastCard = () => cardTextOf(b.double.callsTo('chat.update').at(-1)!);
const threadPosts = (ts: string) => b.double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);
const auditActions = (id: number) => b.store.db.select().from(auditLog).where(eq(auditLog.requestId, id)).all().map((a) => a.action);

const submitReason = async (userId: string, id: number, reason: string) => {
  const res = await b.slack.viewSubmission({
    userId,
    callbackId: 'objection_reason_submit',
    values: { reason: { value: plainText(reason) } },
    privateMetadata: JSON.stringify({ requestId: id }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
};

describe('objecting', () => {
  it.each(['x', 'raised_hand', 'raised_hand::skin-tone-4'])('%s puts the request on hold; the card shows the objector; the thread asks for a reason with a button', async (emoji) => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, emoji);
    await settle(b);
    expect(statusOf(id)).toBe('on_hold');
    const card = lastCard();
    expect(card).toContain('In de wacht voor overleg');
    expect(card).toContain('Bezwaar / Objection');
    expect(card).toContain('<@UD>');
    const ask = threadPosts(ts).find((c) => String(c.args.text).includes('bezwaar gemaakt'));
    expect(ask).toBeDefined();
    expect(String(ask!.args.text)).toContain('<@UD>');
    const button = JSON.stringify(ask!.args.blocks);
    expect(button).toContain('"action_id":"objection_reason"');
    expect(button).toContain(`"value":"${id}"`);
    expect(auditActions(id)).toEqual(expect.arrayContaining(['objection.added', 'request.on_hold']));
  });

  it('a reason cannot ping the channel or mention people in the thread', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    expect(await submitReason('UD', id, '<!channel> kijk <@UA>')).toMatchObject({ body: null });
    await settle(b);
    const post = threadPosts(ts).find((c) => String(c.args.text).includes('Reden van bezwaar'))!;
    expect(String(post.args.text)).not.toContain('<!channel>');
    expect(String(post.args.text)).not.toContain('<@UA>');
    expect(String(post.args.text)).toContain('&lt;!channel&gt; kijk &lt;@UA&gt;');
    expect(b.store.db.select().from(objections).where(eq(objections.requestId, id)).get()!.reason).toBe('<!channel> kijk <@UA>');
  });

  it('someone who did not object cannot submit a reason', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    const res = await submitReason('UA', id, 'ik vind het ook niks');
    expect(res.body?.response_action).toBe('errors');
    expect(b.store.db.select().from(objections).where(eq(objections.requestId, id)).all()).toEqual([
      expect.objectContaining({ objectorId: 'UD', reason: null }),
    ]);
  });
});
