// The Teams bot as the security tests need it: the same real SDK app and Bot Connector double as
// test/support/teamsBot.ts, plus what those tests cannot set: finance people, extra tenants, a
// signing key the bot trusts as much as the double's (to sign tokens with other claims), a
// loopback "Entra" login endpoint that records key look-ups, and a proxy in front of the Bot
// Connector double that can fail chosen calls (a 403 on posting the card, not on reading members).
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLog } from '../../src/log.js';
import { createTeamsBot } from '../../src/msteams/app.js';
import { openStore } from '../../src/store/db.js';
import { TestClock } from '../support/bot.js';
import { BOT_ISSUER, startBotConnectorDouble, type BotConnectorDouble } from '../support/botConnectorDouble.js';
import { APP_ID, CHANNEL, PEOPLE, TENANT, type RunningTeamsBot } from '../support/teamsBot.js';

/** A loopback HTTP server that records every request it gets (an attacker's host, a login endpoint). */
export interface Recorder {
  url: string;
  host: string;
  requests: { method: string; path: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

export async function startRecorder(answer: (path: string) => { status: number; body: unknown } = () => ({ status: 200, body: {} })): Promise<Recorder> {
  const requests: Recorder['requests'] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization });
      const a = answer(path);
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A signing key of our own, published next to the double's: the bot trusts both alike. */
export interface TrustedKey {
  kid: string;
  key: KeyObject;
  jwk: Record<string, unknown>;
}

function newKey(kid: string): TrustedKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, key: privateKey, jwk: { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid, use: 'sig', alg: 'RS256' } };
}

/** An RS256 JWT with any claims. */
export function jwt(payload: Record<string, unknown>, signer: TrustedKey): string {
  const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
  const data = `${b64({ alg: 'RS256', typ: 'JWT', kid: signer.kid })}.${b64(payload)}`;
  return `${data}.${sign('sha256', Buffer.from(data), signer.key).toString('base64url')}`;
}

export const nowSec = () => Math.floor(Date.now() / 1000);

/** Fails Bot Connector calls that a rule picks (method and path as the bot sent them). */
export type ConnectorRule = (method: string, path: string) => number | null;

export interface SecureTeamsBot extends RunningTeamsBot {
  /** The Bot Connector double as the bot reaches it (its url is the fault proxy). */
  double: BotConnectorDouble;
  trusted: TrustedKey;
  /** The loopback login endpoint (Entra): its key look-ups are recorded. */
  entra: Recorder;
  /** Calls the proxy failed, in order. */
  failed: { method: string; path: string; status: number }[];
  failWhen(rule: ConnectorRule | null): void;
}

export interface SecureTeamsOptions {
  financeUserIds?: string[];
  allowedTenantIds?: string[];
  clock?: TestClock;
}

export async function startSecureTeamsBot(opts: SecureTeamsOptions = {}): Promise<SecureTeamsBot> {
  const dir = mkdtempSync(join(tmpdir(), 'mmw-sec-teams-'));
  const dbPath = join(dir, 'test.db');
  const real = await startBotConnectorDouble();
  real.setMembers(CHANNEL, Object.values(PEOPLE).filter((p) => p !== PEOPLE.outsider));
  const trusted = newKey('security-test-key');
  const doubleKeys = ((await (await fetch(`${real.url}/v1/.well-known/keys`)).json()) as { keys: Record<string, unknown>[] }).keys;

  // Bot Framework metadata and keys (the double's and ours), and the Entra key endpoint per tenant.
  const entra = await startRecorder((path) => (path.endsWith('/discovery/v2.0/keys') ? { status: 200, body: { keys: [trusted.jwk] } } : { status: 404, body: {} }));
  const identity = await startRecorder((path) =>
    path === '/v1/.well-known/keys'
      ? { status: 200, body: { keys: [...doubleKeys, trusted.jwk] } }
      : path === '/v1/.well-known/openidconfiguration'
        ? { status: 200, body: { issuer: BOT_ISSUER, jwks_uri: `${identityUrl()}/v1/.well-known/keys` } }
        : { status: 404, body: {} },
  );
  const identityUrl = () => identity.url;

  // The fault proxy in front of the double.
  let rule: ConnectorRule | null = null;
  const failed: SecureTeamsBot['failed'] = [];
  const target = new URL(real.url);
  const proxy = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const status = rule?.(req.method ?? 'GET', path) ?? null;
    if (status !== null) {
      req.resume();
      failed.push({ method: req.method ?? 'GET', path, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: status === 403 ? 'Forbidden' : status === 404 ? 'NotFound' : 'Error' } }));
      return;
    }
    const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent: false }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const double: BotConnectorDouble = { ...real, url: proxyUrl };

  const store = openStore(dbPath);
  const clock = opts.clock ?? new TestClock();
  const logLines: string[] = [];
  const bot = createTeamsBot(
    {
      clientId: APP_ID,
      clientSecret: '',
      tenantId: TENANT,
      ...(opts.allowedTenantIds ? { allowedTenantIds: opts.allowedTenantIds } : {}),
      port: 0,
      adminUserIds: [PEOPLE.admin.aadObjectId],
      financeUserIds: opts.financeUserIds ?? [],
      membershipTtlMs: 60_000,
      cardUpdateIntervalMs: 0,
      cloudOverrides: { openIdMetadataUrl: `${identity.url}/v1/.well-known/openidconfiguration`, loginEndpoint: entra.url },
      extraServiceHosts: [new URL(proxyUrl).host],
      outboundToken: () => real.token(APP_ID, 'https://api.botframework.com'),
    },
    { store, clock },
    createLog('debug', (l) => logLines.push(l)),
  );
  const port = await bot.start(0);
  const url = `http://127.0.0.1:${port}/api/messages`;
  return {
    double,
    store,
    bot,
    clock,
    url,
    logLines,
    dbPath,
    trusted,
    entra,
    failed,
    failWhen(r) {
      rule = r;
    },
    async post(activity, o = {}) {
      const token = o.token === undefined ? real.token(APP_ID, proxyUrl) : o.token;
      const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const payload = JSON.stringify(activity);
        const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        });
        req.on('error', reject);
        req.end(payload);
      });
      let body: unknown = res.text;
      try {
        body = res.text ? JSON.parse(res.text) : null;
      } catch {
        /* keep text */
      }
      return { status: res.status, body };
    },
    async close() {
      await bot.stop();
      store.close();
      await new Promise<void>((r) => {
        proxy.closeAllConnections();
        proxy.close(() => r());
      });
      await Promise.all([real.close(), identity.close(), entra.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Bot Framework token (issuer, audience, serviceurl claim) signed with the trusted key. */
export const botFrameworkToken = (b: SecureTeamsBot, serviceUrl: string) =>
  jwt({ iss: BOT_ISSUER, aud: APP_ID, serviceurl: serviceUrl, nbf: nowSec() - 10, iat: nowSec() - 10, exp: nowSec() + 3600 }, b.trusted);

/** Log lines of one event, parsed. */
export const logged = (b: { logLines: string[] }, event: string) =>
  b.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === event);
