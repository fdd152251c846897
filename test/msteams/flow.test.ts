// Teams through the real surface where Teams differs: Bot Framework authentication, the card's
// Adaptive Card buttons and the team's Teams settings, redelivered activities, reactions that are
// no vote, votes by button and by reaction taken back at once, a throttled Bot Connector. The flow
// every platform shares is in test/behaviour/.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { approvals, auditLog, requests, teams } from '../../src/store/schema.js';
import {
  CHANNEL,
  PEOPLE,
  cardAction,
  cardJson,
  createTeamsRequest,
  reaction,
  settle,
  taskSubmit,
  useTeamsBot,
  VALID_TEAMS_FORM,
} from '../support/teamsBot.js';

const b = useTeamsBot();

const requestRow = (id: number) => b.store.db.select().from(requests).where(eq(requests.id, id)).get()!;
const lastUpdate = (cardId: string) => cardJson(b.double.updates(cardId).at(-1));

describe('authentication', () => {
  it('refuses activities without a valid Bot Framework token and stores nothing', async () => {
    const form = { dialog: 'new', ...VALID_TEAMS_FORM };
    expect((await b.post(taskSubmit(b, PEOPLE.req, form), { token: null })).status).toBe(401);
    expect((await b.post(taskSubmit(b, PEOPLE.req, form), { token: b.double.token('another-app', b.double.url) })).status).toBe(401);
    expect((await b.post(taskSubmit(b, PEOPLE.req, form), { token: b.double.token('x', b.double.url, { key: b.double.foreignKey() }) })).status).toBe(401);
    expect(b.store.db.select().from(requests).all()).toHaveLength(0);
  });
});

describe('the card', () => {
  it('has Teams’ buttons, and the team gets Teams’ settings (service URL, 👍 and Akkoord approve)', async () => {
    const { id, card } = await createTeamsRequest(b);
    const json = cardJson(card);
    for (const title of ['Akkoord', 'Bezwaar', 'Mijn stem intrekken', 'Wijzigen', 'Aanvraag intrekken', 'Alternatief gevonden']) expect(json).toContain(`"title":"${title}"`);
    const team = b.store.db.select().from(teams).where(eq(teams.id, requestRow(id).teamId)).get()!;
    expect(team).toMatchObject({ platform: 'teams', channelId: CHANNEL, serviceUrl: b.double.url, approvalEmoji: 'like,akkoord', objectionEmoji: 'angry,bezwaar' });
  });
});

describe('votes', () => {
  it('ignores a reaction that is no vote, and answers a late button that the request is decided', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    await b.post(reaction(b, PEOPLE.a, cardId, 'heart'));
    expect(b.store.db.select().from(approvals).all()).toHaveLength(0);
    for (const p of [PEOPLE.a, PEOPLE.b, PEOPLE.c]) await b.post(cardAction(b, p, cardId, 'approve', id));
    const late = await b.post(cardAction(b, PEOPLE.d, cardId, 'approve', id));
    expect(JSON.stringify(late.body)).toContain('al afgehandeld');
    expect(requestRow(id).status).toBe('approved');
  });

  it('a redelivered activity (same id) counts once; "Mijn stem intrekken" takes back votes by button and by reaction', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    const like = reaction(b, PEOPLE.a, cardId, 'like');
    await b.post(like);
    await b.post(like);
    expect(b.store.db.select().from(approvals).all()).toHaveLength(1);
    await b.post(cardAction(b, PEOPLE.b, cardId, 'approve', id));
    await b.post(reaction(b, PEOPLE.b, cardId, 'like'));
    const unvote = await b.post(cardAction(b, PEOPLE.b, cardId, 'unvote', id));
    expect(JSON.stringify(unvote.body)).toContain('Je stem bij #');
    expect(b.store.db.select().from(approvals).all().map((a) => a.approverId)).toEqual([PEOPLE.a.aadObjectId]);
    await settle(b);
    expect(lastUpdate(cardId)).toContain('1 van 3');
    const actions = b.store.db.select().from(auditLog).where(eq(auditLog.requestId, id)).all().map((r) => r.action);
    expect(actions.filter((a) => a === 'approval.added')).toHaveLength(2);
    expect(actions.filter((a) => a === 'approval.removed')).toHaveLength(1);
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
