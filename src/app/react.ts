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
import { applyReaction, approversOf, holderCount, holdings, objectionsOf, syncHolder } from '../store/reactions.js';
import { cardState, updateRequest } from '../store/requests.js';
import type { RequestRow, Team } from '../store/schema.js';
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

const emojiLists = new Map<string, string[]>();
/** A team's emoji setting as a list (parsed once per distinct setting: every reaction needs it). */
function emojiList(csv: string): string[] {
  let list = emojiLists.get(csv);
  if (!list) {
    if (emojiLists.size > 1000) emojiLists.clear();
    emojiLists.set(csv, (list = parseEmojiList(csv)));
  }
  return list;
}

export function teamReactionSettings(team: Pick<Team, 'approvalEmoji' | 'objectionEmoji'>) {
  return { approvalEmoji: emojiList(team.approvalEmoji), objectionEmoji: emojiList(team.objectionEmoji) };
}

export async function handleReaction(deps: AppDeps, ev: ReactionEvent, directory: Directory): Promise<ReactionOutcome> {
  const card = cardState(deps.store.db, ev.channelId, ev.messageTs);
  if (!card) return { outcome: 'not_a_card' };
  const kind = classifyReaction(ev.emoji, teamReactionSettings(card));
  if (!kind) return { outcome: 'not_counted' };
  const reactor = {
    userId: ev.userId,
    isBot: await directory.isBot(ev.userId),
    isChannelMember: await directory.isChannelMember(card.channelId, ev.userId),
  };
  const why = ineligibility(reactor, card.requesterId);
  if (why) {
    // Nobody is told off for reacting on a card that is already decided or closed.
    if (!ev.added || !isUndecided(card.status)) return { outcome: 'not_counted' };
    const message = ineligible(why, card.requestId);
    return message ? { outcome: 'refused', message } : { outcome: 'not_counted' };
  }
  const outcome = await deps.store.groupTx((tx) => applyReactionEvent(tx, ev, card.requestId, kind, deps.clock.now()));
  if (outcome.outcome === 'changed') deps.outboxWake();
  return outcome;
}

/** One transaction: claim the event id, record the reaction, recount, decide, record the payment. */
export function applyReactionEvent(tx: Tx, ev: ReactionEvent, requestId: number, kind: ReactionKind, now: Date): ReactionOutcome {
  if (!claimEvent(tx, `${ev.platform}:${ev.eventId}`, now)) return { outcome: 'duplicate' };
  const card = cardState(tx, ev.channelId, ev.messageTs, requestId);
  if (!card) return { outcome: 'not_a_card' };
  if (!isUndecided(card.status)) return { outcome: 'decided' };
  const changed = applyReaction(tx, {
    requestId,
    userId: ev.userId,
    emoji: normalizeEmoji(ev.emoji),
    kind,
    present: ev.added,
    version: card.version,
    eventTs: ev.eventTs,
  });
  if (!changed) return { outcome: 'unchanged' };

  const held = holdings(tx, requestId, ev.userId, card.version);
  const approvalChanged = syncHolder(tx, 'approvals', requestId, ev.userId, held.approve, now);
  const objectionChanged = syncHolder(tx, 'objections', requestId, ev.userId, held.object, now);
  if (!approvalChanged && !objectionChanged) return { outcome: 'unchanged' };
  const audit = (action: string, detail: Record<string, unknown> = {}) =>
    appendAudit(tx, { at: now, actorId: ev.userId, action, teamId: card.teamId, requestId, detail });
  if (approvalChanged) audit(ev.added ? 'approval.added' : 'approval.removed', { emoji: normalizeEmoji(ev.emoji), version: card.version });
  if (objectionChanged) audit(ev.added ? 'objection.added' : 'objection.removed', { emoji: normalizeEmoji(ev.emoji) });

  // Deciding needs only how many hold an approval or objection; a decision records who.
  const status = decide({
    status: card.status,
    approvals: holderCount(tx, 'approvals', requestId),
    objections: holderCount(tx, 'objections', requestId),
    approvalsNeeded: card.approvalsNeeded,
  });
  const platform = ev.platform;
  if (objectionChanged && ev.added) {
    enqueue(tx, platform, { kind: 'thread.post', requestId, message: thread.objectionAsk(`<@${ev.userId}>`), askReasonFrom: ev.userId }, now);
  }
  if (status !== card.status) {
    const approvers = approversOf(tx, requestId);
    const objectors = objectionsOf(tx, requestId).map((o) => o.objectorId);
    const request = updateRequest(tx, requestId, { status, ...(status === 'approved' ? { decidedAt: now } : {}) });
    audit(`request.${status === 'open' ? 'reopened' : status}`, { from: card.status, approvers, objectors });
    if (status === 'approved') {
      recordPayment(tx, request, approvers, now);
      audit('payment.recorded', { amountCents: request.amountCents, supplierName: request.supplierName, supplierIban: request.supplierIban, approvers });
      const names = approvers.map((a) => `<@${a}>`);
      enqueue(tx, platform, { kind: 'thread.post', requestId, message: thread.approved(requestId, cents(request.amountCents), request.supplierName, names) }, now);
    }
    if (card.status === 'on_hold' && status === 'open') {
      enqueue(tx, platform, { kind: 'thread.post', requestId, message: thread.objectionsCleared(requestId) }, now);
    }
  }
  enqueue(tx, platform, { kind: 'card.update', requestId }, now);
  return { outcome: 'changed', requestId, status };
}
