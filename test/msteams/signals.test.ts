// Signals and "what it prevented" in Microsoft Teams through the real surface (JWT-signed
// activities into the Teams SDK app, the Bot Connector double, a real SQLite file): the same words
// as on Slack, the digest's card with "make a signal" buttons, and the choice on the card and in
// the "alternative found" dialog.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { createLog } from '../../src/log.js';
import { auditLog, requests, signals, teams } from '../../src/store/schema.js';
import { addSpends, addTeam } from '../app/learningSeed.js';
import { TestClock } from '../support/bot.js';
import {
  CHANNEL,
  PEOPLE,
  TEAM_ID,
  TENANT,
  cardAction,
  cardJson,
  createTeamsRequest,
  messageActivity,
  personalConversationId,
  personalMessage,
  settle,
  startTeamsBot,
  taskSubmit,
  type Person,
  type RunningTeamsBot,
} from '../support/teamsBot.js';

const MANAGERS = '19:managers-channel@thread.tacv2';

let b: RunningTeamsBot;
beforeEach(async () => {
  b = await startTeamsBot({ clock: new TestClock(new Date('2026-11-10T09:00:00Z')) });
});
afterEach(async () => {
  await b.close();
});

const signalRows = () => b.store.db.select().from(signals).all();

async function inChannel(p: Person, text: string): Promise<string> {
  const activity = messageActivity(b, p, text);
  expect((await b.post(activity)).status).toBe(200);
  return String(b.double.posts(activity.conversation.id).at(-1)?.body.text ?? '');
}

/** A card button (Action.Execute) with its data and the card's inputs. */
function execute(p: Person, cardId: string, verb: string, data: Record<string, unknown>) {
  const a = cardAction(b, p, cardId, verb, 0);
  return { ...a, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}
const answerOf = (res: { body: unknown }) => String((res.body as { value?: string } | null)?.value ?? '');

describe('@minimaatwerk signaal and signalen', () => {
  it('the same words as on Slack: an admin makes and moves a signal; a colleague cannot; the list in the personal chat', async () => {
    const created = await inChannel(PEOPLE.admin, 'signaal nieuw mondzorg');
    expect(created).toMatch(/^Signaal \*\*S1\*\* aangemaakt: Mondzorg \/ tandarts — Wijkteam Noord\./);
    const team = b.store.db.select().from(teams).where(eq(teams.channelId, CHANNEL)).get()!;
    expect(signalRows()).toMatchObject([{ platform: 'teams', workspaceId: TENANT, categorySlug: 'mondzorg', status: 'signalled' }]);
    expect(team.tenantId).toBe(TENANT);

    expect(await inChannel(PEOPLE.req, 'signaal 1 besproken GGD')).toMatch(/^Alleen een teambeheerder/);
    expect(await inChannel(PEOPLE.admin, 'signaal 1 besproken tandartspraktijken Noord 20-11-2026')).toContain('Besproken met tandartspraktijken Noord op 20 november 2026.');
    expect(await inChannel(PEOPLE.admin, 'signaal 1 maatregel 2027-01-01 wijkcoördinator: korting voor minima')).toContain('is nu **maatregel genomen**');

    await b.post(personalMessage(b, PEOPLE.admin, 'signalen'));
    const list = String(b.double.posts(personalConversationId(PEOPLE.admin)).at(-1)?.body.text);
    expect(list).toContain('**Open signalen** (1)');
    expect(list).toContain('**S1** Mondzorg / tandarts (`mondzorg`) — Wijkteam Noord — _maatregel genomen_');
    expect(b.store.db.select().from(auditLog).all().filter((a) => a.action.startsWith('signal.')).map((a) => [a.action, a.actorId])).toEqual([
      ['signal.created', PEOPLE.admin.aadObjectId],
      ['signal.discuss', PEOPLE.admin.aadObjectId],
      ['signal.measure', PEOPLE.admin.aadObjectId],
    ]);
  });
});

describe('the digest’s card', () => {
  it('a category recurring in 3 channels of the tenant: a button; an admin’s click makes the shared signal', async () => {
    await inChannel(PEOPLE.req, 'help'); // registers the channel (its endpoint) as a team
    const noord = b.store.db.select().from(teams).where(eq(teams.channelId, CHANNEL)).get()!.id;
    const zuid = addTeam(b.store, { platform: 'teams', workspaceId: TEAM_ID, tenantId: TENANT, channelId: '19:zuid@thread.tacv2', name: 'Buurtteam Zuid', digestChannelId: MANAGERS });
    const oost = addTeam(b.store, { platform: 'teams', workspaceId: '19:other-team@thread.tacv2', tenantId: TENANT, channelId: '19:oost@thread.tacv2', name: 'Wijkteam Oost', digestChannelId: MANAGERS });
    // The team has existed for a while (a new team has no usual level to rise above).
    b.store.db.update(teams).set({ digestChannelId: MANAGERS, createdAt: new Date('2026-01-05T09:00:00Z') }).where(eq(teams.id, noord)).run();
    // Half a year of ordinary spends, then dental care rising in each of the three teams.
    for (const id of [noord, zuid, oost]) {
      addSpends(b.store, id, { '2026-03': [5000], '2026-04': [5000], '2026-05': [5000], '2026-06': [5000], '2026-07': [5000] }, 'witgoed');
      addSpends(b.store, id, { '2026-08': [6000, 6000, 6000, 6000], '2026-09': [6000, 6000, 6000, 6000], '2026-10': [6000, 6000, 6000, 6000] });
    }

    b.clock.t = new Date('2026-11-02T08:00:00Z');
    const scheduler = createScheduler({ store: b.store, clock: b.clock, outboxWake: () => {} }, createLog('error', () => {}), {
      digest: { defaultChannelId: undefined, ports: [b.bot.digest] },
    });
    await scheduler.tick();
    const posts = b.double.posts(MANAGERS);
    expect(String(posts[0]!.body.text)).toContain('**Mondzorg / tandarts** in 3 teams: Wijkteam Noord 4× € 240,00; Buurtteam Zuid 4× € 240,00; Wijkteam Oost 4× € 240,00');
    const card = posts.find((p) => cardJson(p).includes('"verb":"signal"'))!;
    const action = (card.body.attachments as { content: { actions: { title: string; verb: string; data: Record<string, unknown> }[] } }[])[0]!.content.actions[0]!;
    expect(action).toEqual({ type: 'Action.Execute', title: 'Signaal: Mondzorg / tandarts (3 teams)', verb: 'signal', data: { slug: 'mondzorg', teamIds: [noord, zuid, oost], month: '2026-10' } });

    expect(answerOf(await b.post(execute(PEOPLE.req, card.activityId!, 'signal', action.data)))).toMatch(/^Alleen een teambeheerder/);
    expect(signalRows()).toEqual([]);
    const made = answerOf(await b.post(execute(PEOPLE.admin, card.activityId!, 'signal', action.data)));
    expect(made).toMatch(/^Signaal S1 aangemaakt: Mondzorg \/ tandarts — Wijkteam Noord, Buurtteam Zuid, Wijkteam Oost\./);
    expect(signalRows()).toMatchObject([{ source: 'digest', workspaceId: TENANT, month: '2026-10' }]);
    // A card forged for teams of another tenant makes nothing.
    const elders = addTeam(b.store, { platform: 'teams', workspaceId: '19:x', tenantId: 'tenant-other', channelId: '19:elders@thread.tacv2', name: 'Elders' });
    expect(answerOf(await b.post(execute(PEOPLE.admin, card.activityId!, 'signal', { slug: 'witgoed', teamIds: [elders], month: '2026-10' })))).toMatch(/^Deze teams horen niet bij één werkruimte/);
    expect(signalRows()).toHaveLength(1);
  });
});

describe('what it prevented', () => {
  it('in the "alternative found" dialog, then changed on the card by its requester; audited; the card shows it', async () => {
    const r = await createTeamsRequest(b, PEOPLE.req);
    const res = await b.post(taskSubmit(b, PEOPLE.req, { dialog: 'alternative', requestId: r.id, kind: 'network', reason: 'de buurvrouw helpt', prevented: 'eviction' }));
    expect(JSON.stringify(res.body)).toContain('gesloten: alternatief gevonden');
    expect(b.store.db.select().from(requests).where(eq(requests.id, r.id)).get()).toMatchObject({ status: 'alternative', closedKind: 'network', prevented: 'eviction' });
    await settle(b);
    const closed = cardJson(b.double.updates(r.cardId).at(-1));
    expect(closed).toContain('**Voorkomen:** Huisuitzetting voorkomen');
    expect(closed).toContain('"id":"prevented"');
    expect(closed).toContain('"verb":"prevented"');

    expect(answerOf(await b.post(execute(PEOPLE.a, r.cardId, 'prevented', { requestId: r.id, prevented: 'health' })))).toMatch(/^Alleen de aanvrager of een teambeheerder/);
    expect(answerOf(await b.post(execute(PEOPLE.req, r.cardId, 'prevented', { requestId: r.id, prevented: 'health' })))).toBe(`Vastgelegd bij #${r.id}: gezondheid.\nRecorded for #${r.id}: health.`);
    await settle(b);
    expect(cardJson(b.double.updates(r.cardId).at(-1))).toContain('**Voorkomen:** Gezondheid');
    expect(b.store.db.select().from(auditLog).all().filter((a) => a.action === 'request.prevented').map((a) => [a.actorId, JSON.parse(a.detail)])).toEqual([
      [PEOPLE.req.aadObjectId, { outcome: 'health', previous: 'eviction' }],
    ]);
  });

  it('the dialog offers the resident’s network and the outcomes', async () => {
    const r = await createTeamsRequest(b, PEOPLE.req);
    const res = await b.post({ ...taskSubmit(b, PEOPLE.req, {}), name: 'task/fetch', value: { type: 'task/fetch', data: { msteams: { type: 'task/fetch' }, dialog: 'alternative', requestId: r.id }, context: { theme: 'default' } } });
    const dialog = JSON.stringify(res.body);
    expect(dialog).toContain('"value":"network"');
    expect(dialog).toContain('Netwerk van de bewoner');
    expect(dialog).toContain('"id":"prevented"');
    expect(dialog).toContain('"value":"school_dropout"');
  });
});
