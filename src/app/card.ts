// The request card: everything an adapter needs to draw it, and what happens when it was posted
// (its message id is stored) or could not be posted for good (the request is closed as not posted,
// counts against nothing, and the requester is told).
import { confirm } from '../core/messages.js';
import { transition } from '../core/request.js';
import { appendAudit } from '../store/audit.js';
import type { Store } from '../store/db.js';
import { categoryById } from '../store/categories.js';
import { enqueue } from '../store/outbox.js';
import { paymentForRequest } from '../store/payments.js';
import { approversOf, objectionsOf } from '../store/reactions.js';
import { getRequest, updateRequest } from '../store/requests.js';
import type { Category, RequestRow, Team } from '../store/schema.js';
import { getTeam } from '../store/teams.js';
import type { AppDeps } from './deps.js';

export type { Category, RequestRow, Team };

export interface CardModel {
  request: RequestRow;
  team: Team;
  category: Category | undefined;
  approvers: string[];
  objections: { objectorId: string; reason: string | null }[];
  /** Approvers recorded with the payment, once approved. */
  decidedBy: string[];
}

export function loadCard(store: Pick<Store, "db">, requestId: number): CardModel | undefined {
  const db = store.db;
  const request = getRequest(db, requestId);
  if (!request) return undefined;
  const payment = paymentForRequest(db, requestId);
  return {
    request,
    team: getTeam(db, request.teamId),
    category: categoryById(db, request.categoryId),
    approvers: approversOf(db, requestId),
    objections: objectionsOf(db, requestId),
    decidedBy: payment ? payment.approvers.split(',').filter(Boolean) : [],
  };
}

/** The card was posted: remember its message id (reactions on it find the request by it). */
export function cardPosted(deps: Pick<AppDeps, 'store'>, input: { requestId: number; messageId: string }): void {
  deps.store.tx((tx) => updateRequest(tx, input.requestId, { messageTs: input.messageId }));
}

/**
 * The platform refused the card for good (channel gone, archived, bot not in it): the request ends
 * as not posted, audited, and its requester is told why. Returns false when nothing changed.
 */
export function cardNotPosted(deps: Pick<AppDeps, 'store' | 'clock'>, input: { requestId: number; reason: string }): boolean {
  const now = deps.clock.now();
  return deps.store.tx((tx) => {
    const request = getRequest(tx, input.requestId);
    if (!request || request.messageTs) return false;
    const next = transition(request.status, 'post_failed');
    if (!next.ok) return false;
    const team = getTeam(tx, request.teamId);
    updateRequest(tx, request.id, { status: next.value, closedAt: now });
    appendAudit(tx, { at: now, actorId: 'system', action: 'request.not_posted', teamId: team.id, requestId: request.id, detail: { from: request.status, reason: input.reason } });
    enqueue(tx, team.platform, { kind: 'person.notify', requestId: request.id, userId: request.requesterId, message: confirm.notPosted(request.id) }, now);
    return true;
  });
}
