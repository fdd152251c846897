// Starts the real Teams bot (Teams SDK, Express, JWT validation on) with a real SQLite file against
// the local Bot Connector double, and sends signed activities in Teams' JSON format.
import { rmSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createLog } from '../../src/log.js';
import type { Store } from '../../src/store/db.js';
import { requests } from '../../src/store/schema.js';
import { createTeamsBot, type TeamsBot } from '../../src/msteams/app.js';
import { startBotConnectorDouble, type BotConnectorDouble, type ConnectorCall } from './botConnectorDouble.js';
import { TestClock } from './bot.js';
import { settleOutbox, waitUntil } from './wait.js';
import { VALID_FORM } from './forms.js';
import { openTestStore, testDir } from './db.js';
import { use, type UseOptions } from './use.js';

export const APP_ID = '00000000-0000-0000-0000-00000000b07a';
export const TENANT = 'tenant-0001';
export const CHANNEL = '19:team-channel@thread.tacv2';
export const TEAM_ID = '19:team-general@thread.tacv2';

export const PEOPLE = {
  req: { aadObjectId: 'aad-req', name: 'Rosa Aanvrager' },
  a: { aadObjectId: 'aad-a', name: 'Anna' },
  b: { aadObjectId: 'aad-b', name: 'Bram' },
  c: { aadObjectId: 'aad-c', name: 'Chris' },
  d: { aadObjectId: 'aad-d', name: 'Dewi' },
  admin: { aadObjectId: 'aad-admin', name: 'Beheer' },
  fin: { aadObjectId: 'aad-fin', name: 'Fien' },
  outsider: { aadObjectId: 'aad-out', name: 'Buiten' },
} as const;
export type Person = { aadObjectId: string; name: string };

export interface RunningTeamsBot {
  double: BotConnectorDouble;
  store: Store;
  bot: TeamsBot;
  clock: TestClock;
  url: string;
  logLines: string[];
  dbPath: string;
  post(activity: Record<string, unknown>, opts?: { token?: string | null }): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

let seq = 1;
let threadSeq = 1;
// A separator keeps ids unique (without it, time 12 + seq 34 and time 123 + seq 4 would collide).
const nextActivityId = () => `f:${Date.now()}:${seq++}`;

export interface StartTeamsBotOptions {
  dir?: string;
  clock?: TestClock;
  store?: Store;
  cardUpdateIntervalMs?: number;
  /** FINANCE_USER_IDS (Entra object ids); none by default. */
  financeUserIds?: string[];
}

export async function startTeamsBot(opts: StartTeamsBotOptions = {}): Promise<RunningTeamsBot> {
  const dir = opts.dir ?? testDir('mmw-teams-');
  const dbPath = join(dir, 'test.db');
  const double = await startBotConnectorDouble();
  double.setMembers(CHANNEL, Object.values(PEOPLE).filter((p) => p !== PEOPLE.outsider));
  const store = opts.store ?? openTestStore(dbPath);
  const clock = opts.clock ?? new TestClock();
  const logLines: string[] = [];
  const log = createLog('debug', (l) => logLines.push(l));
  const bot = createTeamsBot(
    {
      clientId: APP_ID,
      clientSecret: '',
      tenantId: TENANT,
      port: 0,
      adminUserIds: [PEOPLE.admin.aadObjectId],
      financeUserIds: opts.financeUserIds ?? [],
      membershipTtlMs: 60_000,
      cardUpdateIntervalMs: opts.cardUpdateIntervalMs ?? 0,
      cloudOverrides: { openIdMetadataUrl: double.openIdMetadataUrl },
      extraServiceHosts: [new URL(double.url).host],
      // The SDK decodes its token (expiry): a JWT, which the double accepts without checking.
      outboundToken: () => double.token(APP_ID, 'https://api.botframework.com'),
    },
    { store, clock },
    log,
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
    async post(activity, o = {}) {
      const token = o.token === undefined ? double.token(APP_ID, double.url) : o.token;
      // A fresh connection per activity, as the Bot Connector does (no keep-alive reuse races).
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
      const text = res.text;
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        /* keep text */
      }
      return { status: res.status, body };
    },
    async close() {
      await bot.stop();
      if (!opts.store) store.close();
      await double.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Teams bot for every test of a file (see useSlackBot). */
export function useTeamsBot(opts: StartTeamsBotOptions | (() => StartTeamsBotOptions) = {}, scope: UseOptions = {}): RunningTeamsBot {
  return use(() => startTeamsBot(typeof opts === 'function' ? opts() : opts), scope);
}

// ---- activities in Teams' format

function base(b: RunningTeamsBot, from: Person, conversationId: string) {
  return {
    id: nextActivityId(),
    timestamp: new Date(b.clock.now().getTime() + seq).toISOString().replace('Z', '0000Z'),
    localTimestamp: b.clock.now().toISOString(),
    serviceUrl: b.double.url,
    channelId: 'msteams',
    from: { id: `29:${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: conversationId },
    recipient: { id: `28:${APP_ID}`, name: 'minimaatwerk' },
    channelData: {
      teamsChannelId: CHANNEL,
      teamsTeamId: TEAM_ID,
      channel: { id: CHANNEL, name: 'Wijkteam Noord' },
      team: { id: TEAM_ID, name: 'Wijkteam Noord' },
      tenant: { id: TENANT },
    },
    locale: 'nl-NL',
  };
}

export function messageActivity(b: RunningTeamsBot, from: Person, text: string) {
  // Each message to the bot starts its own thread (the bot's reply goes there).
  const a = base(b, from, `${CHANNEL};messageid=${Date.now()}${String(threadSeq++).padStart(4, '0')}`);
  return {
    ...a,
    type: 'message',
    textFormat: 'plain',
    text: `<at>minimaatwerk</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>minimaatwerk</at>', mentioned: { id: `28:${APP_ID}`, name: 'minimaatwerk' } }],
  };
}

/** A message in the person's 1:1 chat with the bot (no mention, conversationType personal). */
export function personalMessage(b: RunningTeamsBot, from: Person, text: string) {
  return {
    id: nextActivityId(),
    timestamp: new Date(b.clock.now().getTime() + seq).toISOString(),
    serviceUrl: b.double.url,
    channelId: 'msteams',
    type: 'message',
    textFormat: 'plain',
    text,
    from: { id: `29:${from.aadObjectId}`, name: from.name, aadObjectId: from.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: TENANT, id: personalConversationId(from) },
    recipient: { id: `28:${APP_ID}`, name: 'minimaatwerk' },
    channelData: { tenant: { id: TENANT } },
    locale: 'nl-NL',
  };
}

/** The 1:1 conversation id of a person with the bot (as the double creates it). */
export const personalConversationId = (p: Person) => `a:personal-29:${p.aadObjectId}`;

export function taskFetch(b: RunningTeamsBot, from: Person, data: Record<string, unknown>, replyToId?: string) {
  return {
    ...base(b, from, replyToId ? `${CHANNEL};messageid=${replyToId}` : CHANNEL),
    type: 'invoke',
    name: 'task/fetch',
    ...(replyToId ? { replyToId } : {}),
    value: { type: 'task/fetch', data: { msteams: { type: 'task/fetch' }, ...data }, context: { theme: 'default' } },
  };
}

export function taskSubmit(b: RunningTeamsBot, from: Person, data: Record<string, unknown>) {
  return { ...base(b, from, CHANNEL), type: 'invoke', name: 'task/submit', value: { type: 'task/submit', data, context: { theme: 'default' } } };
}

export function cardAction(b: RunningTeamsBot, from: Person, cardId: string, verb: string, requestId: number) {
  return {
    ...base(b, from, `${CHANNEL};messageid=${cardId}`),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: cardId,
    value: { action: { type: 'Action.Execute', verb, data: { requestId } }, trigger: 'manual' },
  };
}

export function reaction(b: RunningTeamsBot, from: Person, cardId: string, type: string, added = true) {
  return {
    ...base(b, from, `${CHANNEL};messageid=${cardId}`),
    type: 'messageReaction',
    replyToId: cardId,
    ...(added ? { reactionsAdded: [{ type }] } : { reactionsRemoved: [{ type }] }),
  };
}

export const VALID_TEAMS_FORM = VALID_FORM;

/** Fill in and submit the request dialog; resolves with the request id and the posted card. */
export async function createTeamsRequest(b: RunningTeamsBot, from: Person = PEOPLE.req, form: Partial<typeof VALID_TEAMS_FORM> = {}) {
  const res = await b.post(taskSubmit(b, from, { dialog: 'new', suggestedSlug: null, ...VALID_TEAMS_FORM, ...form }));
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.body)).toContain('is geplaatst');
  const row = b.store.db.select().from(requests).orderBy(requests.id).all().at(-1)!;
  const cardId = await waitUntil(() => b.store.db.select().from(requests).all().find((r) => r.id === row.id)?.messageTs ?? undefined);
  const card = b.double.posts(CHANNEL).find((c) => c.activityId === cardId)!;
  return { id: row.id, cardId, card };
}

export { waitUntil };

/** Wait until the teams outbox has sent everything that is due. */
export const settle = (b: RunningTeamsBot): Promise<void> => settleOutbox(b.store, b.bot.outbox, b.clock, 'teams');

export const cardJson = (c: ConnectorCall | undefined) => JSON.stringify(c?.body.attachments ?? c?.body.text ?? null);
