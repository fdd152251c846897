// Everything a chat adapter needs to draw a request card, read in one go.
import type { Category, RequestRow, Team } from '../store/schema.js';
import type { Tx } from '../store/db.js';
import { categoryById } from '../store/categories.js';
import { approversOf, objectionsOf } from '../store/reactions.js';
import { getRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import { paymentForRequest } from '../store/payments.js';

export interface CardModel {
  request: RequestRow;
  team: Team;
  category: Category | undefined;
  approvers: string[];
  objections: { objectorId: string; reason: string | null }[];
  /** Approvers recorded with the payment, once approved. */
  decidedBy: string[];
}

export function loadCard(tx: Tx, requestId: number): CardModel | undefined {
  const request = getRequest(tx, requestId);
  if (!request) return undefined;
  const payment = paymentForRequest(tx, requestId);
  return {
    request,
    team: getTeam(tx, request.teamId),
    category: categoryById(tx, request.categoryId),
    approvers: approversOf(tx, requestId),
    objections: objectionsOf(tx, requestId),
    decidedBy: payment ? payment.approvers.split(',').filter(Boolean) : [],
  };
}
