// A team member asks: validate the form, check the budgets, store the request, post its card.
import { budgetError } from '../core/messages.js';
import type { FieldErrors, RequestFormInput } from '../core/requestForm.js';
import { validateRequestForm } from '../core/requestForm.js';
import { err, ok, type Result } from '../core/result.js';
import { appendAudit } from '../store/audit.js';
import { categoriesForTeam } from '../store/categories.js';
import { enqueue } from '../store/outbox.js';
import { insertRequest } from '../store/requests.js';
import type { ChannelRef } from '../store/teams.js';
import { ensureTeam } from '../store/teams.js';
import type { Actor, AppDeps } from './deps.js';
import { checkRequestBudget } from './money.js';

export interface SubmitRequestInput {
  channel: ChannelRef;
  requester: Actor;
  form: RequestFormInput;
  /** The category the form suggested, to measure how often the suggestion is kept. */
  suggestedSlug: string | null;
}

export function submitRequest(deps: AppDeps, input: SubmitRequestInput): Result<{ requestId: number }, FieldErrors> {
  const now = deps.clock.now();
  const result = deps.store.tx((tx) => {
    const { team } = ensureTeam(tx, input.channel, now);
    const categories = categoriesForTeam(tx, team.id);
    const valid = validateRequestForm(
      input.form,
      categories.map((c) => c.slug),
    );
    if (!valid.ok) return valid;
    const form = valid.value;
    const budget = checkRequestBudget(tx, team, { amountCents: form.amountCents, caseRef: form.caseRef, at: now });
    if (!budget.ok) return err({ amount: budgetError(budget.error) } satisfies FieldErrors);
    const category = categories.find((c) => c.slug === form.categorySlug);
    const suggested = categories.find((c) => c.slug === input.suggestedSlug);
    const request = insertRequest(tx, {
      teamId: team.id,
      requesterId: input.requester.id,
      amountCents: form.amountCents,
      description: form.description,
      supplierName: form.supplierName,
      supplierIban: form.supplierIban,
      categoryId: category?.id ?? null,
      suggestedCategoryId: suggested?.id ?? null,
      caseRef: form.caseRef,
      reason: form.reason,
      reasonText: form.reasonText,
      channelId: input.channel.channelId,
      createdAt: now,
    });
    appendAudit(tx, {
      at: now,
      actorId: input.requester.id,
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
    enqueue(tx, input.channel.platform, { kind: 'card.post', requestId: request.id }, now);
    return ok({ requestId: request.id });
  });
  if (result.ok) deps.outboxWake();
  return result;
}
