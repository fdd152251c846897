// Periodic jobs: reminders and expiry of stale requests, and the monthly digest. Each run is
// idempotent; the digest is claimed in the database, so several instances can tick at once.
import { processStaleRequests } from '../app/staleRequests.js';
import type { AppDeps } from '../app/deps.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';
import { runMonthlyDigest, type MonthlyDigestConfig } from './monthlyDigest.js';

export interface SchedulerOptions {
  /** The monthly digest; left out, no digest is posted automatically. */
  digest?: MonthlyDigestConfig;
}

export interface Scheduler {
  /** One tick now (what the timer does); resolves when its async work is done. */
  tick(): Promise<void>;
  /** Tick every `intervalMs` (and once right away). */
  start(intervalMs: number): void;
  stop(): void;
}

export function createScheduler(deps: AppDeps, log: Log, opts: SchedulerOptions = {}): Scheduler {
  let digestRunning: Promise<void> | null = null;
  const tick = async (): Promise<void> => {
    try {
      const done = processStaleRequests(deps);
      if (done.reminded.length + done.expired.length > 0) log.info('stale.processed', { reminded: done.reminded.length, expired: done.expired.length });
    } catch (e) {
      log.error('stale.failed', errorFields(e));
    }
    const digest = opts.digest;
    if (!digest || digest.ports.length === 0) return;
    // A slow post must not overlap with the next tick of this instance (other instances are kept
    // out by the claim in job_runs).
    if (digestRunning) return digestRunning;
    digestRunning = runMonthlyDigest(deps, digest, log)
      .then(() => undefined)
      .catch((e: unknown) => log.error('digest.job_failed', errorFields(e)))
      .finally(() => {
        digestRunning = null;
      });
    return digestRunning;
  };
  let timer: NodeJS.Timeout | null = null;
  return {
    tick,
    start(intervalMs: number) {
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
      setImmediate(() => void tick());
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export function startScheduler(deps: AppDeps, log: Log, intervalMs: number, opts: SchedulerOptions = {}): () => void {
  const scheduler = createScheduler(deps, log, opts);
  scheduler.start(intervalMs);
  return () => scheduler.stop();
}
