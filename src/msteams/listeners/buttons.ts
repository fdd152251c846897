// Card buttons (Action.Execute → adaptiveCard/action): vote, withdraw my vote, withdraw the request, mark paid.
import { closeRequest } from '../../app/closeRequest.js';
import { markPaidFromChat } from '../../app/finance.js';
import type { Outcome } from '../../app/outcome.js';
import { recordPrevented } from '../../app/prevented.js';
import { signalFromDigest } from '../../app/signals.js';
import { vote, withdrawVote } from '../../app/vote.js';
import { confirm, refusal } from '../../core/messages.js';
import type { InboundActivity } from '../activity.js';
import { actionData, actorOf, eventTsOf, str, tenantIdOf } from '../activity.js';
import { VERB } from '../cards/common.js';
import { actionMessage } from '../cards/forms.js';
import { noteActivity, type TeamsListenerContext } from './context.js';
import { requestIdOf } from './forms.js';

export async function onCardAction(l: TeamsListenerContext, activity: InboundActivity) {
  noteActivity(l, activity);
  const verb = str((activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb);
  const requestId = requestIdOf(actionData(activity));
  const actorId = actorOf(activity).id;
  const click = { actorId, requestId, eventId: activity.id ?? `${actorId}:${str(activity.timestamp)}`, eventTs: eventTsOf(activity.timestamp, l.ctx.clock.now()) };
  const answer = (o: Outcome<unknown>) => actionMessage(o.message ?? confirm.nothingChanged(requestId), l.names);
  switch (verb) {
    case VERB.approve:
    case VERB.object: {
      const o = await vote(l.ctx, { ...click, kind: verb === VERB.approve ? 'approve' : 'object' });
      if (o.ok && o.value.outcome === 'changed') l.log.info('teams.reaction.counted', { requestId, status: o.value.status });
      return answer(o);
    }
    case VERB.unvote:
      return answer(await withdrawVote(l.ctx, click));
    case VERB.withdraw: {
      const o = await closeRequest(l.ctx, { actorId, requestId, how: 'withdraw' });
      if (o.ok) l.log.info('teams.request.withdrawn', { requestId });
      return answer(o);
    }
    case VERB.markPaid: {
      const o = markPaidFromChat(l.ctx, { actorId, requestId });
      l.log.info(o.ok ? 'payment.paid' : 'payment.mark_paid_refused', { requestId });
      return answer(o);
    }
    case VERB.prevented: {
      const o = await recordPrevented(l.ctx, { actorId, requestId, outcome: str(actionData(activity).prevented) || null });
      l.log.info(o.ok ? 'teams.request.prevented' : 'teams.request.prevented_refused', { requestId, code: o.code });
      return answer(o);
    }
    case VERB.signal: {
      // A "make a signal" button under the monthly digest: the teams must be in the clicker's tenant.
      const data = actionData(activity);
      const teamIds = Array.isArray(data.teamIds) ? data.teamIds.filter((x): x is number => Number.isSafeInteger(x) && (x as number) > 0) : [];
      const o = await signalFromDigest(l.ctx, { actorId, slug: str(data.slug), teamIds, month: str(data.month) || null, within: { platform: 'teams', workspaceId: tenantIdOf(activity) } });
      l.log.info(o.ok ? 'teams.signal.created' : 'teams.signal.refused', { code: o.code });
      return actionMessage(o.message ?? refusal.notFound, l.names);
    }
    default:
      return actionMessage(refusal.notFound, l.names);
  }
}
