// The monthly digest in a Teams channel: the text as a message, the chart as an Adaptive Card image.
import type { DigestPort } from '../app/digest.js';
import type { Store } from '../store/db.js';
import { teams } from '../store/schema.js';
import { and, eq, isNotNull } from 'drizzle-orm';
import { attachment } from './cards.js';
import { teamsTeamByChannel } from './conversations.js';
import type { Connector } from './outbox.js';
import { slackToTeamsMarkdown } from './texts.js';
import { toPlain } from '../core/text.js';
import { escapeMrkdwn } from '../slack/blocks/text.js';

/** The Bot Connector endpoint for a channel: its own team's, else any Teams team's of the tenant. */
function serviceUrlFor(store: Store, channelId: string): string {
  const own = teamsTeamByChannel(store.db, channelId)?.serviceUrl;
  const any = store.db.select({ url: teams.serviceUrl }).from(teams).where(and(eq(teams.platform, 'teams'), isNotNull(teams.serviceUrl))).get()?.url;
  const url = own ?? any;
  if (!url) throw new Error('no Teams serviceUrl known yet');
  return url;
}

export function teamsDigestPort(store: Store, connector: Connector): DigestPort {
  return {
    platform: 'teams',
    async postText(channelId, text) {
      // The core writes Slack mrkdwn; Teams wants **bold** and paragraphs.
      await connector.create(serviceUrlFor(store, channelId), channelId, { type: 'message', textFormat: 'markdown', text: slackToTeamsMarkdown(escapeMrkdwn(toPlain(text))) });
    },
    async uploadChart(channelId, chart) {
      const card = {
        type: 'AdaptiveCard' as const,
        version: '1.5',
        body: [
          { type: 'TextBlock', text: chart.title, weight: 'Bolder', wrap: true },
          { type: 'Image', url: `data:image/png;base64,${chart.png.toString('base64')}`, altText: chart.altText.slice(0, 1000) },
        ],
      };
      await connector.create(serviceUrlFor(store, channelId), channelId, { type: 'message', attachments: [attachment(card)] });
    },
  };
}
