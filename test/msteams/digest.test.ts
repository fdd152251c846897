// The monthly digest in Teams through the real surface: the scheduler's tick posts the text (Teams
// markdown) and the chart once to the Teams channel a team chose; `digest [JJJJ-MM]` and
// `digest-kanaal <link>` as bot commands, checked on the Bot Connector double and the database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { digestForMonth } from '../../src/app/digest.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { createLog } from '../../src/log.js';
import { auditLog, teams } from '../../src/store/schema.js';
import { markdown } from '../../src/msteams/render.js';
import { TestClock } from '../support/bot.js';
import {
  CHANNEL,
  PEOPLE,
  cardAction,
  createTeamsRequest,
  messageActivity,
  personalConversationId,
  personalMessage,
  settle,
  startTeamsBot,
  type Person,
  type RunningTeamsBot,
} from '../support/teamsBot.js';

const MANAGERS = '19:managers-channel@thread.tacv2';
const MANAGERS_LINK = `https://teams.microsoft.com/l/channel/${encodeURIComponent(MANAGERS)}/Managers?groupId=0000&tenantId=tenant-0001`;

let b: RunningTeamsBot;
beforeEach(async () => {
  // Asked and approved in October 2026; the tests run in November.
  b = await startTeamsBot({ clock: new TestClock(new Date('2026-10-20T09:00:00Z')) });
  b.double.setMembers(MANAGERS, [PEOPLE.admin]);
  const r = await createTeamsRequest(b, PEOPLE.req);
  for (const p of [PEOPLE.a, PEOPLE.b, PEOPLE.c]) await b.post(cardAction(b, p, r.cardId, 'approve', r.id));
  await settle(b);
  b.clock.t = new Date('2026-11-10T09:00:00Z');
});
afterEach(async () => {
  await b.close();
});

const team = () => b.store.db.select().from(teams).where(eq(teams.channelId, CHANNEL)).get()!;
const audits = () => b.store.db.select().from(auditLog).all().filter((a) => a.action === 'team.digest_channel_set');

/** Send a command in the team channel; the reply the bot posted in that thread. */
async function inChannel(p: Person, text: string): Promise<string> {
  const activity = messageActivity(b, p, text);
  expect((await b.post(activity)).status).toBe(200);
  const reply = b.double.posts(activity.conversation.id).at(-1);
  return String(reply?.body.text ?? '');
}

describe('digest as a bot command', () => {
  it('answers the asker with the previous month of this team, in Teams markdown', async () => {
    const text = await inChannel(PEOPLE.req, 'digest');
    expect(text).toMatch(/^\*\*Maandoverzicht minimaatwerkbudget — oktober 2026\*\*\n\n/);
    expect(text).toContain('1 goedgekeurde uitgave, samen € 85,50');
    expect(text).toContain('- Witgoed en huishoudelijke apparaten: 1× · € 85,50 · 100,0%');
    expect(await inChannel(PEOPLE.req, 'digest 2026-10')).toBe(text);
    // Nothing went to any other conversation.
    expect(b.double.posts(MANAGERS)).toEqual([]);
  });

  it('says clearly, Dutch first, when a month is unknown, in the future or empty; works in the personal chat', async () => {
    expect(await inChannel(PEOPLE.req, 'digest 2026-13')).toMatch(/^"2026-13" is geen maand\. Schrijf de maand als JJJJ-MM/);
    expect(await inChannel(PEOPLE.req, 'digest 2026-12')).toMatch(/^december 2026 is nog niet begonnen/);
    expect(await inChannel(PEOPLE.req, 'digest 2026-09')).toContain('Geen uitgaven in september 2026');
    await b.post(personalMessage(b, PEOPLE.admin, 'digest 2026-10'));
    expect(String(b.double.posts(personalConversationId(PEOPLE.admin)).at(-1)?.body.text)).toContain('**Maandoverzicht minimaatwerkbudget — oktober 2026**');
  });
});

describe('digest-kanaal', () => {
  it('lets an admin choose a channel by its link when the bot can reach it; audited', async () => {
    const text = await inChannel(PEOPLE.admin, `digest-kanaal ${MANAGERS_LINK}`);
    expect(text).toMatch(/^Het maandoverzicht van dit team gaat voortaan naar dat kanaal/);
    expect(team().digestChannelId).toBe(MANAGERS);
    expect(audits()).toHaveLength(1);
    expect(JSON.parse(audits()[0]!.detail)).toEqual({ channelId: MANAGERS, previous: null });
    expect(audits()[0]!.actorId).toBe(PEOPLE.admin.aadObjectId);
    expect(team()).toMatchObject({ platform: 'teams', approvalEmoji: 'like,akkoord', serviceUrl: b.double.url });
  });

  it('refuses a non-admin, a channel the bot is not in, and text that is no channel; changes nothing', async () => {
    expect(await inChannel(PEOPLE.req, `digest-kanaal ${MANAGERS_LINK}`)).toMatch(/^Alleen een teambeheerder kan het digest-kanaal instellen/);
    b.double.forbid('19:secret@thread.tacv2');
    expect(await inChannel(PEOPLE.admin, 'digest-kanaal 19:secret@thread.tacv2')).toMatch(/^Ik kan dat kanaal niet bereiken/);
    expect(await inChannel(PEOPLE.admin, 'digest-kanaal managers')).toMatch(/^Gebruik: `@minimaatwerk digest-kanaal <link naar het kanaal>`/);
    expect(team().digestChannelId).toBeNull();
    expect(audits()).toEqual([]);
  });
});

describe('the automatic digest in Teams', () => {
  const scheduler = () =>
    createScheduler({ store: b.store, clock: b.clock, outboxWake: () => {} }, createLog('error', () => {}), {
      digest: { defaultChannelId: undefined, ports: [b.bot.digest] },
    });

  it('at 09:00 Amsterdam on the first working day posts the text and the chart once to the team’s Teams channel', async () => {
    await inChannel(PEOPLE.admin, `digest-kanaal ${MANAGERS_LINK}`);
    const expected = digestForMonth({ store: b.store, clock: b.clock }, '2026-10', { teamId: team().id });
    const s = scheduler();
    b.clock.t = new Date('2026-11-02T07:59:00Z'); // Monday 2 November 08:59 Amsterdam: not yet
    await s.tick();
    expect(b.double.posts(MANAGERS)).toEqual([]);

    b.clock.t = new Date('2026-11-02T08:00:00Z'); // 09:00 Amsterdam
    await s.tick();
    const posts = b.double.posts(MANAGERS);
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).toMatchObject({ type: 'message', textFormat: 'markdown', text: markdown(expected.text, { person: (id) => id, channel: () => 'dat kanaal' }) });
    expect(String(posts[0]!.body.text)).toMatch(/^\*\*Maandoverzicht minimaatwerkbudget — oktober 2026\*\*/);
    const chart = (posts[1]!.body.attachments as { contentType: string; content: { body: { type: string; url?: string; altText?: string; text?: string }[] } }[])[0]!;
    expect(chart.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const image = chart.content.body.find((x) => x.type === 'Image')!;
    expect(image.url).toBe(`data:image/png;base64,${expected.png!.toString('base64')}`);
    expect(image.altText).toContain('Witgoed en huishoudelijke apparaten, okt 2026: € 85,50');
    expect(chart.content.body[0]!.text).toContain('Uitgaven per categorie');
    expect(b.store.db.select().from(auditLog).all().filter((a) => a.action === 'digest.posted')).toHaveLength(1);

    b.clock.advance(10 * 60_000);
    await s.tick();
    await scheduler().tick(); // another instance
    expect(b.double.posts(MANAGERS)).toHaveLength(2);
  });

  it('retries on the next tick when the Bot Connector fails', async () => {
    await inChannel(PEOPLE.admin, `digest-kanaal ${MANAGERS_LINK}`);
    b.clock.t = new Date('2026-11-02T08:00:00Z');
    const s = scheduler();
    await s.tick(); // October's digest
    expect(b.double.posts(MANAGERS)).toHaveLength(2);
    // November's digest: the first post fails
    b.clock.t = new Date('2026-12-01T08:00:00Z'); // Tuesday 1 December 09:00 Amsterdam
    b.double.failNext(1, 500);
    await s.tick();
    expect(b.double.posts(MANAGERS)).toHaveLength(2);
    b.clock.advance(60_000);
    await s.tick();
    const december = b.double.posts(MANAGERS).slice(2);
    expect(december).toHaveLength(2);
    expect(String(december[0]!.body.text)).toContain('november 2026');
  });
});
