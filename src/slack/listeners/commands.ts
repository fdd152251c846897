// `/minimaatwerk …` and the global shortcut: parse nothing here; the shared command runner decides,
// this shows its answer (an ephemeral reply, the request form, or a longer text).
import type { App } from '@slack/bolt';
import { asksForForm, runCommand } from '../../app/commands.js';
import { openRequestForm } from '../../app/fileRequest.js';
import { errorFields } from '../../log.js';
import { requestModal } from '../blocks/requestModal.js';
import { bilingual, fit, mrkdwn, SLACK_LIMITS } from '../render.js';
import type { SlackContext } from '../context.js';

export const COMMAND = '/minimaatwerk';
export const SHORTCUT = 'minimaatwerk_request';

export function registerCommands(app: App, { ctx, log }: SlackContext): void {
  app.command(COMMAND, async ({ command, ack, client, respond }) => {
    const channel = { platform: 'slack' as const, workspaceId: command.team_id, channelId: command.channel_id };
    // Opening the form checks the channel with Slack first: acknowledge at once (Slack waits 3 s), answer by response_url.
    const early = asksForForm(command.text);
    if (early) await ack();
    const answer = async (text: string) => (early ? void (await respond({ response_type: 'ephemeral', text })) : ack({ response_type: 'ephemeral', text }));
    try {
      const o = await runCommand(ctx, { actorId: command.user_id, channel, conversation: channel, ...(command.channel_name ? { channelName: command.channel_name } : {}), text: command.text });
      if (!o.ok) return await answer(o.message ? fit(bilingual(o.message), SLACK_LIMITS.messageText) : '');
      const v = o.value;
      if (v.kind === 'form') {
        if (!early) await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: requestModal(v.form) as never });
        return;
      }
      await answer(fit(v.kind === 'reply' ? bilingual(v.message) : mrkdwn(v.text), SLACK_LIMITS.messageText));
    } catch (e) {
      log.error('command.failed', errorFields(e));
    }
  });

  app.shortcut(SHORTCUT, async ({ shortcut, ack, client }) => {
    await ack();
    try {
      const form = await openRequestForm(ctx, { actorId: shortcut.user.id, channel: null });
      if (form.ok) await client.views.open({ trigger_id: shortcut.trigger_id, view: requestModal(form.value) as never });
    } catch (e) {
      log.error('shortcut.failed', errorFields(e));
    }
  });
}
