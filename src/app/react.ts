// A reaction on a card: approvals and objections, counted once per person, decided once.
import type { ReactionKind } from '../core/approval.js';
import { classifyReaction, decide, ineligibility, parseEmojiList, normalizeEmoji } from '../core/approval.js';
import type { Message } from '../core/messages.js';
import { ineligible, thread } from '../core/messages.js';
import { cents } from '../core/money.js';
import { isUndecided } from '../core/request.js';
import { appendAudit } from '../store/audit.js';
import type { Tx } from '../store/db.js';
import { claimEvent } from '../store/events.js';
import { enqueue } from '../store/outbox.js';
import { recordPayment } from '../store/payments.js';
import { applyReaction, approversOf, holds, objectionsOf, syncHolder } from '../store/reactions.js';
import { findRequestByCard, updateRequest } from '../store/requests.js';
import type { RequestRow, Team } from '../store/schema.js';
import { getTeam } from '../store/teams.js';
import type { AppDeps, Directory } from './deps.js';

export interface ReactionEvent {
  platform: 'slack' | 'teams';
  eventId: string;
  /** The platform's time of the event, sortable as a decimal string (Slack event_ts). */
  eventTs: string;
  channelId: string;
  messageTs: string;
  userId: string;
  emoji: string;
  added: boolean;
}

export type ReactionOutcome =
  | { outcome: 'not_a_card' | 'not_counted' | 'duplicate' | 'unchanged' | 'decided' }
  | { outcome: 'refused'; message: Message }
  | { outcome: 'changed'; requestId: number; status: RequestRow['status'] };

export function teamReactionSettings(team: Team) {
  return { approvalEmoji: parseEmojiList(team.approvalEmoji), objectionEmoji: parseEmojiList(team.objectionEmoji) };
}

export async function handleReaction(deps: AppDeps, ev: ReactionEvent, directory: Directory): Promise<ReactionOutcome> {
  const request = findRequestByCard(deps.store.db, ev.channelId, ev.messageTs);
  if (!request) return { outcome: 'not_a_card' };
  const team = getTeam(deps.store.db, request.teamId);
  const kind = classifyReaction(ev.emoji, teamReactionSettings(team));
  if (!kind) return { outcome: 'not_counted' };
  const reactor = {
    userId: ev.userId,
    isBot: await directory.isBot(ev.userId),
    isChannelMember: await directory.isChannelMember(request.channelId, ev.userId),
  };
  const why = ineligibility(reactor, request.requesterId);
  if (why) {
    // Nobody is told off for reacting on a card that is already decided or closed.
    if (!ev.added || !isUndecided(request.status)) return { outcome: 'not_counted' };
    const message = ineligible(why, request.id);
    return message ? { outcome: 'refused', message } : { outcome: 'not_counted' };
  }
  const outcome = deps.store.tx((tx) => applyReactionEvent(tx, ev, request.id, kind, deps.clock.now()));
  if (outcome.outcome === 'changed') deps.outboxWake();
  return outcome;
}

/** One transaction: claim the event id, record the reaction, recount, decide, record the payment. */
export function applyReactionEvent(tx: Tx, ev: ReactionEvent, requestId: number, kind: ReactionKind, now: Date): ReactionOutcome {
  if (!claimEvent(tx, `${ev.platform}:${ev.eventId}`, now)) return { outcome: 'duplicate' };
  const request = findRequestByCard(tx, ev.channelId, ev.messageTs);
  if (!request || request.id !== requestId) return { outcome: 'not_a_card' };
  if (!isUndecided(request.status)) return { outcome: 'decided' };
  const team = getTeam(tx, request.teamId);
  const changed = applyReaction(tx, {
    requestId: request.id,
    userId: ev.userId,
    emoji: normalizeEmoji(ev.emoji),
    kind,
    present: ev.added,
    version: request.version,
    eventTs: ev.eventTs,
  });
  if (!changed) return { outcome: 'unchanged' };

  const approvalChanged = syncHolder(tx, 'approvals', request.id, ev.userId, holds(tx, request.id, ev.userId, 'approve', request.version), now);
  const objectionChanged = syncHolder(tx, 'objections', request.id, ev.userId, holds(tx, request.id, ev.userId, 'object'), now);
  if (!approvalChanged && !objectionChanged) return { outcome: 'unchanged' };
  const audit = (action: string, detail: Record<string, unknown> = {}) =>
    appendAudit(tx, { at: now, actorId: ev.userId, action, teamId: team.id, requestId: request.id, detail });
  if (approvalChanged) audit(ev.added ? 'approval.added' : 'approval.removed', { emoji: normalizeEmoji(ev.emoji), version: request.version });
  if (objectionChanged) audit(ev.added ? 'objection.added' : 'objection.removed', { emoji: normalizeEmoji(ev.emoji) });

  const approvers = approversOf(tx, request.id);
  const objectors = objectionsOf(tx, request.id).map((o) => o.objectorId);
  const status = decide({ status: request.status, approvers, objectors, approvalsNeeded: team.approvalsNeeded });
  const platform = ev.platform;
  if (objectionChanged && ev.added) {
    enqueue(tx, platform, { kind: 'thread.post', requestId: request.id, message: thread.objectionAsk(`<@${ev.userId}>`), askReasonFrom: ev.userId }, now);
  }
  if (status !== request.status) {
    updateRequest(tx, request.id, { status, ...(status === 'approved' ? { decidedAt: now } : {}) });
    audit(`request.${status === 'open' ? 'reopened' : status}`, { from: request.status, approvers, objectors });
    if (status === 'approved') {
      recordPayment(tx, request, approvers, now);
      audit('payment.recorded', { amountCents: request.amountCents, supplierName: request.supplierName, supplierIban: request.supplierIban, approvers });
      const names = approvers.map((a) => `<@${a}>`);
      enqueue(tx, platform, { kind: 'thread.post', requestId: request.id, message: thread.approved(request.id, cents(request.amountCents), request.supplierName, names) }, now);
    }
    if (request.status === 'on_hold' && status === 'open') {
      enqueue(tx, platform, { kind: 'thread.post', requestId: request.id, message: thread.objectionsCleared(request.id) }, now);
    }
  }
  enqueue(tx, platform, { kind: 'card.update', requestId: request.id }, now);
  return { outcome: 'changed', requestId: request.id, status };
}
