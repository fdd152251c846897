// Team budgets and the household cap through the real surface: the slash command and the form.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startBot, CHANNEL, type RunningBot } from '../support/bot.js';
import { auditLog, requests, teamBudgets } from '../../src/store/schema.js';
import { markPaid } from '../../src/app/finance.js';
import { createRequest, formState as formStateFor, react, submitForm } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  b = await startBot();
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UADMIN', 'UWSADMIN']);
});
afterEach(async () => {
  await b.close();
});

const command = async (userId: string, text: string) => {
  const res = await b.slack.slashCommand({ userId, channelId: CHANNEL, text });
  expect(res.status).toBe(200);
  return (await res.json()) as { response_type?: string; text: string };
};
const budgets = () => b.store.db.select().from(teamBudgets).all();
const budgetAudits = () => b.store.db.select().from(auditLog).where(eq(auditLog.action, 'team.budget_set')).all();

describe('/minimaatwerk budget', () => {
  it('a configured admin sets this year’s budget; it is audited', async () => {
    const reply = await command('UADMIN', 'budget 12000');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('Jaarbudget 2026 ingesteld op € 12.000,00');
    expect(budgets()).toEqual([expect.objectContaining({ year: 2026, amountCents: 1_200_000, setBy: 'UADMIN' })]);
    const audit = budgetAudits();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe('UADMIN');
    expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ year: 2026, amountCents: 1_200_000, previousCents: null });
  });

  it('a workspace admin may set it too, and a second set replaces the first', async () => {
    b.double.setUser({ id: 'UWSADMIN', is_admin: true });
    await command('UWSADMIN', 'budget 12000');
    await command('UWSADMIN', 'budget € 8.000,50');
    expect(budgets()).toEqual([expect.objectContaining({ amountCents: 800_050, setBy: 'UWSADMIN' })]);
    expect(budgetAudits()).toHaveLength(2);
  });

  it('a non-admin is refused and nothing is stored', async () => {
    const reply = await command('UA', 'budget 12000');
    expect(reply.text).toContain('Alleen een teambeheerder');
    expect(budgets()).toHaveLength(0);
    expect(budgetAudits()).toHaveLength(0);
  });

  it('a bad amount is refused with the amount error', async () => {
    const reply = await command('UADMIN', 'budget twaalfduizend');
    expect(reply.text).toContain('geen bedrag');
    expect(budgets()).toHaveLength(0);
  });

  it('without an amount it shows the budget, used and left (to anyone)', async () => {
    expect((await command('UA', 'budget')).text).toContain('geen jaarbudget voor 2026');
    await command('UADMIN', 'budget 1000');
    await createRequest(b, 'UREQ', { amount: '300', caseRef: 'WT-1' });
    const reply = await command('UA', 'budget');
    expect(reply.text).toContain('Jaarbudget 2026: € 1.000,00, gebruikt € 300,00, over € 700,00');
  });

  it('left is never shown below zero when the budget is lowered under what is used', async () => {
    await command('UADMIN', 'budget 1000');
    await createRequest(b, 'UREQ', { amount: '300', caseRef: 'WT-1' });
    const set = await command('UADMIN', 'budget 100');
    expect(set.text).toContain('nog € 0,00 over');
    expect((await command('UA', 'budget')).text).toContain('over € 0,00');
  });
});

describe('a request against the team budget', () => {
  it('open, approved and paid requests count; withdrawn ones do not; too much is a field error naming what is left', async () => {
    await command('UADMIN', 'budget 1200');
    await createRequest(b, 'UREQ', { amount: '300', caseRef: 'WT-1' }); // open
    const approved = await createRequest(b, 'UREQ', { amount: '200', caseRef: 'WT-2' });
    for (const u of ['UA', 'UB', 'UC']) await react(b, u, approved.ts);
    const paid = await createRequest(b, 'UREQ', { amount: '250', caseRef: 'WT-3' });
    for (const u of ['UA', 'UB', 'UC']) await react(b, u, paid.ts);
    const deps = { store: b.store, clock: b.clock, outboxWake: () => b.bot.outbox.wake() };
    expect(markPaid(deps, { requestId: paid.id, actor: { id: 'UFIN', isFinance: true } }).ok).toBe(true);
    const withdrawn = await createRequest(b, 'UREQ', { amount: '400', caseRef: 'WT-4' });
    await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_withdraw', value: String(withdrawn.id), channelId: CHANNEL, messageTs: withdrawn.ts });
    const statuses = b.store.db.select().from(requests).orderBy(requests.id).all().map((r) => r.status);
    expect(statuses).toEqual(['open', 'approved', 'paid', 'withdrawn']);

    // used: 300 + 200 + 250 = 750; the withdrawn 400 is free again
    expect((await command('UA', 'budget')).text).toContain('gebruikt € 750,00, over € 450,00');
    const res = await submitForm(b, 'UREQ', { amount: '450,01', caseRef: 'WT-5' });
    expect(res.body?.response_action).toBe('errors');
    expect((res.body?.errors as Record<string, string>).amount).toContain('jaarbudget');
    expect((res.body?.errors as Record<string, string>).amount).toContain('€ 450,00');
    expect(b.store.db.select().from(requests).all()).toHaveLength(4);
    expect((await submitForm(b, 'UREQ', { amount: '450', caseRef: 'WT-5' })).body).toBeNull();
  });

  it('an edit raising the amount is checked against what is left, excluding the request itself', async () => {
    await command('UADMIN', 'budget 500');
    const a = await createRequest(b, 'UREQ', { amount: '300', caseRef: 'WT-1' });
    await createRequest(b, 'UREQ', { amount: '100', caseRef: 'WT-2' });
    const edit = (amount: string) =>
      b.slack.viewSubmission({
        userId: 'UREQ',
        callbackId: 'request_edit_submit',
        values: formStateFor({ amount, caseRef: 'WT-1' }),
        privateMetadata: JSON.stringify({ channelId: CHANNEL, requestId: a.id }),
      });
    const tooMuch = (await (await edit('400,01')).json()) as { errors: Record<string, string> };
    expect(tooMuch.errors.amount).toContain('€ 400,00');
    expect(await (await edit('400')).text()).toBe('');
    expect(b.store.db.select().from(requests).where(eq(requests.id, a.id)).get()!.amountCents).toBe(40000);
  });
});

describe('household cap per case reference per calendar year', () => {
  it('300 then 250 for the same case reference is refused with € 200,00 left', async () => {
    await createRequest(b, 'UREQ', { amount: '300', caseRef: 'WT-77' });
    const res = await submitForm(b, 'UA', { amount: '250', caseRef: 'WT-77' });
    expect(res.body?.response_action).toBe('errors');
    const msg = (res.body?.errors as Record<string, string>).amount!;
    expect(msg).toContain('€ 500,00 per huishouden');
    expect(msg).toContain('nog € 200,00 over');
    expect(b.store.db.select().from(requests).all()).toHaveLength(1);
    expect((await submitForm(b, 'UA', { amount: '200', caseRef: 'WT-77' })).body).toBeNull();
  });

  it('a different case reference passes', async () => {
    await createRequest(b, 'UREQ', { amount: '300', caseRef: 'WT-77' });
    expect((await submitForm(b, 'UREQ', { amount: '250', caseRef: 'WT-78' })).body).toBeNull();
  });

  it('a withdrawn request frees the household cap', async () => {
    const first = await createRequest(b, 'UREQ', { amount: '300', caseRef: 'WT-77' });
    await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_withdraw', value: String(first.id), channelId: CHANNEL, messageTs: first.ts });
    expect((await submitForm(b, 'UREQ', { amount: '450', caseRef: 'WT-77' })).body).toBeNull();
  });

  it('the next calendar year (Amsterdam) starts fresh', async () => {
    b.clock.t = new Date('2026-12-31T12:00:00Z');
    await createRequest(b, 'UREQ', { amount: '300', caseRef: 'WT-77' });
    b.clock.t = new Date('2026-12-31T22:30:00Z'); // 23:30 in Amsterdam: still 2026
    expect((await submitForm(b, 'UREQ', { amount: '250', caseRef: 'WT-77' })).body?.response_action).toBe('errors');
    b.clock.t = new Date('2026-12-31T23:30:00Z'); // 00:30 on 1 January 2027 in Amsterdam
    expect((await submitForm(b, 'UREQ', { amount: '250', caseRef: 'WT-77' })).body).toBeNull();
  });
});
