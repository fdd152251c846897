/**
 * Self-test of the Slack test harness against the REAL Bolt 5 app (HTTPReceiver) and the local Web API double.
 */
import type { AddressInfo } from 'node:net';
import { App, LogLevel, type Logger, webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlackApiDouble, type SlackApiDouble } from './slackApiDouble.js';
import {
  conversationsSelect,
  plainText,
  radio,
  sign,
  slackClient,
  staticSelect,
  type SlackClient,
} from './slackRequests.js';

const signingSecret = 'test-signing-secret';

/** A logger that keeps messages in memory instead of printing them. */
function memoryLogger(): Logger & { lines: { level: string; msg: string }[] } {
  const lines: { level: string; msg: string }[] = [];
  const push =
    (level: string) =>
    (...msg: unknown[]) => {
      lines.push({ level, msg: msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ') });
    };
  let level = LogLevel.DEBUG;
  return {
    lines,
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

describe('slack test harness against real Bolt', () => {
  let double: SlackApiDouble;
  let app: App;
  let slack: SlackClient;
  let logger: ReturnType<typeof memoryLogger>;
  const listenerErrors: unknown[] = [];

  beforeAll(async () => {
    double = await startSlackApiDouble();
    logger = memoryLogger();
    app = new App({
      token: 'xoxb-test',
      signingSecret,
      processBeforeResponse: true,
      // With both set, Bolt never calls auth.test (neither at construction nor per request).
      botId: 'BBOT',
      botUserId: 'UBOT',
      logger,
      clientOptions: { slackApiUrl: double.url, retryConfig: { retries: 0 } },
    });

    app.command('/minimaatwerk', async ({ ack, body, client }) => {
      await ack();
      await client.views.open({
        trigger_id: body.trigger_id,
        view: {
          type: 'modal',
          callback_id: 'request_modal',
          private_metadata: JSON.stringify({ channel: body.channel_id }),
          title: { type: 'plain_text', text: 'Aanvraag' },
          submit: { type: 'plain_text', text: 'Versturen' },
          blocks: [
            {
              type: 'input',
              block_id: 'amount',
              label: { type: 'plain_text', text: 'Bedrag' },
              element: { type: 'plain_text_input', action_id: 'value' },
            },
          ],
        },
      });
    });

    app.view('request_modal', async ({ ack, view }) => {
      const amount = view.state.values.amount?.value?.value ?? '';
      await ack({ response_action: 'errors', errors: { amount: `Ongeldig bedrag: ${amount}` } });
    });

    app.shortcut('new_request', async ({ ack, shortcut, client }) => {
      await ack();
      await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: { type: 'modal', callback_id: 'request_modal', title: { type: 'plain_text', text: 'Aanvraag' }, blocks: [] },
      });
    });

    app.action('approve', async ({ ack, respond, action }) => {
      await ack();
      await respond({ text: `approved ${'value' in action ? action.value : ''}`, replace_original: false });
    });

    app.event('reaction_added', async ({ event, client }) => {
      try {
        await client.chat.postMessage({
          channel: event.item.type === 'message' ? event.item.channel : 'C?',
          text: `:${event.reaction}: by <@${event.user}>`,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `:${event.reaction}:` } }],
        });
      } catch (e) {
        listenerErrors.push(e);
      }
    });

    app.event('reaction_removed', async ({ client }) => {
      await client.chat.postMessage({ channel: 'C1', text: 'unguarded' }); // errors propagate to Bolt
    });

    const server = await app.start(0);
    const port = (server.address() as AddressInfo).port;
    slack = slackClient({ baseUrl: `http://127.0.0.1:${port}`, signingSecret, responseUrlBase: double.responseUrl });
  });

  afterAll(async () => {
    await app?.stop();
    await double?.close();
  });

  beforeEach(() => {
    double.reset();
    listenerErrors.length = 0;
  });

  it('never calls auth.test when botId and botUserId are given', async () => {
    const res = await slack.slashCommand({ userId: 'U1', channelId: 'C1' });
    expect(res.status).toBe(200);
    expect(double.callsTo('auth.test')).toHaveLength(0);
  });

  it('slash command → views.open with the trigger_id, view decoded into an object', async () => {
    const res = await slack.slashCommand({ userId: 'U1', channelId: 'C1', text: 'nieuw', triggerId: 'trig-123' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const call = await double.waitFor('views.open');
    expect(call.args.trigger_id).toBe('trig-123');
    expect(call.token).toBe('xoxb-test');
    expect(call.args.team_id).toBe('T0001');
    const view = call.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view.callback_id).toBe('request_modal');
    expect(view.private_metadata).toBe('{"channel":"C1"}'); // nested strings inside the view stay strings
    expect(view.blocks).toHaveLength(1);
  });

  it('view_submission → HTTP response body carries response_action errors', async () => {
    const res = await slack.viewSubmission({
      userId: 'U1',
      callbackId: 'request_modal',
      values: {
        amount: { value: plainText('abc') },
        kind: { value: staticSelect('bike') },
        urgent: { value: radio('yes') },
        channel: { value: conversationsSelect('C9') },
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ response_action: 'errors', errors: { amount: 'Ongeldig bedrag: abc' } });
  });

  it('global shortcut → views.open', async () => {
    const res = await slack.globalShortcut({ userId: 'U2', callbackId: 'new_request' });
    expect(res.status).toBe(200);
    expect((await double.waitFor('views.open')).args.trigger_id).toEqual(expect.any(String));
  });

  it('block action → respond() posts to the response_url on the double', async () => {
    const res = await slack.blockAction({ userId: 'U3', actionId: 'approve', value: 'req-7', channelId: 'C1', messageTs: '1700000000.000100' });
    expect(res.status).toBe(200);
    const call = await double.waitFor('response_url');
    expect(call.args).toMatchObject({ text: 'approved req-7', replace_original: false });
  });

  it('reaction_added event → chat.postMessage recorded (before the HTTP response, thanks to processBeforeResponse)', async () => {
    const res = await slack.reactionAdded({ userId: 'U4', reaction: 'white_check_mark', channelId: 'C1', ts: '1700000000.000100', itemUser: 'UBOT' });
    expect(res.status).toBe(200);
    const posts = double.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args).toMatchObject({ channel: 'C1', text: ':white_check_mark: by <@U4>' });
    expect(Array.isArray(posts[0]!.args.blocks)).toBe(true);
    expect(listenerErrors).toEqual([]);
  });

  it('event retries carry X-Slack-Retry-Num and are still processed', async () => {
    const res = await slack.reactionAdded({ userId: 'U4', reaction: 'eyes', channelId: 'C1', ts: '1.2' }, { eventId: 'EvFIXED', retryNum: 1 });
    expect(res.status).toBe(200);
    expect(double.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('reactions by the bot itself are ignored by Bolt (ignoreSelf)', async () => {
    const res = await slack.reactionAdded({ userId: 'UBOT', reaction: 'eyes', channelId: 'C1', ts: '1.2' });
    expect(res.status).toBe(200);
    expect(double.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('an uncaught listener error on an event → HTTP 500 even though Bolt already ack()ed the event', async () => {
    double.injectFault('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    const res = await slack.reactionRemoved({ userId: 'U4', reaction: 'eyes', channelId: 'C1', ts: '1.2' });
    expect(res.status).toBe(500);
    expect(double.callsTo('chat.postMessage')[0]?.fault).toBe('error:not_in_channel');
  });

  it('without botId/botUserId Bolt calls auth.test already in the App constructor', async () => {
    const other = new App({ token: 'xoxb-other', signingSecret, logger: memoryLogger(), clientOptions: { slackApiUrl: double.url, retryConfig: { retries: 0 } } });
    const call = await double.waitFor('auth.test', undefined, 2000);
    expect(call.token).toBe('xoxb-other');
    expect(other).toBeDefined();
  });

  it('bad signature → 401, and no listener runs', async () => {
    const body = JSON.stringify({ type: 'event_callback', team_id: 'T0001', event: { type: 'reaction_added' } });
    const headers = sign('wrong-secret', body);
    const res = await slack.raw(body, { 'content-type': 'application/json', ...headers });
    expect(res.status).toBe(401);
    const unsigned = await slack.raw(body, { 'content-type': 'application/json' });
    expect(unsigned.status).toBe(401);
    expect(double.calls).toHaveLength(0);
  });

  it('timestamp older than 5 minutes → 401', async () => {
    const body = new URLSearchParams({ command: '/minimaatwerk', user_id: 'U1', channel_id: 'C1', trigger_id: 't' }).toString();
    const stale = Math.floor(Date.now() / 1000) - 5 * 60 - 10;
    const res = await slack.raw(body, { 'content-type': 'application/x-www-form-urlencoded', ...sign(signingSecret, body, stale) });
    expect(res.status).toBe(401);
    expect(double.calls).toHaveLength(0);
    expect(logger.lines.some((l) => l.level === 'warn' && /stale/.test(l.msg))).toBe(true);
  });

  it('fault injection: 429 Retry-After 1 on chat.postMessage rejects the call when retries are disabled', async () => {
    double.injectFault('chat.postMessage', { kind: 'ratelimited', retryAfterSec: 1 });
    const started = Date.now();
    const res = await slack.reactionAdded({ userId: 'U5', reaction: 'x', channelId: 'C1', ts: '1.3' });
    expect(res.status).toBe(200); // the listener caught the error
    // web-api honours Retry-After (sleeps 1s) before giving up, even with retries: 0
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(listenerErrors).toHaveLength(1);
    expect(String((listenerErrors[0] as Error).message)).toMatch(/rate limit/i);
    const calls = double.callsTo('chat.postMessage');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.fault).toBe('ratelimited');
    // the fault was used up: the next call succeeds
    await slack.reactionAdded({ userId: 'U5', reaction: 'x', channelId: 'C1', ts: '1.3' });
    expect(double.callsTo('chat.postMessage').map((c) => c.fault)).toEqual(['ratelimited', undefined]);
  }, 10_000);

  it('fault injection: status, error and hang', async () => {
    double.injectFault('chat.postMessage', { kind: 'status', status: 503 });
    double.injectFault('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
    double.injectFault('chat.postMessage', { kind: 'hang', ms: 200 });
    await slack.reactionAdded({ userId: 'U6', reaction: 'a', channelId: 'C1', ts: '1.4' });
    await slack.reactionAdded({ userId: 'U6', reaction: 'b', channelId: 'C1', ts: '1.4' });
    const t0 = Date.now();
    await slack.reactionAdded({ userId: 'U6', reaction: 'c', channelId: 'C1', ts: '1.4' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(180);
    expect(listenerErrors.map((e) => (e as { code?: string }).code)).toEqual([
      'slack_webapi_http_error',
      'slack_webapi_platform_error',
    ]);
    expect(double.callsTo('chat.postMessage').map((c) => c.fault)).toEqual(['status:503', 'error:channel_not_found', 'hang:200']);
  });

  it('rejectRateLimitedCalls gives an immediate WebAPIRateLimitedError', async () => {
    const { WebClient } = webApi;
    const client = new WebClient('xoxb-x', { slackApiUrl: double.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logger });
    double.injectFault('chat.postMessage', { kind: 'ratelimited', retryAfterSec: 30 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 30,
    });
  });
});

describe('SlackApiDouble state and files', () => {
  let double: SlackApiDouble;
  beforeAll(async () => {
    double = await startSlackApiDouble({ botUserId: 'UB2', teamId: 'T2' });
  });
  afterAll(async () => {
    await double.close();
  });

  it('answers auth.test, users.info, conversations.*, reactions.get, paginates members and uploads files', async () => {
    const { WebClient } = webApi;
    const client = new WebClient('xoxb-x', { slackApiUrl: double.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });

    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: 'UB2', bot_id: 'BBOT', team_id: 'T2' });

    double.setUser({ id: 'UADM', is_admin: true, real_name: 'Ada' });
    expect((await client.users.info({ user: 'UADM' })).user).toMatchObject({ id: 'UADM', is_admin: true, real_name: 'Ada', is_bot: false });
    expect((await client.users.info({ user: 'UNEW' })).user).toMatchObject({ id: 'UNEW', is_admin: false, is_bot: false });

    const members = Array.from({ length: 5 }, (_, i) => `U${i}`);
    double.setChannelMembers('C1', members);
    const seen: string[] = [];
    for await (const page of client.paginate('conversations.members', { channel: 'C1', limit: 2 })) {
      seen.push(...((page as { members?: string[] }).members ?? []));
    }
    expect(seen).toEqual(members);
    expect(double.callsTo('conversations.members')).toHaveLength(3);
    expect((await client.conversations.info({ channel: 'C1' })).channel).toMatchObject({ id: 'C1', is_member: true });

    double.setReactions('C1', '1.1', [{ name: 'white_check_mark', users: ['U1', 'U2'] }]);
    const r = await client.reactions.get({ channel: 'C1', timestamp: '1.1', full: true });
    expect(r.message?.reactions).toEqual([{ name: 'white_check_mark', users: ['U1', 'U2'], count: 2 }]);

    const p1 = await client.chat.postMessage({ channel: 'C1', text: 'a' });
    const p2 = await client.chat.postMessage({ channel: 'C1', text: 'b' });
    expect(Number(p2.ts)).toBeGreaterThan(Number(p1.ts));

    const up = await client.files.uploadV2({ channel_id: 'C1', filename: 'x.pdf', file: Buffer.alloc(1234, 1), title: 'X' });
    expect(up.ok).toBe(true);
    const bytes = double.callsTo('files.upload.bytes');
    expect(bytes).toHaveLength(1);
    expect(bytes[0]!.args).toMatchObject({ bytes: 1234, file_id: expect.stringMatching(/^F/) });
    const complete = await double.waitFor('files.completeUploadExternal');
    expect(complete.args.files).toEqual([{ id: bytes[0]!.args.file_id, title: 'X' }]);
  });

  it('waitFor resolves for later calls and rejects with the recorded methods on timeout', async () => {
    double.reset();
    const pending = double.waitFor('chat.update', (c) => c.args.ts === '9.9', 2000);
    await fetch(`${double.url}chat.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C1', ts: '9.9', blocks: '[{"type":"divider"}]' }),
    });
    expect((await pending).args.blocks).toEqual([{ type: 'divider' }]);
    await expect(double.waitFor('chat.delete', undefined, 50)).rejects.toThrow(/chat\.update/);
  });
});
