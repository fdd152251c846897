// The request lifecycle: every (status, event) pair is either an allowed transition or refused.
import { describe, expect, it } from 'vitest';
import {
  BUDGET_STATUSES,
  REQUEST_STATUSES,
  countsAgainstBudget,
  isUndecided,
  requestLabel,
  transition,
  type RequestEvent,
  type RequestStatus,
} from '../../src/core/request.js';

const EVENTS: RequestEvent[] = ['object', 'clear_objections', 'approve', 'mark_paid', 'withdraw', 'close_alternative', 'expire', 'edit', 'post_failed'];

/** The whole table, written out by hand: anything not listed must be refused. */
const ALLOWED: Record<string, RequestStatus> = {
  'open/object': 'on_hold',
  'on_hold/object': 'on_hold',
  'on_hold/clear_objections': 'open',
  'open/approve': 'approved',
  'approved/mark_paid': 'paid',
  'open/withdraw': 'withdrawn',
  'on_hold/withdraw': 'withdrawn',
  'open/close_alternative': 'alternative',
  'on_hold/close_alternative': 'alternative',
  'open/expire': 'expired',
  'on_hold/expire': 'expired',
  'open/edit': 'open',
  'on_hold/edit': 'on_hold',
  'open/post_failed': 'not_posted',
  'on_hold/post_failed': 'not_posted',
};

const pairs = REQUEST_STATUSES.flatMap((s) => EVENTS.map((e) => [s, e] as const));

describe('transition', () => {
  it('covers 8 statuses × 9 events', () => {
    expect(pairs).toHaveLength(72);
  });

  it.each(pairs.filter(([s, e]) => ALLOWED[`${s}/${e}`]))('%s --%s--> allowed', (from, event) => {
    expect(transition(from, event)).toEqual({ ok: true, value: ALLOWED[`${from}/${event}`] });
  });

  it.each(pairs.filter(([s, e]) => !ALLOWED[`${s}/${e}`]))('%s --%s--> refused', (from, event) => {
    expect(transition(from, event)).toEqual({ ok: false, error: 'REQUEST.NOT_ALLOWED_IN_STATUS' });
  });

  it('never leaves a closed status (withdrawn, alternative, expired, paid, not posted are final)', () => {
    for (const s of ['withdrawn', 'alternative', 'expired', 'paid', 'not_posted'] as const) {
      for (const e of EVENTS) expect(transition(s, e).ok, `${s}/${e}`).toBe(false);
    }
  });

  it('an on-hold request cannot be approved directly', () => {
    expect(transition('on_hold', 'approve').ok).toBe(false);
  });
});

describe('status helpers', () => {
  it('only open and on_hold are undecided', () => {
    expect(REQUEST_STATUSES.filter(isUndecided)).toEqual(['open', 'on_hold']);
  });

  it('open, on hold, approved and paid count against budgets; closed ones do not', () => {
    expect(REQUEST_STATUSES.filter(countsAgainstBudget)).toEqual(['open', 'on_hold', 'approved', 'paid']);
    expect(BUDGET_STATUSES).toEqual(['open', 'on_hold', 'approved', 'paid']);
    for (const s of ['withdrawn', 'alternative', 'expired', 'not_posted'] as const) expect(countsAgainstBudget(s)).toBe(false);
  });

  it('labels requests as #N', () => {
    expect(requestLabel(42)).toBe('#42');
  });
});
