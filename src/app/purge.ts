// Retention: blank the free text of closed requests older than a date, keep the financial record
// (amount, supplier, IBAN, category, dates, approvers) that the 7-year fiscal retention needs.
import { CLOSED_STATUSES } from '../core/request.js';
import { err, ok, type Result } from '../core/result.js';
import { isIsoCalendarDate } from '../core/sepa.js';
import { atLocalTime, isoDate } from '../core/time.js';
import { appendAudit } from '../store/audit.js';
import { enqueue } from '../store/outbox.js';
import { purgeClosedBefore, type PurgeCounts } from '../store/register.js';
import { postedCards } from '../store/requests.js';
import type { AppDeps } from './deps.js';


/** Local midnight (Europe/Amsterdam) at the start of a YYYY-MM-DD day. */
export function startOfDayAmsterdam(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return atLocalTime(new Date(Date.UTC(y, m - 1, d, 12)), 0);
}

/** A cut-off day that cannot be used; the CLI words it (src/cli/texts.ts). */
export type PurgeDateError = { code: 'DATE_INVALID'; text: string } | { code: 'DATE_FUTURE'; date: string };

export function purgeBefore(
  deps: Pick<AppDeps, 'store' | 'clock'> & Partial<Pick<AppDeps, 'outboxWake'>>,
  input: { before: string; by: string },
): Result<PurgeCounts & { before: string }, PurgeDateError> {
  const now = deps.clock.now();
  const before = input.before.trim();
  if (!isIsoCalendarDate(before)) return err({ code: 'DATE_INVALID', text: input.before });
  if (before > isoDate(now)) return err({ code: 'DATE_FUTURE', date: before });
  const cutoff = startOfDayAmsterdam(before);
  const result = deps.store.tx((tx) => {
    const { requestIds, ...counts } = purgeClosedBefore(tx, CLOSED_STATUSES, cutoff, now);
    // The cards in the chats show the blanked text too ([verwijderd]): each is drawn again.
    for (const card of postedCards(tx, requestIds)) enqueue(tx, card.platform, { kind: 'card.update', requestId: card.requestId }, now);
    appendAudit(tx, {
      at: now,
      actorId: input.by,
      action: 'retention.purged',
      detail: { before, ...counts, firstRequestId: requestIds[0] ?? null, lastRequestId: requestIds.at(-1) ?? null },
    });
    return ok({ before, ...counts });
  });
  deps.outboxWake?.();
  return result;
}
