// The monthly digest in a Teams channel: the text as a message, the chart as an Adaptive Card image.
import type { DigestPort } from '../app/digest.js';
import { teamsEndpoint } from '../app/msteamsChannels.js';
import type { Store } from '../app/outboxPump.js';
import type { SignalProposal } from '../app/signalDigest.js';
import { proposalText } from '../core/messages.js';
import { toPlain } from '../core/text.js';
import { attachment, card, messageBlock, VERB, type AdaptiveCard } from './cards/common.js';
import type { Connector } from './connector.js';
import { markdown, type Names } from './render.js';

export function teamsDigestPort(store: Pick<Store, 'db'>, connector: Connector, names: Names): DigestPort {
  const serviceUrlFor = (channelId: string) => {
    const endpoint = teamsEndpoint({ store }, channelId);
    if (!endpoint) throw new Error('no Teams serviceUrl known yet');
    return endpoint.serviceUrl;
  };
  return {
    platform: 'teams',
    async postText(channelId, text) {
      await connector.create(serviceUrlFor(channelId), channelId, { type: 'message', textFormat: 'markdown', text: markdown(text, names) });
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
      await connector.create(serviceUrlFor(channelId), channelId, { type: 'message', attachments: [attachment(card)] });
    },
    async postSignalProposals(channelId, proposals, month) {
      if (proposals.length === 0) return;
      await connector.create(serviceUrlFor(channelId), channelId, { type: 'message', attachments: [attachment(signalProposalCard(proposals, month, names))] });
    },
  };
}

/** The "make a signal" buttons under the digest: Action.Execute with the category, the teams and the month. */
export function signalProposalCard(proposals: readonly SignalProposal[], month: string, names: Names): AdaptiveCard {
  return card(
    [messageBlock(proposalText.intro, names)],
    proposals.map((p) => ({ type: 'Action.Execute', title: toPlain(proposalText.button(p).nl), verb: VERB.signal, data: { slug: p.slug, teamIds: p.teamIds, month } })),
  );
}
