// The objector gives the reason an emoji cannot carry; it is stored and shown in the thread.
import type { Message } from '../core/messages.js';
import { field, LIMITS, refusal, thread } from '../core/messages.js';
import { containsBsn } from '../core/privacy.js';
import { err, ok, type Result } from '../core/result.js';
import { appendAudit } from '../store/audit.js';
import { enqueue } from '../store/outbox.js';
import { setObjectionReason } from '../store/reactions.js';
import { getRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import type { AppDeps } from './deps.js';

export type ObjectionReasonError = { kind: 'field'; message: Message } | { kind: 'refused'; message: Message };

export function giveObjectionReason(
  deps: AppDeps,
  input: { requestId: number; objectorId: string; reason: string },
): Result<true, ObjectionReasonError> {
  const reason = input.reason.trim();
  if (reason.length === 0) return err({ kind: 'field', message: field.required });
  if (reason.length > LIMITS.objectionReason) return err({ kind: 'field', message: field.tooLong(LIMITS.objectionReason) });
  if (containsBsn(reason)) return err({ kind: 'field', message: field.bsn });
  const now = deps.clock.now();
  const result = deps.store.tx((tx): Result<true, ObjectionReasonError> => {
    const request = getRequest(tx, input.requestId);
    if (!request) throw new Error(`request ${input.requestId} not found`);
    if (!setObjectionReason(tx, request.id, input.objectorId, reason)) {
      return err({ kind: 'refused', message: refusal.notObjector(request.id) });
    }
    const team = getTeam(tx, request.teamId);
    appendAudit(tx, { at: now, actorId: input.objectorId, action: 'objection.reason_given', teamId: team.id, requestId: request.id });
    enqueue(tx, team.platform, { kind: 'thread.post', requestId: request.id, message: thread.objectionReason(`<@${input.objectorId}>`, reason) }, now);
    enqueue(tx, team.platform, { kind: 'card.update', requestId: request.id }, now);
    return ok(true);
  });
  if (result.ok) deps.outboxWake();
  return result;
}
