// Platform event ids already handled: the first insert wins, a retry or duplicate finds it taken.
import type { Tx } from './db.js';
import { statement } from './prepared.js';

/** Claim an event id inside the transaction that handles it; false when it was handled before. */
export function claimEvent(tx: Tx, eventId: string, now: Date): boolean {
  return statement(tx, `INSERT INTO processed_events (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(eventId, now.getTime()).changes > 0;
}
