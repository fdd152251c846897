// The request lifecycle as an explicit state machine.
//
//   open ──objection──▶ on_hold ──objections cleared──▶ open
//   open ──enough approvals──▶ approved ──finance──▶ paid
//   open | on_hold ──requester──▶ withdrawn | alternative
//   open | on_hold ──stale──▶ expired
//   open ──card could not be posted──▶ not_posted   (counts against nothing)
import { err, ok, type Result } from './result.js';

export const REQUEST_STATUSES = ['open', 'on_hold', 'approved', 'paid', 'withdrawn', 'alternative', 'expired', 'not_posted'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export type RequestEvent =
  | 'object'
  | 'clear_objections'
  | 'approve'
  | 'mark_paid'
  | 'withdraw'
  | 'close_alternative'
  | 'expire'
  | 'edit'
  | 'post_failed';

const TRANSITIONS: Readonly<Record<RequestEvent, Partial<Record<RequestStatus, RequestStatus>>>> = {
  object: { open: 'on_hold', on_hold: 'on_hold' },
  clear_objections: { on_hold: 'open' },
  approve: { open: 'approved' },
  mark_paid: { approved: 'paid' },
  withdraw: { open: 'withdrawn', on_hold: 'withdrawn' },
  close_alternative: { open: 'alternative', on_hold: 'alternative' },
  expire: { open: 'expired', on_hold: 'expired' },
  edit: { open: 'open', on_hold: 'on_hold' },
  post_failed: { open: 'not_posted', on_hold: 'not_posted' },
};

export type TransitionError = 'REQUEST.NOT_ALLOWED_IN_STATUS';

/** The status after `event`, or why the event is not allowed now. */
export function transition(from: RequestStatus, event: RequestEvent): Result<RequestStatus, TransitionError> {
  const to = TRANSITIONS[event][from];
  return to ? ok(to) : err('REQUEST.NOT_ALLOWED_IN_STATUS');
}

/** Still waiting for a decision: approvals, objections, edits and closing are possible. */
export function isUndecided(status: RequestStatus): boolean {
  return status === 'open' || status === 'on_hold';
}

/** Counts against the team budget and the household cap. */
export function countsAgainstBudget(status: RequestStatus): boolean {
  return status === 'open' || status === 'on_hold' || status === 'approved' || status === 'paid';
}

export const UNDECIDED_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter(isUndecided);

export const BUDGET_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter(countsAgainstBudget);

/** What the retention purge leaves of free text (case reference, description, reasons). */
export const PURGED_TEXT = '[verwijderd]';

/** Request numbers as people see and say them. */
export function requestLabel(id: number): string {
  return `#${id}`;
}

/** Decided or closed: nothing about them changes any more except being paid. */
export const CLOSED_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !isUndecided(s));

/** Approved or paid: a spend (the digest, the register). */
export const SPEND_STATUSES: readonly RequestStatus[] = ['approved', 'paid'];

/** Where the alternative came from: stored as these words (closed_kind); 'network' is the resident's own network. */
export type CloseKind = 'charity_fund' | 'other_provision' | 'free_solution' | 'network' | 'other';
export const CLOSE_KINDS: readonly CloseKind[] = ['charity_fund', 'other_provision', 'free_solution', 'network', 'other'];
export type ReasonCode = 'no_provision' | 'too_slow';
export const REASON_CODES: readonly ReasonCode[] = ['no_provision', 'too_slow'];
