// Reactions on cards: nearly all the traffic.
import type { App } from '@slack/bolt';
import { handleReaction } from '../../app/react.js';
import { errorFields } from '../../log.js';
import { bilingual } from '../render.js';
import type { SlackContext } from '../context.js';

/** reaction_added / reaction_removed, the fields the bot reads. */
interface ReactionEvent {
  type: string;
  user: string;
  reaction: string;
  event_ts: string;
  item?: { type: string; channel: string; ts: string };
}

export function registerReactions(app: App, { ctx, log }: SlackContext): void {
  // A global middleware answers reactions and stops there, so Bolt does not run every other
  // listener's matchers for each one (see bench/RESULTS.md).
  app.use(async ({ body, client, next }) => {
    const event = (body as { event?: ReactionEvent }).event;
    const type = (body as { type?: string }).type === 'event_callback' ? event?.type : undefined;
    if (!event || (type !== 'reaction_added' && type !== 'reaction_removed')) return next();
    if (event.item?.type !== 'message') return;
    const eventId = (body as { event_id?: string }).event_id ?? `${type}:${event.user}:${event.reaction}:${event.event_ts}`;
    try {
      const outcome = await handleReaction(
        ctx,
        { platform: 'slack', eventId, eventTs: event.event_ts, channelId: event.item.channel, messageTs: event.item.ts, userId: event.user, emoji: event.reaction, added: type === 'reaction_added' },
        ctx.directory,
      );
      if (outcome.outcome === 'refused') await client.chat.postEphemeral({ channel: event.item.channel, user: event.user, text: bilingual(outcome.message) });
      if (outcome.outcome === 'changed') log.info('reaction.counted', { requestId: outcome.requestId, status: outcome.status });
    } catch (e) {
      log.error('reaction.failed', errorFields(e));
      throw e;
    }
  });
}
