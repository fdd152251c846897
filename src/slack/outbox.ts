// Sends what the outbox holds to Slack: cards, card updates, thread messages, a message for one
// person. Retries on 429 (honouring Retry-After), 5xx and time-outs; one update per card per interval.
import type { webApi } from '@slack/bolt';
import { cardPosted, loadCard } from '../app/card.js';
import type { Clock } from '../app/deps.js';
import { OutboxPump, Postpone, type SendFailure } from '../app/outboxPump.js';
import type { OutboxRow, Store } from '../app/outboxPump.js';
import { cardView } from '../core/messages.js';
import { isUndecided } from '../core/request.js';
import type { Log } from '../log.js';
import { cardBlocks, cardSummary, objectionAskBlocks } from './blocks/card.js';
import { bilingual, fit, SLACK_LIMITS } from './render.js';

type WebClient = webApi.WebClient;

/** Slack answers that retrying will not fix: the message or channel is gone, or the bot is not in it. */
const PERMANENT = new Set(['message_not_found', 'channel_not_found', 'is_archived', 'not_in_channel', 'cant_update_message', 'msg_too_long', 'invalid_blocks', 'no_text', 'method_not_supported_for_channel_type']);

export class SlackOutbox extends OutboxPump {
  constructor(
    store: Store,
    private readonly client: WebClient,
    clock: Clock,
    log: Log,
    opts: { cardUpdateIntervalMs: number; cardUpdatesPerMinute?: number; apiTimeoutMs?: number },
  ) {
    // A taken item is leased for longer than any Web API call can take.
    super(store, clock, log, {
      platform: 'slack',
      cardUpdateIntervalMs: opts.cardUpdateIntervalMs,
      cardUpdatesPerMinute: opts.cardUpdatesPerMinute ?? 0,
      leaseMs: Math.max(30_000, 3 * (opts.apiTimeoutMs ?? 10_000)),
    });
  }

  protected failure(e: unknown): SendFailure {
    const apiError = (e as { data?: { error?: string } }).data?.error;
    if (apiError && PERMANENT.has(apiError)) return { permanent: true, reason: apiError };
    const retryAfterSec = (e as { retryAfter?: number }).retryAfter;
    return { permanent: false, reason: apiError ?? String((e as { code?: string }).code ?? 'error'), ...(retryAfterSec !== undefined ? { retryAfterSec } : {}) };
  }

  protected methodOf(item: OutboxRow['item']): string {
    return item.kind === 'card.update' ? 'chat.update' : 'chat.postMessage';
  }

  protected async send(row: OutboxRow): Promise<void> {
    const item = row.item;
    const model = loadCard(this.store, item.requestId);
    if (!model) return;
    const { request } = model;
    if (item.kind === 'person.notify') {
      // A direct message from the app (chat:write): the team channel may be the thing that failed.
      await this.client.chat.postMessage({ channel: item.userId, text: fit(bilingual(item.message), SLACK_LIMITS.messageText) });
      this.log.info('person.notified', { requestId: request.id });
      return;
    }
    const card = cardView(model, 'slack');
    if (item.kind === 'card.post') {
      // Posted already, or closed before it could be (expired while the channel kept failing).
      if (request.messageTs || !isUndecided(request.status)) return;
      const res = await this.postInChannel(request.channelId, { text: cardSummary(card), blocks: cardBlocks(card) });
      if (!res.ts) throw new Error('chat.postMessage returned no ts');
      cardPosted({ store: this.store }, { requestId: request.id, messageId: res.ts });
      this.cardDrawn(request.id);
      this.log.info('card.posted', { requestId: request.id });
      return;
    }
    if (!request.messageTs) throw new Postpone(this.clock.now().getTime() + 500);
    if (item.kind === 'card.update') {
      this.throttleCard(request.id);
      await this.client.chat.update({ channel: request.channelId, ts: request.messageTs, text: cardSummary(card), blocks: cardBlocks(card) as never });
      this.log.info('card.updated', { requestId: request.id, status: request.status });
      return;
    }
    const text = fit(bilingual(item.message), SLACK_LIMITS.messageText);
    await this.client.chat.postMessage({
      channel: request.channelId,
      thread_ts: request.messageTs,
      text,
      ...(item.askReasonFrom ? { blocks: objectionAskBlocks(text, request.id) as never } : {}),
    });
    this.log.info('thread.posted', { requestId: request.id });
  }

  /** Post in the team channel; join a public channel first when the bot is not in it yet. */
  private async postInChannel(channel: string, message: { text: string; blocks: object[] }) {
    const post = () => this.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never });
    try {
      return await post();
    } catch (e) {
      if ((e as { data?: { error?: string } }).data?.error !== 'not_in_channel') throw e;
      await this.client.conversations.join({ channel });
      return post();
    }
  }
}
