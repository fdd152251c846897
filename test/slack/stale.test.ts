// Stale requests: one reminder after 2 working days (Europe/Amsterdam, weekends and Dutch holidays
// skipped) and expiry after 14 days, run by processStaleRequests against the bot's own store.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useSlackBot, TestClock } from '../support/bot.js';
import { processStaleRequests } from '../../src/app/staleRequests.js';
import { approvals, auditLog, payments, requests } from '../../src/store/schema.js';
import { cardTextOf, createRequest, react, settle } from '../support/slack.js';

const b = useSlackBot(() => ({ clock: new TestClock(), members: ['UREQ', 'UA', 'UB', 'UC', 'UD'] }));

const run = () => processStaleRequests({ store: b.store, clock: b.clock, outboxWake: () => b.bot.outbox.wake() });
const at = (iso: string) => {
  b.clock.t = new Date(iso);
};
const threadTexts = (ts: string) => b.double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts).map((c) => String(c.args.text));
const reminders = (ts: string) => threadTexts(ts).filter((t) => t.startsWith('Herinnering'));
const statusOf = (id: number) => b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status;

describe('reminder', () => {
  it('Friday 10:00 → one reminder on Tuesday 10:00, not before, and only once', async () => {
    at('2026-11-06T09:00:00Z'); // Friday 10:00 in Amsterdam (CET)
    const { id, ts } = await createRequest(b);
    await react(b, 'UA', ts);

    for (const t of ['2026-11-07T12:00:00Z', '2026-11-09T09:00:00Z', '2026-11-10T08:59:00Z']) {
      at(t); // Saturday, Monday, Tuesday 09:59
      expect(run()).toEqual({ reminded: [], expired: [] });
    }
    at('2026-11-10T09:00:00Z'); // Tuesday 10:00
    expect(run()).toEqual({ reminded: [id], expired: [] });
    await settle(b);
    expect(reminders(ts)).toHaveLength(1);
    expect(reminders(ts)[0]).toContain(`#${id} wacht nog op een besluit (1 van 3 goedkeuringen)`);
    expect(b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.remindedAt).toEqual(new Date('2026-11-10T09:00:00Z'));
    expect(b.store.db.select().from(auditLog).where(eq(auditLog.action, 'request.reminded')).all()).toHaveLength(1);

    for (const t of ['2026-11-10T09:01:00Z', '2026-11-11T09:00:00Z', '2026-11-13T09:00:00Z']) {
      at(t);
      expect(run().reminded).toEqual([]);
    }
    await settle(b);
    expect(reminders(ts)).toHaveLength(1);
    expect(statusOf(id)).toBe('open');
  });

  it('skips a Dutch holiday: Thursday 24 December → Tuesday 29 December (Christmas on Friday)', async () => {
    at('2026-12-24T13:00:00Z'); // Thursday 14:00
    const { id } = await createRequest(b);
    at('2026-12-28T13:00:00Z'); // Monday: only 1 working day (25 and 26 December are holidays)
    expect(run().reminded).toEqual([]);
    at('2026-12-29T12:59:00Z');
    expect(run().reminded).toEqual([]);
    at('2026-12-29T13:00:00Z');
    expect(run().reminded).toEqual([id]);
  });

  it('skips Easter Monday: Friday 3 April 2026 → Wednesday 8 April', async () => {
    at('2026-04-03T08:00:00Z'); // Friday 10:00 (CEST)
    const { id } = await createRequest(b);
    at('2026-04-07T08:00:00Z'); // Tuesday: Easter Monday does not count
    expect(run().reminded).toEqual([]);
    at('2026-04-08T08:00:00Z');
    expect(run().reminded).toEqual([id]);
  });

  it('a decided request gets no reminder', async () => {
    at('2026-11-06T09:00:00Z');
    const { ts } = await createRequest(b);
    for (const u of ['UA', 'UB', 'UC']) await react(b, u, ts);
    at('2026-11-10T09:00:00Z');
    expect(run()).toEqual({ reminded: [], expired: [] });
  });
});

describe('expiry', () => {
  it('after 14 days: expired, card updated, thread message; not a minute before', async () => {
    at('2026-11-06T09:00:00Z');
    const { id, ts } = await createRequest(b);
    at('2026-11-10T09:00:00Z');
    run(); // the reminder
    at('2026-11-20T08:59:00Z');
    expect(run().expired).toEqual([]);
    expect(statusOf(id)).toBe('open');
    at('2026-11-20T09:00:00Z');
    expect(run()).toEqual({ reminded: [], expired: [id] });
    await settle(b);
    expect(statusOf(id)).toBe('expired');
    expect(b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.closedAt).toEqual(new Date('2026-11-20T09:00:00Z'));
    const card = cardTextOf(b.double.callsTo('chat.update').at(-1)!);
    expect(card).toContain('Verlopen');
    expect(card).not.toContain('request_edit');
    expect(threadTexts(ts).some((t) => t.includes(`#${id} is verlopen`) && t.includes('14 dagen'))).toBe(true);
    expect(b.store.db.select().from(auditLog).where(eq(auditLog.action, 'request.expired')).all()).toHaveLength(1);
    // running again does nothing
    at('2026-11-21T09:00:00Z');
    expect(run()).toEqual({ reminded: [], expired: [] });
  });

  it('counts 14 Amsterdam calendar days across the end of summer time (same wall-clock time)', async () => {
    at('2026-10-20T08:00:00Z'); // Tuesday 10:00 CEST
    const { id } = await createRequest(b);
    at('2026-11-03T08:30:00Z'); // 09:30 CET: 14 × 24 hours have passed, but not 14 days in Amsterdam
    expect(run().expired).toEqual([]);
    at('2026-11-03T09:00:00Z'); // 10:00 CET
    expect(run().expired).toEqual([id]);
  });

  it('a request on hold expires too', async () => {
    at('2026-11-06T09:00:00Z');
    const { id, ts } = await createRequest(b);
    await react(b, 'UD', ts, 'x');
    expect(statusOf(id)).toBe('on_hold');
    at('2026-11-20T09:00:00Z');
    expect(run().expired).toEqual([id]);
    expect(statusOf(id)).toBe('expired');
  });

  it('an expired request ignores reactions', async () => {
    at('2026-11-06T09:00:00Z');
    const { id, ts } = await createRequest(b);
    await react(b, 'UA', ts);
    at('2026-11-20T09:00:00Z');
    run();
    await settle(b);
    const updates = b.double.callsTo('chat.update').length;
    for (const u of ['UB', 'UC', 'UD']) await react(b, u, ts);
    await react(b, 'UD', ts, 'x');
    await settle(b);
    expect(statusOf(id)).toBe('expired');
    expect(b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all().map((a) => a.approverId)).toEqual(['UA']);
    expect(b.store.db.select().from(payments).all()).toHaveLength(0);
    expect(b.double.callsTo('chat.update')).toHaveLength(updates);
    // nobody is told off for reacting on a closed card
    await react(b, 'UREQ', ts);
    await react(b, 'UOUTSIDER', ts);
    expect(b.double.callsTo('chat.postEphemeral')).toHaveLength(0);
  });
});
