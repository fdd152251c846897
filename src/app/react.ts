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
import { enqueue, type OutboxItem } from '../store/outbox.js';
import { recordPayment } from '../store/payments.js';
import { applyReaction, approversOf, holderCount, holdings, objectionsOf, syncHolder } from '../store/reactions.js';
import { cardFacts, reactionState, updateRequest, type CardFacts } from '../store/requests.js';
import type { RequestRow, Team } from '../store/schema.js';
import type { AppDeps, Directory, Platform } from './deps.js';

export interface ReactionEvent {
  platform: Platform;
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
  | {
      outcome: 'changed';
      requestId: number;
      status: RequestRow['status'];
      /** whether the outbox got something to send */
      enqueued: boolean;
      /** whether a person's approval was added */
      approvalAdded: boolean;
    };

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
  const card = cardFacts(deps.store.db, ev.channelId, ev.messageTs, deps.clock.now().getTime());
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
    const state = reactionState(deps.store.db, card.requestId);
    if (!ev.added || !state || !isUndecided(state.status)) return { outcome: 'not_counted' };
    const message = ineligible(why, card.requestId);
    return message ? { outcome: 'refused', message } : { outcome: 'not_counted' };
  }
  const outcome = await deps.store.groupTx((tx) => applyReactionEvent(tx, ev, card, kind, deps.clock.now()));
  if (outcome.outcome === 'changed' && outcome.enqueued) deps.outboxWake();
  if (outcome.outcome === 'changed' && outcome.approvalAdded) deps.telemetry?.approvalCounted(ev.platform);
  return outcome;
}

/** One transaction: claim the event id, record the reaction, recount, decide, record the payment. */
export function applyReactionEvent(tx: Tx, ev: ReactionEvent, card: CardFacts, kind: ReactionKind, now: Date): ReactionOutcome {
  if (!claimEvent(tx, `${ev.platform}:${ev.eventId}`, now)) return { outcome: 'duplicate' };
  const { requestId } = card;
  const state = reactionState(tx, requestId);
  if (!state) return { outcome: 'not_a_card' };
  if (!isUndecided(state.status)) return { outcome: 'decided' };
  const emoji = normalizeEmoji(ev.emoji);
  const changed = applyReaction(tx, { requestId, userId: ev.userId, emoji, kind, present: ev.added, version: state.version, eventTs: ev.eventTs });
  if (!changed) return { outcome: 'unchanged' };

  const held = holdings(tx, requestId, ev.userId, state.version);
  const approvalChanged = syncHolder(tx, 'approvals', requestId, ev.userId, held.approve, now);
  const objectionChanged = syncHolder(tx, 'objections', requestId, ev.userId, held.object, now);
  if (!approvalChanged && !objectionChanged) return { outcome: 'unchanged' };
  const audit = (action: string, detail: Record<string, unknown> = {}) =>
    appendAudit(tx, { at: now, actorId: ev.userId, action, teamId: card.teamId, requestId, detail });
  if (approvalChanged) audit(ev.added ? 'approval.added' : 'approval.removed', { emoji, version: state.version });
  if (objectionChanged) audit(ev.added ? 'objection.added' : 'objection.removed', { emoji });

  // Deciding needs only how many hold an approval or objection; a decision records who.
  const status = decide({
    status: state.status,
    approvals: holderCount(tx, 'approvals', requestId),
    objections: holderCount(tx, 'objections', requestId),
    approvalsNeeded: card.approvalsNeeded,
  });
  const platform = ev.platform;
  // A card update already waiting is not written again, and then the outbox need not be woken.
  let enqueued = false;
  const post = (item: OutboxItem) => {
    enqueued = enqueue(tx, platform, item, now) || enqueued;
  };
  if (objectionChanged && ev.added) {
    post({ kind: 'thread.post', requestId, message: thread.objectionAsk(ev.userId), askReasonFrom: ev.userId });
  }
  if (status !== state.status) {
    const approvers = approversOf(tx, requestId);
    const objectors = objectionsOf(tx, requestId).map((o) => o.objectorId);
    const request = updateRequest(tx, requestId, { status, ...(status === 'approved' ? { decidedAt: now } : {}) });
    audit(`request.${status === 'open' ? 'reopened' : status}`, { from: state.status, approvers, objectors });
    if (status === 'approved') {
      recordPayment(tx, request, approvers, now);
      audit('payment.recorded', { amountCents: request.amountCents, supplierName: request.supplierName, supplierIban: request.supplierIban, approvers });
      post({ kind: 'thread.post', requestId, message: thread.approved(requestId, cents(request.amountCents), request.supplierName, approvers) });
    }
    if (state.status === 'on_hold' && status === 'open') {
      post({ kind: 'thread.post', requestId, message: thread.objectionsCleared(requestId) });
    }
  }
  post({ kind: 'card.update', requestId });
  return { outcome: 'changed', requestId, status, enqueued, approvalAdded: approvalChanged && held.approve };
}
