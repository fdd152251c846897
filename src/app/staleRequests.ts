// Requests without a decision: one reminder after N working days, expiry after M days.
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { thread } from '../core/messages.js';
import { isUndecided, transition } from '../core/request.js';
import { addWorkingDays, ZONE } from '../core/time.js';
import { appendAudit } from '../store/audit.js';
import { enqueue } from '../store/outbox.js';
import { approversOf } from '../store/reactions.js';
import { getRequest, undecidedRequests, updateRequest } from '../store/requests.js';
import type { RequestRow, Team } from '../store/schema.js';
import { getTeam } from '../store/teams.js';
import type { AppDeps } from './deps.js';

export type StaleAction = 'expire' | 'remind' | null;

/** What is due for this request at `now` (pure). */
export function staleActionDue(request: Pick<RequestRow, 'status' | 'createdAt' | 'remindedAt'>, team: Pick<Team, 'reminderWorkingDays' | 'expiryDays'>, now: Date): StaleAction {
  if (!isUndecided(request.status)) return null;
  // Calendar days in Amsterdam (same wall-clock time), whatever the host's time zone and across DST.
  if (now >= addDays(new TZDate(request.createdAt.getTime(), ZONE), team.expiryDays)) return 'expire';
  if (request.remindedAt === null && now >= addWorkingDays(request.createdAt, team.reminderWorkingDays)) return 'remind';
  return null;
}

/** Idempotent: each action is decided again inside its own transaction, so two schedulers agree. */
export function processStaleRequests(deps: AppDeps): { reminded: number[]; expired: number[] } {
  const now = deps.clock.now();
  const done = { reminded: [] as number[], expired: [] as number[] };
  for (const candidate of undecidedRequests(deps.store.db)) {
    deps.store.tx((tx) => {
      const request = getRequest(tx, candidate.id);
      if (!request) return;
      const team = getTeam(tx, request.teamId);
      const action = staleActionDue(request, team, now);
      if (action === 'expire') {
        const next = transition(request.status, 'expire');
        if (!next.ok) return;
        updateRequest(tx, request.id, { status: next.value, closedAt: now });
        appendAudit(tx, { at: now, actorId: 'system', action: 'request.expired', teamId: team.id, requestId: request.id, detail: { from: request.status, days: team.expiryDays } });
        if (request.messageTs) {
          enqueue(tx, team.platform, { kind: 'card.update', requestId: request.id }, now);
          enqueue(tx, team.platform, { kind: 'thread.post', requestId: request.id, message: thread.expired(request.id, team.expiryDays) }, now);
        } else {
          // Never posted (its card still waits or failed): only the requester can be told.
          enqueue(tx, team.platform, { kind: 'person.notify', requestId: request.id, userId: request.requesterId, message: thread.expired(request.id, team.expiryDays) }, now);
        }
        done.expired.push(request.id);
      } else if (action === 'remind' && request.messageTs) {
        updateRequest(tx, request.id, { remindedAt: now });
        appendAudit(tx, { at: now, actorId: 'system', action: 'request.reminded', teamId: team.id, requestId: request.id });
        const approvals = approversOf(tx, request.id).length;
        enqueue(tx, team.platform, { kind: 'thread.post', requestId: request.id, message: thread.reminder(request.id, approvals, team.approvalsNeeded) }, now);
        done.reminded.push(request.id);
      }
    });
  }
  if (done.reminded.length + done.expired.length > 0) deps.outboxWake();
  return done;
}
