// A local double of the Bot Framework services a Teams bot talks to: the Bot Connector
// (/v3/conversations/... activities and members, recorded; faults injectable) and the Bot Framework
// OpenID metadata + signing keys, so tests sign real RS256 tokens and inbound auth stays on.
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: 'POST' | 'PUT' | 'GET';
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

export interface Member {
  aadObjectId: string;
  name: string;
  id?: string;
}

export const BOT_ISSUER = 'https://api.botframework.com';

export interface BotConnectorDouble {
  url: string;
  /** Bot Framework OpenID metadata URL (for the bot's cloud settings). */
  openIdMetadataUrl: string;
  calls: ConnectorCall[];
  /** Posts (new activities) in a conversation; `thread` filters replies in a card's thread. */
  posts(conversationId?: string): ConnectorCall[];
  updates(activityId?: string): ConnectorCall[];
  setMembers(channelId: string, members: Member[]): void;
  /** Conversations the bot is not in: reading their members answers 403 (as the Bot Connector does). */
  forbid(conversationId: string): void;
  /** 1:1 conversations the bot created (POST /v3/conversations): the request bodies, in order. */
  createdConversations(): ConnectorCall[];
  /** The next `count` POST /v3/conversations fail with `status` (e.g. 403: the app is not installed for the user). */
  failCreateConversation(count: number, status: number): void;
  /** The next `count` calls to the Bot Connector fail with `status` (and Retry-After seconds). */
  failNext(count: number, status: number, retryAfterSec?: number): void;
  /** A signed Bot Framework token for an activity from `serviceUrl` to bot `appId`. */
  token(appId: string, serviceUrl: string, opts?: { key?: KeyObject; expiresInSec?: number }): string;
  /** A key the bot does not trust. */
  foreignKey(): KeyObject;
  waitFor(pred: (c: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

// An RSA key takes a few hundred milliseconds to make: one per test process serves every double.
let keys: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
let foreign: KeyObject | undefined;
const signingKeys = () => (keys ??= generateKeyPairSync('rsa', { modulusLength: 2048 }));

export async function startBotConnectorDouble(): Promise<BotConnectorDouble> {
  const { privateKey, publicKey } = signingKeys();
  const kid = 'test-key-1';
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid, use: 'sig', alg: 'RS256' };
  const calls: ConnectorCall[] = [];
  const members = new Map<string, Member[]>();
  let faults: { count: number; status: number; retryAfterSec?: number } | null = null;
  const forbidden = new Set<string>();
  let createFaults: { count: number; status: number } | null = null;
  let nextId = 1700000000000;
  const waiters: { pred: (c: ConnectorCall) => boolean; resolve: (c: ConnectorCall) => void }[] = [];

  const record = (c: ConnectorCall) => {
    calls.push(c);
    for (const w of [...waiters]) {
      if (w.pred(c)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(c);
      }
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/v1/.well-known/openidconfiguration') {
        return send(200, { issuer: BOT_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      }
      if (url.pathname === '/v1/.well-known/keys') return send(200, { keys: [jwk] });
      if (url.pathname === '/v3/conversations' && req.method === 'POST') {
        let created: Record<string, unknown> = {};
        try {
          created = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
        } catch {
          return send(400, { error: { code: 'BadArgument' } });
        }
        if (createFaults && createFaults.count > 0) {
          createFaults.count -= 1;
          return send(createFaults.status, { error: { code: 'Forbidden' } });
        }
        const member = ((created.members as { id?: string }[] | undefined) ?? [])[0]?.id ?? 'unknown';
        const id = `a:personal-${member}`;
        record({ method: 'POST', conversationId: '', activityId: id, body: created, authorization: req.headers.authorization });
        return send(201, { id, serviceUrl: base });
      }
      const m = /^\/v3\/conversations\/([^/]+)(?:\/(activities|members|pagedMembers))?(?:\/([^/]+))?$/.exec(url.pathname);
      if (!m) return send(404, { error: { code: 'NotFound' } });
      const conversationId = decodeURIComponent(m[1]!);
      const kind = m[2];
      const activityId = m[3] ? decodeURIComponent(m[3]) : undefined;
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        return send(400, { error: { code: 'BadArgument' } });
      }
      const method = (req.method ?? 'GET') as ConnectorCall['method'];
      const authorization = req.headers.authorization;
      if (faults && faults.count > 0) {
        faults.count -= 1;
        const f = faults;
        if (f.count === 0) faults = null;
        return send(f.status, { error: { code: 'Throttled' } }, f.retryAfterSec !== undefined ? { 'retry-after': String(f.retryAfterSec) } : {});
      }
      if ((kind === 'members' || kind === 'pagedMembers') && forbidden.has(conversationId.split(';')[0]!)) {
        return send(403, { error: { code: 'BotNotInConversationRoster' } });
      }
      if (kind === 'members' || kind === 'pagedMembers') {
        const list = (members.get(conversationId.split(';')[0]!) ?? []).map((mm) => ({ id: mm.id ?? `29:${mm.aadObjectId}`, name: mm.name, aadObjectId: mm.aadObjectId }));
        record({ method, conversationId, body: {}, authorization });
        return send(200, kind === 'members' ? list : { members: list });
      }
      if (kind === 'activities' && method === 'POST' && !activityId) {
        const id = String(nextId++);
        record({ method, conversationId, activityId: id, body, authorization });
        return send(201, { id });
      }
      if (kind === 'activities' && method === 'PUT' && activityId) {
        record({ method, conversationId, activityId, body, authorization });
        return send(200, { id: activityId });
      }
      return send(404, { error: { code: 'NotFound' } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    calls,
    posts: (conversationId) => calls.filter((c) => c.method === 'POST' && c.conversationId !== '' && (conversationId === undefined || c.conversationId === conversationId)),
    createdConversations: () => calls.filter((c) => c.method === 'POST' && c.conversationId === ''),
    forbid: (conversationId) => forbidden.add(conversationId),
    failCreateConversation: (count, status) => {
      createFaults = { count, status };
    },
    updates: (activityId) => calls.filter((c) => c.method === 'PUT' && (activityId === undefined || c.activityId === activityId)),
    setMembers: (channelId, list) => members.set(channelId, list),
    failNext: (count, status, retryAfterSec) => {
      faults = { count, status, ...(retryAfterSec !== undefined ? { retryAfterSec } : {}) };
    },
    token(appId, serviceUrl, opts = {}) {
      const now = Math.floor(Date.now() / 1000);
      const header = { alg: 'RS256', typ: 'JWT', kid };
      const payload = { iss: BOT_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 10, iat: now - 10, exp: now + (opts.expiresInSec ?? 3600) };
      const data = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
      return `${data}.${b64url(sign('sha256', Buffer.from(data), opts.key ?? privateKey))}`;
    },
    foreignKey: () => (foreign ??= createPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }))),
    waitFor(pred, timeoutMs = 5000) {
      const found = calls.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error('botConnectorDouble.waitFor: timed out'));
          }
        }, timeoutMs).unref();
      });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
