// Start-up reconciliation on Slack: the app redraws every undecided card and says which to read;
// this reads each card's reactions (reactions.get, paced to Slack's rate tier) and hands them over.
import type { webApi } from '@slack/bolt';
import type { AppDeps, Directory } from '../app/deps.js';
import { cardsToReconcile, reconcileCard } from '../app/reconcile.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';

type WebClient = webApi.WebClient;

export interface ReconcileResult {
  requests: number;
  cardsPosted: number;
  added: number;
  removed: number;
  failed: number;
}

export async function reconcileSlack(deps: AppDeps, client: WebClient, directory: Directory, log: Log, wallClock: () => number = Date.now, paceMs = 0): Promise<ReconcileResult> {
  const { cards, cardsPosted } = cardsToReconcile(deps, 'slack');
  const result: ReconcileResult = { requests: cards.length + cardsPosted, cardsPosted, added: 0, removed: 0, failed: 0 };
  for (const [i, card] of cards.entries()) {
    if (paceMs > 0 && i > 0) await new Promise((r) => setTimeout(r, paceMs));
    try {
      const res = await client.reactions.get({ channel: card.channelId, timestamp: card.messageId, full: true });
      const onSlack = (res.message?.reactions ?? []).flatMap((r) => (r.users ?? []).map((userId) => ({ userId, emoji: r.name ?? '' })));
      const counted = await reconcileCard(deps, directory, 'slack', card, onSlack, new Date(wallClock()));
      result.added += counted.added;
      result.removed += counted.removed;
    } catch (e) {
      result.failed++;
      deps.telemetry?.webApiError('slack', 'reactions.get', (e as { data?: { error?: string } }).data?.error ?? 'error');
      log.warn('reconcile.failed', { requestId: card.requestId, ...errorFields(e) });
    }
  }
  deps.outboxWake();
  const t = deps.telemetry;
  if (t) {
    t.reconciled('checked', result.requests);
    t.reconciled('card_posted', result.cardsPosted);
    t.reconciled('added', result.added);
    t.reconciled('removed', result.removed);
    t.reconciled('failed', result.failed);
  }
  log.info('reconcile.done', { ...result });
  return result;
}
