// The loop that drains the outbox for one chat platform: take the next due item under a lease,
// send it, and mark it done, dropped (the platform says it can never work), postponed (throttle,
// card not posted yet) or retried with back-off (429 with Retry-After, 5xx, time-outs). Each
// platform adapter says only how to send an item and how to read its errors. Each step is one
// SQL statement (store/outbox.ts), so each is atomic without an explicit transaction.
import type { Store } from '../store/db.js';
import type { OutboxRow } from '../store/outbox.js';

export type { OutboxRow, Store };
import { claimNext, completeItem, dropItem, nextDueAt, postpone, releaseLeases, retryLater } from '../store/outbox.js';
import type { Log } from '../log.js';
import { errorFields } from '../log.js';
import { cardNotPosted } from './card.js';
import type { Clock, Platform } from './deps.js';
import { noTelemetry, type Telemetry } from './telemetry.js';

/** Thrown by `send` to wait without counting a failure. */
export class Postpone extends Error {
  constructor(readonly untilMs: number) {
    super('postponed');
  }
}

/** What a failed send means: never possible (drop), or try again (after Retry-After when given). */
export type SendFailure = { permanent: true; reason: string } | { permanent: false; reason: string; retryAfterSec?: number };

export abstract class OutboxPump {
  private current: Promise<void> | undefined;
  private again = false;
  private wakeScheduled = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly lastCardUpdate = new Map<number, number>();
  /** Rate limit of card updates across all cards (GCRA): the theoretical time of the next update. */
  private nextUpdateAt = 0;
  /** Cards that waited for the rate limit hold a slot: their update goes out at that time. */
  private readonly slots = new Map<number, number>();

  constructor(
    protected readonly store: Store,
    protected readonly clock: Clock,
    protected readonly log: Log,
    private readonly pump: {
      platform: Platform;
      cardUpdateIntervalMs: number;
      leaseMs: number;
      /** Card updates per minute for the whole workspace (Slack's chat.update is tier 3, ~50/min); 0 = no limit. */
      cardUpdatesPerMinute?: number;
      /** Updates that may go out at once before the rate applies. */
      cardUpdateBurst?: number;
    },
  ) {}

  /** Deliver one item; throw to fail (read by `failure`) or throw Postpone to wait. */
  protected abstract send(row: OutboxRow): Promise<void>;
  protected abstract failure(e: unknown): SendFailure;
  /** The platform call an item makes (monitoring labels). */
  protected abstract methodOf(item: OutboxRow['item']): string;
  /** Monitoring; set by the adapter. */
  telemetry: Telemetry = noTelemetry;

  /** At start-up: items a previous process had taken but not finished are due again. */
  releaseLeases(): number {
    return releaseLeases(this.store.db, this.pump.platform, this.clock.now());
  }

  /** Send what is due now; called after each transaction that enqueued something. */
  wake(): void {
    if (this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    // Many transactions can finish in one turn (group commit): one drain serves them all.
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      void this.drain();
    });
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

  /**
   * One card update per card per interval at most, and no more than the platform's rate for all
   * cards together: throws Postpone when it is too soon. A postponed update keeps the newest state
   * (it is drawn when sent), so waiting never shows an old card.
   */
  protected throttleCard(requestId: number): void {
    const last = this.lastCardUpdate.get(requestId) ?? 0;
    const nowMs = this.clock.now().getTime();
    if (nowMs - last < this.pump.cardUpdateIntervalMs) throw new Postpone(last + this.pump.cardUpdateIntervalMs);
    this.takeRateSlot(requestId, nowMs);
    this.lastCardUpdate.set(requestId, nowMs);
  }

  private takeRateSlot(requestId: number, nowMs: number): void {
    const perMinute = this.pump.cardUpdatesPerMinute ?? 0;
    if (perMinute <= 0) return;
    const slot = this.slots.get(requestId);
    if (slot !== undefined) {
      if (nowMs < slot) throw new Postpone(slot);
      this.slots.delete(requestId);
      return;
    }
    const interval = 60_000 / perMinute;
    const tolerance = interval * Math.max(0, (this.pump.cardUpdateBurst ?? 10) - 1);
    const tat = Math.max(this.nextUpdateAt, nowMs);
    this.nextUpdateAt = tat + interval;
    if (tat - nowMs > tolerance) {
      this.slots.set(requestId, tat - tolerance);
      throw new Postpone(tat - tolerance);
    }
  }

  /** A card was just drawn (posted): the next update waits its interval. */
  protected cardDrawn(requestId: number): void {
    this.lastCardUpdate.set(requestId, this.clock.now().getTime());
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopped) {
        const now = this.clock.now();
        const row = claimNext(this.store.db, this.pump.platform, now, new Date(now.getTime() + this.pump.leaseMs));
        if (!row) break;
        await this.deliver(row);
      }
    } while (this.again && !this.stopped);
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const due = nextDueAt(this.store.db, this.pump.platform);
    if (!due) return;
    const delay = Math.max(10, due.getTime() - this.clock.now().getTime());
    this.timer = setTimeout(() => void this.drain(), Math.min(delay, 60_000));
    this.timer.unref();
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const where = { platform: this.pump.platform, kind: row.item.kind, requestId: row.item.requestId };
    try {
      await this.send(row);
      completeItem(this.store.db, row.id, this.clock.now());
    } catch (e) {
      const now = this.clock.now();
      if (e instanceof Postpone) {
        postpone(this.store.db, row, new Date(e.untilMs));
        return;
      }
      const f = this.failure(e);
      this.telemetry.webApiError(this.pump.platform, this.methodOf(row.item), f.reason);
      if (f.permanent) {
        this.log.warn('outbox.dropped', { ...where, reason: f.reason });
        dropItem(this.store.db, row.id, f.reason, now);
        // A card that can never be posted: the request must not wait (and hold budget) forever.
        if (row.item.kind === 'card.post' && cardNotPosted({ store: this.store, clock: this.clock }, { requestId: row.item.requestId, reason: f.reason })) {
          this.log.info('request.not_posted', { requestId: row.item.requestId, reason: f.reason });
          this.again = true;
        }
        return;
      }
      const backoffMs = f.retryAfterSec !== undefined ? f.retryAfterSec * 1000 : Math.min(300_000, 1000 * 2 ** Math.min(row.attempts, 8));
      this.log.warn('outbox.retry', { ...where, attempts: row.attempts + 1, backoffMs, reason: f.reason, ...errorFields(e) });
      retryLater(this.store.db, row, new Date(now.getTime() + backoffMs), f.reason, now);
    }
  }
}
