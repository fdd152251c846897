// The monthly digest in Teams where Teams differs: the scheduler's tick posts the text (Teams
// markdown) and the chart once to the Teams channel a team chose; `digest` in the personal chat.
// The digest commands on every platform: test/behaviour/.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withAuditAnchor, digestForMonth } from '../../src/app/digest.js';
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
  useTeamsBot,
  type Person,
} from '../support/teamsBot.js';

const MANAGERS = '19:managers-channel@thread.tacv2';
const MANAGERS_LINK = `https://teams.microsoft.com/l/channel/${encodeURIComponent(MANAGERS)}/Managers?groupId=0000&tenantId=tenant-0001`;

// Asked and approved in October 2026; the tests run in November.
const b = useTeamsBot(() => ({ clock: new TestClock(new Date('2026-10-20T09:00:00Z')) }));
beforeEach(async () => {
  b.double.setMembers(MANAGERS, [PEOPLE.admin]);
  const r = await createTeamsRequest(b, PEOPLE.req);
  for (const p of [PEOPLE.a, PEOPLE.b, PEOPLE.c]) await b.post(cardAction(b, p, r.cardId, 'approve', r.id));
  await settle(b);
  b.clock.t = new Date('2026-11-10T09:00:00Z');
});

const team = () => b.store.db.select().from(teams).where(eq(teams.channelId, CHANNEL)).get()!;

/** Send a command in the team channel; the reply the bot posted in that thread. */
async function inChannel(p: Person, text: string): Promise<string> {
  const activity = messageActivity(b, p, text);
  expect((await b.post(activity)).status).toBe(200);
  const reply = b.double.posts(activity.conversation.id).at(-1);
  return String(reply?.body.text ?? '');
}

describe('digest in the personal chat', () => {
  it('answers there with all Teams teams', async () => {
    await b.post(personalMessage(b, PEOPLE.admin, 'digest 2026-10'));
    const reply = String(b.double.posts(personalConversationId(PEOPLE.admin)).at(-1)?.body.text);
    expect(reply).toMatch(/^\*\*Maandoverzicht minimaatwerkbudget — oktober 2026\*\*/);
    expect(reply).toContain('1 goedgekeurde uitgave, samen € 85,50');
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
    // The managers' digest ends with the audit anchor as it stands when it is posted.
    const posted = withAuditAnchor(b.store, expected.text);
    const s = scheduler();
    b.clock.t = new Date('2026-11-02T07:59:00Z'); // Monday 2 November 08:59 Amsterdam: not yet
    await s.tick();
    expect(b.double.posts(MANAGERS)).toEqual([]);

    b.clock.t = new Date('2026-11-02T08:00:00Z'); // 09:00 Amsterdam
    await s.tick();
    const posts = b.double.posts(MANAGERS);
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).toMatchObject({ type: 'message', textFormat: 'markdown', text: markdown(posted, { person: (id) => id, channel: () => 'dat kanaal' }) });
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
