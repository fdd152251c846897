// A team member asks: open the form, get a category suggestion while filling it in, file it
// (validate, check the budgets, store, audit, post the card). Filing is idempotent on the form's
// identity: a double click or a retried submission answers like the first and files nothing.
import { budgetError, confirm, formText } from '../core/messages.js';
import type { RequestFormInput } from '../core/requestForm.js';
import { validateRequestForm } from '../core/requestForm.js';
import { appendAudit } from '../store/audit.js';
import { categoriesForTeam } from '../store/categories.js';
import { recordForm, requestOfForm } from '../store/forms.js';
import { enqueue } from '../store/outbox.js';
import { insertRequest } from '../store/requests.js';
import { findTeam } from '../store/teams.js';
import { whyNotFileIn } from './authorize.js';
import type { Ctx } from './deps.js';
import { checkRequestBudget } from './budgetCheck.js';
import { done, refused, type Done, type Refused } from './outcome.js';
import { formView, withSuggestion, type RequestFormView } from './requestForm.js';
import { teamOf, type ChannelRef } from './team.js';

/** A form use case: done, or refused with the form to show again (errors under their fields). */
export type FormOutcome<T> = Done<T> | (Refused & { form: RequestFormView });

/** `/minimaatwerk` (or the platform's button): the empty form for this channel, or why not here. */
export async function openRequestForm(ctx: Ctx, input: { actorId: string; channel: ChannelRef | null; channelName?: string }) {
  if (input.channel) {
    const why = await whyNotFileIn(ctx, input.actorId, input.channel.channelId);
    if (why) return refused('request.not_here', why);
  }
  const now = ctx.clock.now();
  const channel = input.channel;
  const view = ctx.store.tx((tx) => formView(tx, channel ? teamOf(tx, channel, now, input.channelName) : null, { mode: 'new' }));
  return done('form.opened', view);
}

/** While filling in (Slack: Enter in the description or supplier field): the form with the suggested category. */
export function suggestInForm(ctx: Ctx, input: { channel: ChannelRef | null; values: Partial<RequestFormInput> }): RequestFormView {
  return ctx.store.tx((tx) => {
    const team = input.channel ? (findTeam(tx, input.channel) ?? null) : null;
    return withSuggestion(tx, team, formView(tx, team, { mode: 'new', channelId: input.channel?.channelId ?? null }), input.values, null);
  });
}

export interface FileRequestInput {
  actorId: string;
  channel: ChannelRef;
  form: RequestFormInput;
  /** The category the form suggested, to measure how often the suggestion is kept. */
  suggestedSlug: string | null;
  /** The platform's id of this form (Slack view id, Teams dialog id): a second submission files nothing. */
  formId: string | null;
  channelName?: string;
}

export async function fileRequest(ctx: Ctx, input: FileRequestInput): Promise<FormOutcome<{ requestId: number }>> {
  const now = ctx.clock.now();
  const { channel } = input;
  const already = input.formId ? ctx.store.tx((tx) => requestOfForm(tx, channel.platform, input.formId!)) : undefined;
  if (already !== undefined) return done('request.already_filed', { requestId: already }, confirm.created(already));
  const why = await whyNotFileIn(ctx, input.actorId, channel.channelId);
  if (why) {
    const form = ctx.store.tx((tx) => formView(tx, findTeam(tx, channel) ?? null, { mode: 'new', values: input.form, errors: { channel: why } }));
    return { ...refused('request.not_here', why, { channel: why }), form };
  }
  const result = ctx.store.tx((tx): FormOutcome<{ requestId: number }> => {
    // Inside the transaction: two submissions of one form at once find each other here.
    const first = input.formId ? requestOfForm(tx, channel.platform, input.formId) : undefined;
    if (first !== undefined) return done('request.already_filed', { requestId: first }, confirm.created(first));
    const team = teamOf(tx, channel, now, input.channelName);
    const view = formView(tx, team, { mode: 'new', values: input.form, ...(input.suggestedSlug ? { suggestion: { slug: input.suggestedSlug, explanation: '' } } : {}) });
    const categories = categoriesForTeam(tx, team.id);
    if (!input.form.categorySlug) {
      // Never a hidden rule: show the suggested category and let the requester confirm or change it;
      // what else is wrong is shown with it (so a field emptied for a BSN says why).
      const form = withSuggestion(tx, team, view, input.form, formText.checkSuggestion);
      const rest = validateRequestForm({ ...input.form, categorySlug: form.suggestion?.slug ?? null }, categories.map((c) => c.slug));
      const { categorySlug: _, ...errors } = rest.ok ? {} : rest.error;
      if (Object.keys(errors).length > 0) return { ...refused('form.invalid', null, errors), form: { ...form, errors } };
      return { ...refused('form.check_suggestion', formText.checkSuggestion), form };
    }
    const valid = validateRequestForm(input.form, categories.map((c) => c.slug));
    if (!valid.ok) return { ...refused('form.invalid', null, valid.error), form: { ...view, errors: valid.error } };
    const form = valid.value;
    const budget = checkRequestBudget(tx, team, { amountCents: form.amountCents, caseRef: form.caseRef, at: now });
    if (!budget.ok) {
      const errors = { amount: budgetError(budget.error) };
      return { ...refused(budget.error.code, errors.amount, errors), form: { ...view, errors } };
    }
    const category = categories.find((c) => c.slug === form.categorySlug);
    const suggested = categories.find((c) => c.slug === input.suggestedSlug);
    const request = insertRequest(tx, {
      teamId: team.id,
      requesterId: input.actorId,
      amountCents: form.amountCents,
      description: form.description,
      supplierName: form.supplierName,
      supplierIban: form.supplierIban,
      categoryId: category?.id ?? null,
      suggestedCategoryId: suggested?.id ?? null,
      caseRef: form.caseRef,
      reason: form.reason,
      reasonText: form.reasonText,
      channelId: channel.channelId,
      createdAt: now,
    });
    if (input.formId) recordForm(tx, channel.platform, input.formId, request.id, now);
    appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: 'request.created',
      teamId: team.id,
      requestId: request.id,
      detail: {
        amountCents: request.amountCents,
        supplierName: request.supplierName,
        supplierIban: request.supplierIban,
        category: form.categorySlug,
        suggestedCategory: input.suggestedSlug,
        reason: form.reason,
      },
    });
    enqueue(tx, channel.platform, { kind: 'card.post', requestId: request.id }, now);
    return done('request.filed', { requestId: request.id }, confirm.created(request.id));
  });
  if (result.ok && result.code === 'request.filed') ctx.outboxWake();
  return result;
}
