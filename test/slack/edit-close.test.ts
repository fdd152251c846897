// Edit, withdraw and "alternative found" from the card's buttons, through signed HTTP into Bolt.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startBot, CHANNEL, type RunningBot } from '../support/bot.js';
import { plainText, radio } from '../support/slackRequests.js';
import { approvals, auditLog, payments, requests } from '../../src/store/schema.js';
import { cardTextOf, createRequest, formState, react, settle, unreact, type FormValues } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  b = await startBot();
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UD', 'UADMIN']);
});
afterEach(async () => {
  await b.close();
});

const rowOf = (id: number) => b.store.db.select().from(requests).where(eq(requests.id, id)).get()!;
const approverIds = (id: number) => b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all().map((a) => a.approverId).sort();
const lastCard = () => cardTextOf(b.double.callsTo('chat.update').at(-1)!);
const threadTexts = (ts: string) => b.double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts).map((c) => String(c.args.text));
const auditActions = (id: number) => b.store.db.select().from(auditLog).where(eq(auditLog.requestId, id)).all().map((a) => a.action);
const ephemeralTo = (user: string) => b.double.callsTo('chat.postEphemeral').filter((c) => c.args.user === user).map((c) => String(c.args.text));

const press = (userId: string, actionId: string, id: number, ts: string) =>
  b.slack.blockAction({ userId, actionId, value: String(id), channelId: CHANNEL, messageTs: ts });

const body = async (res: Response) => {
  const text = await res.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
};
const submitEdit = async (userId: string, id: number, v: FormValues = {}) =>
  body(await b.slack.viewSubmission({ userId, callbackId: 'request_edit_submit', values: formState(v), privateMetadata: JSON.stringify({ channelId: CHANNEL, requestId: id }) }));
const submitAlternative = async (userId: string, id: number, kind: string | null, reason: string) =>
  body(
    await b.slack.viewSubmission({
      userId,
      callbackId: 'request_alternative_submit',
      values: { kind: { value: kind ? radio(kind) : { type: 'radio_buttons', selected_option: null } }, reason: { value: plainText(reason) } },
      privateMetadata: JSON.stringify({ requestId: id }),
    }),
  );

async function approvedBy(ts: string, users: string[]) {
  for (const u of users) await react(b, u, ts);
}

describe('edit button', () => {
  it.each(['UREQ', 'UADMIN'])('opens the form prefilled for %s', async (user) => {
    const { id, ts } = await createRequest(b, 'UREQ', { amount: '120,50', reasonText: 'dringend' });
    await press(user, 'request_edit', id, ts);
    const open = await b.double.waitFor('views.open');
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: Record<string, unknown>[] };
    expect(view.callback_id).toBe('request_edit_submit');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ requestId: id, channelId: CHANNEL });
    const initial = (blockId: string) => {
      const block = view.blocks.find((bl) => String(bl.block_id).split(':')[0] === blockId) as { element: Record<string, unknown> };
      return block.element.initial_value ?? (block.element.initial_option as { value: string } | undefined)?.value;
    };
    expect(initial('amount')).toBe('120,50');
    expect(initial('description')).toBe('Nieuwe koelkast om insuline koel te houden');
    expect(initial('supplierName')).toBe('Witgoedhandel Noord');
    expect(initial('supplierIban')).toBe('NL91ABNA0417164300');
    expect(initial('categorySlug')).toBe('witgoed');
    expect(initial('caseRef')).toBe('WT-2026-014');
    expect(initial('reason')).toBe('no_provision');
    expect(initial('reasonText')).toBe('dringend');
  });

  it('others get a polite ephemeral refusal and no form', async () => {
    const { id, ts } = await createRequest(b);
    await press('UA', 'request_edit', id, ts);
    expect(b.double.callsTo('views.open')).toHaveLength(0);
    expect(ephemeralTo('UA')[0]).toContain('Alleen de aanvrager of een teambeheerder');
  });

  it('a workspace admin may edit too', async () => {
    b.double.setUser({ id: 'UWSADMIN', is_admin: true });
    const { id, ts } = await createRequest(b);
    await press('UWSADMIN', 'request_edit', id, ts);
    expect((await b.double.waitFor('views.open')).args.view).toMatchObject({ callback_id: 'request_edit_submit' });
  });
});

describe('editing', () => {
  it.each([
    ['amount', { amount: '90' }, { amountCents: 9000 }],
    ['supplier', { supplierName: 'Witgoed Zuid' }, { supplierName: 'Witgoed Zuid' }],
    ['IBAN', { supplierIban: 'NL02ABNA0123456789' }, { supplierIban: 'NL02ABNA0123456789' }],
  ])('a change of %s resets the approvals', async (_, change, stored) => {
    const { id, ts } = await createRequest(b);
    await approvedBy(ts, ['UA', 'UB']);
    expect(approverIds(id)).toEqual(['UA', 'UB']);
    expect(await submitEdit('UREQ', id, change)).toBeNull();
    await settle(b);
    const row = rowOf(id);
    expect(row).toMatchObject({ ...stored, version: 2, status: 'open' });
    expect(approverIds(id)).toEqual([]);
    const card = lastCard();
    expect(card).toContain('0 van 3');
    expect(card).toContain('eerdere goedkeuringen zijn vervallen');
    expect(threadTexts(ts).some((t) => t.includes('Alle goedkeuringen zijn vervallen'))).toBe(true);
    expect(auditActions(id)).toContain('request.edited.approvals_reset');

    // The old ✅ no longer count: a third colleague does not approve the new version.
    await react(b, 'UC', ts);
    expect(approverIds(id)).toEqual(['UC']);
    expect(rowOf(id).status).toBe('open');
    // Re-adding counts: remove and add again.
    await unreact(b, 'UA', ts);
    await react(b, 'UA', ts);
    await unreact(b, 'UB', ts);
    await react(b, 'UB', ts);
    await settle(b);
    expect(approverIds(id)).toEqual(['UA', 'UB', 'UC']);
    expect(rowOf(id).status).toBe('approved');
    const pay = b.store.db.select().from(payments).where(eq(payments.requestId, id)).get()!;
    expect(pay).toMatchObject(stored);
  });

  it('an old approval removed after the reset does not touch the new count', async () => {
    const { id, ts } = await createRequest(b);
    await approvedBy(ts, ['UA', 'UB']);
    await submitEdit('UREQ', id, { amount: '90' });
    await react(b, 'UC', ts);
    await unreact(b, 'UA', ts); // removing a v1 approval
    expect(approverIds(id)).toEqual(['UC']);
  });

  it('an edit of the description only keeps the approvals', async () => {
    const { id, ts } = await createRequest(b);
    await approvedBy(ts, ['UA', 'UB']);
    expect(await submitEdit('UREQ', id, { description: 'Koelkast met vriesvak' })).toBeNull();
    await settle(b);
    expect(rowOf(id)).toMatchObject({ description: 'Koelkast met vriesvak', version: 1 });
    expect(approverIds(id)).toEqual(['UA', 'UB']);
    expect(lastCard()).toContain('Koelkast met vriesvak');
    expect(lastCard()).toContain('2 van 3');
    expect(lastCard()).not.toContain('vervallen');
    expect(threadTexts(ts).some((t) => t.includes('heeft #') && t.includes('gewijzigd.'))).toBe(true);
    expect(auditActions(id)).toContain('request.edited');
    await react(b, 'UC', ts);
    expect(rowOf(id).status).toBe('approved');
  });

  it('bad input in the edit is a field error and nothing changes', async () => {
    const { id } = await createRequest(b);
    const limit = await submitEdit('UREQ', id, { amount: '500' });
    expect(limit?.response_action).toBe('errors');
    expect((limit?.errors as Record<string, string>).amount).toContain('onder € 500,00');
    const bsn = await submitEdit('UREQ', id, { amount: '90', description: 'voor 111222333', supplierIban: 'NL91ABNA0417164301' });
    expect((bsn?.errors as Record<string, string>).description).toContain('burgerservicenummers');
    expect((bsn?.errors as Record<string, string>).supplierIban).toContain('geen geldig IBAN');
    expect(rowOf(id)).toMatchObject({ amountCents: 8550, version: 1 });
    expect(auditActions(id)).toEqual(['request.created']);
  });

  it('a colleague submitting an edit form is refused', async () => {
    const { id } = await createRequest(b);
    const res = await submitEdit('UA', id, { amount: '10' });
    expect(res?.response_action).toBe('errors');
    expect(rowOf(id).amountCents).toBe(8550);
  });
});

describe('withdraw', () => {
  it('by the requester: withdrawn, card updated, thread message, audited', async () => {
    const { id, ts } = await createRequest(b);
    await press('UREQ', 'request_withdraw', id, ts);
    await settle(b);
    expect(rowOf(id).status).toBe('withdrawn');
    expect(rowOf(id).closedAt).not.toBeNull();
    expect(lastCard()).toContain('Ingetrokken');
    expect(lastCard()).not.toContain('request_edit');
    expect(threadTexts(ts).some((t) => t.includes('<@UREQ> heeft #') && t.includes('ingetrokken'))).toBe(true);
    expect(auditActions(id)).toContain('request.withdrawn');
  });

  it('by an admin', async () => {
    const { id, ts } = await createRequest(b);
    await press('UADMIN', 'request_withdraw', id, ts);
    expect(rowOf(id).status).toBe('withdrawn');
  });

  it('by someone else: refusal and nothing changes', async () => {
    const { id, ts } = await createRequest(b);
    await settle(b);
    const updates = b.double.callsTo('chat.update').length;
    await press('UA', 'request_withdraw', id, ts);
    await settle(b);
    expect(rowOf(id).status).toBe('open');
    expect(ephemeralTo('UA')[0]).toContain('Alleen de aanvrager of een teambeheerder');
    expect(b.double.callsTo('chat.update')).toHaveLength(updates);
    expect(auditActions(id)).toEqual(['request.created']);
  });
});

describe('alternative found', () => {
  it('the button opens the modal for the requester, refuses others', async () => {
    const { id, ts } = await createRequest(b);
    await press('UA', 'request_alternative', id, ts);
    expect(b.double.callsTo('views.open')).toHaveLength(0);
    expect(ephemeralTo('UA')[0]).toContain('Alleen de aanvrager');
    await press('UREQ', 'request_alternative', id, ts);
    const view = (await b.double.waitFor('views.open')).args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('request_alternative_submit');
    expect(JSON.parse(view.private_metadata)).toEqual({ requestId: id });
  });

  it('submitting closes as alternative with kind and reason', async () => {
    const { id, ts } = await createRequest(b);
    expect(await submitAlternative('UREQ', id, 'charity_fund', 'Stichting Urgente Noden betaalt')).toBeNull();
    await settle(b);
    expect(rowOf(id)).toMatchObject({ status: 'alternative', closedKind: 'charity_fund', closedReason: 'Stichting Urgente Noden betaalt' });
    expect(lastCard()).toContain('alternatief gevonden');
    expect(lastCard()).toContain('Stichting Urgente Noden betaalt');
    expect(threadTexts(ts).some((t) => t.includes('fonds of goed doel') && t.includes('Stichting Urgente Noden betaalt'))).toBe(true);
    expect(auditActions(id)).toContain('request.alternative');
  });

  it('a BSN in the reason is a field error; a missing kind too; nothing stored', async () => {
    const { id } = await createRequest(b);
    const bsn = await submitAlternative('UREQ', id, 'free_solution', 'bewoner 111222333');
    expect(bsn?.response_action).toBe('errors');
    expect((bsn?.errors as Record<string, string>).reason).toContain('burgerservicenummers');
    const noKind = await submitAlternative('UREQ', id, null, 'gratis opgelost');
    expect((noKind?.errors as Record<string, string>).kind).toContain('verplicht');
    const empty = await submitAlternative('UREQ', id, 'other', '  ');
    expect((empty?.errors as Record<string, string>).reason).toContain('verplicht');
    expect(rowOf(id)).toMatchObject({ status: 'open', closedReason: null, closedKind: null });
    expect(auditActions(id)).toEqual(['request.created']);
  });

  it('the reason cannot ping the channel from the thread', async () => {
    const { ts, id } = await createRequest(b);
    await submitAlternative('UREQ', id, 'other', 'opgelost <!here>');
    await settle(b);
    const post = threadTexts(ts).find((t) => t.includes('alternatief gevonden'))!;
    expect(post).not.toContain('<!here>');
    expect(post).toContain('opgelost &lt;!here&gt;');
  });

  it('someone else submitting is refused', async () => {
    const { id } = await createRequest(b);
    const res = await submitAlternative('UA', id, 'charity_fund', 'fonds');
    expect(res?.response_action).toBe('errors');
    expect(rowOf(id).status).toBe('open');
  });
});

describe('closed requests', () => {
  it.each([
    ['withdrawn', async (id: number, ts: string) => press('UREQ', 'request_withdraw', id, ts)],
    ['approved', async (_id: number, ts: string) => approvedBy(ts, ['UA', 'UB', 'UC'])],
  ])('when %s, the request refuses further edits and closing', async (status, close) => {
    const { id, ts } = await createRequest(b);
    await close(id, ts);
    expect(rowOf(id).status).toBe(status);
    const audits = auditActions(id).length;

    await press('UREQ', 'request_edit', id, ts);
    await press('UREQ', 'request_alternative', id, ts);
    await press('UREQ', 'request_withdraw', id, ts);
    expect(b.double.callsTo('views.open')).toHaveLength(0);
    const refusals = ephemeralTo('UREQ');
    expect(refusals).toHaveLength(3);
    for (const r of refusals) expect(r).toContain('al afgehandeld');

    const edit = await submitEdit('UREQ', id, { amount: '10' });
    expect(edit?.response_action).toBe('errors');
    const alt = await submitAlternative('UREQ', id, 'charity_fund', 'fonds');
    expect(alt?.response_action).toBe('errors');
    expect(rowOf(id)).toMatchObject({ status, amountCents: 8550 });
    expect(auditActions(id)).toHaveLength(audits);
  });
});

describe('typed text in chat', () => {
  it('a supplier name cannot ping the channel from the card text or the approval message', async () => {
    const { ts } = await createRequest(b, 'UREQ', { supplierName: '<!channel> Witgoed' });
    await approvedBy(ts, ['UA', 'UB', 'UC']);
    await settle(b);
    const sent = [...b.double.callsTo('chat.postMessage'), ...b.double.callsTo('chat.update')].map((c) => JSON.stringify(c.args));
    expect(sent.length).toBeGreaterThan(2);
    for (const s of sent) expect(s).not.toContain('<!channel>');
    expect(threadTexts(ts).find((t) => t.includes('goedgekeurd'))).toContain('&lt;!channel&gt; Witgoed');
  });
});
