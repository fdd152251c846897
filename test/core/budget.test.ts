// Money limits: per request, the team's annual budget, the household cap per case reference.
import { toPlain } from '../../src/core/text.js';
import { describe, expect, it } from 'vitest';
import { checkBudget, householdLeft, teamBudgetLeft, type BudgetSettings, type BudgetUsage } from '../../src/core/budget.js';
import { budgetError } from '../../src/core/messages.js';
import { cents } from '../../src/core/money.js';

const DEFAULTS: BudgetSettings = { limitCents: cents(50000), annualBudgetCents: null, householdCapCents: cents(50000) };
const NONE: BudgetUsage = { teamUsedCents: cents(0), householdUsedCents: cents(0) };

describe('limit per request (strictly below)', () => {
  it('€ 499,99 passes', () => {
    expect(checkBudget(cents(49999), DEFAULTS, NONE)).toEqual({ ok: true, value: true });
  });
  it('€ 500,00 is refused, naming the limit', () => {
    expect(checkBudget(cents(50000), DEFAULTS, NONE)).toEqual({ ok: false, error: { code: 'BUDGET.AT_OR_ABOVE_LIMIT', limitCents: 50000 } });
    expect(toPlain(budgetError({ code: 'BUDGET.AT_OR_ABOVE_LIMIT', limitCents: cents(50000) }).nl)).toContain('onder € 500,00');
  });
  it('€ 500,01 is refused', () => {
    expect(checkBudget(cents(50001), DEFAULTS, NONE).ok).toBe(false);
  });
  it('the limit is a team setting', () => {
    const low = { ...DEFAULTS, limitCents: cents(20000) };
    expect(checkBudget(cents(19999), low, NONE).ok).toBe(true);
    expect(checkBudget(cents(20000), low, NONE)).toMatchObject({ ok: false, error: { code: 'BUDGET.AT_OR_ABOVE_LIMIT', limitCents: 20000 } });
  });
});

describe('team annual budget', () => {
  const withBudget = { ...DEFAULTS, annualBudgetCents: cents(100000) };
  it('no budget set: no team limit', () => {
    expect(teamBudgetLeft(DEFAULTS, { ...NONE, teamUsedCents: cents(9_999_999) })).toBeNull();
    expect(checkBudget(cents(40000), { ...DEFAULTS, householdCapCents: null }, { ...NONE, teamUsedCents: cents(9_999_999) }).ok).toBe(true);
  });
  it('what is left is budget minus used, never below zero', () => {
    expect(teamBudgetLeft(withBudget, { ...NONE, teamUsedCents: cents(70000) })).toBe(30000);
    expect(teamBudgetLeft(withBudget, { ...NONE, teamUsedCents: cents(120000) })).toBe(0);
  });
  it('exactly what is left passes; one cent more is refused with the amount left', () => {
    const usage = { ...NONE, teamUsedCents: cents(70000) };
    expect(checkBudget(cents(30000), { ...withBudget, householdCapCents: null }, usage).ok).toBe(true);
    expect(checkBudget(cents(30001), { ...withBudget, householdCapCents: null }, usage)).toEqual({
      ok: false,
      error: { code: 'BUDGET.EXCEEDS_TEAM_BUDGET', leftCents: 30000 },
    });
    expect(toPlain(budgetError({ code: 'BUDGET.EXCEEDS_TEAM_BUDGET', leftCents: cents(30000) }).nl)).toContain('€ 300,00');
  });
  it('the per-request limit is checked first', () => {
    expect(checkBudget(cents(60000), withBudget, NONE)).toMatchObject({ error: { code: 'BUDGET.AT_OR_ABOVE_LIMIT' } });
  });
});

describe('household cap per case reference', () => {
  it('300 used: 200 passes, 250 is refused with € 200,00 left', () => {
    const usage = { ...NONE, householdUsedCents: cents(30000) };
    expect(checkBudget(cents(20000), DEFAULTS, usage).ok).toBe(true);
    const r = checkBudget(cents(25000), DEFAULTS, usage);
    expect(r).toEqual({ ok: false, error: { code: 'BUDGET.EXCEEDS_HOUSEHOLD_CAP', leftCents: 20000, capCents: 50000 } });
    if (!r.ok) expect(toPlain(budgetError(r.error).nl)).toContain('nog € 200,00 over');
  });
  it('no cap configured: no household limit', () => {
    const noCap = { ...DEFAULTS, householdCapCents: null };
    expect(householdLeft(noCap, { ...NONE, householdUsedCents: cents(90000) })).toBeNull();
    expect(checkBudget(cents(40000), noCap, { ...NONE, householdUsedCents: cents(90000) }).ok).toBe(true);
  });
  it('the cap is a team setting', () => {
    const cap = { ...DEFAULTS, householdCapCents: cents(10000) };
    expect(checkBudget(cents(10001), cap, NONE)).toMatchObject({ error: { code: 'BUDGET.EXCEEDS_HOUSEHOLD_CAP', leftCents: 10000, capCents: 10000 } });
  });
  it('team budget is reported before the household cap', () => {
    const s = { ...DEFAULTS, annualBudgetCents: cents(10000) };
    expect(checkBudget(cents(20000), s, { teamUsedCents: cents(0), householdUsedCents: cents(45000) })).toMatchObject({ error: { code: 'BUDGET.EXCEEDS_TEAM_BUDGET' } });
  });
});

describe('editing a request (the request itself is excluded from usage)', () => {
  // The caller passes usage without the edited request: raising 300 → 450 on its own case ref is fine,
  // as long as the others leave room.
  it('raising an amount counts only the other requests', () => {
    const others = { teamUsedCents: cents(0), householdUsedCents: cents(0) };
    expect(checkBudget(cents(45000), DEFAULTS, others).ok).toBe(true);
  });
  it('would be refused if the request counted against itself', () => {
    const including = { teamUsedCents: cents(30000), householdUsedCents: cents(30000) };
    expect(checkBudget(cents(45000), DEFAULTS, including).ok).toBe(false);
  });
});
