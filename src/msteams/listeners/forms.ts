// Dialogs: task/fetch opens a form (after the use case says this person may), task/submit submits it.
import { randomUUID } from 'node:crypto';
import { closeRequest, openCloseForm } from '../../app/closeRequest.js';
import { editRequest, openEditForm } from '../../app/editRequest.js';
import { fileRequest, openRequestForm } from '../../app/fileRequest.js';
import { giveObjectionReason, openObjectionForm } from '../../app/objectionReason.js';
import { formText, onlyInChannel } from '../../core/messages.js';
import type { RequestFormInput } from '../../core/requestForm.js';
import type { InboundActivity } from '../activity.js';
import { actionData, actorOf, str } from '../activity.js';
import { DIALOG } from '../cards/common.js';
import { alternativeCard, dialogDone, dialogResponse, objectionCard, requestFormCard } from '../cards/forms.js';
import { channelOf, noteActivity, type TeamsListenerContext } from './context.js';

function readForm(data: Record<string, unknown>): RequestFormInput {
  const opt = (v: unknown) => (str(v) === '' ? null : str(v));
  return {
    amount: str(data.amount),
    description: str(data.description),
    supplierName: str(data.supplierName),
    supplierIban: str(data.supplierIban),
    categorySlug: opt(data.categorySlug),
    caseRef: str(data.caseRef),
    reason: opt(data.reason),
    reasonText: str(data.reasonText),
  };
}

export const requestIdOf = (data: Record<string, unknown>) => {
  const id = Number(data.requestId);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

export async function onDialogOpen(l: TeamsListenerContext, activity: InboundActivity) {
  noteActivity(l, activity);
  const data = actionData(activity);
  const actorId = actorOf(activity).id;
  const dialog = str(data.dialog);
  const requestId = requestIdOf(data);
  const done = (o: { message: Parameters<typeof dialogDone>[0] | null }) => dialogDone(o.message ?? formText.cancel, l.names);
  if (dialog === DIALOG.new) {
    const channel = channelOf(l, activity);
    if (!channel) return dialogDone(onlyInChannel('teams'), l.names);
    const o = await openRequestForm(l.ctx, { actorId, channel });
    return o.ok ? dialogResponse(formText.titleNew, requestFormCard(o.value, l.names, randomUUID())) : done(o);
  }
  if (dialog === DIALOG.edit) {
    const o = await openEditForm(l.ctx, { actorId, requestId });
    return o.ok ? dialogResponse(formText.titleEdit, requestFormCard(o.value, l.names)) : done(o);
  }
  if (dialog === DIALOG.alternative) {
    const o = await openCloseForm(l.ctx, { actorId, requestId });
    return o.ok ? dialogResponse(formText.alternativeTitle, alternativeCard(requestId)) : done(o);
  }
  if (dialog === DIALOG.objection) {
    const o = openObjectionForm(l.ctx, { actorId, requestId });
    return o.ok ? dialogResponse(formText.objectionTitle, objectionCard(requestId)) : done(o);
  }
  return null;
}

export async function onDialogSubmit(l: TeamsListenerContext, activity: InboundActivity) {
  noteActivity(l, activity);
  const data = actionData(activity);
  const actorId = actorOf(activity).id;
  const dialog = str(data.dialog);
  const requestId = requestIdOf(data);
  if (dialog === DIALOG.new) {
    const channel = channelOf(l, activity);
    if (!channel) return dialogDone(onlyInChannel('teams'), l.names);
    // The form id was put in the dialog when it opened: a second submission of it files nothing.
    const o = await fileRequest(l.ctx, { actorId, channel, form: readForm(data), suggestedSlug: str(data.suggestedSlug) || null, formId: str(data.formId) || null });
    if (o.ok) {
      if (o.code === 'request.filed') l.log.info('teams.request.created', { requestId: o.value.requestId });
      return dialogDone(o.message ?? formText.cancel, l.names);
    }
    return dialogResponse(formText.titleNew, requestFormCard(o.form, l.names, str(data.formId) || randomUUID()));
  }
  if (dialog === DIALOG.edit) {
    const o = await editRequest(l.ctx, { actorId, requestId, form: readForm(data) });
    if (o.ok) {
      l.log.info('teams.request.edited', { requestId, approvalsReset: o.value.approvalsReset });
      return dialogDone(o.message ?? formText.cancel, l.names);
    }
    if (o.code === 'request.not_yours' || o.code === 'request.not_found' || o.code === 'request.decided') return dialogDone(o.message ?? formText.cancel, l.names);
    return dialogResponse(formText.titleEdit, requestFormCard(o.form, l.names));
  }
  if (dialog === DIALOG.alternative) {
    const o = await closeRequest(l.ctx, { actorId, requestId, how: 'alternative', kind: str(data.kind) || null, reason: str(data.reason), prevented: str(data.prevented) || null });
    if (o.ok || o.code !== 'form.invalid') return dialogDone(o.message ?? formText.cancel, l.names);
    return dialogResponse(formText.alternativeTitle, alternativeCard(requestId, o.message, o.values));
  }
  if (dialog === DIALOG.objection) {
    const o = giveObjectionReason(l.ctx, { actorId, requestId, reason: str(data.reason) });
    if (o.ok || o.code !== 'form.invalid') return dialogDone(o.message ?? formText.cancel, l.names);
    return dialogResponse(formText.objectionTitle, objectionCard(requestId, o.message, o.values?.reason));
  }
  return null;
}
