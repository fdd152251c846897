// Platform event ids already handled: the first insert wins, a retry or duplicate finds it taken.
import { processedEvents } from './schema.js';
import { sql } from 'drizzle-orm';
import type { Tx } from './db.js';
import { prepared } from './prepared.js';

/** Claim an event id inside the transaction that handles it; false when it was handled before. */
export function claimEvent(tx: Tx, eventId: string, now: Date): boolean {
  const res = prepared(tx, 'event.claim', (t) =>
    t.insert(processedEvents).values({ eventId: sql.placeholder('eventId'), receivedAt: sql.placeholder('receivedAt') }).onConflictDoNothing().prepare(),
  ).run({ eventId, receivedAt: now });
  return res.changes > 0;
}
