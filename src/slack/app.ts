// The Bolt app: HTTP receiver (signed requests on /slack/events) or Socket Mode, and the listeners.
import { createRequire } from 'node:module';
import type { App as BoltApp, HTTPReceiver as BoltHTTPReceiver, LogLevel, Logger } from '@slack/bolt';
import type { AppDeps } from '../app/deps.js';
import type { SlackConfig } from '../config.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';
import { SlackDirectory } from './directory.js';
import { digestForMonth } from '../app/digest.js';
import { addMonthsKey, monthKey } from '../core/time.js';
import { toPlain } from '../core/text.js';
import { escapeMrkdwn } from './blocks/text.js';
import { registerActions } from './listeners/actions.js';
import { registerCommands } from './listeners/commands.js';
import { registerEvents } from './listeners/events.js';
import { registerFinance } from './listeners/finance.js';
import { registerViews } from './listeners/views.js';
import { SlackOutbox } from './outbox.js';
import { reconcileSlack } from './reconcile.js';
import { guardRequestListener, ReplayGuard } from './replayGuard.js';

// Bolt's index also loads the Express and AWS Lambda receivers (and express) that this bot never
// uses: its App and HTTP receiver alone start ~90 ms sooner (bench/RESULTS.md, start-up).
const requireCjs = createRequire(import.meta.url);
const { default: App } = requireCjs('@slack/bolt/dist/App.js') as { default: typeof BoltApp };
const { default: HTTPReceiver } = requireCjs('@slack/bolt/dist/receivers/HTTPReceiver.js') as { default: typeof BoltHTTPReceiver };

export interface SlackBot {
  app: BoltApp;
  outbox: SlackOutbox;
  directory: SlackDirectory;
  /** Resolves when the start-up reconciliation (which runs after listening) has finished. */
  reconciled(): Promise<void>;
  /** Start listening; resolves with the HTTP port (null in Socket Mode). */
  start(port: number): Promise<number | null>;
  stop(): Promise<void>;
}

/** Bolt's own log lines can quote payloads: only its warnings and errors pass, as event names. */
function boltLogger(log: Log): Logger {
  let level = 'warn' as LogLevel;
  return {
    debug: () => {},
    info: () => {},
    warn: (...args: unknown[]) => log.warn('bolt.warn', { detail: typeof args[0] === 'string' ? args[0].slice(0, 80) : undefined }),
    error: (...args: unknown[]) => log.error('bolt.error', { detail: args[0] instanceof Error ? args[0].name : typeof args[0] }),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

export function createSlackBot(
  config: SlackConfig & {
    adminUserIds: string[];
    membershipTtlMs: number;
    cardUpdateIntervalMs: number;
    cardUpdatesPerMinute?: number;
    /** Web API call time-out (default 10 s); tests make it short. */
    apiTimeoutMs?: number;
    /** Read reactions of undecided cards at start (default true). */
    reconcileOnStart?: boolean;
    /** Pause between two reactions.get calls of the start-up reconciliation (Slack tier 3: ~50/min). */
    reconcilePaceMs?: number;
    /** FINANCE_USER_IDS: who may mark payments paid. */
    financeUserIds?: string[];
  },
  deps: Omit<AppDeps, 'outboxWake'>,
  log: Log,
): SlackBot {
  const socketMode = Boolean(config.appToken);
  const logger = boltLogger(log);
  let receiver: BoltHTTPReceiver | undefined;
  if (!socketMode) {
    receiver = new HTTPReceiver({ signingSecret: config.signingSecret ?? '', processBeforeResponse: true, logger });
    // Bolt refuses bad signatures and old timestamps; the guard also refuses a replayed request.
    receiver.requestListener = guardRequestListener(receiver.requestListener, new ReplayGuard());
  }
  const apiTimeoutMs = config.apiTimeoutMs ?? 10_000;
  const app = new App({
    token: config.botToken,
    ...(socketMode ? { socketMode: true, appToken: config.appToken } : { receiver }),
    processBeforeResponse: !socketMode,
    // Bolt's conversation store keeps per-conversation state we never use; it costs every event.
    convoStore: false,
    logger,
    clientOptions: {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` } : {}),
      // The outbox retries (durably); the client itself must not sleep on a 429 or retry for 30 minutes.
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: apiTimeoutMs,
    },
  });
  const outbox = new SlackOutbox(deps.store, app.client, deps.clock, log, {
    cardUpdateIntervalMs: config.cardUpdateIntervalMs,
    cardUpdatesPerMinute: config.cardUpdatesPerMinute ?? 0,
    apiTimeoutMs,
  });
  const directory = new SlackDirectory(app.client, {
    adminUserIds: config.adminUserIds,
    membershipTtlMs: config.membershipTtlMs,
    now: () => deps.clock.now().getTime(),
  });
  const ctx = {
    deps: { ...deps, outboxWake: () => outbox.wake() },
    directory,
    log,
    // Managers see the last finished month's digest (all teams) on their App Home.
    lastDigestText: () => escapeMrkdwn(toPlain(digestForMonth(deps, addMonthsKey(monthKey(deps.clock.now()), -1), { chart: false }).text)),
  };
  registerCommands(app, ctx);
  registerViews(app, ctx);
  registerActions(app, ctx);
  registerFinance(app, ctx, config.financeUserIds ?? []);
  registerEvents(app, ctx);
  app.error(async (e) => {
    log.error('bolt.unhandled', { error: e.name, code: (e as { code?: string }).code });
  });

  let reconciled: Promise<void> = Promise.resolve();
  return {
    app,
    outbox,
    directory,
    reconciled: () => reconciled,
    async start(port: number) {
      const server = socketMode ? await app.start() : await app.start(port);
      outbox.releaseLeases();
      if (config.reconcileOnStart !== false) {
        // Listening already; reading every open card's reactions is paced to Slack's rate tier.
        reconciled = reconcileSlack(ctx.deps, app.client, directory, log, Date.now, config.reconcilePaceMs ?? 1200)
          .then(() => undefined)
          .catch((e: unknown) => log.error('reconcile.failed', errorFields(e)));
      }
      outbox.wake();
      if (socketMode) return null;
      const address = (server as { address?: () => unknown }).address?.();
      return typeof address === 'object' && address !== null ? (address as { port: number }).port : port;
    },
    async stop() {
      await reconciled;
      await outbox.stop();
      await app.stop();
    },
  };
}
