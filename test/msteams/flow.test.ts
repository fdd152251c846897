// The Teams flow through the real surface: signed Bot Framework activities into the Teams SDK app,
// the Bot Connector double recording what the bot posts and updates, a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { approvals, auditLog, objections, payments, requests, teams } from '../../src/store/schema.js';
import {
  CHANNEL,
  PEOPLE,
  cardAction,
  cardJson,
  createTeamsRequest,
  messageActivity,
  reaction,
  settle,
  startTeamsBot,
  taskFetch,
  taskSubmit,
  VALID_TEAMS_FORM,
  type RunningTeamsBot,
} from '../support/teamsBot.js';

let b: RunningTeamsBot;
beforeEach(async () => {
  b = await startTeamsBot();
});
afterEach(async () => {
  await b.close();
});

const requestRow = (id: number) => b.store.db.select().from(requests).where(eq(requests.id, id)).get()!;
const lastUpdate = (cardId: string) => cardJson(b.double.updates(cardId).at(-1));
const threadPosts = (cardId: string) => b.double.posts(`${CHANNEL};messageid=${cardId}`);

describe('authentication', () => {
  it('refuses activities without a valid Bot Framework token and stores nothing', async () => {
    const form = { dialog: 'new', ...VALID_TEAMS_FORM };
    expect((await b.post(taskSubmit(b, PEOPLE.req, form), { token: null })).status).toBe(401);
    expect((await b.post(taskSubmit(b, PEOPLE.req, form), { token: b.double.token('another-app', b.double.url) })).status).toBe(401);
    expect((await b.post(taskSubmit(b, PEOPLE.req, form), { token: b.double.token('x', b.double.url, { key: b.double.foreignKey() }).replace(/^/, '') })).status).toBe(401);
    expect(b.store.db.select().from(requests).all()).toHaveLength(0);
  });
});

describe('asking', () => {
  it('answers `@minimaatwerk aanvraag` with a card that opens the form, and `help` in Dutch first', async () => {
    const res = await b.post(messageActivity(b, PEOPLE.req, 'aanvraag'));
    expect(res.status).toBe(200);
    const reply = b.double.posts().at(-1)!;
    expect(reply.conversationId.startsWith(`${CHANNEL};messageid=`)).toBe(true);
    const json = cardJson(reply);
    expect(json).toContain('Aanvraag invullen');
    expect(json).toContain('task/fetch');
    await b.post(messageActivity(b, PEOPLE.req, 'help'));
    const help = String(b.double.posts().at(-1)!.body.text);
    expect(help.indexOf('Goedkeuren')).toBeGreaterThanOrEqual(0);
    expect(help.indexOf('Goedkeuren')).toBeLessThan(help.indexOf('colleagues approve'));
  });

  it('opens the dialog with the same fields as Slack', async () => {
    const res = await b.post(taskFetch(b, PEOPLE.req, { dialog: 'new' }));
    expect(res.status).toBe(200);
    const task = (res.body as { task: { type: string; value: { title: string; card: { content: { body: { id?: string }[] } } } } }).task;
    expect(task.type).toBe('continue');
    expect(task.value.title).toBe('Minimaatwerk aanvraag');
    const ids = task.value.card.content.body.map((x) => x.id).filter(Boolean);
    expect(ids).toEqual(['amount', 'description', 'supplierName', 'supplierIban', 'categorySlug', 'caseRef', 'reason', 'reasonText']);
  });

  it('shows every error on the form, Dutch first, and stores nothing', async () => {
    const res = await b.post(taskSubmit(b, PEOPLE.req, { dialog: 'new', ...VALID_TEAMS_FORM, amount: '85,505', supplierIban: 'NL00 BANK 1234', caseRef: 'Jansen', description: 'bsn 111222333' }));
    expect(res.status).toBe(200);
    const task = (res.body as { task: { type: string; value: { card: { content: { body: { id?: string; type: string; text?: string; value?: string }[] } } } } }).task;
    expect(task.type).toBe('continue');
    const body = task.value.card.content.body;
    const errorAfter = (id: string) => body[body.findIndex((x) => x.id === id) + 1]?.text ?? '';
    expect(errorAfter('amount')).toMatch(/^Gebruik hoogstens twee cijfers achter de komma\. \(Use at most two decimals\.\)$/);
    expect(errorAfter('supplierIban')).toContain('Dit is geen geldig IBAN');
    expect(errorAfter('caseRef')).toContain('zaakreferentie met cijfers');
    expect(errorAfter('description')).toContain('Geen burgerservicenummers');
    expect(body.find((x) => x.id === 'supplierName')?.value).toBe('Witgoedhandel Noord'); // typed values kept
    expect(b.store.db.select().from(requests).all()).toHaveLength(0);
    expect(b.double.posts(CHANNEL)).toHaveLength(0);
  });

  it('posts the card: number, amount, supplier and IBAN, category, why, requester, 0 van 3, and the buttons', async () => {
    const { id, card } = await createTeamsRequest(b);
    const json = cardJson(card);
    expect(card.conversationId).toBe(CHANNEL);
    expect(json).toContain(`Aanvraag #${id} · € 85,50`);
    expect(json).toContain('Witgoedhandel Noord (NL91 ABNA 0417 1643 00)');
    expect(json).toContain('Witgoed en huishoudelijke apparaten');
    expect(json).toContain('Geen voorliggende voorziening');
    expect(json).toContain('Rosa Aanvrager');
    expect(json).toContain('0 van 3');
    for (const title of ['Akkoord', 'Bezwaar', 'Mijn stem intrekken', 'Wijzigen', 'Aanvraag intrekken', 'Alternatief gevonden']) expect(json).toContain(`"title":"${title}"`);
    const row = requestRow(id);
    expect(row).toMatchObject({ amountCents: 8550, supplierIban: 'NL91ABNA0417164300', status: 'open', requesterId: PEOPLE.req.aadObjectId });
    const team = b.store.db.select().from(teams).where(eq(teams.id, row.teamId)).get()!;
    expect(team).toMatchObject({ platform: 'teams', channelId: CHANNEL, serviceUrl: b.double.url, approvalEmoji: 'like,akkoord' });
  });
});

describe('approving', () => {
  it('counts a 👍 and the Akkoord button once per person, decides at the third colleague, records one payment', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    await b.post(reaction(b, PEOPLE.a, cardId, 'like'));
    const click = await b.post(cardAction(b, PEOPLE.a, cardId, 'approve', id)); // same person: still one
    expect(JSON.stringify(click.body)).toContain('Je akkoord voor #');
    await b.post(cardAction(b, PEOPLE.b, cardId, 'approve', id));
    await b.post(reaction(b, PEOPLE.a, cardId, 'heart')); // not in the table: ignored
    await settle(b);
    expect(b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all()).toHaveLength(2);
    expect(lastUpdate(cardId)).toContain('2 van 3');
    expect(lastUpdate(cardId)).toContain('Anna, Bram');
    await b.post(reaction(b, PEOPLE.c, cardId, 'like'));
    await settle(b);
    expect(requestRow(id).status).toBe('approved');
    const pay = b.store.db.select().from(payments).where(eq(payments.requestId, id)).all();
    expect(pay).toHaveLength(1);
    expect(pay[0]).toMatchObject({ amountCents: 8550, supplierIban: 'NL91ABNA0417164300', approvers: 'aad-a,aad-b,aad-c' });
    const last = lastUpdate(cardId);
    expect(last).toContain('Goedgekeurd');
    expect(last).toContain('Anna, Bram, Chris');
    expect(last).not.toContain('"title":"Akkoord"');
    const confirmation = threadPosts(cardId).find((c) => String(c.body.text).includes('is goedgekeurd door Anna, Bram, Chris'));
    expect(confirmation?.body.text).toContain('€ 85,50');
    // after the decision nothing changes
    const late = await b.post(cardAction(b, PEOPLE.d, cardId, 'approve', id));
    expect(JSON.stringify(late.body)).toContain('al afgehandeld');
    await b.post(reaction(b, PEOPLE.a, cardId, 'like', false));
    expect(requestRow(id).status).toBe('approved');
    expect(b.store.db.select().from(payments).all()).toHaveLength(1);
  });

  it('never counts the requester or people outside the team, and tells them why', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    const own = await b.post(cardAction(b, PEOPLE.req, cardId, 'approve', id));
    expect(JSON.stringify(own.body)).toContain('Je kunt je eigen aanvraag #');
    const outside = await b.post(cardAction(b, PEOPLE.outsider, cardId, 'approve', id));
    expect(JSON.stringify(outside.body)).toContain('Alleen leden van het teamkanaal');
    await b.post(reaction(b, PEOPLE.req, cardId, 'like'));
    expect(b.store.db.select().from(approvals).all()).toHaveLength(0);
  });

  it('a redelivered activity (same id) counts once; removing a 👍 or "Mijn stem intrekken" withdraws before the decision', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    const like = reaction(b, PEOPLE.a, cardId, 'like');
    await b.post(like);
    await b.post(like);
    expect(b.store.db.select().from(approvals).all()).toHaveLength(1);
    await b.post(reaction(b, PEOPLE.a, cardId, 'like', false));
    expect(b.store.db.select().from(approvals).all()).toHaveLength(0);
    await b.post(cardAction(b, PEOPLE.b, cardId, 'approve', id));
    await b.post(reaction(b, PEOPLE.b, cardId, 'like'));
    const unvote = await b.post(cardAction(b, PEOPLE.b, cardId, 'unvote', id));
    expect(JSON.stringify(unvote.body)).toContain('Je stem bij #');
    expect(b.store.db.select().from(approvals).all()).toHaveLength(0);
    await settle(b);
    expect(lastUpdate(cardId)).toContain('0 van 3');
    const actions = b.store.db.select().from(auditLog).where(eq(auditLog.requestId, id)).all().map((r) => r.action);
    expect(actions.filter((a) => a === 'approval.added')).toHaveLength(2);
    expect(actions.filter((a) => a === 'approval.removed')).toHaveLength(2);
  });
});

describe('objecting, withdrawing, editing', () => {
  it('😠 puts it on hold, asks the reason in the thread, the reason dialog stores it, withdrawing the vote reopens', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    await b.post(reaction(b, PEOPLE.a, cardId, 'angry'));
    await settle(b);
    expect(requestRow(id).status).toBe('on_hold');
    const ask = threadPosts(cardId).find((c) => cardJson(c).includes('je hebt bezwaar gemaakt'))!;
    expect(cardJson(ask)).toContain('Anna, je hebt bezwaar gemaakt');
    expect(cardJson(ask)).toContain('"dialog":"objection"');
    const notObjector = await b.post(taskFetch(b, PEOPLE.b, { dialog: 'objection', requestId: id }));
    expect(JSON.stringify(notObjector.body)).toContain('Alleen wie bezwaar maakte');
    const open = await b.post(taskFetch(b, PEOPLE.a, { dialog: 'objection', requestId: id }));
    expect(JSON.stringify(open.body)).toContain('Waarom bezwaar tegen #');
    const empty = await b.post(taskSubmit(b, PEOPLE.a, { dialog: 'objection', requestId: id, reason: '  ' }));
    expect(JSON.stringify(empty.body)).toContain('Dit veld is verplicht.');
    await b.post(taskSubmit(b, PEOPLE.a, { dialog: 'objection', requestId: id, reason: 'Eerst het fonds proberen' }));
    expect(b.store.db.select().from(objections).get()?.reason).toBe('Eerst het fonds proberen');
    await settle(b);
    expect(lastUpdate(cardId)).toContain('Eerst het fonds proberen');
    await b.post(cardAction(b, PEOPLE.a, cardId, 'unvote', id));
    await settle(b);
    expect(requestRow(id).status).toBe('open');
    expect(threadPosts(cardId).some((c) => String(c.body.text).includes('Er is geen bezwaar meer'))).toBe(true);
  });

  it('only the requester or an admin withdraws; the card says Ingetrokken', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    const other = await b.post(cardAction(b, PEOPLE.a, cardId, 'withdraw', id));
    expect(JSON.stringify(other.body)).toContain('Alleen de aanvrager of een teambeheerder');
    expect(requestRow(id).status).toBe('open');
    await b.post(cardAction(b, PEOPLE.req, cardId, 'withdraw', id));
    await settle(b);
    expect(requestRow(id).status).toBe('withdrawn');
    expect(lastUpdate(cardId)).toContain('Ingetrokken');
    expect(threadPosts(cardId).some((c) => String(c.body.text).includes('Rosa Aanvrager heeft #'))).toBe(true);
  });

  it('editing the amount in the dialog resets the approvals; alternative found closes it', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    await b.post(cardAction(b, PEOPLE.a, cardId, 'approve', id));
    const open = await b.post(taskFetch(b, PEOPLE.req, { dialog: 'edit', requestId: id }, cardId));
    expect(JSON.stringify(open.body)).toContain('"value":"85,50"');
    await b.post(taskSubmit(b, PEOPLE.req, { dialog: 'edit', requestId: id, ...VALID_TEAMS_FORM, amount: '95' }));
    expect(requestRow(id)).toMatchObject({ amountCents: 9500, version: 2 });
    expect(b.store.db.select().from(approvals).all()).toHaveLength(0);
    const noKind = await b.post(taskSubmit(b, PEOPLE.req, { dialog: 'alternative', requestId: id, kind: '', reason: 'Fonds betaalt' }));
    expect(JSON.stringify(noKind.body)).toContain('Dit veld is verplicht.');
    await b.post(taskSubmit(b, PEOPLE.req, { dialog: 'alternative', requestId: id, kind: 'charity_fund', reason: 'Fonds betaalt' }));
    await settle(b);
    expect(requestRow(id).status).toBe('alternative');
    expect(lastUpdate(cardId)).toContain('alternatief gevonden');
  });
});

describe('delivery', () => {
  it('retries a throttled card update after Retry-After and then sends the newest state', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    b.double.failNext(2, 429, 7);
    await b.post(reaction(b, PEOPLE.a, cardId, 'like')); // roster is cached: the update itself gets the 429s
    await b.bot.outbox.drain();
    const row = b.store.sqlite.prepare("select attempts, not_before, last_error from outbox where platform = 'teams' and kind = 'card.update' and done_at is null").get() as { attempts: number; not_before: number; last_error: string };
    expect(row.last_error).toBe('http_429');
    expect(row.not_before).toBe(b.clock.now().getTime() + 7000);
    b.clock.advance(7000);
    await settle(b);
    b.clock.advance(7000);
    await settle(b);
    expect(lastUpdate(cardId)).toContain('1 van 3');
    expect(requestRow(id).status).toBe('open');
  });
});
