// The digest on Slack: the automatic post (text + PNG upload) through the Slack port, and a digest
// channel Slack does not show. The digest commands on every platform: test/behaviour/.
import { mrkdwn } from '../../src/slack/render.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withAuditAnchor, digestForMonth } from '../../src/app/digest.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { createLog } from '../../src/log.js';
import { slackDigestPort } from '../../src/slack/digest.js';
import { teams } from '../../src/store/schema.js';
import { useSlackBot, CHANNEL, TestClock } from '../support/bot.js';
import { createRequest, react, settle } from '../support/slack.js';

// The request is asked and approved in October 2026; the tests run in November.
const b = useSlackBot(() => ({ clock: new TestClock(new Date('2026-10-20T09:00:00Z')), members: ['UREQ', 'UA', 'UB', 'UC', 'UADMIN'] }));
beforeEach(async () => {
  const { ts } = await createRequest(b);
  for (const u of ['UA', 'UB', 'UC']) await react(b, u, ts);
  await settle(b);
  b.clock.t = new Date('2026-11-10T09:00:00Z');
});

const team = () => b.store.db.select().from(teams).where(eq(teams.channelId, CHANNEL)).get()!;

const command = async (userId: string, text: string, channelId = CHANNEL) => {
  const res = await b.slack.slashCommand({ userId, channelId, text });
  expect(res.status).toBe(200);
  return (await res.json()) as { response_type?: string; text: string };
};

describe('/minimaatwerk digest-kanaal', () => {
  it('refuses a channel Slack does not show the bot', async () => {
    b.double.injectFault('conversations.info', { kind: 'error', error: 'channel_not_found' });
    expect((await command('UADMIN', 'digest-kanaal <#CGONE>')).text).toMatch(/^Ik ben geen lid van <#CGONE>/);
    expect(team().digestChannelId).toBeNull();
  });
});

describe('the automatic digest on Slack', () => {
  it('posts the text and uploads the chart PNG with alt text to the chosen channel, once', async () => {
    await command('UADMIN', 'digest-kanaal <#CMGR|managers>');
    b.clock.t = new Date('2026-11-02T08:00:00Z'); // Monday 2 November 09:00 Amsterdam
    const expected = digestForMonth({ store: b.store, clock: b.clock }, '2026-10', { teamId: team().id });
    // The managers' digest ends with the audit anchor as it stands when it is posted.
    const posted = withAuditAnchor(b.store, expected.text);
    const scheduler = createScheduler({ store: b.store, clock: b.clock, outboxWake: () => {} }, createLog('error', () => {}), {
      digest: { defaultChannelId: undefined, ports: [slackDigestPort(b.bot.app.client)] },
    });
    await scheduler.tick();

    const post = b.double.callsTo('chat.postMessage').find((c) => c.args.channel === 'CMGR')!;
    expect(post.args.text).toBe(mrkdwn(posted));
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
