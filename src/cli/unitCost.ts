// `unit-cost list | set`: the municipality's own avoided cost per prevented outcome, with where the
// figure comes from. Empty by default: the digest estimates nothing until one is set here.
import { setUnitCost, unitCostList } from '../app/prevented.js';
import { cents, formatEuro } from '../core/money.js';
import type { Options } from './args.js';
import type { CommandContext } from './context.js';
import { done, refused, say, type CliResult } from './output.js';
import * as text from './texts.js';

export function unitCostListCommand(ctx: CommandContext): CliResult {
  const rows = unitCostList({ store: ctx.store });
  if (rows.length === 0) return { exitCode: 0, output: say(text.noUnitCosts) };
  return { exitCode: 0, output: rows.map((r) => `${r.outcome}  ${formatEuro(cents(r.cents))}  (${r.source})`).join('\n') };
}

export function unitCostSetCommand(ctx: CommandContext, o: Options): CliResult {
  if (!o.by) return refused(text.missingOption('by'));
  for (const name of ['outcome', 'cents', 'source'] as const) if (!o[name]) return refused(text.missingOption(name));
  const r = setUnitCost({ store: ctx.store, clock: { now: () => ctx.now } }, { by: o.by, outcome: o.outcome ?? '', cents: o.cents ?? '', source: o.source ?? '' });
  return r.ok ? done(r.message!) : refused(r.message!);
}
