// `purge --before 2019-01-01 --by <userId>`: retention of closed requests (free text only).
import { purgeBefore } from '../app/purge.js';
import type { Options } from './args.js';
import type { CommandContext } from './context.js';
import { done, refused, type CliResult } from './output.js';
import * as text from './texts.js';

export function purgeCommand(ctx: CommandContext, o: Options): CliResult {
  if (!o.before) return refused(text.missingOption('before'));
  if (!o.by) return refused(text.missingOption('by'));
  const result = purgeBefore({ store: ctx.store, clock: { now: () => ctx.now } }, { before: o.before, by: o.by });
  if (!result.ok) return refused(result.error.code === 'DATE_INVALID' ? text.dateInvalid(result.error.text) : text.purgeDateFuture(result.error.date));
  return done(text.purgeDone(result.value.requests, result.value.before));
}
