// Demo data for the practice channel: a realistic stretch of months for the practice team, made
// through the use cases with a clock that moves (filing, votes, objections and their reasons, edits,
// "alternative found", withdrawals, reminders and expiry, the annual budget, SEPA exports and
// payments), so the audit trail and its hash chain, the payments and the outbox are what real use
// leaves behind. Deterministic for a seed; done once per database.
import { budget } from './budget.js';
import { cardPosted, loadCard } from './card.js';
import { closeRequest } from './closeRequest.js';
import type { AppDeps, Clock } from './deps.js';
import { editRequest } from './editRequest.js';
import { fileRequest, suggestInForm } from './fileRequest.js';
import { exportSepaBatch, markPaid } from './finance.js';
import { giveObjectionReason } from './objectionReason.js';
import { ensurePracticeTeam, PRACTICE_CHANNEL, PRACTICE_TEAM_NAME, PracticeDirectory, practiceMessageId } from './practice.js';
import { processStaleRequests } from './staleRequests.js';
import { vote, withdrawVote } from './vote.js';
import { demoPlan, type DemoStep } from './demoPlan.js';
import type { RequestStatus } from '../core/request.js';
import { isoDate } from '../core/time.js';
import { cardIdsOfTeam } from '../store/channelView.js';
import { claimJob, markJobDone } from '../store/jobs.js';

export interface DemoOptions {
  /** How many whole months before `now`'s month to fill (1–36); the current month up to `now` comes on top. */
  months: number;
  /** The end of the demo: nothing in it happens later. */
  now: Date;
  /** The same seed gives the same data (default 1). */
  seed?: number;
}

export interface DemoResult {
  /** False when the database was seeded before, or the practice team is already in use: nothing done. */
  seeded: boolean;
  /** Requests filed (refusals by the budget rules are left out). */
  requests: number;
  statuses: Partial<Record<RequestStatus, number>>;
  /** Payments put in a SEPA batch, and marked paid. */
  exported: number;
  paid: number;
}

const JOB_KEY = `demo:${PRACTICE_CHANNEL.platform}:${PRACTICE_CHANNEL.channelId}`;

/** A clock the demo moves forward, step by step. */
class DemoClock implements Clock {
  constructor(public ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
}

const eventTs = (ms: number) => `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;

/**
 * Seed the practice team once: the months before `now`, through the use cases. A second call (or a
 * practice team that already has requests) does nothing. Seeding is not one transaction (every use
 * case commits its own): interrupted, it is not started again.
 */
export async function seedDemo(deps: Pick<AppDeps, 'store'>, opts: DemoOptions): Promise<DemoResult> {
  if (!Number.isInteger(opts.months) || opts.months < 1 || opts.months > 36) throw new RangeError('months must be a whole number from 1 to 36');
  const nowMs = opts.now.getTime();
  const plan = demoPlan({ months: opts.months, now: opts.now, seed: opts.seed ?? 1 });
  const clock = new DemoClock(plan.startMs);
  const ctx = { store: deps.store, clock, outboxWake: () => {}, directory: new PracticeDirectory() };
  const none: DemoResult = { seeded: false, requests: 0, statuses: {}, exported: 0, paid: 0 };
  const claimed = deps.store.tx((tx) => claimJob(tx, JOB_KEY, opts.now, new Date(-1)));
  if (!claimed) return none;
  const team = ensurePracticeTeam(ctx);
  if (cardIdsOfTeam(deps.store.db, team.id, { limit: 1 }).length > 0) {
    deps.store.tx((tx) => markJobDone(tx, JOB_KEY, opts.now));
    return none;
  }

  const ids = new Map<number, number>();
  const exported: number[] = [];
  let paid = 0;
  let clicks = 0;
  const click = (actorId: string, key: number) => ({ actorId, requestId: ids.get(key) ?? 0, eventId: `demo-${++clicks}`, eventTs: eventTs(clock.ms) });
  const channel = { channel: PRACTICE_CHANNEL, channelName: PRACTICE_TEAM_NAME };

  const run = async (s: DemoStep): Promise<void> => {
    switch (s.kind) {
      case 'tick':
        processStaleRequests(ctx);
        return;
      case 'budget':
        await budget(ctx, { actorId: s.by, channel: PRACTICE_CHANNEL, amountText: s.amount });
        return;
      case 'file': {
        const suggested = suggestInForm(ctx, { channel: PRACTICE_CHANNEL, values: s.form }).suggestion?.slug ?? null;
        const o = await fileRequest(ctx, { actorId: s.by, ...channel, form: s.form, suggestedSlug: suggested, formId: null });
        if (!o.ok) return;
        ids.set(s.key, o.value.requestId);
        // What the practice channel's outbox does when it posts the card.
        cardPosted(ctx, { requestId: o.value.requestId, messageId: practiceMessageId(o.value.requestId) });
        return;
      }
      case 'export': {
        const o = exportSepaBatch(ctx, { executionDate: isoDate(new Date(clock.ms + 2 * 86_400_000)), debtor: { name: 'Gemeente Oefenstad', iban: 'NL57BNGH0285123456' }, by: s.by }, () => {});
        if (o.ok && o.value.batch !== null) exported.push(...o.value.requestIds);
        return;
      }
      case 'pay': {
        // The payments of the previous export that are still open.
        for (const requestId of exported) {
          if (loadCard(deps.store, requestId)?.request.status !== 'approved') continue;
          if (markPaid(ctx, { requestId, actor: { id: s.by, isFinance: true } }).ok) paid++;
        }
        return;
      }
    }
    if (!ids.has(s.key)) return;
    const requestId = ids.get(s.key)!;
    switch (s.kind) {
      case 'approve':
      case 'object':
        await vote(ctx, { ...click(s.by, s.key), kind: s.kind });
        return;
      case 'unvote':
        await withdrawVote(ctx, click(s.by, s.key));
        return;
      case 'reason':
        giveObjectionReason(ctx, { actorId: s.by, requestId, reason: s.reason });
        return;
      case 'edit':
        await editRequest(ctx, { actorId: s.by, requestId, form: s.form });
        return;
      case 'withdraw':
        await closeRequest(ctx, { actorId: s.by, requestId, how: 'withdraw' });
        return;
      case 'alternative':
        await closeRequest(ctx, { actorId: s.by, requestId, how: 'alternative', kind: s.closeKind, reason: s.reason });
        return;
    }
  };

  for (const step of plan.steps) {
    if (step.at >= nowMs) continue;
    clock.ms = Math.max(clock.ms, step.at);
    await run(step);
  }
  clock.ms = nowMs;
  deps.store.tx((tx) => markJobDone(tx, JOB_KEY, opts.now));

  const statuses: Partial<Record<RequestStatus, number>> = {};
  for (const id of ids.values()) {
    const status = loadCard(deps.store, id)?.request.status;
    if (status) statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return { seeded: true, requests: ids.size, statuses, exported: exported.length, paid };
}
