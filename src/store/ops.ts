// What the health checks and the metrics read: counts and ages only, never row contents.
import { and, count, eq, isNull, min } from 'drizzle-orm';
import { REQUEST_STATUSES, type RequestStatus } from '../core/request.js';
import type { Tx } from './db.js';
import { sqliteOf } from './prepared.js';
import { jobRuns, outbox, requests } from './schema.js';

export const OUTBOX_PLATFORMS = ['slack', 'teams'] as const;
export type OutboxPlatform = (typeof OUTBOX_PLATFORMS)[number];

const ROLLED_BACK = Symbol('rolled back');
/** A key no job uses: the probe row never survives its transaction anyway. */
const PROBE_KEY = 'ops:readyz-probe';

/**
 * Throws (with SQLite's code, e.g. SQLITE_READONLY, SQLITE_BUSY, SQLITE_FULL) unless the database
 * takes a write now: one row written in an IMMEDIATE transaction that is always rolled back, so
 * nothing is stored. Waits at most `busyTimeoutMs` for the write lock (not the store's 5 s: the
 * connection is synchronous, so a long wait would stall the whole bot).
 */
export function probeWritable(tx: Tx, now: Date, busyTimeoutMs = 250): void {
  const sqlite = sqliteOf(tx);
  const previous = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  try {
    sqlite
      .transaction(() => {
        tx.insert(jobRuns).values({ key: PROBE_KEY, claimedAt: now }).onConflictDoNothing().run();
        throw ROLLED_BACK;
      })
      .immediate();
  } catch (e) {
    if (e !== ROLLED_BACK) throw e;
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}

export interface OutboxBacklog {
  platform: OutboxPlatform;
  /** Items not yet delivered (due now, waiting for a retry, or being sent). */
  pending: number;
  /** When the oldest of them was enqueued; null when none is pending. */
  oldestCreatedAt: Date | null;
}

/** Per platform (both, also when empty): one index seek on (platform, done_at) each. */
export function outboxBacklog(tx: Tx): OutboxBacklog[] {
  return OUTBOX_PLATFORMS.map((platform) => {
    const row = tx
      .select({ pending: count(), oldest: min(outbox.createdAt) })
      .from(outbox)
      .where(and(eq(outbox.platform, platform), isNull(outbox.doneAt)))
      .get();
    return { platform, pending: row?.pending ?? 0, oldestCreatedAt: row?.oldest ?? null };
  });
}

/** Number of requests in each status (every status present, 0 when none). */
export function requestCountsByStatus(tx: Tx): Record<RequestStatus, number> {
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const row of tx.select({ status: requests.status, n: count() }).from(requests).groupBy(requests.status).all()) {
    counts[row.status] = row.n;
  }
  return counts;
}
