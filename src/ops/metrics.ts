// Prometheus metrics (prom-client): gauges read from the database when Prometheus scrapes, counters
// and a histogram fed by the adapters through the `Telemetry` interface (src/app/telemetry.ts).
// A registry of its own (not prom-client's global one), so tests and several stores do not mix.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DIGEST_OUTCOMES, RECONCILE_OUTCOMES, TELEMETRY_PLATFORMS, type Telemetry } from '../app/telemetry.js';
import { REQUEST_STATUSES } from '../core/request.js';
import type { Store } from '../store/db.js';
import { outboxBacklog, requestCountsByStatus } from '../store/ops.js';
import { checkReadiness } from './readiness.js';

export interface Metrics {
  registry: Registry;
  telemetry: Telemetry;
}

export interface MetricsOptions {
  /** For `minimaatwerk_ready`: the same threshold as /readyz. */
  outboxMaxAgeSeconds: number;
  now?: () => Date;
  /** Node process metrics (CPU, memory, event loop lag, GC); on by default. */
  processMetrics?: boolean;
}

/**
 * Label values come from API responses and adapters: keep them short codes, so a surprising value
 * (a message instead of a code) can neither blow up the number of series nor leak text.
 */
function label(value: string | number): string {
  const s = String(value);
  return /^[A-Za-z0-9_.:/-]{1,64}$/.test(s) ? s : 'other';
}

/** Event handling is mostly sub-millisecond (one group commit); the tail is Web API calls. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(store: Store, options: MetricsOptions): Metrics {
  const registry = new Registry();
  const now = options.now ?? (() => new Date());
  const registers = [registry];
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  // Scrape-time gauges: a failed read (database closed) leaves the series out rather than showing
  // stale numbers; `minimaatwerk_ready` then says 0.
  new Gauge({
    name: 'minimaatwerk_requests',
    help: 'Requests by status, read from the database at scrape time.',
    labelNames: ['status'],
    registers,
    collect() {
      this.reset();
      try {
        const counts = requestCountsByStatus(store.db);
        for (const status of REQUEST_STATUSES) this.set({ status }, counts[status]);
      } catch {
        // left out, see above
      }
    },
  });
  // Each gauge reads on its own: prom-client collects them one by one, in registration order.
  new Gauge({
    name: 'minimaatwerk_outbox_pending',
    help: 'Chat updates in the outbox not yet delivered, per platform (scrape time).',
    labelNames: ['platform'],
    registers,
    collect() {
      this.reset();
      try {
        for (const b of outboxBacklog(store.db)) this.set({ platform: b.platform }, b.pending);
      } catch {
        // left out, see above
      }
    },
  });
  new Gauge({
    name: 'minimaatwerk_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest undelivered outbox item per platform, 0 when none (scrape time).',
    labelNames: ['platform'],
    registers,
    collect() {
      this.reset();
      try {
        const at = now().getTime();
        for (const b of outboxBacklog(store.db)) {
          this.set({ platform: b.platform }, b.oldestCreatedAt ? Math.max(0, (at - b.oldestCreatedAt.getTime()) / 1000) : 0);
        }
      } catch {
        // left out, see above
      }
    },
  });
  new Gauge({
    name: 'minimaatwerk_ready',
    help: '1 when /readyz would answer 200 (database writable, outbox moving), else 0.',
    registers,
    collect() {
      this.set(checkReadiness({ store, outboxMaxAgeSeconds: options.outboxMaxAgeSeconds, now }).ready ? 1 : 0);
    },
  });

  const approvals = new Counter({
    name: 'minimaatwerk_approvals_total',
    help: 'Approvals stored since start, per platform.',
    labelNames: ['platform'],
    registers,
  });
  const webApiErrors = new Counter({
    name: 'minimaatwerk_web_api_errors_total',
    help: 'Failed calls to the chat platform Web API, by platform, method and error code.',
    labelNames: ['platform', 'method', 'code'],
    registers,
  });
  const reconciled = new Counter({
    name: 'minimaatwerk_reconcile_results_total',
    help: 'Start-up reconciliation results: requests checked, cards posted, reactions added or removed, failures.',
    labelNames: ['result'],
    registers,
  });
  const digestRuns = new Counter({
    name: 'minimaatwerk_digest_runs_total',
    help: 'Monthly digest targets by outcome (posted, failed, skipped).',
    labelNames: ['outcome'],
    registers,
  });
  const eventLatency = new Histogram({
    name: 'minimaatwerk_event_handling_seconds',
    help: 'Time from receiving a chat event to its answer, by platform and kind.',
    labelNames: ['platform', 'kind'],
    buckets: LATENCY_BUCKETS,
    registers,
  });

  // Known series start at 0, so rate() and increase() see their first event.
  for (const platform of TELEMETRY_PLATFORMS) approvals.inc({ platform }, 0);
  for (const result of RECONCILE_OUTCOMES) reconciled.inc({ result }, 0);
  for (const outcome of DIGEST_OUTCOMES) digestRuns.inc({ outcome }, 0);

  const telemetry: Telemetry = {
    webApiError: (platform, method, code) => webApiErrors.inc({ platform, method: label(method), code: label(code) }),
    reconciled: (outcome, count = 1) => {
      if (count > 0) reconciled.inc({ result: outcome }, count);
    },
    digestRun: (outcome) => digestRuns.inc({ outcome }),
    eventHandled: (platform, kind, seconds) => eventLatency.observe({ platform, kind: label(kind) }, Math.max(0, seconds)),
    approvalCounted: (platform) => approvals.inc({ platform }),
  };
  return { registry, telemetry };
}
