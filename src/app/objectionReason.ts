// The objector gives the reason an emoji cannot carry; it is stored and shown in the thread.
import { confirm, field, LIMITS, refusal, thread } from '../core/messages.js';
import { containsBsn, shownBack } from '../core/privacy.js';
import { appendAudit } from '../store/audit.js';
import { enqueue } from '../store/outbox.js';
import { objectionsOf, setObjectionReason } from '../store/reactions.js';
import { getRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import type { Ctx } from './deps.js';
import { done, refused, type Outcome } from './outcome.js';

function isObjector(ctx: Pick<Ctx, 'store'>, requestId: number, userId: string): boolean {
  return objectionsOf(ctx.store.db, requestId).some((o) => o.objectorId === userId);
}

/** Only who objected opens the reason form. */
export function openObjectionForm(ctx: Pick<Ctx, 'store'>, input: { actorId: string; requestId: number }): Outcome<{ requestId: number }> {
  if (!getRequest(ctx.store.db, input.requestId)) return refused('request.not_found', refusal.notFound);
  if (!isObjector(ctx, input.requestId, input.actorId)) return refused('objection.not_objector', refusal.notObjector(input.requestId));
  return done('form.opened', { requestId: input.requestId });
}

export function giveObjectionReason(ctx: Pick<Ctx, 'store' | 'clock' | 'outboxWake'>, input: { actorId: string; requestId: number; reason: string }): Outcome<{ requestId: number }> {
  const reason = input.reason.trim();
  const bad = reason.length === 0 ? field.required : reason.length > LIMITS.objectionReason ? field.tooLong(LIMITS.objectionReason) : containsBsn(reason) ? field.bsn : null;
  if (bad) return { ...refused('form.invalid', bad, { reason: bad }), values: { reason: shownBack(input.reason) } };
  const now = ctx.clock.now();
  const result = ctx.store.tx((tx): Outcome<{ requestId: number }> => {
    const request = getRequest(tx, input.requestId);
    if (!request) return refused('request.not_found', refusal.notFound);
    if (!setObjectionReason(tx, request.id, input.actorId, reason)) return refused('objection.not_objector', refusal.notObjector(request.id));
    const team = getTeam(tx, request.teamId);
    appendAudit(tx, { at: now, actorId: input.actorId, action: 'objection.reason_given', teamId: team.id, requestId: request.id });
    enqueue(tx, team.platform, { kind: 'thread.post', requestId: request.id, message: thread.objectionReason(input.actorId, reason) }, now);
    enqueue(tx, team.platform, { kind: 'card.update', requestId: request.id }, now);
    return done('objection.reason_given', { requestId: request.id }, confirm.objectionSaved(request.id));
  });
  if (result.ok) ctx.outboxWake();
  return result;
}
