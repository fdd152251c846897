// The App Home tab (the overview) and channel membership changes.
import type { App } from '@slack/bolt';
import { overview } from '../../app/overview.js';
import { errorFields } from '../../log.js';
import { homeView } from '../blocks/home.js';
import type { SlackContext } from '../context.js';

export function registerEvents(app: App, { ctx, log }: SlackContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      const o = await overview(ctx, { actorId: event.user });
      if (o.ok) await client.views.publish({ user_id: event.user, view: homeView(o.value.text) as never });
    } catch (e) {
      log.error('home.failed', errorFields(e));
    }
  });
  app.event('member_joined_channel', async ({ event }) => ctx.directory.memberChanged(event.channel, event.user, true));
  app.event('member_left_channel', async ({ event }) => ctx.directory.memberChanged(event.channel, event.user, false));
}
