// `digest [--month 2026-10]`: the digest text of all teams, for people without a chat at hand.
// Default: the previous month. A bad month has the same wording as in export csv.
import { checkMonth } from '../app/finance.js';
import { digestForMonth } from '../app/digest.js';
import { toPlain } from '../core/text.js';
import { addMonthsKey, monthKey } from '../core/time.js';
import type { Options } from './args.js';
import type { CommandContext } from './context.js';
import { monthText } from './exportCsv.js';
import { refused, type CliResult } from './output.js';

export function digestCommand(ctx: CommandContext, o: Options): CliResult {
  const month = o.month === undefined ? { ok: true as const, value: addMonthsKey(monthKey(ctx.now), -1) } : checkMonth(o.month, ctx.now);
  if (!month.ok) return refused(monthText(month.error));
  const { text } = digestForMonth({ store: ctx.store, clock: { now: () => ctx.now } }, month.value, { chart: false });
  return { exitCode: 0, output: toPlain(text).trimEnd() };
}
