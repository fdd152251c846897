// The requester (or an admin) edits an undecided request; a change of amount, supplier or IBAN
// resets the approvals (colleagues approved something else).
import { budgetError, confirm, refusal, thread } from '../core/messages.js';
import { cents } from '../core/money.js';
import type { RequestFormInput } from '../core/requestForm.js';
import { editResetsApprovals, validateRequestForm } from '../core/requestForm.js';
import { transition } from '../core/request.js';
import { appendAudit } from '../store/audit.js';
import { categoriesForTeam } from '../store/categories.js';
import { enqueue } from '../store/outbox.js';
import { clearApprovals } from '../store/reactions.js';
import { getRequest, updateRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import { whyNotChange } from './authorize.js';
import { checkRequestBudget } from './budgetCheck.js';
import type { Ctx } from './deps.js';
import type { FormOutcome } from './fileRequest.js';
import { done, refused, type Outcome } from './outcome.js';
import { formView, storedValues, type RequestFormView } from './requestForm.js';

/** The edit form with the stored values, or why this person may not edit now. */
export async function openEditForm(ctx: Ctx, input: { actorId: string; requestId: number }): Promise<Outcome<RequestFormView>> {
  const request = getRequest(ctx.store.db, input.requestId);
  if (!request) return refused('request.not_found', refusal.notFound);
  const why = await whyNotChange(ctx, input.actorId, request);
  if (why) return refused('request.not_yours', why);
  const view = ctx.store.tx((tx) =>
    formView(tx, getTeam(tx, request.teamId), { mode: 'edit', requestId: request.id, channelId: request.channelId, values: storedValues(tx, request) }),
  );
  return done('form.opened', view);
}

export async function editRequest(ctx: Ctx, input: { actorId: string; requestId: number; form: RequestFormInput }): Promise<FormOutcome<{ approvalsReset: boolean }>> {
  const now = ctx.clock.now();
  const before = getRequest(ctx.store.db, input.requestId);
  const blank = (errors = {}) => ctx.store.tx((tx) => formView(tx, before ? getTeam(tx, before.teamId) : null, { mode: 'edit', requestId: input.requestId, values: input.form, errors }));
  if (!before) return { ...refused('request.not_found', refusal.notFound), form: blank() };
  const why = await whyNotChange(ctx, input.actorId, before);
  if (why) return { ...refused('request.not_yours', why), form: blank({ amount: why }) };
  const result = ctx.store.tx((tx): FormOutcome<{ approvalsReset: boolean }> => {
    const request = getRequest(tx, input.requestId)!;
    const team = getTeam(tx, request.teamId);
    const view = formView(tx, team, { mode: 'edit', requestId: request.id, channelId: request.channelId, values: input.form });
    if (!transition(request.status, 'edit').ok) {
      const message = refusal.alreadyDecided(request.id, request.status);
      return { ...refused('request.decided', message, { amount: message }), form: { ...view, errors: { amount: message } } };
    }
    const categories = categoriesForTeam(tx, team.id);
    const valid = validateRequestForm(input.form, categories.map((c) => c.slug));
    if (!valid.ok) return { ...refused('form.invalid', null, valid.error), form: { ...view, errors: valid.error } };
    const form = valid.value;
    const budget = checkRequestBudget(tx, team, { amountCents: form.amountCents, caseRef: form.caseRef, at: request.createdAt, excludeRequestId: request.id });
    if (!budget.ok) {
      const errors = { amount: budgetError(budget.error) };
      return { ...refused(budget.error.code, errors.amount, errors), form: { ...view, errors } };
    }
    const reset = editResetsApprovals({ amountCents: cents(request.amountCents), supplierName: request.supplierName, supplierIban: request.supplierIban }, form);
    updateRequest(tx, request.id, {
      amountCents: form.amountCents,
      description: form.description,
      supplierName: form.supplierName,
      supplierIban: form.supplierIban,
      categoryId: categories.find((c) => c.slug === form.categorySlug)?.id ?? null,
      caseRef: form.caseRef,
      reason: form.reason,
      reasonText: form.reasonText,
      ...(reset ? { version: request.version + 1 } : {}),
    });
    if (reset) clearApprovals(tx, request.id);
    appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: reset ? 'request.edited.approvals_reset' : 'request.edited',
      teamId: team.id,
      requestId: request.id,
      detail: {
        from: { amountCents: request.amountCents, supplierName: request.supplierName, supplierIban: request.supplierIban },
        to: { amountCents: form.amountCents, supplierName: form.supplierName, supplierIban: form.supplierIban, category: form.categorySlug },
      },
    });
    enqueue(tx, team.platform, { kind: 'card.update', requestId: request.id }, now);
    enqueue(tx, team.platform, { kind: 'thread.post', requestId: request.id, message: reset ? thread.editedReset(request.id, input.actorId) : thread.edited(request.id, input.actorId) }, now);
    return done('request.edited', { approvalsReset: reset }, confirm.edited(request.id));
  });
  if (result.ok) ctx.outboxWake();
  return result;
}
