// `/minimaatwerk budget [amount]`: show or set the team's budget for the current calendar year.
import type { Message } from '../core/messages.js';
import { budgetCommand, refusal } from '../core/messages.js';
import { cents, parseAmount, type Cents } from '../core/money.js';
import { teamBudgetLeft } from '../core/budget.js';
import { yearOf, yearRange } from '../core/time.js';
import { appendAudit } from '../store/audit.js';
import { budgetUsage } from '../store/requests.js';
import type { ChannelRef } from '../store/teams.js';
import { ensureTeam, getAnnualBudget, setAnnualBudget } from '../store/teams.js';
import type { Actor, AppDeps } from './deps.js';
import { amountError } from '../core/messages.js';

/** What is left of the budget, never below € 0,00 (the budget may be lowered under what is already used). */
const left = (annual: Cents | null, used: Cents): Cents | null =>
  teamBudgetLeft({ limitCents: cents(0), annualBudgetCents: annual, householdCapCents: null }, { teamUsedCents: used, householdUsedCents: cents(0) });

export function budgetCommandUseCase(deps: AppDeps, input: { channel: ChannelRef; actor: Actor; amountText: string }): Message {
  const now = deps.clock.now();
  const year = yearOf(now);
  const { start, end } = yearRange(year);
  const text = input.amountText.trim();
  if (text === '') {
    return deps.store.tx((tx) => {
      const { team } = ensureTeam(tx, input.channel, now);
      const annual = getAnnualBudget(tx, team.id, year);
      const used = cents(budgetUsage(tx, { teamId: team.id, start, end }));
      const annualCents = annual === null ? null : cents(annual);
      return budgetCommand.show(year, annualCents, used, left(annualCents, used));
    });
  }
  if (!input.actor.isAdmin) return refusal.notAdmin;
  const amount = parseAmount(text);
  if (!amount.ok) return amountError(amount.error);
  return deps.store.tx((tx) => {
    const { team } = ensureTeam(tx, input.channel, now);
    const previous = getAnnualBudget(tx, team.id, year);
    setAnnualBudget(tx, team.id, year, amount.value, input.actor.id, now);
    appendAudit(tx, {
      at: now,
      actorId: input.actor.id,
      action: 'team.budget_set',
      teamId: team.id,
      detail: { year, amountCents: amount.value, previousCents: previous },
    });
    const used = cents(budgetUsage(tx, { teamId: team.id, start, end }));
    return budgetCommand.set(year, amount.value, left(amount.value, used) ?? amount.value);
  });
}
