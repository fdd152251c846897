// Objections through the real surface: ❌/✋ put a request on hold, the objector gives a reason
// in a modal, approvals cannot decide while on hold, and removing the objection reopens.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startBot, CHANNEL, type RunningBot } from '../support/bot.js';
import { plainText } from '../support/slackRequests.js';
import { approvals, auditLog, objections, payments, requests } from '../../src/store/schema.js';
import { cardTextOf, createRequest, react, settle, unreact } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  b = await startBot();
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UD', 'UE', 'UADMIN']);
});
afterEach(async () => {
  await b.close();
});

const statusOf = (id: number) => b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status;
const lastCard = () => cardTextOf(b.double.callsTo('chat.update').at(-1)!);
const threadPosts = (ts: string) => b.double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);
const auditActions = (id: number) => b.store.db.select().from(auditLog).where(eq(auditLog.requestId, id)).all().map((a) => a.action);

const pressReasonButton = (userId: string, id: number, ts: string) =>
  b.slack.blockAction({ userId, actionId: 'objection_reason', value: String(id), channelId: CHANNEL, messageTs: ts });

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

  it('the reason button opens a modal only for the objector; others get an ephemeral refusal', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    await settle(b);

    await pressReasonButton('UA', id, ts);
    expect(b.double.callsTo('views.open')).toHaveLength(0);
    const refusal = b.double.callsTo('chat.postEphemeral').find((c) => c.args.user === 'UA');
    expect(refusal?.args.text).toContain('Alleen wie bezwaar maakte');

    await pressReasonButton('UD', id, ts);
    const open = await b.double.waitFor('views.open');
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('objection_reason_submit');
    expect(JSON.parse(view.private_metadata)).toEqual({ requestId: id });
  });

  it('submitting the reason stores it, audits it, posts it in the thread and shows it on the card', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    await settle(b);
    const res = await submitReason('UD', id, 'Er is een fonds dat dit betaalt');
    expect(res.body).toBeNull();
    await settle(b);
    const row = b.store.db.select().from(objections).where(eq(objections.requestId, id)).get()!;
    expect(row).toMatchObject({ objectorId: 'UD', reason: 'Er is een fonds dat dit betaalt' });
    expect(auditActions(id)).toContain('objection.reason_given');
    expect(threadPosts(ts).some((c) => String(c.args.text).includes('Reden van bezwaar van <@UD>: Er is een fonds dat dit betaalt'))).toBe(true);
    expect(lastCard()).toContain('<@UD>: Er is een fonds dat dit betaalt');
  });

  it('a BSN in the reason is a field error; nothing is stored', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    await settle(b);
    const before = b.double.callsTo('chat.postMessage').length;
    const res = await submitReason('UD', id, 'bewoner 111222333 heeft al hulp');
    expect(res.body?.response_action).toBe('errors');
    expect((res.body?.errors as Record<string, string>).reason).toContain('burgerservicenummers');
    expect(b.store.db.select().from(objections).where(eq(objections.requestId, id)).get()!.reason).toBeNull();
    expect(auditActions(id)).not.toContain('objection.reason_given');
    await settle(b);
    expect(b.double.callsTo('chat.postMessage')).toHaveLength(before);
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

describe('on hold', () => {
  it('three approvals do not approve while an objection holds', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    await react(b, 'UA', ts);
    await react(b, 'UB', ts);
    await react(b, 'UC', ts);
    await settle(b);
    expect(statusOf(id)).toBe('on_hold');
    expect(b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all()).toHaveLength(3);
    expect(b.store.db.select().from(payments).all()).toHaveLength(0);
    expect(lastCard()).toContain('3 van 3');
    expect(lastCard()).not.toContain('Goedgekeurd');
  });

  it('removing the objection reopens the request and says so in the thread', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    await react(b, 'UA', ts);
    await unreact(b, 'UD', ts, 'x');
    await settle(b);
    expect(statusOf(id)).toBe('open');
    expect(threadPosts(ts).some((c) => String(c.args.text).includes('geen bezwaar meer'))).toBe(true);
    expect(lastCard()).not.toContain('Bezwaar / Objection');
    expect(lastCard()).not.toContain('In de wacht');
    expect(auditActions(id)).toEqual(expect.arrayContaining(['objection.removed', 'request.reopened']));
  });

  it('removing the objection approves at once when three approvals are held', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'raised_hand');
    await react(b, 'UA', ts);
    await react(b, 'UB', ts);
    await react(b, 'UC', ts);
    await unreact(b, 'UD', ts, 'raised_hand');
    await settle(b);
    expect(statusOf(id)).toBe('approved');
    const pay = b.store.db.select().from(payments).where(eq(payments.requestId, id)).all();
    expect(pay).toHaveLength(1);
    expect(pay[0]!.approvers.split(',').sort()).toEqual(['UA', 'UB', 'UC']);
    expect(lastCard()).toContain('Goedgekeurd');
  });

  it('two objectors: the request stays on hold until both are removed', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    await react(b, 'UE', ts, 'raised_hand');
    await unreact(b, 'UD', ts, 'x');
    expect(statusOf(id)).toBe('on_hold');
    await unreact(b, 'UE', ts, 'raised_hand');
    expect(statusOf(id)).toBe('open');
  });

  it('the requester can withdraw while on hold', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_withdraw', value: String(id), channelId: CHANNEL, messageTs: ts });
    await settle(b);
    expect(statusOf(id)).toBe('withdrawn');
    expect(lastCard()).toContain('Ingetrokken');
    // removing the objection afterwards changes nothing
    await unreact(b, 'UD', ts, 'x');
    expect(statusOf(id)).toBe('withdrawn');
  });
});
