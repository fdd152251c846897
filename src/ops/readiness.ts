// Is the bot able to do its work? The database takes a write, and the outbox is moving (its oldest
// undelivered item is younger than the threshold). Used by /readyz and the `minimaatwerk_ready` gauge.
// The answer holds check names, counts, ages and SQLite error codes only: no personal data.
import type { Store } from '../store/db.js';
import { outboxBacklog, probeWritable } from '../store/ops.js';

export interface ReadinessOptions {
  store: Store;
  /** The oldest pending outbox item may be this old; older means chat updates are stuck. */
  outboxMaxAgeSeconds: number;
  now?: () => Date;
}

export type CheckResult = { ok: true } | { ok: false; code: string };

export interface Readiness {
  ready: boolean;
  /** Names of the checks that failed. */
  failed: string[];
  checks: {
    database: CheckResult;
    outbox: CheckResult & { pending?: number; oldestPendingSeconds?: number; maxAgeSeconds: number };
  };
}

/** An error as a code that is safe to show: SQLite's code, or the error's class name. */
function codeOf(e: unknown): string {
  const o = e as { code?: unknown; name?: unknown } | null;
  return String(o?.code ?? o?.name ?? 'error').slice(0, 40);
}

export function checkReadiness(opts: ReadinessOptions): Readiness {
  const now = (opts.now ?? (() => new Date()))();
  let database: CheckResult;
  try {
    probeWritable(opts.store.db, now);
    database = { ok: true };
  } catch (e) {
    database = { ok: false, code: codeOf(e) };
  }
  let outbox: Readiness['checks']['outbox'];
  try {
    const backlog = outboxBacklog(opts.store.db);
    const oldest = Math.min(...backlog.map((b) => b.oldestCreatedAt?.getTime() ?? Infinity));
    const oldestPendingSeconds = Number.isFinite(oldest) ? Math.max(0, Math.floor((now.getTime() - oldest) / 1000)) : 0;
    const pending = backlog.reduce((n, b) => n + b.pending, 0);
    outbox =
      oldestPendingSeconds > opts.outboxMaxAgeSeconds
        ? { ok: false, code: 'outbox_stuck', pending, oldestPendingSeconds, maxAgeSeconds: opts.outboxMaxAgeSeconds }
        : { ok: true, pending, oldestPendingSeconds, maxAgeSeconds: opts.outboxMaxAgeSeconds };
  } catch (e) {
    outbox = { ok: false, code: codeOf(e), maxAgeSeconds: opts.outboxMaxAgeSeconds };
  }
  const failed = Object.entries({ database, outbox })
    .filter(([, c]) => !c.ok)
    .map(([name]) => name);
  return { ready: failed.length === 0, failed, checks: { database, outbox } };
}
