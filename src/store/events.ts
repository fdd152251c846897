// Platform event ids already handled: the first insert wins, a retry or duplicate finds it taken.
import { processedEvents } from './schema.js';
import type { Tx } from './db.js';

/** Claim an event id inside the transaction that handles it; false when it was handled before. */
export function claimEvent(tx: Tx, eventId: string, now: Date): boolean {
  const res = tx.insert(processedEvents).values({ eventId, receivedAt: now }).onConflictDoNothing().run();
  return res.changes > 0;
}
