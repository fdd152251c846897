// What a request prevented (one click on the card once it is paid or closed with an alternative),
// and the unit costs a municipality sets for an estimate of avoided costs (CLI). Audited.
import { formatEuro, cents } from '../core/money.js';
import { canRecordPrevented, isPreventedOutcome, PREVENTED_OUTCOMES, UNIT_COST_MAX_CENTS, UNIT_COST_SOURCE_MAX, type PreventedOutcome, type UnitCost } from '../core/prevented.js';
import { refusal } from '../core/messages.js';
import { checkText } from '../core/signal.js';
import { preventedText } from '../core/texts/signals.js';
import { code, msg, t, type Message } from '../core/text.js';
import { appendAudit } from '../store/audit.js';
import { setPrevented, setUnitCost as storeUnitCost, unitCostOf, unitCosts } from '../store/learning.js';
import { enqueue } from '../store/outbox.js';
import { getRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import type { AppDeps, Ctx } from './deps.js';
import { done, refused, type Outcome } from './outcome.js';

/** Record (or change) what a paid or alternatively closed request prevented: its requester or an admin. */
export async function recordPrevented(ctx: Ctx, input: { actorId: string; requestId: number; outcome: string | null }): Promise<Outcome<{ requestId: number; outcome: PreventedOutcome }>> {
  const outcome = input.outcome;
  if (!isPreventedOutcome(outcome)) return refused('prevented.unknown', preventedText.unknownChoice, { prevented: preventedText.unknownChoice });
  const request = getRequest(ctx.store.db, input.requestId);
  if (!request) return refused('request.not_found', refusal.notFound);
  if (input.actorId !== request.requesterId && !(await ctx.directory.isAdmin(input.actorId))) return refused('prevented.not_yours', preventedText.notYours(request.id));
  const now = ctx.clock.now();
  const result = ctx.store.tx((tx): Outcome<{ requestId: number; outcome: PreventedOutcome }> => {
    const current = getRequest(tx, request.id)!;
    if (!canRecordPrevented(current.status)) return refused('prevented.not_now', preventedText.notNow(current.id));
    if (current.prevented === outcome) return done('prevented.unchanged', { requestId: current.id, outcome }, preventedText.recorded(current.id, outcome));
    const team = getTeam(tx, current.teamId);
    setPrevented(tx, current.id, outcome, now);
    appendAudit(tx, { at: now, actorId: input.actorId, action: 'request.prevented', teamId: team.id, requestId: current.id, detail: { outcome, previous: current.prevented } });
    enqueue(tx, team.platform, { kind: 'card.update', requestId: current.id }, now);
    return done('prevented.recorded', { requestId: current.id, outcome }, preventedText.recorded(current.id, outcome));
  });
  if (result.ok && result.code === 'prevented.recorded') ctx.outboxWake();
  return result;
}

export type UnitCostError = { code: 'OUTCOME'; text: string } | { code: 'CENTS'; text: string } | { code: 'SOURCE'; why: 'required' | 'too_long' | 'bsn' };

export const unitCostErrorText = (e: UnitCostError): Message => {
  switch (e.code) {
    case 'OUTCOME':
      return msg(`Onbekende uitkomst "${e.text.slice(0, 30)}"; kies uit: ${PREVENTED_OUTCOMES.join(', ')}.`, `Unknown outcome "${e.text.slice(0, 30)}"; choose from: ${PREVENTED_OUTCOMES.join(', ')}.`);
    case 'CENTS':
      return msg(
        `"${e.text.slice(0, 20)}" is geen bedrag in centen (een geheel getal van 1 tot ${UNIT_COST_MAX_CENTS}).`,
        `"${e.text.slice(0, 20)}" is not an amount in cents (a whole number from 1 to ${UNIT_COST_MAX_CENTS}).`,
      );
    case 'SOURCE':
      return e.why === 'bsn'
        ? msg('De bron mag geen BSN bevatten.', 'The source must not hold a BSN.')
        : msg(`Geef de bron van het bedrag (--source), hoogstens ${UNIT_COST_SOURCE_MAX} tekens.`, `Give the source of the figure (--source), at most ${UNIT_COST_SOURCE_MAX} characters.`);
  }
};

/** The unit costs the municipality set, by outcome. */
export function unitCostList(deps: Pick<AppDeps, 'store'>): UnitCost[] {
  return unitCosts(deps.store.db);
}

/** The municipality's own unit cost for one outcome, with its source (admins, from the CLI). */
export function setUnitCost(deps: Pick<AppDeps, 'store' | 'clock'>, input: { by: string; outcome: string; cents: string; source: string }): Outcome<UnitCost> {
  if (!isPreventedOutcome(input.outcome)) return refused('unit_cost.outcome', unitCostErrorText({ code: 'OUTCOME', text: input.outcome }));
  const outcome = input.outcome;
  const n = /^\d{1,10}$/.test(input.cents.trim()) ? Number(input.cents.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > UNIT_COST_MAX_CENTS) return refused('unit_cost.cents', unitCostErrorText({ code: 'CENTS', text: input.cents }));
  const source = checkText('note', input.source, UNIT_COST_SOURCE_MAX);
  if (!source.ok) return refused('unit_cost.source', unitCostErrorText({ code: 'SOURCE', why: source.error.code === 'bsn' ? 'bsn' : source.error.code === 'too_long' ? 'too_long' : 'required' }));
  const now = deps.clock.now();
  return deps.store.tx((tx) => {
    const previous = unitCostOf(tx, outcome);
    storeUnitCost(tx, { outcome, cents: n, source: source.value, setBy: input.by, at: now });
    appendAudit(tx, { at: now, actorId: input.by, action: 'unit_cost.set', detail: { outcome, cents: n, previousCents: previous?.cents ?? null } });
    const row: UnitCost = { outcome, cents: n, source: source.value };
    return done(
      'unit_cost.set',
      row,
      msg(t`Eenheidsprijs voor ${code(outcome)} ingesteld op ${[formatEuro(cents(n))]} per keer (bron: ${source.value}).`, t`Unit cost for ${code(outcome)} set to ${[formatEuro(cents(n))]} each (source: ${source.value}).`),
    );
  });
}
