// Sends what the outbox holds to the practice channel. There is no remote platform: posting a card
// gives it its message id, and every delivered item tells open pages (server-sent events) which card
// changed. The delivered outbox rows themselves are the thread's record (src/app/practice.ts).
import { cardPosted, loadCard } from '../app/card.js';
import type { Clock } from '../app/deps.js';
import { OutboxPump, Postpone, type OutboxRow, type SendFailure, type Store } from '../app/outboxPump.js';
import { practiceMessageId } from '../app/practice.js';
import type { Log } from '../log.js';

export type Change = { kind: 'card'; requestId: number } | { kind: 'person'; userId: string };

export class WebOutbox extends OutboxPump {
  private readonly listeners = new Set<(c: Change) => void>();
  private pending: Change[] = [];

  constructor(store: Store, clock: Clock, log: Log) {
    super(store, clock, log, { platform: 'web', cardUpdateIntervalMs: 0, leaseMs: 30_000 });
  }

  /** Hear about delivered items; returns the way to stop hearing. */
  onChange(listener: (c: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected failure(): SendFailure {
    return { permanent: false, reason: 'error' };
  }

  protected methodOf(item: OutboxRow['item']): string {
    return item.kind;
  }

  protected async send(row: OutboxRow): Promise<void> {
    const item = row.item;
    const model = loadCard(this.store, item.requestId);
    if (!model) return;
    if (item.kind === 'person.notify') {
      this.changed({ kind: 'person', userId: item.userId });
      return;
    }
    if (item.kind === 'card.post') {
      if (!model.request.messageTs) cardPosted({ store: this.store }, { requestId: model.request.id, messageId: practiceMessageId(model.request.id) });
      this.changed({ kind: 'card', requestId: model.request.id });
      return;
    }
    if (!model.request.messageTs) throw new Postpone(this.clock.now().getTime() + 500);
    this.changed({ kind: 'card', requestId: model.request.id });
  }

  /** Tell listeners once the item is marked delivered (after this turn), so a page that asks sees it. */
  private changed(c: Change): void {
    if (this.pending.length === 0) setImmediate(() => this.flush());
    this.pending.push(c);
  }

  private flush(): void {
    const seen = new Set<string>();
    const batch = this.pending;
    this.pending = [];
    for (const c of batch) {
      const key = c.kind === 'card' ? `c${c.requestId}` : `p${c.userId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const l of this.listeners) l(c);
    }
  }
}
