// `budget [amount]`: show the team's budget for the current calendar year, or (admins) set it.
import { budgetCommand, refusal } from '../core/messages.js';
import { amountError } from '../core/messages.js';
import { teamBudgetLeft } from '../core/budget.js';
import { cents, parseAmount, type Cents } from '../core/money.js';
import { yearOf, yearRange } from '../core/time.js';
import { appendAudit } from '../store/audit.js';
import { budgetUsage } from '../store/requests.js';
import { getAnnualBudget, setAnnualBudget } from '../store/teams.js';
import type { Ctx } from './deps.js';
import { done, refused, type Outcome } from './outcome.js';
import { teamOf, type ChannelRef } from './team.js';

/** What is left of the budget, never below € 0,00 (the budget may be lowered under what is already used). */
const left = (annual: Cents | null, used: Cents): Cents | null =>
  teamBudgetLeft({ limitCents: cents(0), annualBudgetCents: annual, householdCapCents: null }, { teamUsedCents: used, householdUsedCents: cents(0) });

export async function budget(ctx: Ctx, input: { actorId: string; channel: ChannelRef; amountText: string }): Promise<Outcome> {
  const now = ctx.clock.now();
  const year = yearOf(now);
  const { start, end } = yearRange(year);
  const text = input.amountText.trim();
  if (text === '') {
    const shown = ctx.store.tx((tx) => {
      const team = teamOf(tx, input.channel, now);
      const annual = getAnnualBudget(tx, team.id, year);
      const used = cents(budgetUsage(tx, { teamId: team.id, start, end }));
      const annualCents = annual === null ? null : cents(annual);
      return budgetCommand.show(year, annualCents, used, left(annualCents, used));
    });
    return done('budget.shown', null, shown);
  }
  if (!(await ctx.directory.isAdmin(input.actorId))) return refused('budget.not_admin', refusal.notAdmin);
  const amount = parseAmount(text);
  if (!amount.ok) return refused(amount.error, amountError(amount.error));
  const set = ctx.store.tx((tx) => {
    const team = teamOf(tx, input.channel, now);
    const previous = getAnnualBudget(tx, team.id, year);
    setAnnualBudget(tx, team.id, year, amount.value, input.actorId, now);
    appendAudit(tx, { at: now, actorId: input.actorId, action: 'team.budget_set', teamId: team.id, detail: { year, amountCents: amount.value, previousCents: previous } });
    const used = cents(budgetUsage(tx, { teamId: team.id, start, end }));
    return budgetCommand.set(year, amount.value, left(amount.value, used) ?? amount.value);
  });
  return done('budget.set', null, set);
}
