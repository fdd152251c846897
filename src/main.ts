// Composition: configuration → database (migrated) → chat adapters → scheduler.
import { existsSync } from 'node:fs';
import { systemClock } from './app/deps.js';
import { ConfigError, loadConfig } from './config.js';
import { startScheduler } from './jobs/scheduler.js';
import { createLog, errorFields } from './log.js';
import { createSlackBot } from './slack/app.js';
import { openStore } from './store/db.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`minimaatwerk: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const log = createLog(config.logLevel);
  const store = openStore(config.databaseUrl);
  const deps = { store, clock: systemClock };
  const slack = config.slack ? createSlackBot({ ...config.slack, ...config }, deps, log) : null;
  const port = slack ? await slack.start(config.port) : null;
  const stopScheduler = startScheduler({ ...deps, outboxWake: () => slack?.outbox.wake() }, log, config.schedulerIntervalMs);
  log.info('started', { slack: slack ? (port === null ? 'socket-mode' : `http:${port}`) : 'off', database: config.databaseUrl });

  const shutdown = async (signal: string) => {
    log.info('stopping', { signal });
    stopScheduler();
    await slack?.stop().catch(() => undefined);
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`minimaatwerk: could not start (${JSON.stringify(errorFields(e))})\n`);
  process.exit(1);
});
