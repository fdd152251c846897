// The budget check of a request against the team's limits, with the usage read from the store.
import type { BudgetError } from '../core/budget.js';
import { checkBudget } from '../core/budget.js';
import type { Cents } from '../core/money.js';
import { cents } from '../core/money.js';
import type { Result } from '../core/result.js';
import { yearOf, yearRange } from '../core/time.js';
import type { Tx } from '../store/db.js';
import { budgetUsage } from '../store/requests.js';
import type { Team } from '../store/schema.js';
import { getAnnualBudget } from '../store/teams.js';

export function teamBudgetSettings(tx: Tx, team: Team, year: number) {
  const annual = getAnnualBudget(tx, team.id, year);
  return {
    limitCents: cents(team.limitCents),
    annualBudgetCents: annual === null ? null : cents(annual),
    householdCapCents: team.householdCapCents === null ? null : cents(team.householdCapCents),
  };
}

/** The calendar year of the request decides which budget and household cap it counts against. */
export function checkRequestBudget(
  tx: Tx,
  team: Team,
  q: { amountCents: Cents; caseRef: string; at: Date; excludeRequestId?: number },
): Result<true, BudgetError> {
  const year = yearOf(q.at);
  const { start, end } = yearRange(year);
  const base = { teamId: team.id, start, end, excludeRequestId: q.excludeRequestId };
  return checkBudget(q.amountCents, teamBudgetSettings(tx, team, year), {
    teamUsedCents: cents(budgetUsage(tx, base)),
    householdUsedCents: cents(budgetUsage(tx, { ...base, caseRef: q.caseRef })),
  });
}
