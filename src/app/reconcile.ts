// Reconciliation at start-up: what happened on the platform while the bot was down is brought into
// the database, and every undecided card is drawn again from the database.
//  - an undecided request without a card (its card post lost) gets one;
//  - each undecided card is re-rendered, and its reactions as the platform shows them now are
//    compared with ours: one present there but not here is counted as added, an approval or
//    objection here whose reaction is gone there is counted as removed, both through the same path
//    as live events (eligibility, one transaction, audit, decision).
// The synthetic events carry the time of the reading as event_ts (wall clock, the domain of the
// platform's event times): a live event that happened later wins, an older one changes nothing.
import { classifyReaction, normalizeEmoji } from '../core/approval.js';
import { isUndecided } from '../core/request.js';
import { enqueue, hasPendingCardPost } from '../store/outbox.js';
import { presentReactions } from '../store/reactions.js';
import { getRequest, undecidedRequests } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import type { AppDeps, Directory, Platform } from './deps.js';
import { handleReaction, teamReactionSettings, type ReactionEvent } from './react.js';

/** A platform's event time for an instant: seconds with six decimals (Slack's event_ts). */
export function eventTsAt(at: Date): string {
  const ms = at.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

/** An undecided card to read from the platform; requests without a card got a new card post. */
export interface OpenCard {
  requestId: number;
  channelId: string;
  messageId: string;
}

/** Queue a redraw of every undecided card of the platform (and a post for one that has none); return the cards to read. */
export function cardsToReconcile(deps: AppDeps, platform: Platform): { cards: OpenCard[]; cardsPosted: number } {
  const now = deps.clock.now();
  const cards: OpenCard[] = [];
  let cardsPosted = 0;
  for (const request of undecidedRequests(deps.store.db)) {
    if (getTeam(deps.store.db, request.teamId).platform !== platform) continue;
    if (!request.messageTs) {
      deps.store.tx((tx) => {
        if (hasPendingCardPost(tx, platform, request.id)) return;
        enqueue(tx, platform, { kind: 'card.post', requestId: request.id }, now);
        cardsPosted++;
      });
      continue;
    }
    deps.store.tx((tx) => enqueue(tx, platform, { kind: 'card.update', requestId: request.id }, now));
    cards.push({ requestId: request.id, channelId: request.channelId, messageId: request.messageTs });
  }
  deps.outboxWake();
  return { cards, cardsPosted };
}

/** Bring one card's reactions in line with what the platform shows now (`onPlatform`: who reacted with what). */
export async function reconcileCard(
  deps: AppDeps,
  directory: Directory,
  platform: Platform,
  card: OpenCard,
  onPlatform: readonly { userId: string; emoji: string }[],
  readAt: Date,
): Promise<{ added: number; removed: number }> {
  const request = getRequest(deps.store.db, card.requestId);
  if (!request || !isUndecided(request.status)) return { added: 0, removed: 0 };
  const settings = teamReactionSettings(getTeam(deps.store.db, request.teamId));
  const there = new Set<string>();
  for (const r of onPlatform) {
    const emoji = normalizeEmoji(r.emoji);
    if (classifyReaction(emoji, settings)) there.add(`${r.userId}\u0000${emoji}`);
  }
  const here = new Set(presentReactions(deps.store.db, request.id).map((r) => `${r.userId}\u0000${r.emoji}`));
  const eventTs = eventTsAt(readAt);
  const event = (key: string, added: boolean): ReactionEvent => {
    const [userId = '', emoji = ''] = key.split('\u0000');
    return {
      platform,
      eventId: `reconcile:${request.id}:${userId}:${emoji}:${request.version}:${added ? 'added' : 'removed'}:${eventTs}`,
      eventTs,
      channelId: card.channelId,
      messageTs: card.messageId,
      userId,
      emoji,
      added,
    };
  };
  let added = 0;
  let removed = 0;
  for (const key of there) if (!here.has(key) && (await handleReaction(deps, event(key, true), directory)).outcome === 'changed') added++;
  for (const key of here) if (!there.has(key) && (await handleReaction(deps, event(key, false), directory)).outcome === 'changed') removed++;
  return { added, removed };
}
