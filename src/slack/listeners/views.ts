// Modal submissions: a new request, an edit, "alternative found", an objection's reason.
import type { App } from '@slack/bolt';
import { closeRequest } from '../../app/closeRequest.js';
import { editRequest } from '../../app/editRequest.js';
import { giveObjectionReason } from '../../app/objectionReason.js';
import { submitRequest } from '../../app/submitRequest.js';
import { suggestForTeam } from '../../app/suggest.js';
import { field, inline } from '../../core/messages.js';
import type { CloseKind } from '../../core/request.js';
import { CLOSE_KINDS } from '../../core/request.js';
import { categoriesForTeam } from '../../store/categories.js';
import { ensureTeam } from '../../store/teams.js';
import { errorFields } from '../../log.js';
import { CLOSE_CALLBACK } from '../blocks/closeModals.js';
import { CALLBACK, fieldErrorsForSlack, parseMeta, readRequestForm, requestModal } from '../blocks/requestModal.js';
import type { SlackContext } from '../context.js';

type Values = Parameters<typeof readRequestForm>[0];

const metaRequestId = (privateMetadata: string) => Number(parseMeta(privateMetadata).requestId);

export function registerViews(app: App, ctx: SlackContext): void {
  app.view(CALLBACK.submit, async ({ ack, body, view, client }) => {
    try {
      const values = view.state.values as Values;
      const meta = parseMeta(view.private_metadata);
      const form = readRequestForm(values);
      const channelId = meta.channelId ?? form.channelId;
      if (!channelId) return await ack({ response_action: 'errors', errors: { channel: inline(field.channelRequired) } });
      const channel = { platform: 'slack' as const, workspaceId: body.team?.id ?? body.user.team_id ?? '', channelId };
      if (!form.categorySlug) {
        // Never a hidden rule: show the suggested category and let the requester confirm or change it.
        const now = ctx.deps.clock.now();
        const { suggestion, categories } = ctx.deps.store.tx((tx) => {
          const { team } = ensureTeam(tx, channel, now);
          return { suggestion: suggestForTeam(tx, team.id, form.description, form.supplierName), categories: categoriesForTeam(tx, team.id) };
        });
        return await ack({
          response_action: 'update',
          view: requestModal({
            meta: { ...meta, channelId },
            categories,
            initial: form,
            suggestion: { slug: suggestion.slug, explanation: suggestion.explanation },
            notice: { nl: 'Controleer de voorgestelde categorie en verstuur opnieuw.', en: 'Check the suggested category and submit again.' },
          }) as never,
        });
      }
      const result = submitRequest(ctx.deps, {
        channel,
        requester: { id: body.user.id, isAdmin: false },
        form,
        suggestedSlug: meta.suggestedSlug ?? null,
      });
      if (!result.ok) return await ack({ response_action: 'errors', errors: fieldErrorsForSlack(values, result.error) });
      await ack();
      ctx.log.info('request.created', { requestId: result.value.requestId });
    } catch (e) {
      ctx.log.error('view.submit.failed', errorFields(e));
    }
  });

  app.view(CALLBACK.edit, async ({ ack, body, view }) => {
    try {
      const values = view.state.values as Values;
      const requestId = metaRequestId(view.private_metadata);
      const actor = { id: body.user.id, isAdmin: await ctx.directory.isAdmin(body.user.id) };
      const result = editRequest(ctx.deps, { requestId, actor, form: readRequestForm(values) });
      if (result.ok) {
        await ack();
        ctx.log.info('request.edited', { requestId, approvalsReset: result.value.approvalsReset });
      } else if (result.error.kind === 'fields') {
        await ack({ response_action: 'errors', errors: fieldErrorsForSlack(values, result.error.errors) });
      } else {
        await ack({ response_action: 'errors', errors: { amount: inline(result.error.message) } });
      }
    } catch (e) {
      ctx.log.error('view.edit.failed', errorFields(e));
    }
  });

  app.view(CLOSE_CALLBACK.alternative, async ({ ack, body, view }) => {
    try {
      const requestId = metaRequestId(view.private_metadata);
      const kindValue = view.state.values.kind?.value?.selected_option?.value;
      const kind = CLOSE_KINDS.find((k) => k === kindValue) as CloseKind | undefined;
      if (!kind) return await ack({ response_action: 'errors', errors: { kind: inline(field.required) } });
      const reason = view.state.values.reason?.value?.value ?? '';
      const actor = { id: body.user.id, isAdmin: await ctx.directory.isAdmin(body.user.id) };
      const result = closeRequest(ctx.deps, { requestId, actor, how: 'alternative', kind, reason });
      if (result.ok) {
        await ack();
        ctx.log.info('request.alternative', { requestId });
      } else {
        await ack({ response_action: 'errors', errors: { reason: inline(result.error.message) } });
      }
    } catch (e) {
      ctx.log.error('view.alternative.failed', errorFields(e));
    }
  });

  app.view(CLOSE_CALLBACK.objection, async ({ ack, body, view }) => {
    try {
      const requestId = metaRequestId(view.private_metadata);
      const reason = view.state.values.reason?.value?.value ?? '';
      const result = giveObjectionReason(ctx.deps, { requestId, objectorId: body.user.id, reason });
      if (result.ok) {
        await ack();
        ctx.log.info('objection.reason', { requestId });
      } else {
        await ack({ response_action: 'errors', errors: { reason: inline(result.error.message) } });
      }
    } catch (e) {
      ctx.log.error('view.objection.failed', errorFields(e));
    }
  });
}

