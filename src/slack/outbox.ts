// Sends what the outbox holds to Slack: cards, card updates, thread messages. Retries on 429
// (honouring Retry-After), 5xx and time-outs; one update per card per interval at most.
import type { webApi } from '@slack/bolt';
import { loadCard } from '../app/card.js';
import type { Clock } from '../app/deps.js';
import { bilingual } from '../core/messages.js';
import type { Store } from '../store/db.js';
import type { OutboxRow } from '../store/outbox.js';
import { claimNext, completeItem, dropItem, nextDueAt, postpone, releaseLeases, retryLater } from '../store/outbox.js';
import { updateRequest } from '../store/requests.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';
import { cardBlocks, cardText, objectionAskBlocks } from './blocks/card.js';

type WebClient = webApi.WebClient;

/** Slack answers that retrying will not fix: the message or channel is gone. */
const PERMANENT = new Set(['message_not_found', 'channel_not_found', 'is_archived', 'cant_update_message', 'msg_too_long', 'invalid_blocks', 'no_text']);

class Postpone extends Error {
  constructor(readonly untilMs: number) {
    super('postponed');
  }
}

export class SlackOutbox {
  private current: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly lastCardUpdate = new Map<number, number>();

  constructor(
    private readonly store: Store,
    private readonly client: WebClient,
    private readonly clock: Clock,
    private readonly log: Log,
    private readonly opts: { cardUpdateIntervalMs: number; apiTimeoutMs?: number },
  ) {}

  /** How long a taken item is leased: longer than any Web API call can take. */
  private get leaseMs(): number {
    return Math.max(30_000, 3 * (this.opts.apiTimeoutMs ?? 10_000));
  }

  /** At start-up: items a previous process had taken but not finished are due again. */
  releaseLeases(): number {
    return this.store.tx((tx) => releaseLeases(tx, 'slack', this.clock.now()));
  }

  /** Send what is due now; called after each transaction that enqueued something. */
  wake(): void {
    if (this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    setImmediate(() => void this.drain());
  }

  /** Stop sending; resolves when a delivery in flight has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  /** Resolves when nothing is due now (items waiting for a later time stay queued). */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = this.run().finally(() => {
      this.current = undefined;
      this.scheduleNext();
    });
    return this.current;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopped) {
        const now = this.clock.now();
        const row = this.store.tx((tx) => claimNext(tx, 'slack', now, new Date(now.getTime() + this.leaseMs)));
        if (!row) break;
        await this.deliver(row);
      }
    } while (this.again && !this.stopped);
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const due = nextDueAt(this.store.db, 'slack');
    if (!due) return;
    const delay = Math.max(10, due.getTime() - this.clock.now().getTime());
    this.timer = setTimeout(() => void this.drain(), Math.min(delay, 60_000));
    this.timer.unref();
  }

  private async deliver(row: OutboxRow): Promise<void> {
    try {
      await this.send(row);
      this.store.tx((tx) => completeItem(tx, row.id, this.clock.now()));
    } catch (e) {
      const now = this.clock.now();
      if (e instanceof Postpone) {
        this.store.tx((tx) => postpone(tx, row, new Date(e.untilMs)));
        return;
      }
      const apiError = (e as { data?: { error?: string } }).data?.error;
      if (apiError && PERMANENT.has(apiError)) {
        this.log.warn('outbox.dropped', { kind: row.item.kind, requestId: row.item.requestId, apiError });
        this.store.tx((tx) => dropItem(tx, row.id, apiError, now));
        return;
      }
      const retryAfterSec = (e as { retryAfter?: number }).retryAfter;
      const backoffMs = retryAfterSec !== undefined ? retryAfterSec * 1000 : Math.min(300_000, 1000 * 2 ** Math.min(row.attempts, 8));
      this.log.warn('outbox.retry', { kind: row.item.kind, requestId: row.item.requestId, attempts: row.attempts + 1, backoffMs, ...errorFields(e) });
      this.store.tx((tx) => retryLater(tx, row, new Date(now.getTime() + backoffMs), apiError ?? String((e as { code?: string }).code ?? 'error'), now));
    }
  }

  private async send(row: OutboxRow): Promise<void> {
    const item = row.item;
    const model = loadCard(this.store.db, item.requestId);
    if (!model) return;
    const { request } = model;
    if (item.kind === 'card.post') {
      if (request.messageTs) return;
      const res = await this.postInChannel(request.channelId, { text: cardText(model), blocks: cardBlocks(model) });
      const ts = res.ts;
      if (!ts) throw new Error('chat.postMessage returned no ts');
      this.store.tx((tx) => updateRequest(tx, request.id, { messageTs: ts }));
      this.lastCardUpdate.set(request.id, this.clock.now().getTime());
      this.log.info('card.posted', { requestId: request.id });
      return;
    }
    if (!request.messageTs) throw new Postpone(this.clock.now().getTime() + 500);
    if (item.kind === 'card.update') {
      const last = this.lastCardUpdate.get(request.id) ?? 0;
      const nowMs = this.clock.now().getTime();
      if (nowMs - last < this.opts.cardUpdateIntervalMs) throw new Postpone(last + this.opts.cardUpdateIntervalMs);
      this.lastCardUpdate.set(request.id, nowMs);
      await this.client.chat.update({ channel: request.channelId, ts: request.messageTs, text: cardText(model), blocks: cardBlocks(model) as never });
      this.log.info('card.updated', { requestId: request.id, status: request.status });
      return;
    }
    const text = bilingual(item.message);
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
