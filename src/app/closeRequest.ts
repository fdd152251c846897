// The requester (or an admin) withdraws a request or closes it as "alternative found".
import type { Message } from '../core/messages.js';
import { field, LIMITS, refusal, thread } from '../core/messages.js';
import { containsBsn } from '../core/privacy.js';
import type { CloseKind } from '../core/request.js';
import { transition } from '../core/request.js';
import { err, ok, type Result } from '../core/result.js';
import { appendAudit } from '../store/audit.js';
import { enqueue } from '../store/outbox.js';
import { getRequest, updateRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import type { Actor, AppDeps } from './deps.js';
import { mayChange } from './authorize.js';

export type CloseInput =
  | { requestId: number; actor: Actor; how: 'withdraw' }
  | { requestId: number; actor: Actor; how: 'alternative'; kind: CloseKind; reason: string };

export type CloseError = { kind: 'refused'; message: Message } | { kind: 'field'; message: Message };

/** Check the free-text reason before anything is stored. */
export function closeReasonError(reason: string): Message | null {
  const r = reason.trim();
  if (r.length === 0) return field.required;
  if (r.length > LIMITS.closeReason) return field.tooLong(LIMITS.closeReason);
  if (containsBsn(r)) return field.bsn;
  return null;
}

export function closeRequest(deps: AppDeps, input: CloseInput): Result<{ requestId: number }, CloseError> {
  const now = deps.clock.now();
  if (input.how === 'alternative') {
    const bad = closeReasonError(input.reason);
    if (bad) return err({ kind: 'field', message: bad });
  }
  const result = deps.store.tx((tx): Result<{ requestId: number }, CloseError> => {
    const request = getRequest(tx, input.requestId);
    if (!request) throw new Error(`request ${input.requestId} not found`);
    const refused = mayChange(input.actor, request);
    if (refused) return err({ kind: 'refused', message: refused });
    const next = transition(request.status, input.how === 'withdraw' ? 'withdraw' : 'close_alternative');
    if (!next.ok) return err({ kind: 'refused', message: refusal.alreadyDecided(request.id, request.status) });
    const team = getTeam(tx, request.teamId);
    const by = `<@${input.actor.id}>`;
    updateRequest(tx, request.id, {
      status: next.value,
      closedAt: now,
      ...(input.how === 'alternative' ? { closedKind: input.kind, closedReason: input.reason.trim() } : {}),
    });
    appendAudit(tx, {
      at: now,
      actorId: input.actor.id,
      action: `request.${next.value}`,
      teamId: team.id,
      requestId: request.id,
      detail: { from: request.status, ...(input.how === 'alternative' ? { kind: input.kind } : {}) },
    });
    enqueue(tx, team.platform, { kind: 'card.update', requestId: request.id }, now);
    const message =
      input.how === 'withdraw' ? thread.withdrawn(request.id, by) : thread.alternative(request.id, by, input.kind, input.reason.trim());
    enqueue(tx, team.platform, { kind: 'thread.post', requestId: request.id, message }, now);
    return ok({ requestId: request.id });
  });
  if (result.ok) deps.outboxWake();
  return result;
}
