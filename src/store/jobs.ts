// Jobs that must run once (the monthly digest per channel): a key claimed in job_runs.
import type { Tx } from './db.js';
import { statement } from './prepared.js';

/** Claim `key`: true for exactly one caller; a claim without done_at older than `staleBefore` is taken over. */
export function claimJob(tx: Tx, key: string, now: Date, staleBefore: Date): boolean {
  const inserted = statement(tx, `INSERT INTO job_runs (key, claimed_at, done_at) VALUES (?, ?, NULL) ON CONFLICT (key) DO NOTHING`).run(key, now.getTime());
  if (inserted.changes === 1) return true;
  return statement(tx, `UPDATE job_runs SET claimed_at = ? WHERE key = ? AND done_at IS NULL AND claimed_at <= ?`).run(now.getTime(), key, staleBefore.getTime()).changes === 1;
}

export function jobDone(tx: Tx, key: string): boolean {
  const row = statement(tx, `SELECT done_at FROM job_runs WHERE key = ?`).get(key) as { done_at: number | null } | undefined;
  return row?.done_at != null;
}

/** Record a finished job or step (created when it was never claimed). */
export function markJobDone(tx: Tx, key: string, now: Date): void {
  statement(tx, `INSERT INTO job_runs (key, claimed_at, done_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET done_at = excluded.done_at`).run(key, now.getTime(), now.getTime());
}

/** Give an unfinished claim back: the next tick may take it at once. */
export function releaseJob(tx: Tx, key: string): void {
  statement(tx, `UPDATE job_runs SET claimed_at = 0 WHERE key = ? AND done_at IS NULL`).run(key);
}
