// Starts the real bot (Bolt HTTP receiver, real SQLite file with real migrations) against the
// local Web API double, and gives tests a signed Slack client aimed at it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../src/app/deps.js';
import { createLog } from '../../src/log.js';
import { createSlackBot, type SlackBot } from '../../src/slack/app.js';
import type { Store } from '../../src/store/db.js';
import { openTestStore, testDir } from './db.js';
import { startSlackApiDouble, type SlackApiDouble } from './slackApiDouble.js';
import { slackClient, type SlackClient } from './slackRequests.js';
import { use, type UseOptions } from './use.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const CHANNEL = 'C0TEAM';
export const TEAM = 'T0001';

export class TestClock implements Clock {
  constructor(public t: Date = new Date('2026-11-10T09:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface RunningBot {
  double: SlackApiDouble;
  slack: SlackClient;
  store: Store;
  bot: SlackBot;
  clock: TestClock;
  logLines: string[];
  dbPath: string;
  close(): Promise<void>;
}

export interface StartBotOptions {
  clock?: TestClock;
  /** Members of the team channel (CHANNEL), set before the bot starts. */
  members?: string[];
  cardUpdateIntervalMs?: number;
  adminUserIds?: string[];
  dir?: string;
  financeUserIds?: string[];
  /** Web API call time-out of the bot's client (default 10 s). */
  apiTimeoutMs?: number;
  membershipTtlMs?: number;
  /** Configure the Web API double before the bot starts (start-up reconciliation reads it). */
  beforeStart?: (double: SlackApiDouble) => void;
}

export async function startBot(opts: StartBotOptions = {}): Promise<RunningBot> {
  const dir = opts.dir ?? testDir('mmw-');
  const dbPath = join(dir, 'test.db');
  const double = await startSlackApiDouble({ teamId: TEAM });
  if (opts.members) double.setChannelMembers(CHANNEL, opts.members);
  opts.beforeStart?.(double);
  const store = openTestStore(dbPath);
  const clock = opts.clock ?? new TestClock();
  const logLines: string[] = [];
  const log = createLog('debug', (l) => logLines.push(l));
  const bot = createSlackBot(
    {
      botToken: 'xoxb-test',
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: double.url,
      adminUserIds: opts.adminUserIds ?? ['UADMIN'],
      membershipTtlMs: opts.membershipTtlMs ?? 60_000,
      ...(opts.apiTimeoutMs !== undefined ? { apiTimeoutMs: opts.apiTimeoutMs } : {}),
      cardUpdateIntervalMs: opts.cardUpdateIntervalMs ?? 0,
      financeUserIds: opts.financeUserIds ?? [],
      reconcilePaceMs: 0,
    },
    { store, clock },
    log,
  );
  const port = await bot.start(0);
  await bot.reconciled();
  const slack = slackClient({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET, teamId: TEAM, responseUrlBase: double.responseUrl });
  return {
    double,
    slack,
    store,
    bot,
    clock,
    logLines,
    dbPath,
    async close() {
      await bot.stop();
      store.close();
      await double.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The Slack bot for every test of a file: started before each test (or once, `scope: 'file'`) and
 * closed after. Options may be a function, read when the bot starts.
 */
export function useSlackBot(opts: StartBotOptions | (() => StartBotOptions) = {}, scope: UseOptions = {}): RunningBot {
  return use(() => startBot(typeof opts === 'function' ? opts() : opts), scope);
}
