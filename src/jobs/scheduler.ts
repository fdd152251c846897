// Periodic jobs: reminders and expiry of stale requests. Each run is idempotent.
import { processStaleRequests } from '../app/staleRequests.js';
import type { AppDeps } from '../app/deps.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';

export function startScheduler(deps: AppDeps, log: Log, intervalMs: number): () => void {
  const tick = () => {
    try {
      const done = processStaleRequests(deps);
      if (done.reminded.length + done.expired.length > 0) log.info('stale.processed', { reminded: done.reminded.length, expired: done.expired.length });
    } catch (e) {
      log.error('stale.failed', errorFields(e));
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  setImmediate(tick);
  return () => clearInterval(timer);
}
