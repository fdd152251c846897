// The monthly digest on Slack: the text as a message, the chart as a PNG file with alt text, and
// the "make a signal" buttons in a message of their own.
import type { webApi } from '@slack/bolt';
import type { DigestPort } from '../app/digest.js';
import type { SignalProposal } from '../app/signalDigest.js';
import { proposalText } from '../core/messages.js';
import { toPlain } from '../core/text.js';
import { bilingualLine, plain } from './blocks/text.js';
import { bilingual, fit, mrkdwn, SLACK_LIMITS } from './render.js';

type WebClient = webApi.WebClient;

/** The action id of a digest's signal button (numbered: ids are unique within a block). */
export const SIGNAL_ACTION = 'signal_from_digest';

/** What a signal button carries: the category, the teams, the digest month. */
export interface SignalButtonValue {
  s: string;
  t: number[];
  m: string;
}

export function signalProposalBlocks(proposals: readonly SignalProposal[], month: string): object[] {
  // A value cut short would be no JSON: such a proposal keeps only the typed command of the digest text.
  const buttons = proposals
    .map((p) => ({ p, value: JSON.stringify({ s: p.slug, t: p.teamIds, m: month } satisfies SignalButtonValue) }))
    .filter((x) => x.value.length <= SLACK_LIMITS.actionValue)
    // Dutch only: a category's name and the Dutch and English words would not fit a button (75 characters).
    .map((x, i) => ({ type: 'button', action_id: `${SIGNAL_ACTION}:${i}`, text: plain(toPlain(proposalText.button(x.p).nl), SLACK_LIMITS.buttonText), value: x.value }));
  return [{ type: 'section', text: { type: 'mrkdwn', text: fit(bilingualLine(proposalText.intro), SLACK_LIMITS.sectionText) } }, { type: 'actions', block_id: `signal_proposals:${month}`, elements: buttons }];
}

export function slackDigestPort(client: WebClient): DigestPort {
  return {
    platform: 'slack',
    async postText(channelId, text) {
      await client.chat.postMessage({ channel: channelId, text: fit(mrkdwn(text), SLACK_LIMITS.messageText), unfurl_links: false, unfurl_media: false });
    },
    async uploadChart(channelId, chart) {
      await client.files.uploadV2({ channel_id: channelId, file: chart.png, filename: chart.filename, title: chart.title, alt_text: chart.altText.slice(0, 1000) });
    },
    async postSignalProposals(channelId, proposals, month) {
      if (proposals.length === 0) return;
      await client.chat.postMessage({ channel: channelId, text: fit(bilingual(proposalText.intro), SLACK_LIMITS.messageText), blocks: signalProposalBlocks(proposals, month) as never, unfurl_links: false });
    },
  };
}
