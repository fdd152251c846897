// Limits on money: per request, per team per calendar year, per household (case reference) per year.
import type { Cents } from './money.js';
import { cents, subCents } from './money.js';
import { err, ok, type Result } from './result.js';

export interface BudgetSettings {
  /** A request must stay strictly below this. */
  limitCents: Cents;
  /** The team's budget for the calendar year, or null when the team set none. */
  annualBudgetCents: Cents | null;
  /** Per case reference per calendar year, or null for no cap. */
  householdCapCents: Cents | null;
}

export interface BudgetUsage {
  /** Open, on hold, approved and paid requests of the team this year (excluding the one checked). */
  teamUsedCents: Cents;
  /** The same for this case reference. */
  householdUsedCents: Cents;
}

export type BudgetError =
  | { code: 'BUDGET.AT_OR_ABOVE_LIMIT'; limitCents: Cents }
  | { code: 'BUDGET.EXCEEDS_TEAM_BUDGET'; leftCents: Cents }
  | { code: 'BUDGET.EXCEEDS_HOUSEHOLD_CAP'; leftCents: Cents; capCents: Cents };

const nonNegative = (c: Cents): Cents => (c < 0 ? cents(0) : c);

export function teamBudgetLeft(settings: BudgetSettings, usage: BudgetUsage): Cents | null {
  return settings.annualBudgetCents === null ? null : nonNegative(subCents(settings.annualBudgetCents, usage.teamUsedCents));
}

export function householdLeft(settings: BudgetSettings, usage: BudgetUsage): Cents | null {
  return settings.householdCapCents === null ? null : nonNegative(subCents(settings.householdCapCents, usage.householdUsedCents));
}

/** Whether `amount` may be requested now; the first rule that refuses it says why. */
export function checkBudget(amount: Cents, settings: BudgetSettings, usage: BudgetUsage): Result<true, BudgetError> {
  if (amount >= settings.limitCents) return err({ code: 'BUDGET.AT_OR_ABOVE_LIMIT', limitCents: settings.limitCents });
  const teamLeft = teamBudgetLeft(settings, usage);
  if (teamLeft !== null && amount > teamLeft) return err({ code: 'BUDGET.EXCEEDS_TEAM_BUDGET', leftCents: teamLeft });
  const hhLeft = householdLeft(settings, usage);
  if (hhLeft !== null && settings.householdCapCents !== null && amount > hhLeft) {
    return err({ code: 'BUDGET.EXCEEDS_HOUSEHOLD_CAP', leftCents: hhLeft, capCents: settings.householdCapCents });
  }
  return ok(true);
}
