// The outbox pump's rate limits, with a fake platform that records what it sends.
import { expect, it } from 'vitest';
import { OutboxPump, type SendFailure } from '../../src/app/outboxPump.js';
import { createLog } from '../../src/log.js';
import { enqueue, type OutboxRow } from '../../src/store/outbox.js';
import { useTestStore } from '../support/db.js';
import { TestClock } from '../support/bot.js';

class RecordingPump extends OutboxPump {
  sent: { requestId: number; at: number }[] = [];
  protected async send(row: OutboxRow): Promise<void> {
    this.throttleCard(row.item.requestId);
    this.sent.push({ requestId: row.item.requestId, at: this.clock.now().getTime() });
  }
  protected failure(): SendFailure {
    return { permanent: false, reason: 'test' };
  }
  protected methodOf(): string {
    return 'send';
  }
}

const t = useTestStore('mmw-pump-');
const clock = new TestClock(new Date('2026-11-10T09:00:00Z'));

const pump = (perMinute: number, burst: number) =>
  new RecordingPump(t.store, clock, createLog('error'), { platform: 'slack', cardUpdateIntervalMs: 1000, leaseMs: 30_000, cardUpdatesPerMinute: perMinute, cardUpdateBurst: burst });

it('sends a burst of card updates at once, then one per interval of the rate, each card once', async () => {
  const p = pump(60, 5); // one a second after a burst of 5
  for (let id = 1; id <= 12; id++) t.store.tx((tx) => enqueue(tx, 'slack', { kind: 'card.update', requestId: id }, clock.now()));
  await p.drain();
  expect(p.sent.map((s) => s.requestId)).toEqual([1, 2, 3, 4, 5]);
  for (let second = 1; second <= 7; second++) {
    clock.advance(1000);
    await p.drain();
    expect(p.sent).toHaveLength(5 + second);
  }
  expect(p.sent.map((s) => s.requestId).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  await p.stop();
});

it('without a rate (0) only the per-card interval applies', async () => {
  const p = pump(0, 1);
  for (let id = 1; id <= 12; id++) t.store.tx((tx) => enqueue(tx, 'slack', { kind: 'card.update', requestId: id }, clock.now()));
  await p.drain();
  expect(p.sent).toHaveLength(12);
  await p.stop();
});
