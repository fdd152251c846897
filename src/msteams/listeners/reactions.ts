// Reactions on the card (messageReaction with replyToId = the card's activity id).
import { handleReaction } from '../../app/react.js';
import type { InboundActivity } from '../activity.js';
import { actorOf, channelRefOf, eventTsOf, str } from '../activity.js';
import { personalTargetOf } from '../personal.js';
import { textReply } from './commands.js';
import { noteActivity, type TeamsListenerContext } from './context.js';

export async function onReaction(l: TeamsListenerContext, activity: InboundActivity): Promise<void> {
  noteActivity(l, activity);
  const channelId = channelRefOf(activity)?.channelId;
  const cardId = activity.replyToId;
  if (!channelId || !cardId) return;
  const actor = actorOf(activity);
  const changes = [
    ...(activity.reactionsAdded ?? []).map((r) => ({ type: str(r.type), added: true })),
    ...(activity.reactionsRemoved ?? []).map((r) => ({ type: str(r.type), added: false })),
  ];
  for (const change of changes) {
    if (!change.type) continue;
    const eventId = `${activity.id ?? `${actor.id}:${str(activity.timestamp)}`}:${change.type}:${change.added ? 'add' : 'remove'}`;
    const outcome = await handleReaction(
      l.ctx,
      { platform: 'teams', eventId, eventTs: eventTsOf(activity.timestamp, l.ctx.clock.now()), channelId, messageTs: cardId, userId: actor.id, emoji: change.type, added: change.added },
      l.ctx.directory,
    );
    if (outcome.outcome === 'changed') l.log.info('teams.reaction.counted', { requestId: outcome.requestId, status: outcome.status });
    // The requester or someone outside the team: tell only them, in their 1:1 chat with the bot.
    const target = outcome.outcome === 'refused' ? personalTargetOf(activity) : null;
    if (outcome.outcome === 'refused' && target) await l.personal.send(target, textReply(outcome.message, l.names), 'reaction.refused');
  }
}
