// The "Betaald markeren / Mark paid" button on an approved card: finance group only, never for a
// payment one approved or requested (segregation of duties). The card and thread follow via the outbox.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { markPaid } from '../../app/finance.js';
import { bilingual } from '../../core/messages.js';
import { errorFields } from '../../log.js';
import { ACTION } from '../blocks/card.js';
import type { SlackContext } from '../context.js';

export function registerFinance(app: App, ctx: SlackContext, financeUserIds: readonly string[]): void {
  app.action<BlockAction<ButtonAction>>(ACTION.markPaid, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const requestId = Number(action.value);
      if (!Number.isSafeInteger(requestId) || requestId <= 0) return;
      const actor = { id: body.user.id, isFinance: financeUserIds.includes(body.user.id) };
      const result = markPaid(ctx.deps, { requestId, actor });
      if (!result.ok) {
        ctx.log.info('payment.mark_paid_refused', { requestId });
        const channel = body.channel?.id;
        if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: bilingual(result.error) });
        return;
      }
      ctx.log.info('payment.paid', { requestId });
    } catch (e) {
      ctx.log.error('action.failed', { action: action.action_id, ...errorFields(e) });
    }
  });
}
