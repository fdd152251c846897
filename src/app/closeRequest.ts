// The requester (or an admin) withdraws a request or closes it as "alternative found".
import type { Message } from '../core/messages.js';
import { confirm, field, LIMITS, refusal, thread } from '../core/messages.js';
import { isPreventedOutcome, type PreventedOutcome } from '../core/prevented.js';
import { containsBsn, shownBack } from '../core/privacy.js';
import { preventedText } from '../core/texts/signals.js';
import type { CloseKind } from '../core/request.js';
import { CLOSE_KINDS, transition } from '../core/request.js';
import { appendAudit } from '../store/audit.js';
import { enqueue } from '../store/outbox.js';
import { getRequest, updateRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import { whyNotChange } from './authorize.js';
import type { Ctx } from './deps.js';
import { done, refused, type Outcome, type Refused } from './outcome.js';

/** Check the free-text reason before anything is stored. */
export function closeReasonError(reason: string): Message | null {
  const r = reason.trim();
  if (r.length === 0) return field.required;
  if (r.length > LIMITS.closeReason) return field.tooLong(LIMITS.closeReason);
  if (containsBsn(r)) return field.bsn;
  return null;
}

/** May this person close the request now (before the "alternative found" form opens)? */
export async function openCloseForm(ctx: Ctx, input: { actorId: string; requestId: number }): Promise<Outcome<{ requestId: number }>> {
  const request = getRequest(ctx.store.db, input.requestId);
  if (!request) return refused('request.not_found', refusal.notFound);
  const why = await whyNotChange(ctx, input.actorId, request);
  return why ? refused('request.not_yours', why) : done('form.opened', { requestId: request.id });
}

export type CloseInput =
  | { actorId: string; requestId: number; how: 'withdraw' }
  | { actorId: string; requestId: number; how: 'alternative'; kind: string | null; reason: string; prevented?: string | null };

export async function closeRequest(ctx: Ctx, input: CloseInput): Promise<Outcome<{ requestId: number }>> {
  const now = ctx.clock.now();
  let kind: CloseKind | undefined;
  let reason = '';
  let prevented: PreventedOutcome | undefined;
  if (input.how === 'alternative') {
    const values = { kind: input.kind ?? '', reason: shownBack(input.reason), prevented: input.prevented ?? '' };
    const again = (message: Message, name: keyof typeof values): Refused => ({ ...refused('form.invalid', message, { [name]: message }), values });
    kind = CLOSE_KINDS.find((k) => k === input.kind);
    if (!kind) return again(field.required, 'kind');
    const bad = closeReasonError(input.reason);
    if (bad) return again(bad, 'reason');
    reason = input.reason.trim();
    // What the alternative prevented: optional, one of a fixed list.
    if (input.prevented) {
      if (!isPreventedOutcome(input.prevented)) return again(preventedText.unknownChoice, 'prevented');
      prevented = input.prevented;
    }
  }
  const request = getRequest(ctx.store.db, input.requestId);
  if (!request) return refused('request.not_found', refusal.notFound);
  const why = await whyNotChange(ctx, input.actorId, request);
  if (why) return refused('request.not_yours', why);
  const result = ctx.store.tx((tx): Outcome<{ requestId: number }> => {
    const current = getRequest(tx, input.requestId)!;
    const next = transition(current.status, input.how === 'withdraw' ? 'withdraw' : 'close_alternative');
    if (!next.ok) return refused('request.decided', refusal.alreadyDecided(current.id, current.status));
    const team = getTeam(tx, current.teamId);
    updateRequest(tx, current.id, { status: next.value, closedAt: now, ...(kind ? { closedKind: kind, closedReason: reason } : {}), ...(prevented ? { prevented, preventedAt: now } : {}) });
    appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: `request.${next.value}`,
      teamId: team.id,
      requestId: current.id,
      detail: { from: current.status, ...(kind ? { kind } : {}), ...(prevented ? { prevented } : {}) },
    });
    enqueue(tx, team.platform, { kind: 'card.update', requestId: current.id }, now);
    const message = kind ? thread.alternative(current.id, input.actorId, kind, reason) : thread.withdrawn(current.id, input.actorId);
    enqueue(tx, team.platform, { kind: 'thread.post', requestId: current.id, message }, now);
    return done(`request.${next.value}`, { requestId: current.id }, kind ? confirm.closedAlternative(current.id) : confirm.withdrawn(current.id));
  });
  if (result.ok) ctx.outboxWake();
  return result;
}
