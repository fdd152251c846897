// Buttons on the card (edit, withdraw, alternative found), the objection-reason button, and the
// category suggestion while the form is being filled.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { mayChange } from '../../app/authorize.js';
import { closeRequest } from '../../app/closeRequest.js';
import { editFormOf } from '../../app/editRequest.js';
import { suggestForTeam } from '../../app/suggest.js';
import { bilingual, refusal } from '../../core/messages.js';
import { categoriesForTeam } from '../../store/categories.js';
import { objectionsOf } from '../../store/reactions.js';
import { getRequest } from '../../store/requests.js';
import { ensureTeam } from '../../store/teams.js';
import { errorFields } from '../../log.js';
import { ACTION } from '../blocks/card.js';
import { alternativeModal, objectionModal } from '../blocks/closeModals.js';
import { DISPATCH, parseMeta, readRequestForm, requestModal } from '../blocks/requestModal.js';
import type { SlackContext } from '../context.js';

type ButtonArgs = { body: BlockAction; action: ButtonAction };

export function registerActions(app: App, ctx: SlackContext): void {
  const ephemeral = async (client: ButtonClient, body: BlockAction, text: string) => {
    const channel = body.channel?.id;
    if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text });
  };
  type ButtonClient = Parameters<Parameters<typeof app.action>[1]>[0]['client'];

  const withRequest = (
    handler: (args: ButtonArgs & { client: ButtonClient; requestId: number }) => Promise<void>,
  ) =>
    async ({ ack, body, action, client }: { ack: () => Promise<void>; body: BlockAction; action: ButtonAction; client: ButtonClient }) => {
      await ack();
      try {
        const requestId = Number(action.value);
        if (!Number.isSafeInteger(requestId) || !getRequest(ctx.deps.store.db, requestId)) return;
        await handler({ body, action, client, requestId });
      } catch (e) {
        ctx.log.error('action.failed', { action: action.action_id, ...errorFields(e) });
      }
    };

  app.action<BlockAction<ButtonAction>>(
    ACTION.edit,
    withRequest(async ({ body, client, requestId }) => {
      const request = getRequest(ctx.deps.store.db, requestId)!;
      const actor = { id: body.user.id, isAdmin: await ctx.directory.isAdmin(body.user.id) };
      const refused = mayChange(actor, request);
      if (refused) return ephemeral(client, body, bilingual(refused));
      const categories = categoriesForTeam(ctx.deps.store.db, request.teamId);
      const view = requestModal({
        meta: { channelId: request.channelId, requestId },
        categories,
        initial: editFormOf(ctx.deps.store.db, request),
      });
      await client.views.open({ trigger_id: body.trigger_id, view: view as never });
    }),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTION.withdraw,
    withRequest(async ({ body, client, requestId }) => {
      const actor = { id: body.user.id, isAdmin: await ctx.directory.isAdmin(body.user.id) };
      const result = closeRequest(ctx.deps, { requestId, actor, how: 'withdraw' });
      if (!result.ok) return ephemeral(client, body, bilingual(result.error.message));
      ctx.log.info('request.withdrawn', { requestId });
    }),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTION.alternative,
    withRequest(async ({ body, client, requestId }) => {
      const request = getRequest(ctx.deps.store.db, requestId)!;
      const actor = { id: body.user.id, isAdmin: await ctx.directory.isAdmin(body.user.id) };
      const refused = mayChange(actor, request);
      if (refused) return ephemeral(client, body, bilingual(refused));
      await client.views.open({ trigger_id: body.trigger_id, view: alternativeModal(requestId) as never });
    }),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTION.objectionReason,
    withRequest(async ({ body, client, requestId }) => {
      const objectors = objectionsOf(ctx.deps.store.db, requestId).map((o) => o.objectorId);
      if (!objectors.includes(body.user.id)) return ephemeral(client, body, bilingual(refusal.notObjector(requestId)));
      await client.views.open({ trigger_id: body.trigger_id, view: objectionModal(requestId) as never });
    }),
  );

  // Enter in the description or supplier field: pre-select the suggested category (visible, changeable).
  for (const actionId of [DISPATCH.description, DISPATCH.supplier]) {
    app.action(actionId, async ({ ack, body, client }) => {
      await ack();
      try {
        const b = body as BlockAction;
        const view = b.view;
        if (!view) return;
        const values = view.state.values as Parameters<typeof readRequestForm>[0];
        const form = readRequestForm(values);
        const meta = parseMeta(view.private_metadata);
        const channelId = meta.channelId ?? form.channelId;
        const now = ctx.deps.clock.now();
        const { suggestion, categories } = ctx.deps.store.tx((tx) => {
          const teamId = channelId ? ensureTeam(tx, { platform: 'slack', workspaceId: b.team?.id ?? '', channelId }, now).team.id : 0;
          return { suggestion: suggestForTeam(tx, teamId, form.description, form.supplierName), categories: categoriesForTeam(tx, teamId) };
        });
        const updated = requestModal({ meta, categories, initial: { ...form, categorySlug: null }, suggestion });
        await client.views.update({ view_id: view.id, hash: view.hash, view: updated as never });
      } catch (e) {
        ctx.log.error('suggest.failed', errorFields(e));
      }
    });
  }
}
