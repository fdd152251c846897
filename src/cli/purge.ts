// `purge --before 2019-01-01 --by <userId>`: retention of closed requests (free text only).
import { purgeBefore } from '../app/purge.js';
import { cli } from '../core/messages.js';
import type { Store } from '../store/db.js';
import { done, refused, type CliResult } from './output.js';

export function purgeCommand(store: Store, opts: { before?: string | undefined; by?: string | undefined }, now: Date): CliResult {
  if (!opts.before) return refused(cli.missingOption('before'));
  if (!opts.by?.trim()) return refused(cli.missingOption('by'));
  const result = purgeBefore({ store, clock: { now: () => now } }, { before: opts.before, by: opts.by.trim() });
  if (!result.ok) return refused(result.error);
  return done(cli.purgeDone(result.value.requests, result.value.before));
}
