/**
 * A local double of the Slack Web API for integration tests.
 *
 * Give `double.url` to Bolt as `clientOptions.slackApiUrl`; every Web API call the bot makes is recorded in
 * `double.calls` (in arrival order) and answered from the state configured here.
 *
 * How @slack/web-api v8 talks to it (read from node_modules/@slack/web-api/dist/WebClient.js):
 *  - every method is a POST to `${slackApiUrl}${method}`, body `application/x-www-form-urlencoded`; any non-primitive
 *    argument (blocks, view, files, ...) is sent as a JSON string. We decode those back into objects here.
 *  - the token goes in the `Authorization: Bearer` header (only in the body if the caller passed `token:` explicitly);
 *    it is recorded in `RecordedCall.token`.
 *  - Bolt's per-request client adds `team_id` to every call's args.
 *  - files.uploadV2 = files.getUploadURLExternal → POST multipart (field `body`) to the returned absolute
 *    `upload_url` → files.completeUploadExternal. The upload_url points back at this double (recorded as
 *    `files.upload.bytes`).
 *  - HTTP 429 with a `Retry-After` header → web-api waits and retries (or rejects with WebAPIRateLimitedError when
 *    `rejectRateLimitedCalls: true`); any other non-200 → WebAPIHTTPError (retried per retryConfig);
 *    `{ok:false}` → WebAPIPlatformError (never retried).
 *
 * Extras beyond the agreed API: `RecordedCall.token`, `RecordedCall.fault`, `responseUrl` (a base URL whose POSTs are
 * recorded as method 'response_url' — use it for payload `response_url`s so Bolt's `respond()` stays local),
 * `respondWith()` (override the answer for a method), and the optional `name` for setChannelMembers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
  /** Bearer token from the Authorization header, if any. */
  token?: string;
  /** Set when the call was answered with an injected fault, e.g. 'ratelimited', 'status:500', 'hang:3000', 'error:channel_not_found'. */
  fault?: string;
  /** The ok answer the double gave (e.g. the `ts` of a posted message), once it was sent. */
  result?: Record<string, unknown>;
}

export type Fault =
  | { kind: 'ratelimited'; retryAfterSec: number }
  | { kind: 'status'; status: number }
  | { kind: 'hang'; ms: number }
  | { kind: 'error'; error: string };

export interface DoubleUser {
  id: string;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  name?: string;
  real_name?: string;
}

export interface SlackApiDouble {
  /** Base URL for Bolt's `clientOptions.slackApiUrl`, ending with '/', e.g. 'http://127.0.0.1:PORT/api/'. */
  url: string;
  /** Base URL for `response_url`s, ending with '/'. POSTs below it are recorded as method 'response_url' (args = JSON body + `path`). */
  responseUrl: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  waitFor(method: string, predicate?: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  reset(): void;
  setChannelMembers(channel: string, userIds: string[], opts?: { name?: string }): void;
  /** What conversations.info says of a channel beyond the defaults (e.g. `{ is_member: false }`); `null`: channel_not_found. */
  setChannelInfo(channel: string, info: Record<string, unknown> | null): void;
  setUser(user: DoubleUser): void;
  setReactions(channel: string, ts: string, reactions: { name: string; users: string[] }[]): void;
  injectFault(method: string, fault: Fault, times?: number): void;
  /** Override the (ok) answer for a method. Return value is sent as JSON as-is (include `ok`). Faults still apply first. */
  respondWith(method: string, handler: ((call: RecordedCall) => Record<string, unknown>) | undefined): void;
  close(): Promise<void>;
}

const JSON_STRING_KEEP = new Set(['text', 'value', 'private_metadata', 'initial_comment', 'title', 'alt_text', 'markdown_text', 'token']);

function maybeParseJson(key: string, value: string): unknown {
  if (JSON_STRING_KEEP.has(key)) return value;
  const t = value.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? parsed : value;
  } catch {
    return value;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function decodeBody(
  contentType: string,
  raw: Buffer,
): Promise<{ args: Record<string, unknown>; files: { field: string; bytes: number; filename: string }[] }> {
  const args: Record<string, unknown> = {};
  const files: { field: string; bytes: number; filename: string }[] = [];
  const ct = contentType.toLowerCase();
  if (ct.startsWith('application/json')) {
    const text = raw.toString('utf8');
    if (text.trim() !== '') {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
          args[k] = typeof v === 'string' ? maybeParseJson(k, v) : v;
        }
      } else {
        args.body = parsed;
      }
    }
  } else if (ct.startsWith('multipart/form-data')) {
    const form = await new Request('http://double.local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    for (const [k, v] of form.entries()) {
      if (typeof v === 'string') args[k] = maybeParseJson(k, v);
      else {
        files.push({ field: k, bytes: v.size, filename: v.name });
      }
    }
  } else {
    // application/x-www-form-urlencoded (what web-api sends) or anything else: try form decoding
    const params = new URLSearchParams(raw.toString('utf8'));
    for (const [k, v] of params.entries()) args[k] = maybeParseJson(k, v);
  }
  return { args, files };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export async function startSlackApiDouble(opts: { botUserId?: string; teamId?: string } = {}): Promise<SlackApiDouble> {
  const botUserId = opts.botUserId ?? 'UBOT';
  const botId = 'BBOT';
  const teamId = opts.teamId ?? 'T0001';
  const appId = 'A0001';

  const calls: RecordedCall[] = [];
  const waiters = new Set<{ method: string; predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }>();
  const channels = new Map<string, { members: string[]; name?: string }>();
  const channelInfo = new Map<string, Record<string, unknown> | null>();
  const users = new Map<string, DoubleUser>();
  const reactions = new Map<string, { name: string; users: string[] }[]>();
  const faults = new Map<string, { fault: Fault; remaining: number }[]>();
  const overrides = new Map<string, (call: RecordedCall) => Record<string, unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  let tsCounter = 0;
  let idCounter = 0;
  const nextTs = (): string => {
    tsCounter += 1;
    const micros = tsCounter * 100;
    const sec = 1700000000 + Math.floor(micros / 1_000_000);
    return `${sec}.${String(micros % 1_000_000).padStart(6, '0')}`;
  };
  const nextId = (prefix: string): string => {
    idCounter += 1;
    return `${prefix}${String(idCounter).padStart(9, '0')}`;
  };

  let origin = '';

  const record = (call: RecordedCall): void => {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.method === call.method && w.predicate(call)) {
        waiters.delete(w);
        w.resolve(call);
      }
    }
  };

  const takeFault = (method: string): Fault | undefined => {
    const list = faults.get(method);
    if (!list || list.length === 0) return undefined;
    const first = list[0]!;
    first.remaining -= 1;
    if (first.remaining <= 0) list.shift();
    return first.fault;
  };

  const userObject = (id: string): Record<string, unknown> => {
    const u = users.get(id);
    const name = u?.name ?? id.toLowerCase();
    const realName = u?.real_name ?? `User ${id}`;
    return {
      id,
      team_id: teamId,
      name,
      real_name: realName,
      deleted: false,
      is_bot: u?.is_bot ?? false,
      is_app_user: false,
      is_admin: u?.is_admin ?? false,
      is_owner: u?.is_owner ?? false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      tz: 'Europe/Amsterdam',
      profile: { real_name: realName, display_name: name, team: teamId },
    };
  };

  const channelObject = (id: string): Record<string, unknown> => {
    const c = channels.get(id);
    // Slack's direct message ids start with D.
    const im = id.startsWith('D');
    return {
      id,
      name: c?.name ?? `channel-${id.toLowerCase()}`,
      is_channel: !im,
      is_im: im,
      is_private: im,
      is_archived: false,
      is_member: true,
      context_team_id: teamId,
      ...channelInfo.get(id),
    };
  };

  const answer = (call: RecordedCall): Record<string, unknown> => {
    const override = overrides.get(call.method);
    if (override) return override(call);
    const a = call.args;
    switch (call.method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://team-${teamId.toLowerCase()}.slack.com/`,
          team: 'Test Team',
          user: 'minimaatwerk',
          team_id: teamId,
          user_id: botUserId,
          bot_id: botId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        const ts = nextTs();
        const message: Record<string, unknown> = {
          type: 'message',
          user: botUserId,
          bot_id: botId,
          app_id: appId,
          team: teamId,
          text: a.text ?? '',
          ts,
        };
        if (a.blocks !== undefined) message.blocks = a.blocks;
        if (a.thread_ts !== undefined) message.thread_ts = a.thread_ts;
        if (a.metadata !== undefined) message.metadata = a.metadata;
        return { ok: true, channel: a.channel, ts, message };
      }
      case 'chat.update':
        return {
          ok: true,
          channel: a.channel,
          ts: a.ts,
          text: a.text ?? '',
          message: { type: 'message', user: botUserId, bot_id: botId, text: a.text ?? '', blocks: a.blocks },
        };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.delete':
        return { ok: true, channel: a.channel, ts: a.ts };
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish': {
        const viewArg = a.view && typeof a.view === 'object' ? (a.view as Record<string, unknown>) : {};
        const id = (call.method === 'views.update' ? str(a.view_id) : undefined) ?? nextId('V');
        return {
          ok: true,
          view: {
            ...viewArg,
            id,
            team_id: teamId,
            app_id: appId,
            bot_id: botId,
            hash: `${Date.now()}.${id}`,
            private_metadata: viewArg.private_metadata ?? '',
            callback_id: viewArg.callback_id ?? '',
            state: { values: {} },
            root_view_id: id,
            previous_view_id: null,
            external_id: viewArg.external_id ?? '',
          },
        };
      }
      case 'reactions.get': {
        const channel = str(a.channel) ?? '';
        const ts = str(a.timestamp) ?? '';
        const r = reactions.get(`${channel}|${ts}`);
        const message: Record<string, unknown> = { type: 'message', ts, text: '', user: botUserId };
        // Real Slack omits `reactions` entirely when a message has none.
        if (r && r.length > 0) {
          message.reactions = r.map((x) => ({ name: x.name, users: [...x.users], count: x.users.length }));
        }
        return { ok: true, type: 'message', channel, message };
      }
      case 'conversations.members': {
        const channel = str(a.channel) ?? '';
        const members = channels.get(channel)?.members ?? [];
        const limit = Math.max(1, Number(str(a.limit) ?? 100) || 100);
        const cursor = str(a.cursor);
        let offset = 0;
        if (cursor) {
          const decoded = Buffer.from(cursor, 'base64').toString('utf8');
          offset = Number(decoded.replace(/^offset:/, '')) || 0;
        }
        const page = members.slice(offset, offset + limit);
        const next = offset + limit < members.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
        return { ok: true, members: page, response_metadata: { next_cursor: next } };
      }
      case 'conversations.info':
      case 'conversations.join': {
        const channel = str(a.channel) ?? '';
        if (channelInfo.get(channel) === null) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: channelObject(channel) };
      }
      case 'users.info':
        return { ok: true, user: userObject(str(a.user) ?? '') };
      case 'files.getUploadURLExternal': {
        const fileId = nextId('F');
        return { ok: true, upload_url: `${origin}/upload/v1/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(a.files) ? (a.files as Record<string, unknown>[]) : [];
        return {
          ok: true,
          files: files.map((f) => ({ id: f.id, title: f.title ?? '', name: f.title ?? '' })),
        };
      }
      case 'files.upload.bytes':
        return { ok: true };
      default:
        return { ok: true };
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    if (res.destroyed || res.writableEnded) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8',
      ...headers,
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = Date.now();
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://double.local').pathname;
    const contentType = req.headers['content-type'] ?? '';
    const { args, files } = await decodeBody(contentType, raw);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;

    let method: string;
    if (path.startsWith('/api/')) {
      method = decodeURIComponent(path.slice('/api/'.length));
    } else if (path.startsWith('/upload/v1/')) {
      method = 'files.upload.bytes';
      const fileId = decodeURIComponent(path.slice('/upload/v1/'.length));
      const bytes = files.length > 0 ? files.reduce((n, f) => n + f.bytes, 0) : raw.length;
      for (const k of Object.keys(args)) delete args[k];
      args.bytes = bytes;
      args.file_id = fileId;
    } else if (path.startsWith('/response/')) {
      method = 'response_url';
      args.path = path;
    } else {
      send(res, 404, { ok: false, error: 'unknown_path' });
      return;
    }

    const call: RecordedCall = { method, args, at };
    if (token !== undefined) call.token = token;
    const fault = takeFault(method);

    if (fault?.kind === 'hang') {
      call.fault = `hang:${fault.ms}`;
      record(call);
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, fault.ms);
        timers.add(t);
      });
      send(res, 200, method === 'response_url' ? 'ok' : answer(call));
      return;
    }
    if (fault?.kind === 'ratelimited') {
      call.fault = 'ratelimited';
      record(call);
      send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfterSec) });
      return;
    }
    if (fault?.kind === 'status') {
      call.fault = `status:${fault.status}`;
      record(call);
      send(res, fault.status, `fault injected: HTTP ${fault.status}`);
      return;
    }
    if (fault?.kind === 'error') {
      call.fault = `error:${fault.error}`;
      record(call);
      send(res, 200, { ok: false, error: fault.error });
      return;
    }
    if (method === 'response_url') {
      record(call);
      // Slack answers response_url POSTs with a plain 'ok' (or JSON errors); Bolt's respond() ignores the body.
      send(res, 200, 'ok');
      return;
    }
    const result = answer(call);
    call.result = result;
    record(call);
    send(res, 200, result);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, 500, { ok: false, error: 'double_internal_error', detail: String(err) });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  const double: SlackApiDouble = {
    url: `${origin}/api/`,
    responseUrl: `${origin}/response/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor(method, predicate = () => true, timeoutMs = 5000) {
      const existing = calls.find((c) => c.method === method && predicate(c));
      if (existing) return Promise.resolve(existing);
      return new Promise<RecordedCall>((resolve, reject) => {
        const waiter = {
          method,
          predicate,
          resolve: (c: RecordedCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = calls.map((c) => (c.fault ? `${c.method}(${c.fault})` : c.method));
          const sameMethod = calls.filter((c) => c.method === method);
          reject(
            new Error(
              `SlackApiDouble.waitFor('${method}') timed out after ${timeoutMs}ms. ` +
                (sameMethod.length > 0
                  ? `${sameMethod.length} call(s) to ${method} were recorded but none matched the predicate; args: ${JSON.stringify(sameMethod.map((c) => c.args))}. `
                  : '') +
                `Recorded methods (${calls.length}): [${seen.join(', ')}]`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    reset() {
      calls.length = 0;
    },
    setChannelMembers(channel, userIds, o) {
      const entry: { members: string[]; name?: string } = { members: [...userIds] };
      const name = o?.name ?? channels.get(channel)?.name;
      if (name !== undefined) entry.name = name;
      channels.set(channel, entry);
    },
    setChannelInfo(channel, info) {
      channelInfo.set(channel, info);
    },
    setUser(user) {
      users.set(user.id, { ...user });
    },
    setReactions(channel, ts, r) {
      reactions.set(
        `${channel}|${ts}`,
        r.map((x) => ({ name: x.name, users: [...x.users] })),
      );
    },
    injectFault(method, fault, times = 1) {
      const list = faults.get(method) ?? [];
      list.push({ fault, remaining: times });
      faults.set(method, list);
    },
    respondWith(method, handler) {
      if (handler) overrides.set(method, handler);
      else overrides.delete(method);
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
    },
  };
  return double;
}
