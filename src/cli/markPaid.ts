// `mark-paid --request 12 --by <userId>`: the same rule as the card's button (finance only, never
// one's own approval or request), and never a payment that no longer matches its audit rows.
import { markPaid } from '../app/finance.js';
import { finance } from '../core/messages.js';
import type { Options } from './args.js';
import type { CommandContext } from './context.js';
import { done, refused, type CliResult } from './output.js';
import * as text from './texts.js';

export function markPaidCommand(ctx: CommandContext, o: Options): CliResult {
  if (!o.request) return refused(text.missingOption('request'));
  if (!o.by) return refused(text.missingOption('by'));
  const digits = o.request.replace(/^#/, '');
  const requestId = /^\d{1,12}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(requestId) || requestId <= 0) return refused(text.requestInvalid(o.request));
  // The finance group was checked against FINANCE_USER_IDS before (commands.ts).
  const result = markPaid({ store: ctx.store, clock: { now: () => ctx.now }, outboxWake: () => {} }, { requestId, actor: { id: o.by, isFinance: true } });
  if (!result.ok) return refused(result.error);
  return done(finance.markedPaid(result.value.requestId, result.value.amountCents, result.value.supplierName));
}
