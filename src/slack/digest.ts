// The monthly digest on Slack: the text as a message, the chart as a PNG file with alt text.
import type { webApi } from '@slack/bolt';
import { categoryCommand } from '../app/categories.js';
import { digestChannelMessage, digestCommandUseCase, parseChannelMention, setDigestChannel, type DigestPort } from '../app/digest.js';
import { bilingual } from '../core/messages.js';
import { toPlain } from '../core/text.js';
import { escapeMrkdwn } from './blocks/text.js';
import type { SlackContext } from './context.js';

type WebClient = webApi.WebClient;

export function slackDigestPort(client: WebClient): DigestPort {
  return {
    platform: 'slack',
    async postText(channelId, text) {
      // Until Text has a Slack renderer: plain text, escaped for mrkdwn.
      await client.chat.postMessage({ channel: channelId, text: escapeMrkdwn(toPlain(text)), unfurl_links: false, unfurl_media: false });
    },
    async uploadChart(channelId, chart) {
      await client.files.uploadV2({
        channel_id: channelId,
        file: chart.png,
        filename: chart.filename,
        title: chart.title,
        alt_text: chart.altText.slice(0, 1000),
      });
    },
  };
}

// ── `/minimaatwerk digest | digest-kanaal | categorie` ─────────────────────────────────────────

/** The subcommands this module answers. */
export const DIGEST_SUBCOMMANDS = new Set(['digest', 'overzicht', 'digest-kanaal', 'digestkanaal', 'categorie', 'categorieen', 'categorieën']);

interface CommandArgs {
  command: { user_id: string; team_id: string; channel_id: string; channel_name?: string };
  ack: (r?: { response_type: 'ephemeral'; text: string }) => Promise<void>;
  client: WebClient;
}

/** Answer one of DIGEST_SUBCOMMANDS ephemerally. `rest` is the text after the subcommand. */
export async function handleDigestSubcommand(sub: string, rest: string, args: CommandArgs, ctx: SlackContext): Promise<void> {
  const { command, ack, client } = args;
  const channel = { platform: 'slack' as const, workspaceId: command.team_id, channelId: command.channel_id };
  const reply = (text: string) => ack({ response_type: 'ephemeral', text });
  const actor = async () => ({ id: command.user_id, isAdmin: await ctx.directory.isAdmin(command.user_id) });

  if (sub === 'digest' || sub === 'overzicht') {
    const r = digestCommandUseCase(ctx.deps, { channel, monthText: rest });
    return reply(r.ok ? escapeMrkdwn(toPlain(r.value)) : bilingual(r.error));
  }
  if (sub === 'digest-kanaal' || sub === 'digestkanaal') {
    const who = await actor();
    if (!who.isAdmin) return reply(bilingual(digestChannelMessage.notAdmin));
    const target = parseChannelMention(rest);
    if (target === null) return reply(bilingual(digestChannelMessage.usage));
    const info = await client.conversations.info({ channel: target }).catch(() => undefined);
    if (info?.channel?.is_member !== true) return reply(bilingual(digestChannelMessage.botNotIn(target)));
    const answer = setDigestChannel(ctx.deps, { channel, actor: who, digestChannelId: target, ...(command.channel_name ? { channelName: command.channel_name } : {}) });
    ctx.log.info('digest.channel_set', { team: command.channel_id, channel: target });
    return reply(bilingual(answer));
  }
  const answer = categoryCommand(ctx.deps, { channel, actor: await actor(), text: rest, ...(command.channel_name ? { channelName: command.channel_name } : {}) });
  return reply(bilingual(answer));
}
