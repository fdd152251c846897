// Waiting in integration tests: for a condition, and for an outbox to have sent what is due.
import type { Clock } from '../../src/app/deps.js';
import type { Store } from '../../src/store/db.js';

export async function waitUntil<T>(fn: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error('waitUntil: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Wait until `platform`'s outbox has sent everything that is due now. */
export async function settleOutbox(store: Store, outbox: { drain(): Promise<void> }, clock: Clock, platform: 'slack' | 'teams'): Promise<void> {
  await outbox.drain();
  await waitUntil(() => {
    const n = store.sqlite
      .prepare('select count(*) as n from outbox where platform = ? and done_at is null and not_before <= ?')
      .get(platform, clock.now().getTime()) as { n: number };
    return n.n === 0;
  });
  await outbox.drain();
}
