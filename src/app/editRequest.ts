// The requester edits an open request; a change of amount, supplier or IBAN resets the approvals.
import { budgetError, refusal, thread, type Message } from '../core/messages.js';
import { cents, formatEuroInput } from '../core/money.js';
import type { FieldErrors, RequestFormInput } from '../core/requestForm.js';
import { editResetsApprovals, validateRequestForm } from '../core/requestForm.js';
import { transition } from '../core/request.js';
import { err, ok, type Result } from '../core/result.js';
import { appendAudit } from '../store/audit.js';
import { categoriesForTeam, categoryById } from '../store/categories.js';
import type { Tx } from '../store/db.js';
import type { RequestRow } from '../store/schema.js';
import { enqueue } from '../store/outbox.js';
import { clearApprovals } from '../store/reactions.js';
import { getRequest, updateRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import type { Actor, AppDeps } from './deps.js';
import { mayChange } from './authorize.js';
import { checkRequestBudget } from './money.js';

/** The stored request as the edit form shows it first (amount as typed in Dutch, category slug). */
export function editFormOf(tx: Tx, request: RequestRow): RequestFormInput {
  return {
    amount: formatEuroInput(cents(request.amountCents)),
    description: request.description,
    supplierName: request.supplierName,
    supplierIban: request.supplierIban,
    categorySlug: categoryById(tx, request.categoryId)?.slug ?? null,
    caseRef: request.caseRef,
    reason: request.reason,
    reasonText: request.reasonText,
  };
}

export type EditError = { kind: 'fields'; errors: FieldErrors } | { kind: 'refused'; message: Message };

export function editRequest(
  deps: AppDeps,
  input: { requestId: number; actor: Actor; form: RequestFormInput },
): Result<{ approvalsReset: boolean }, EditError> {
  const now = deps.clock.now();
  const result = deps.store.tx((tx): Result<{ approvalsReset: boolean }, EditError> => {
    const request = getRequest(tx, input.requestId);
    if (!request) throw new Error(`request ${input.requestId} not found`);
    const refused = mayChange(input.actor, request);
    if (refused) return err({ kind: 'refused', message: refused });
    if (!transition(request.status, 'edit').ok) return err({ kind: 'refused', message: refusal.alreadyDecided(request.id, request.status) });
    const team = getTeam(tx, request.teamId);
    const categories = categoriesForTeam(tx, team.id);
    const valid = validateRequestForm(input.form, categories.map((c) => c.slug));
    if (!valid.ok) return err({ kind: 'fields', errors: valid.error });
    const form = valid.value;
    const budget = checkRequestBudget(tx, team, {
      amountCents: form.amountCents,
      caseRef: form.caseRef,
      at: request.createdAt,
      excludeRequestId: request.id,
    });
    if (!budget.ok) return err({ kind: 'fields', errors: { amount: budgetError(budget.error) } });
    const reset = editResetsApprovals(
      { amountCents: cents(request.amountCents), supplierName: request.supplierName, supplierIban: request.supplierIban },
      form,
    );
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
      actorId: input.actor.id,
      action: reset ? 'request.edited.approvals_reset' : 'request.edited',
      teamId: team.id,
      requestId: request.id,
      detail: {
        from: { amountCents: request.amountCents, supplierName: request.supplierName, supplierIban: request.supplierIban },
        to: { amountCents: form.amountCents, supplierName: form.supplierName, supplierIban: form.supplierIban, category: form.categorySlug },
      },
    });
    const by = `<@${input.actor.id}>`;
    enqueue(tx, team.platform, { kind: 'card.update', requestId: request.id }, now);
    enqueue(tx, team.platform, { kind: 'thread.post', requestId: request.id, message: reset ? thread.editedReset(request.id, by) : thread.edited(request.id, by) }, now);
    return ok({ approvalsReset: reset });
  });
  if (result.ok) deps.outboxWake();
  return result;
}
