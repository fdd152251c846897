// The "Betaald markeren / Mark paid" button through signed HTTP: finance only, never one's own approval.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, payments, requests } from '../../src/store/schema.js';
import { startBot, CHANNEL, type RunningBot } from '../support/bot.js';
import { cardTextOf, createRequest, react, settle } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  b = await startBot({ financeUserIds: ['UFIN', 'UA'] });
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UFIN', 'UOTHER']);
});
afterEach(async () => {
  await b.close();
});

async function approved() {
  const { id, ts } = await createRequest(b);
  for (const u of ['UA', 'UB', 'UC']) await react(b, u, ts);
  await settle(b);
  return { id, ts };
}
const click = (userId: string, id: number, ts: string) => b.slack.blockAction({ userId, actionId: 'payment_mark_paid', value: String(id), channelId: CHANNEL, messageTs: ts });
const ephemeralTo = (user: string) => b.double.waitFor('chat.postEphemeral', (c) => c.args.user === user);
const state = (id: number) => ({
  status: b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status,
  payment: b.store.db.select().from(payments).where(eq(payments.requestId, id)).get()!,
  audit: b.store.db.select().from(auditLog).where(eq(auditLog.action, 'payment.paid')).all(),
});

describe('mark paid button', () => {
  it('is on the approved card; a finance user who did not approve marks it paid: card, thread, audit', async () => {
    const { id, ts } = await approved();
    const card = b.double.callsTo('chat.update').at(-1)!;
    const actions = (card.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).filter((bl) => bl.type === 'actions');
    expect(actions.flatMap((a) => a.elements ?? []).map((e) => [e.action_id, e.value])).toEqual([['payment_mark_paid', String(id)]]);
    expect(cardTextOf(card)).toContain('Betaald markeren / Mark paid');

    const updatesBefore = b.double.callsTo('chat.update').length;
    expect((await click('UFIN', id, ts)).status).toBe(200);
    await settle(b);
    const s = state(id);
    expect(s.status).toBe('paid');
    expect(s.payment).toMatchObject({ paidBy: 'UFIN', paidAt: b.clock.now() });
    expect(s.audit.map((a) => [a.actorId, a.requestId])).toEqual([['UFIN', id]]);
    const updated = b.double.callsTo('chat.update').slice(updatesBefore).at(-1)!;
    expect(cardTextOf(updated)).toContain('Goedgekeurd en betaald');
    expect(cardTextOf(updated)).not.toContain('payment_mark_paid');
    const thread = b.double.callsTo('chat.postMessage').find((c) => c.args.thread_ts === ts && String(c.args.text).includes('als betaald gemarkeerd'));
    expect(thread?.args.text).toContain('<@UFIN> heeft de betaling van € 85,50 aan Witgoedhandel Noord');
    expect(b.double.callsTo('chat.postEphemeral').filter((c) => c.args.user === 'UFIN')).toHaveLength(0);

    // a second click changes nothing and says so
    await click('UFIN', id, ts);
    expect((await ephemeralTo('UFIN')).args.text).toContain(`#${id} is al als betaald gemarkeerd`);
    expect(state(id).audit).toHaveLength(1);
  });

  it('refuses a finance user who approved the request (segregation of duties)', async () => {
    const { id, ts } = await approved();
    expect((await click('UA', id, ts)).status).toBe(200);
    expect((await ephemeralTo('UA')).args.text).toContain(`Je hebt #${id} zelf goedgekeurd`);
    const s = state(id);
    expect(s.status).toBe('approved');
    expect(s.payment.paidAt).toBeNull();
    expect(s.audit).toHaveLength(0);
  });

  it('refuses someone outside the finance group', async () => {
    const { id, ts } = await approved();
    await click('UOTHER', id, ts);
    expect((await ephemeralTo('UOTHER')).args.text).toContain('Alleen de financiële administratie');
    expect(state(id).status).toBe('approved');
    expect(state(id).payment.paidBy).toBeNull();
  });

  it('refuses a request that is not approved yet', async () => {
    const { id, ts } = await createRequest(b);
    await click('UFIN', id, ts);
    expect((await ephemeralTo('UFIN')).args.text).toContain(`#${id} is niet goedgekeurd`);
    expect(b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status).toBe('open');
  });
});
