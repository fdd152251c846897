/**
 * Build and send SIGNED requests, in Slack's real payload formats, to a Bolt HTTP receiver at `${baseUrl}/slack/events`.
 *
 * ── Starting Bolt 5 on a free port and learning the port ────────────────────────────────────────────────────────────
 *   const server = await app.start(0);                       // App#start → HTTPReceiver#start → Promise<http.Server>
 *   const port = (server.address() as AddressInfo).port;     // import type { AddressInfo } from 'node:net'
 *   const baseUrl = `http://127.0.0.1:${port}`;
 *   ...
 *   await app.stop();
 * HTTPReceiver#start(portOrListenOptions) passes a number straight to server.listen(), so 0 = ephemeral port, and it
 * resolves with the listening http.Server (typed `Promise<Server>` in App.d.ts). Passing `port: 0` to the App
 * constructor works too. There is no `app.port` getter that reflects the real port (receiver.port stays 0/3000).
 *
 * ── App options for tests (see harness.test.ts) ─────────────────────────────────────────────────────────────────────
 *   new App({ token: 'xoxb-test', signingSecret, processBeforeResponse: true,
 *             botId: 'BBOT', botUserId: 'UBOT',            // ← with both set, Bolt NEVER calls auth.test
 *             logLevel: LogLevel.ERROR (or logger: silentLogger),
 *             clientOptions: { slackApiUrl: double.url, retryConfig: { retries: 0 } } })
 *   - Without botId+botUserId, Bolt calls auth.test IN THE CONSTRUCTOR (tokenVerificationEnabled defaults to true), so
 *     the double must already be listening. With tokenVerificationEnabled:false it calls auth.test on EVERY request.
 *   - web-api default retryConfig is 10 retries over ~30 min; `{ retries: 0 }` makes HTTP 5xx / network failures
 *     reject immediately. A 429 is retried after Retry-After seconds unless retries are 0 or `rejectRateLimitedCalls`.
 *   - processBeforeResponse: true → the HTTP response is written only after ALL listeners finished, so after
 *     `await slack.event(...)` the Web API calls made by the listener are already recorded in the double.
 *     Events are ack()ed by Bolt itself before listeners run; if a listener then throws, the response is still 500.
 *
 * Signature: `v0=` + hex HMAC-SHA256(signingSecret, `v0:${timestamp}:${rawBody}`); Bolt rejects (HTTP 401) a bad
 * signature and a timestamp more than 5 minutes in the PAST (future timestamps are not rejected by Bolt 5.1).
 * Bolt only treats the body as a form when content-type is EXACTLY 'application/x-www-form-urlencoded' (no charset).
 *
 * `response_url`s: pass `responseUrlBase: double.responseUrl` so Bolt's respond() posts to the double (recorded as
 * method 'response_url'); the default is a non-routable hooks.slack.com-like URL.
 */
import { createHmac, randomBytes } from 'node:crypto';

export function sign(
  secret: string,
  body: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): { 'x-slack-signature': string; 'x-slack-request-timestamp': string } {
  const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${hmac}`, 'x-slack-request-timestamp': String(timestamp) };
}

// ── view_submission state.values element shapes ──────────────────────────────────────────────────────────────────
export function plainText(value: string | null): { type: 'plain_text_input'; value: string | null } {
  return { type: 'plain_text_input', value };
}
export function staticSelect(
  value: string,
  text: string = value,
): { type: 'static_select'; selected_option: { text: { type: 'plain_text'; text: string; emoji: boolean }; value: string } } {
  return { type: 'static_select', selected_option: { text: { type: 'plain_text', text, emoji: true }, value } };
}
export function radio(
  value: string,
  text: string = value,
): { type: 'radio_buttons'; selected_option: { text: { type: 'plain_text'; text: string; emoji: boolean }; value: string } } {
  return { type: 'radio_buttons', selected_option: { text: { type: 'plain_text', text, emoji: true }, value } };
}
export function conversationsSelect(channelId: string): { type: 'conversations_select'; selected_conversation: string } {
  return { type: 'conversations_select', selected_conversation: channelId };
}

export interface SlackClientOpts {
  baseUrl: string;
  signingSecret: string;
  /** default 'T0001' */
  teamId?: string;
  /** default 'A0001' */
  apiAppId?: string;
  /** bot user id used in event `authorizations`; default 'UBOT' */
  botUserId?: string;
  /** base URL (ending with '/') for response_url values; use `double.responseUrl`. */
  responseUrlBase?: string;
  /** verification token (deprecated by Slack, still sent); default 'verification-token' */
  token?: string;
}

export interface ReactionParams {
  userId: string;
  reaction: string;
  channelId: string;
  ts: string;
  itemUser?: string;
  eventTs?: string;
}
export interface EventParams {
  eventId?: string;
  eventTime?: number;
  retryNum?: number;
  retryReason?: string;
}

let seq = 0;
const next = (): number => {
  seq += 1;
  return seq;
};
const triggerId = (): string => `${1000000000 + next()}.${Date.now()}.${randomBytes(16).toString('hex')}`;
const actionTs = (): string => (Date.now() / 1000).toFixed(6);

export function slackClient(opts: SlackClientOpts) {
  const endpoint = `${opts.baseUrl.replace(/\/+$/, '')}/slack/events`;
  const teamId = opts.teamId ?? 'T0001';
  const apiAppId = opts.apiAppId ?? 'A0001';
  const botUserId = opts.botUserId ?? 'UBOT';
  const token = opts.token ?? 'verification-token';
  const teamDomain = `team-${teamId.toLowerCase()}`;
  const responseUrlBase = opts.responseUrlBase ?? `https://hooks.slack.invalid/`;
  const responseUrl = (kind: string): string =>
    `${responseUrlBase}${kind}/${teamId}/${1000000 + next()}/${randomBytes(12).toString('hex')}`;
  const userObj = (userId: string) => ({
    id: userId,
    username: `user_${userId.toLowerCase()}`,
    name: `user_${userId.toLowerCase()}`,
    team_id: teamId,
  });
  const team = { id: teamId, domain: teamDomain };

  const raw = (body: string, headers: Record<string, string>): Promise<Response> =>
    fetch(endpoint, { method: 'POST', headers, body });

  const sendSigned = (body: string, contentType: string, extra: Record<string, string> = {}, timestamp?: number): Promise<Response> =>
    raw(body, { 'content-type': contentType, ...sign(opts.signingSecret, body, timestamp), ...extra });

  const sendPayload = (payload: Record<string, unknown>): Promise<Response> =>
    sendSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');

  const event = (ev: Record<string, unknown>, p: EventParams = {}): Promise<Response> => {
    const envelope = {
      token,
      team_id: teamId,
      context_team_id: teamId,
      context_enterprise_id: null,
      api_app_id: apiAppId,
      event: ev,
      type: 'event_callback',
      event_id: p.eventId ?? `Ev${String(next()).padStart(4, '0')}${randomBytes(3).toString('hex').toUpperCase()}`,
      event_time: p.eventTime ?? Math.floor(Date.now() / 1000),
      authorizations: [
        { enterprise_id: null, team_id: teamId, user_id: botUserId, is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${Buffer.from(JSON.stringify({ et: ev.type, tid: teamId, aid: apiAppId })).toString('base64url')}`,
    };
    const extra: Record<string, string> = {};
    if (p.retryNum !== undefined) {
      extra['x-slack-retry-num'] = String(p.retryNum);
      extra['x-slack-retry-reason'] = p.retryReason ?? 'http_timeout';
    }
    // Slack signs each retry anew, at the time it sends it: a later timestamp, so a new signature.
    const timestamp = p.retryNum !== undefined ? Math.floor(Date.now() / 1000) + p.retryNum : undefined;
    return sendSigned(JSON.stringify(envelope), 'application/json', extra, timestamp);
  };

  const reaction = (type: 'reaction_added' | 'reaction_removed', p: ReactionParams, e?: EventParams) => {
    const ev: Record<string, unknown> = {
      type,
      user: p.userId,
      reaction: p.reaction,
      item: { type: 'message', channel: p.channelId, ts: p.ts },
      event_ts: p.eventTs ?? actionTs(),
    };
    if (p.itemUser !== undefined) ev.item_user = p.itemUser;
    return event(ev, e);
  };

  return {
    slashCommand(p: { userId: string; channelId: string; text?: string; command?: string; triggerId?: string }) {
      const body = new URLSearchParams({
        token,
        team_id: teamId,
        team_domain: teamDomain,
        channel_id: p.channelId,
        channel_name: `channel-${p.channelId.toLowerCase()}`,
        user_id: p.userId,
        user_name: `user_${p.userId.toLowerCase()}`,
        command: p.command ?? '/minimaatwerk',
        text: p.text ?? '',
        api_app_id: apiAppId,
        is_enterprise_install: 'false',
        response_url: responseUrl('commands'),
        trigger_id: p.triggerId ?? triggerId(),
      }).toString();
      return sendSigned(body, 'application/x-www-form-urlencoded');
    },

    globalShortcut(p: { userId: string; callbackId: string; triggerId?: string }) {
      return sendPayload({
        type: 'shortcut',
        token,
        action_ts: actionTs(),
        team,
        user: { id: p.userId, username: `user_${p.userId.toLowerCase()}`, team_id: teamId },
        is_enterprise_install: false,
        enterprise: null,
        callback_id: p.callbackId,
        trigger_id: p.triggerId ?? triggerId(),
      });
    },

    viewSubmission(p: {
      userId: string;
      callbackId: string;
      values: Record<string, Record<string, unknown>>;
      privateMetadata?: string;
      viewId?: string;
      /** extra/overriding fields for the `view` object (e.g. blocks, title) */
      view?: Record<string, unknown>;
    }) {
      const viewId = p.viewId ?? `V${String(next()).padStart(9, '0')}`;
      return sendPayload({
        type: 'view_submission',
        team,
        user: userObj(p.userId),
        api_app_id: apiAppId,
        token,
        trigger_id: triggerId(),
        view: {
          id: viewId,
          team_id: teamId,
          type: 'modal',
          blocks: [],
          private_metadata: p.privateMetadata ?? '',
          callback_id: p.callbackId,
          state: { values: p.values },
          hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
          title: { type: 'plain_text', text: 'Minimaatwerk', emoji: true },
          clear_on_close: false,
          notify_on_close: false,
          close: { type: 'plain_text', text: 'Annuleren', emoji: true },
          submit: { type: 'plain_text', text: 'Versturen', emoji: true },
          previous_view_id: null,
          root_view_id: viewId,
          app_id: apiAppId,
          external_id: '',
          app_installed_team_id: teamId,
          bot_id: 'BBOT',
          ...p.view,
        },
        response_urls: [],
        is_enterprise_install: false,
        enterprise: null,
      });
    },

    blockAction(p: {
      userId: string;
      actionId: string;
      value?: string;
      blockId?: string;
      channelId?: string;
      messageTs?: string;
      viewId?: string;
      triggerId?: string;
      /** extra/overriding fields for `message` (e.g. blocks, text) — message container only */
      message?: Record<string, unknown>;
      /** extra/overriding fields for `view` (e.g. private_metadata, state) — view container only */
      view?: Record<string, unknown>;
    }) {
      const action = {
        type: 'button',
        action_id: p.actionId,
        block_id: p.blockId ?? 'actions',
        text: { type: 'plain_text', text: p.actionId, emoji: true },
        ...(p.value !== undefined ? { value: p.value } : {}),
        action_ts: actionTs(),
      };
      const base: Record<string, unknown> = {
        type: 'block_actions',
        user: userObj(p.userId),
        api_app_id: apiAppId,
        token,
        trigger_id: p.triggerId ?? triggerId(),
        team,
        enterprise: null,
        is_enterprise_install: false,
        state: { values: {} },
        actions: [action],
      };
      if (p.viewId !== undefined) {
        // Action inside a modal / home tab: no message, no response_url.
        base.container = { type: 'view', view_id: p.viewId };
        base.view = {
          id: p.viewId,
          team_id: teamId,
          type: 'modal',
          blocks: [],
          private_metadata: '',
          callback_id: '',
          state: { values: {} },
          hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
          root_view_id: p.viewId,
          previous_view_id: null,
          app_id: apiAppId,
          bot_id: 'BBOT',
          ...p.view,
        };
        if (p.channelId !== undefined) base.channel = { id: p.channelId, name: `channel-${p.channelId.toLowerCase()}` };
      } else {
        const channelId = p.channelId ?? 'C0001';
        const messageTs = p.messageTs ?? '1700000000.000100';
        base.container = { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false };
        base.channel = { id: channelId, name: `channel-${channelId.toLowerCase()}` };
        base.message = {
          type: 'message',
          user: botUserId,
          bot_id: 'BBOT',
          app_id: apiAppId,
          team: teamId,
          text: '',
          blocks: [],
          ts: messageTs,
          ...p.message,
        };
        base.response_url = responseUrl('actions');
      }
      return sendPayload(base);
    },

    event,
    reactionAdded: (p: ReactionParams, e?: EventParams) => reaction('reaction_added', p, e),
    reactionRemoved: (p: ReactionParams, e?: EventParams) => reaction('reaction_removed', p, e),
    raw,
  };
}

export type SlackClient = ReturnType<typeof slackClient>;
