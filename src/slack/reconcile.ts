// Start-up reconciliation: what happened on Slack while the bot was down is brought into the
// database, and every undecided card is drawn again from the database.
//  - items a crashed process had taken from the outbox are due again;
//  - an undecided request without a card (its card.post lost) gets one;
//  - each undecided card is re-rendered (card.update) and its reactions are read (reactions.get):
//    a reaction present on Slack but not in the database is counted as added, an approval or
//    objection in the database whose reaction is gone from Slack is counted as removed, both
//    through the same path as live events (eligibility, one transaction, audit, decision).
// The synthetic events carry the time of the reading as event_ts (wall clock, the domain of Slack's
// event_ts, not the app's business clock): a live event that happened later wins, an older one (a
// late retry) changes nothing.
import type { webApi } from '@slack/bolt';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppDeps, Directory } from '../app/deps.js';
import { handleReaction, teamReactionSettings, type ReactionEvent } from '../app/react.js';
import { classifyReaction, normalizeEmoji } from '../core/approval.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';
import { enqueue } from '../store/outbox.js';
import { undecidedRequests } from '../store/requests.js';
import { outbox, reactions, type RequestRow } from '../store/schema.js';
import { getTeam } from '../store/teams.js';

type WebClient = webApi.WebClient;

export interface ReconcileResult {
  requests: number;
  cardsPosted: number;
  added: number;
  removed: number;
  failed: number;
}

/** Slack event_ts for an instant: seconds with six decimals. */
export function slackTs(at: Date): string {
  const ms = at.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

function hasPendingCardPost(deps: Pick<AppDeps, 'store'>, requestId: number): boolean {
  return deps.store.db
    .select({ id: outbox.id, payload: outbox.payload, doneAt: outbox.doneAt })
    .from(outbox)
    .where(and(eq(outbox.platform, 'slack'), eq(outbox.kind, 'card.post'), isNull(outbox.doneAt)))
    .all()
    .some((r) => (JSON.parse(r.payload) as { requestId: number }).requestId === requestId);
}

export async function reconcileSlack(
  deps: AppDeps,
  client: WebClient,
  directory: Directory,
  log: Log,
  wallClock: () => number = Date.now,
  paceMs = 0,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { requests: 0, cardsPosted: 0, added: 0, removed: 0, failed: 0 };
  const open = undecidedRequests(deps.store.db).filter((r) => getTeam(deps.store.db, r.teamId).platform === 'slack');
  for (const request of open) {
    result.requests++;
    const now = deps.clock.now();
    if (!request.messageTs) {
      if (!hasPendingCardPost(deps, request.id)) {
        deps.store.tx((tx) => enqueue(tx, 'slack', { kind: 'card.post', requestId: request.id }, now));
        result.cardsPosted++;
      }
      continue;
    }
    deps.store.tx((tx) => enqueue(tx, 'slack', { kind: 'card.update', requestId: request.id }, now));
    if (paceMs > 0 && result.requests > 1) await new Promise((r) => setTimeout(r, paceMs));
    try {
      const counted = await reconcileReactions(deps, client, directory, request, new Date(wallClock()));
      result.added += counted.added;
      result.removed += counted.removed;
    } catch (e) {
      result.failed++;
      log.warn('reconcile.failed', { requestId: request.id, ...errorFields(e) });
    }
  }
  deps.outboxWake();
  log.info('reconcile.done', { ...result });
  return result;
}

async function reconcileReactions(
  deps: AppDeps,
  client: WebClient,
  directory: Directory,
  request: RequestRow,
  readAt: Date,
): Promise<{ added: number; removed: number }> {
  const messageTs = request.messageTs!;
  const res = await client.reactions.get({ channel: request.channelId, timestamp: messageTs, full: true });
  const settings = teamReactionSettings(getTeam(deps.store.db, request.teamId));
  // (user, emoji) pairs on Slack now that mean something on this card.
  const onSlack = new Set<string>();
  for (const r of res.message?.reactions ?? []) {
    const emoji = normalizeEmoji(r.name ?? '');
    if (!classifyReaction(emoji, settings)) continue;
    for (const user of r.users ?? []) onSlack.add(`${user}\u0000${emoji}`);
  }
  const stored = deps.store.db.select().from(reactions).where(eq(reactions.requestId, request.id)).all();
  const present = new Set(stored.filter((r) => r.present).map((r) => `${r.userId}\u0000${r.emoji}`));
  const eventTs = slackTs(readAt);
  const event = (userId: string, emoji: string, added: boolean): ReactionEvent => ({
    platform: 'slack',
    eventId: `reconcile:${request.id}:${userId}:${emoji}:${request.version}:${added ? 'added' : 'removed'}:${eventTs}`,
    eventTs,
    channelId: request.channelId,
    messageTs,
    userId,
    emoji,
    added,
  });
  let added = 0;
  let removed = 0;
  for (const key of onSlack) {
    if (present.has(key)) continue;
    const [userId = '', emoji = ''] = key.split('\u0000');
    if ((await handleReaction(deps, event(userId, emoji, true), directory)).outcome === 'changed') added++;
  }
  for (const key of present) {
    if (onSlack.has(key)) continue;
    const [userId = '', emoji = ''] = key.split('\u0000');
    if ((await handleReaction(deps, event(userId, emoji, false), directory)).outcome === 'changed') removed++;
  }
  return { added, removed };
}
