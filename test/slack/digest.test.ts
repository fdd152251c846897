// The digest through the real surface: signed slash commands into Bolt, the Web API double, a real
// SQLite file; and the automatic post (text + PNG upload) through the Slack port.
import { mrkdwn } from '../../src/slack/render.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { digestForMonth } from '../../src/app/digest.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { createLog } from '../../src/log.js';
import { slackDigestPort } from '../../src/slack/digest.js';
import { auditLog, teams } from '../../src/store/schema.js';
import { startBot, CHANNEL, TestClock, type RunningBot } from '../support/bot.js';
import { createRequest, react, settle } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  // The request is asked and approved in October 2026; the tests run in November.
  b = await startBot({ clock: new TestClock(new Date('2026-10-20T09:00:00Z')) });
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UADMIN']);
  const { ts } = await createRequest(b);
  for (const u of ['UA', 'UB', 'UC']) await react(b, u, ts);
  await settle(b);
  b.clock.t = new Date('2026-11-10T09:00:00Z');
});
afterEach(async () => {
  await b.close();
});

const team = () => b.store.db.select().from(teams).where(eq(teams.channelId, CHANNEL)).get()!;

const command = async (userId: string, text: string, channelId = CHANNEL) => {
  const res = await b.slack.slashCommand({ userId, channelId, text });
  expect(res.status).toBe(200);
  return (await res.json()) as { response_type?: string; text: string };
};

describe('/minimaatwerk digest', () => {
  it('answers the asker ephemerally with the previous month by default', async () => {
    const r = await command('UREQ', 'digest');
    expect(r.response_type).toBe('ephemeral');
    expect(r.text).toContain('*Maandoverzicht minimaatwerkbudget — oktober 2026*');
    expect(r.text).toContain('1 goedgekeurde uitgave, samen € 85,50');
    expect(r.text).toContain('Witgoed en huishoudelijke apparaten: 1× · € 85,50 · 100,0%');
    expect(await command('UREQ', 'digest 2026-10')).toEqual(r);
    expect(b.double.callsTo('chat.postMessage').filter((c) => c.args.channel !== CHANNEL)).toEqual([]);
  });

  it('says clearly, Dutch first, when a month is unknown, in the future or empty', async () => {
    expect((await command('UREQ', 'digest 2026-13')).text).toMatch(/^"2026-13" is geen maand\. Schrijf de maand als JJJJ-MM/);
    expect((await command('UREQ', 'digest oktober')).text).toMatch(/^"oktober" is geen maand/);
    expect((await command('UREQ', 'digest 2026-12')).text).toMatch(/^december 2026 is nog niet begonnen/);
    expect((await command('UREQ', 'digest 2026-09')).text).toContain('Geen uitgaven in september 2026 / No spends in September 2026');
  });
});

describe('/minimaatwerk digest-kanaal', () => {
  const audits = () => b.store.db.select().from(auditLog).all().filter((a) => a.action === 'team.digest_channel_set');

  it('lets an admin choose a channel the bot is in; audited', async () => {
    const r = await command('UADMIN', 'digest-kanaal <#CMGR|managers>');
    expect(r.text).toMatch(/^Het maandoverzicht van dit team gaat voortaan naar <#CMGR>/);
    expect(b.double.callsTo('conversations.info').at(-1)!.args.channel).toBe('CMGR');
    expect(team().digestChannelId).toBe('CMGR');
    expect(audits()).toHaveLength(1);
    expect(JSON.parse(audits()[0]!.detail)).toEqual({ channelId: 'CMGR', previous: null });
    expect(audits()[0]!.actorId).toBe('UADMIN');
  });

  it('refuses a non-admin, and changes nothing', async () => {
    const r = await command('UREQ', 'digest-kanaal <#CMGR|managers>');
    expect(r.text).toMatch(/^Alleen een teambeheerder kan het digest-kanaal instellen/);
    expect(team().digestChannelId).toBeNull();
    expect(audits()).toEqual([]);
  });

  it('refuses a channel the bot is not in, or that does not exist', async () => {
    b.double.respondWith('conversations.info', (c) => ({ ok: true, channel: { id: c.args.channel, is_channel: true, is_member: false } }));
    expect((await command('UADMIN', 'digest-kanaal <#CSECRET|geheim>')).text).toMatch(/^Ik ben geen lid van <#CSECRET>/);
    b.double.respondWith('conversations.info', undefined);
    b.double.injectFault('conversations.info', { kind: 'error', error: 'channel_not_found' });
    expect((await command('UADMIN', 'digest-kanaal <#CGONE>')).text).toMatch(/^Ik ben geen lid van <#CGONE>/);
    expect((await command('UADMIN', 'digest-kanaal managers')).text).toMatch(/^Gebruik: `\/minimaatwerk digest-kanaal #kanaal`/);
    expect(team().digestChannelId).toBeNull();
    expect(audits()).toEqual([]);
  });
});

describe('the automatic digest on Slack', () => {
  it('posts the text and uploads the chart PNG with alt text to the chosen channel, once', async () => {
    await command('UADMIN', 'digest-kanaal <#CMGR|managers>');
    b.clock.t = new Date('2026-11-02T08:00:00Z'); // Monday 2 November 09:00 Amsterdam
    const expected = digestForMonth({ store: b.store, clock: b.clock }, '2026-10', { teamId: team().id });
    const scheduler = createScheduler({ store: b.store, clock: b.clock, outboxWake: () => {} }, createLog('error', () => {}), {
      digest: { defaultChannelId: undefined, ports: [slackDigestPort(b.bot.app.client)] },
    });
    await scheduler.tick();

    const post = b.double.callsTo('chat.postMessage').find((c) => c.args.channel === 'CMGR')!;
    expect(post.args.text).toBe(mrkdwn(expected.text));
    const url = b.double.callsTo('files.getUploadURLExternal');
    expect(url).toHaveLength(1);
    expect(url[0]!.args).toMatchObject({ filename: 'minimaatwerk-2026-10.png', length: String(expected.png!.length) });
    expect(String(url[0]!.args.alt_text)).toContain('Witgoed en huishoudelijke apparaten, okt 2026: € 85,50');
    const bytes = b.double.callsTo('files.upload.bytes');
    expect(bytes).toHaveLength(1);
    expect(bytes[0]!.args.bytes).toBe(expected.png!.length);
    // The uploaded file is the digest's chart: a PNG (signature, IHDR) of 900 × 500.
    expect(expected.png!.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(expected.png!.readUInt32BE(16)).toBe(900);
    const complete = b.double.callsTo('files.completeUploadExternal');
    expect(complete).toHaveLength(1);
    expect(complete[0]!.args.channel_id).toBe('CMGR');
    expect(JSON.stringify(complete[0]!.args.files)).toContain('Uitgaven per categorie');

    b.clock.advance(10 * 60_000);
    await scheduler.tick();
    expect(b.double.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CMGR')).toHaveLength(1);
    expect(b.double.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });

  it('retries on the next tick when Slack refuses the post', async () => {
    await command('UADMIN', 'digest-kanaal <#CMGR|managers>');
    b.clock.t = new Date('2026-11-02T08:00:00Z');
    const scheduler = createScheduler({ store: b.store, clock: b.clock, outboxWake: () => {} }, createLog('error', () => {}), {
      digest: { defaultChannelId: undefined, ports: [slackDigestPort(b.bot.app.client)] },
    });
    b.double.injectFault('chat.postMessage', { kind: 'status', status: 500 });
    await scheduler.tick();
    expect(b.double.callsTo('files.completeUploadExternal')).toHaveLength(0);
    b.clock.advance(5 * 60_000);
    await scheduler.tick();
    const posts = b.double.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CMGR');
    expect(posts.map((c) => c.fault ?? 'ok')).toEqual(['status:500', 'ok']);
    expect(b.double.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });
});
