// Composition: configuration → database (migrated) → chat adapters → scheduler.
import { existsSync } from 'node:fs';
import { systemClock, type AppDeps } from './app/deps.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startScheduler } from './jobs/scheduler.js';
import { createLog, errorFields, type Log } from './log.js';
import type { DigestPort } from './app/digest.js';
import { createHealthHandler, startHealthServer, type HealthHandler, type HealthServer } from './ops/health.js';
import { createMetrics } from './ops/metrics.js';
import { checkChartFont } from './render/png.js';
import { startFailureLine } from './startupFailure.js';
import { startCheckpointer } from './store/checkpointer.js';
import { openStore } from './store/db.js';

/** A running chat platform: Slack now, Teams on the same core and database. */
export interface ChatAdapter {
  name: string;
  /** Send what the outbox holds for this platform. */
  wake(): void;
  stop(): Promise<void>;
  /** How this platform posts the monthly digest, if it does. */
  digest?: DigestPort;
}

async function startAdapters(config: Config, deps: Omit<AppDeps, 'outboxWake'>, log: Log, health: HealthHandler): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (config.practice) {
    // No chat settings, not production: the practice channel in the browser, with demo data on its first start.
    const { startPractice } = await import('./web/app.js');
    const web = await startPractice({ port: config.port, health, seed: { months: 12 } }, deps, log);
    process.stdout.write(`minimaatwerk: oefenomgeving / practice channel: ${web.url} (${config.databaseUrl})\n`);
    adapters.push({ name: 'web', wake: () => web.outbox.wake(), stop: () => web.stop() });
  }
  // Each platform's code (and its SDK) is loaded only when that platform is configured.
  if (config.slack) {
    const { createSlackBot } = await import('./slack/app.js');
    const { slackDigestPort } = await import('./slack/digest.js');
    const slack = createSlackBot({ ...config.slack, ...config }, deps, log);
    const port = await slack.start(config.port);
    log.info('slack.started', { mode: port === null ? 'socket-mode' : 'http', port });
    adapters.push({ name: 'slack', wake: () => slack.outbox.wake(), stop: () => slack.stop(), digest: slackDigestPort(slack.app.client) });
  }
  if (config.teams) {
    const { createTeamsBot } = await import('./msteams/app.js');
    const teams = createTeamsBot({ ...config.teams, ...config }, deps, log);
    const port = await teams.start(config.teams.port);
    log.info('teams.started', { port });
    adapters.push({ name: 'teams', wake: () => teams.outbox.wake(), stop: () => teams.stop(), digest: teams.digest });
  }
  return adapters;
}

/** For the start-up failure line: which Slack mode, which API URL. */
let slackSettings: Config['slack'] = null;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`minimaatwerk: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  slackSettings = config.slack;
  checkChartFont(); // an install without assets/fonts/ stops here, not on the first digest
  const log = createLog(config.logLevel);
  const store = openStore(config.databaseUrl);
  const checkpointer = startCheckpointer(store, config.databaseUrl, { onError: (code) => log.warn('checkpoint.failed', { code }) });
  // /healthz, /readyz and /metrics on HEALTH_PORT. Not being able to serve them is logged, not fatal:
  // the bot's own work goes on (and Prometheus sees the target down).
  const metrics = createMetrics(store, { outboxMaxAgeSeconds: config.readyOutboxMaxAgeSeconds });
  const deps = { store, clock: systemClock, telemetry: metrics.telemetry };
  let health: HealthServer | null = null;
  const healthHandler = createHealthHandler({ store, registry: metrics.registry, outboxMaxAgeSeconds: config.readyOutboxMaxAgeSeconds });
  try {
    health = await startHealthServer(config.healthPort, healthHandler);
    log.info('health.started', { port: health.port });
  } catch (e) {
    log.error('health.failed', { port: config.healthPort, ...errorFields(e) });
  }
  // Signals are handled from here on, also while the adapters start: whatever runs is stopped in order.
  let adapters: ChatAdapter[] = [];
  let stopScheduler = () => {};
  const shutdown = async (signal: string) => {
    log.info('stopping', { signal });
    stopScheduler();
    await Promise.all(adapters.map((a) => a.stop().catch(() => undefined)));
    await health?.close();
    await checkpointer.stop();
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  adapters = await startAdapters(config, deps, log, healthHandler);
  const outboxWake = () => adapters.forEach((a) => a.wake());
  const digestPorts = adapters.flatMap((a) => (a.digest ? [a.digest] : []));
  stopScheduler = startScheduler({ ...deps, outboxWake }, log, config.schedulerIntervalMs, {
    digest: { defaultChannelId: config.digestChannelId, ports: digestPorts },
  });
  log.info('started', { adapters: adapters.map((a) => a.name).join(','), database: config.databaseUrl });
}

// A failure outside a request (e.g. Slack refusing a token at start-up) stops the bot with one line.
process.on('unhandledRejection', (e: unknown) => {
  process.stderr.write(`minimaatwerk: ${startFailureLine(e, 'unawaited', slackSettings)}\n`);
  process.exit(1);
});

main().catch((e: unknown) => {
  process.stderr.write(`minimaatwerk: ${startFailureLine(e, 'start', slackSettings)}\n`);
  process.exit(1);
});
