// The core Slack flow through the real surface: signed HTTP into Bolt, Web API double, real SQLite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startBot, CHANNEL, type RunningBot } from '../support/bot.js';
import { approvals, auditLog, payments, requests } from '../../src/store/schema.js';
import { cardTextOf, createRequest, react, settle, submitForm, unreact } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  b = await startBot();
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UD', 'UADMIN']);
});
afterEach(async () => {
  await b.close();
});

describe('asking', () => {
  it('opens the Dutch form on /minimaatwerk', async () => {
    const res = await b.slack.slashCommand({ userId: 'UREQ', channelId: CHANNEL, text: '' });
    expect(res.status).toBe(200);
    const open = await b.double.waitFor('views.open');
    const view = open.args.view as { callback_id: string; blocks: { block_id: string }[]; title: { text: string } };
    expect(view.callback_id).toBe('request_submit');
    expect(view.title.text).toBe('Minimaatwerk aanvraag');
    expect(view.blocks.map((bl) => bl.block_id)).toEqual(
      expect.arrayContaining(['amount', 'description', 'supplierName', 'supplierIban', 'categorySlug', 'caseRef', 'reason']),
    );
  });

  it('posts a card with number, amount, supplier, category, requester and 0 of 3', async () => {
    const { id, card } = await createRequest(b);
    const text = cardTextOf(card);
    expect(card.args.channel).toBe(CHANNEL);
    expect(text).toContain(`Aanvraag #${id} · € 85,50`);
    expect(text).toContain('Witgoedhandel Noord');
    expect(text).toContain('Witgoed en huishoudelijke apparaten');
    expect(text).toContain('<@UREQ>');
    expect(text).toContain('0 van 3');
    expect(text).toContain('✅');
    const row = b.store.db.select().from(requests).where(eq(requests.id, id)).get()!;
    expect(row.amountCents).toBe(8550);
    expect(row.supplierIban).toBe('NL91ABNA0417164300');
    expect(row.status).toBe('open');
  });
});

describe('approving', () => {
  it('approves at the third distinct colleague, records one payment, confirms in the thread', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UA', ts);
    await react(b, 'UA', ts, 'heavy_check_mark'); // same person, other emoji: still one
    await react(b, 'UB', ts, '+1::skin-tone-3');
    await settle(b);
    expect(b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all()).toHaveLength(2);
    expect(cardTextOf(b.double.callsTo('chat.update').at(-1)!)).toContain('2 van 3');
    await react(b, 'UC', ts);
    await settle(b);
    const row = b.store.db.select().from(requests).where(eq(requests.id, id)).get()!;
    expect(row.status).toBe('approved');
    const pay = b.store.db.select().from(payments).where(eq(payments.requestId, id)).all();
    expect(pay).toHaveLength(1);
    expect(pay[0]).toMatchObject({ amountCents: 8550, supplierName: 'Witgoedhandel Noord', supplierIban: 'NL91ABNA0417164300', approvers: 'UA,UB,UC' });
    const last = cardTextOf(b.double.callsTo('chat.update').at(-1)!);
    expect(last).toContain('Goedgekeurd');
    expect(last).toContain('<@UA>, <@UB>, <@UC>');
    const confirm = b.double.callsTo('chat.postMessage').find((c) => c.args.thread_ts === ts && String(c.args.text).includes('goedgekeurd'));
    expect(confirm?.args.text).toContain('€ 85,50');
    // reactions after the decision change nothing
    await react(b, 'UD', ts);
    await unreact(b, 'UA', ts);
    expect(b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status).toBe('approved');
    expect(b.store.db.select().from(payments).all()).toHaveLength(1);
  });

  it('never counts the requester, bots or non-members, and tells the person why', async () => {
    b.double.setUser({ id: 'UBOT2', is_bot: true });
    const { id, ts } = await createRequest(b);
    await react(b, 'UREQ', ts);
    await react(b, 'UBOT2', ts);
    await react(b, 'UOUTSIDER', ts);
    await settle(b);
    expect(b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all()).toHaveLength(0);
    const eph = b.double.callsTo('chat.postEphemeral');
    expect(eph.find((c) => c.args.user === 'UREQ')?.args.text).toContain('eigen aanvraag');
    expect(eph.find((c) => c.args.user === 'UOUTSIDER')?.args.text).toContain('Alleen leden van het teamkanaal');
    expect(eph.find((c) => c.args.user === 'UBOT2')).toBeUndefined();
  });

  it('withdraws an approval when the last approval emoji is removed', async () => {
    const { id, ts } = await createRequest(b);
    await react(b, 'UA', ts);
    await react(b, 'UA', ts, '+1');
    await unreact(b, 'UA', ts);
    expect(b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all()).toHaveLength(1);
    await unreact(b, 'UA', ts, '+1');
    expect(b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all()).toHaveLength(0);
  });

  it('ignores a retry with the same event_id and out-of-order removals', async () => {
    const { id, ts } = await createRequest(b);
    await b.slack.reactionAdded({ userId: 'UA', reaction: 'white_check_mark', channelId: CHANNEL, ts, eventTs: '1800000002.000100' }, { eventId: 'EvSAME' });
    await b.slack.reactionRemoved({ userId: 'UA', reaction: 'white_check_mark', channelId: CHANNEL, ts, eventTs: '1800000001.000100' }, { eventId: 'EvOLD' });
    const retry = await b.slack.reactionAdded({ userId: 'UA', reaction: 'white_check_mark', channelId: CHANNEL, ts, eventTs: '1800000002.000100' }, { eventId: 'EvSAME', retryNum: 1 });
    expect(retry.status).toBe(200); // accepted (a new signature), and recognised by its event_id
    expect(b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all().map((a) => a.approverId)).toEqual(['UA']);
    expect(b.store.db.select().from(auditLog).where(eq(auditLog.action, 'approval.added')).all()).toHaveLength(1);
  });

  it('ignores reactions on messages that are not request cards', async () => {
    const res = await react(b, 'UA', '1699999999.000001');
    expect(res.status).toBe(200);
    expect(b.store.db.select().from(approvals).all()).toHaveLength(0);
  });
});

describe('bad input', () => {
  it.each([
    ['', 'amount', 'Vul een bedrag in'],
    ['0', 'amount', 'meer dan € 0'],
    ['-5', 'amount', 'negatief'],
    ['vijftig', 'amount', 'geen bedrag'],
    ['500', 'amount', 'onder € 500,00'],
  ])('refuses amount %j with a field error and stores nothing', async (amount, field, text) => {
    const res = await submitForm(b, 'UREQ', { amount });
    expect(res.body?.response_action).toBe('errors');
    expect((res.body?.errors as Record<string, string>)[field]).toContain(text);
    expect(b.store.db.select().from(requests).all()).toHaveLength(0);
  });

  it('accepts € 499,99 and refuses € 500,00', async () => {
    expect((await submitForm(b, 'UREQ', { amount: '€ 499,99', caseRef: 'WT-1' })).body).toBeNull();
    expect((await submitForm(b, 'UREQ', { amount: '500,00', caseRef: 'WT-2' })).body?.response_action).toBe('errors');
  });

  it('refuses an invalid IBAN, a BSN in free text or case reference, and over-long text', async () => {
    const res = await submitForm(b, 'UREQ', { supplierIban: 'NL91ABNA0417164301', description: 'voor bewoner 111222333', caseRef: '123456782', reasonText: 'x'.repeat(501) });
    const errors = res.body?.errors as Record<string, string>;
    expect(errors.supplierIban).toContain('geen geldig IBAN');
    expect(errors.description).toContain('burgerservicenummers');
    expect(errors.caseRef).toContain('burgerservicenummers');
    expect(errors.reasonText).toContain('Maximaal 500');
    expect(b.store.db.select().from(requests).all()).toHaveLength(0);
    expect(b.store.db.select().from(auditLog).all()).toHaveLength(0);
  });
});
