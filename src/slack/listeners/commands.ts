// `/minimaatwerk [help | budget …]` and the global shortcut.
import type { App } from '@slack/bolt';
import { budgetCommandUseCase } from '../../app/budgetCommand.js';
import { bilingual, HELP, refusal, unknownCommand } from '../../core/messages.js';
import { containsBsn } from '../../core/privacy.js';
import { categoriesForTeam } from '../../store/categories.js';
import { ensureTeam } from '../../store/teams.js';
import { errorFields } from '../../log.js';
import { requestModal } from '../blocks/requestModal.js';
import { DIGEST_SUBCOMMANDS, handleDigestSubcommand } from '../digest.js';
import type { SlackContext } from '../context.js';

export const COMMAND = '/minimaatwerk';
export const SHORTCUT = 'minimaatwerk_request';

export function registerCommands(app: App, ctx: SlackContext): void {
  app.command(COMMAND, async ({ command, ack, client, respond }) => {
    const text = command.text.trim();
    const [word = '', ...rest] = text.split(/\s+/);
    const sub = word.toLowerCase();
    const channel = { platform: 'slack' as const, workspaceId: command.team_id, channelId: command.channel_id };
    try {
      if (containsBsn(text)) return await ack({ response_type: 'ephemeral', text: bilingual(refusal.bsnInCommand) });
      if (sub === 'help' || sub === 'hulp') return await ack({ response_type: 'ephemeral', text: bilingual(HELP) });
      if (sub === 'budget') {
        const actor = { id: command.user_id, isAdmin: await ctx.directory.isAdmin(command.user_id) };
        const reply = budgetCommandUseCase(ctx.deps, { channel, actor, amountText: rest.join(' ') });
        return await ack({ response_type: 'ephemeral', text: bilingual(reply) });
      }
      if (DIGEST_SUBCOMMANDS.has(sub)) return await handleDigestSubcommand(sub, text.slice(word.length).trim(), { command, ack, client }, ctx);
      if (sub !== '' && sub !== 'aanvraag' && sub !== 'nieuw' && sub !== 'new') {
        return await ack({ response_type: 'ephemeral', text: `${bilingual(unknownCommand(word))}\n\n${bilingual(HELP)}` });
      }
      await ack();
      const conv = await ctx.directory.channel(command.channel_id);
      const problem = !conv
        ? refusal.botNotInChannel
        : conv.isIm || conv.isMpim
          ? refusal.noChannel
          : conv.isPrivate && conv.isMember === false
            ? refusal.botNotInChannel
            : null;
      if (problem) {
        await respond({ response_type: 'ephemeral', text: bilingual(problem) });
        return;
      }
      const now = ctx.deps.clock.now();
      const categories = ctx.deps.store.tx((tx) => categoriesForTeam(tx, ensureTeam(tx, channel, now, conv?.name ?? '').team.id));
      await client.views.open({ trigger_id: command.trigger_id, view: requestModal({ meta: { channelId: command.channel_id }, categories }) as never });
    } catch (e) {
      ctx.log.error('command.failed', errorFields(e));
    }
  });

  app.shortcut(SHORTCUT, async ({ shortcut, ack, client }) => {
    await ack();
    try {
      const categories = categoriesForTeam(ctx.deps.store.db, 0);
      await client.views.open({ trigger_id: shortcut.trigger_id, view: requestModal({ meta: {}, categories }) as never });
    } catch (e) {
      ctx.log.error('shortcut.failed', errorFields(e));
    }
  });
}
