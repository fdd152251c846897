// `mark-paid --request 12 --by <userId>`: the same rule as the Slack button (never one's own approval).
import { markPaid } from '../app/finance.js';
import { cli, finance } from '../core/messages.js';
import type { Store } from '../store/db.js';
import { done, refused, type CliResult } from './output.js';

export function markPaidCommand(store: Store, opts: { request?: string | undefined; by?: string | undefined }, now: Date): CliResult {
  if (!opts.request) return refused(cli.missingOption('request'));
  if (!opts.by?.trim()) return refused(cli.missingOption('by'));
  const text = opts.request.trim().replace(/^#/, '');
  const requestId = /^\d{1,12}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(requestId) || requestId <= 0) return refused(cli.requestInvalid(opts.request));
  // Whoever can run the CLI against the database acts for finance; segregation of duties still holds.
  const result = markPaid({ store, clock: { now: () => now }, outboxWake: () => {} }, { requestId, actor: { id: opts.by.trim(), isFinance: true } });
  if (!result.ok) return refused(result.error);
  return done(finance.markedPaid(result.value.requestId, result.value.amountCents, result.value.supplierName));
}
