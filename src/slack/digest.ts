// The monthly digest on Slack: the text as a message, the chart as a PNG file with alt text.
import type { webApi } from '@slack/bolt';
import type { DigestPort } from '../app/digest.js';
import { fit, mrkdwn, SLACK_LIMITS } from './render.js';

type WebClient = webApi.WebClient;

export function slackDigestPort(client: WebClient): DigestPort {
  return {
    platform: 'slack',
    async postText(channelId, text) {
      await client.chat.postMessage({ channel: channelId, text: fit(mrkdwn(text), SLACK_LIMITS.messageText), unfurl_links: false, unfurl_media: false });
    },
    async uploadChart(channelId, chart) {
      await client.files.uploadV2({ channel_id: channelId, file: chart.png, filename: chart.filename, title: chart.title, alt_text: chart.altText.slice(0, 1000) });
    },
  };
}
