// Reactions on cards, and channel membership changes.
import type { App } from '@slack/bolt';
import { handleReaction } from '../../app/react.js';
import { homeFor } from '../../app/home.js';
import { homeView } from '../blocks/home.js';
import { bilingual } from '../../core/messages.js';
import { errorFields } from '../../log.js';
import type { SlackContext } from '../context.js';

interface ReactionEventBody {
  event_id?: string;
}

/** reaction_added / reaction_removed, the fields the bot reads. */
interface ReactionEvent {
  type: string;
  user: string;
  reaction: string;
  event_ts: string;
  item?: { type: string; channel: string; ts: string };
}

export function registerEvents(app: App, ctx: SlackContext): void {
  // Reactions are nearly all the traffic: a global middleware answers them and stops there, so
  // Bolt does not run every other listener's matchers for each one (see bench/RESULTS.md).
  app.use(async ({ body, client, next }) => {
    const event = (body as { event?: ReactionEvent }).event;
    const type = (body as { type?: string }).type === 'event_callback' ? event?.type : undefined;
    if (!event || (type !== 'reaction_added' && type !== 'reaction_removed')) return next();
    if (event.item?.type !== 'message') return;
    const eventId = (body as ReactionEventBody).event_id ?? `${type}:${event.user}:${event.reaction}:${event.event_ts}`;
    try {
      const outcome = await handleReaction(
        ctx.deps,
        {
          platform: 'slack',
          eventId,
          eventTs: event.event_ts,
          channelId: event.item.channel,
          messageTs: event.item.ts,
          userId: event.user,
          emoji: event.reaction,
          added: type === 'reaction_added',
        },
        ctx.directory,
      );
      if (outcome.outcome === 'refused') {
        await client.chat.postEphemeral({ channel: event.item.channel, user: event.user, text: bilingual(outcome.message) });
      }
      if (outcome.outcome === 'changed') ctx.log.info('reaction.counted', { requestId: outcome.requestId, status: outcome.status });
    } catch (e) {
      ctx.log.error('reaction.failed', errorFields(e));
      throw e;
    }
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      const model = await homeFor(ctx.deps.store, 'slack', event.user, ctx.directory, ctx.deps.clock.now());
      const isManager = await ctx.directory.isAdmin(event.user);
      const digest = isManager && ctx.lastDigestText ? ctx.lastDigestText() : null;
      await client.views.publish({ user_id: event.user, view: homeView(model, digest) as never });
    } catch (e) {
      ctx.log.error('home.failed', errorFields(e));
    }
  });

  app.event('member_joined_channel', async ({ event }) => {
    ctx.directory.memberChanged(event.channel, event.user, true);
  });
  app.event('member_left_channel', async ({ event }) => {
    ctx.directory.memberChanged(event.channel, event.user, false);
  });
}
