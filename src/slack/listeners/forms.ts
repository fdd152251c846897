// Modal submissions: a new request, an edit, "alternative found", an objection's reason.
import type { App } from '@slack/bolt';
import { closeRequest } from '../../app/closeRequest.js';
import { editRequest } from '../../app/editRequest.js';
import { fileRequest } from '../../app/fileRequest.js';
import { giveObjectionReason } from '../../app/objectionReason.js';
import { field } from '../../core/messages.js';
import { errorFields } from '../../log.js';
import { CLOSE_CALLBACK } from '../blocks/closeModals.js';
import { CALLBACK, errorsOrAmount, fieldErrorsForSlack, parseMeta, readRequestForm, requestModal } from '../blocks/requestModal.js';
import { plainInline } from '../render.js';
import type { SlackContext } from '../context.js';

type Values = Parameters<typeof readRequestForm>[0];

const metaRequestId = (privateMetadata: string) => Number(parseMeta(privateMetadata).requestId);

export function registerForms(app: App, { ctx, log }: SlackContext): void {
  app.view(CALLBACK.submit, async ({ ack, body, view }) => {
    try {
      const values = view.state.values as Values;
      const meta = parseMeta(view.private_metadata);
      const form = readRequestForm(values);
      const channelId = meta.channelId ?? form.channelId;
      if (!channelId) return await ack({ response_action: 'errors', errors: { channel: plainInline(field.channelRequired) } });
      const channel = { platform: 'slack' as const, workspaceId: body.team?.id ?? body.user.team_id ?? '', channelId };
      const o = await fileRequest(ctx, { actorId: body.user.id, channel, form, suggestedSlug: meta.suggestedSlug ?? null, formId: view.id });
      if (o.ok) {
        await ack();
        if (o.code === 'request.filed') log.info('request.created', { requestId: o.value.requestId });
        return;
      }
      // The suggested category is shown in the form itself (changeable); other refusals go under their field.
      if (o.code === 'form.check_suggestion') return await ack({ response_action: 'update', view: requestModal({ ...o.form, channelId }) as never });
      await ack({ response_action: 'errors', errors: fieldErrorsForSlack(values, errorsOrAmount(o.fields, o.message)) });
    } catch (e) {
      log.error('view.submit.failed', errorFields(e));
    }
  });

  app.view(CALLBACK.edit, async ({ ack, body, view }) => {
    try {
      const values = view.state.values as Values;
      const requestId = metaRequestId(view.private_metadata);
      const o = await editRequest(ctx, { actorId: body.user.id, requestId, form: readRequestForm(values) });
      if (o.ok) {
        await ack();
        log.info('request.edited', { requestId, approvalsReset: o.value.approvalsReset });
      } else await ack({ response_action: 'errors', errors: fieldErrorsForSlack(values, errorsOrAmount(o.fields, o.message)) });
    } catch (e) {
      log.error('view.edit.failed', errorFields(e));
    }
  });

  app.view(CLOSE_CALLBACK.alternative, async ({ ack, body, view }) => {
    try {
      const requestId = metaRequestId(view.private_metadata);
      const kind = view.state.values.kind?.value?.selected_option?.value ?? null;
      const reason = view.state.values.reason?.value?.value ?? '';
      const prevented = view.state.values.prevented?.value?.selected_option?.value ?? null;
      const o = await closeRequest(ctx, { actorId: body.user.id, requestId, how: 'alternative', kind, reason, prevented });
      if (o.ok) {
        await ack();
        log.info('request.alternative', { requestId });
      } else await ack({ response_action: 'errors', errors: fieldErrorsForSlack(view.state.values as Values, o.fields ?? { reason: o.message ?? field.required }) });
    } catch (e) {
      log.error('view.alternative.failed', errorFields(e));
    }
  });

  app.view(CLOSE_CALLBACK.objection, async ({ ack, body, view }) => {
    try {
      const requestId = metaRequestId(view.private_metadata);
      const reason = view.state.values.reason?.value?.value ?? '';
      const o = giveObjectionReason(ctx, { actorId: body.user.id, requestId, reason });
      if (o.ok) {
        await ack();
        log.info('objection.reason', { requestId });
      } else await ack({ response_action: 'errors', errors: { reason: plainInline(o.message ?? field.required) } });
    } catch (e) {
      log.error('view.objection.failed', errorFields(e));
    }
  });
}
