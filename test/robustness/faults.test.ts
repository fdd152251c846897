// Guarantee 3: Slack API faults. When the Web API answers 429 (Retry-After), 5xx or times out,
// the database is neither short nor doubled, the durable outbox tries again later, and the card
// ends up current. Start-up reconciliation re-renders undecided cards and counts reactions given
// (or taken back) while the bot was down, through the same path as live events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { approvals, auditLog, outbox, payments, requests } from '../../src/store/schema.js';
import { CHANNEL, startBot, type RunningBot, type StartBotOptions } from '../support/bot.js';
import { cardTextOf, createRequest, react, settle, unreact } from '../support/slack.js';

const MEMBERS = ['UREQ', 'UA', 'UB', 'UC', 'UD', 'UADMIN'];
let b: RunningBot | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await b?.close();
  b = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function bot(opts: StartBotOptions = {}) {
  b = await startBot({
    ...opts,
    beforeStart: (d) => {
      d.setChannelMembers(CHANNEL, MEMBERS);
      opts.beforeStart?.(d);
    },
  });
  return b;
}
const pending = (x: RunningBot) => x.store.db.select().from(outbox).all().filter((r) => r.doneAt === null);
const ok = (x: RunningBot, method: string) => x.double.callsTo(method).filter((c) => !c.fault);
const approverIds = (x: RunningBot, id: number) => x.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all().map((a) => a.approverId).sort();
const statusOf = (x: RunningBot, id: number) => x.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status;

describe('Web API faults', () => {
  it('429 with Retry-After: the update waits that long, is sent once after, and shows the latest state', async () => {
    const x = await bot();
    const { id, ts } = await createRequest(x);
    await settle(x);
    x.double.injectFault('chat.update', { kind: 'ratelimited', retryAfterSec: 30 });
    await react(x, 'UA', ts);
    await settle(x);
    expect(x.double.callsTo('chat.update').map((c) => c.fault)).toEqual(['ratelimited']);
    const [row] = pending(x);
    expect(row).toMatchObject({ kind: 'card.update', attempts: 1, lastError: 'slack_webapi_rate_limited_error' });
    expect(row!.notBefore.getTime() - x.clock.now().getTime()).toBe(30_000);
    await react(x, 'UB', ts); // a change while waiting: coalesced, the wait still holds
    x.clock.advance(29_000);
    await settle(x);
    expect(ok(x, 'chat.update')).toHaveLength(0);
    x.clock.advance(1_000);
    await settle(x);
    expect(ok(x, 'chat.update')).toHaveLength(1);
    expect(cardTextOf(ok(x, 'chat.update')[0]!)).toContain('2 van 3');
    expect(approverIds(x, id)).toEqual(['UA', 'UB']);
    expect(x.store.db.select().from(auditLog).where(eq(auditLog.action, 'approval.added')).all()).toHaveLength(2);
    expect(pending(x)).toHaveLength(0);
  });

  it('5xx on the approval message: one payment, the thread message is retried and posted once', async () => {
    const x = await bot();
    const { id, ts } = await createRequest(x);
    await react(x, 'UA', ts);
    await react(x, 'UB', ts);
    await settle(x);
    x.double.injectFault('chat.postMessage', { kind: 'status', status: 503 }, 2);
    await react(x, 'UC', ts);
    await settle(x);
    expect(statusOf(x, id)).toBe('approved');
    expect(x.store.db.select().from(payments).all()).toHaveLength(1);
    const confirmations = () => ok(x, 'chat.postMessage').filter((c) => c.args.thread_ts === ts && String(c.args.text).includes('goedgekeurd'));
    expect(confirmations()).toHaveLength(0);
    for (let i = 0; i < 3; i++) {
      x.clock.advance(5_000); // backoff 1 s, then 2 s
      await settle(x);
    }
    expect(confirmations()).toHaveLength(1);
    expect(x.double.callsTo('chat.postMessage').filter((c) => c.fault === 'status:503')).toHaveLength(2);
    expect(x.store.db.select().from(payments).all()).toHaveLength(1);
    expect(cardTextOf(ok(x, 'chat.update').at(-1)!)).toContain('Goedgekeurd');
    expect(pending(x)).toHaveLength(0);
  });

  it('a time-out is retried and the card brought up to date; nothing doubled in the database', async () => {
    const x = await bot({ apiTimeoutMs: 200 });
    const { id, ts } = await createRequest(x);
    await settle(x);
    x.double.injectFault('chat.update', { kind: 'hang', ms: 1_000 });
    await react(x, 'UA', ts);
    await settle(x);
    expect(pending(x)[0]).toMatchObject({ kind: 'card.update', attempts: 1 });
    x.clock.advance(1_000);
    await settle(x);
    const updates = ok(x, 'chat.update');
    expect(updates).toHaveLength(1);
    expect(cardTextOf(updates[0]!)).toContain('1 van 3');
    expect(approverIds(x, id)).toEqual(['UA']);
    expect(pending(x)).toHaveLength(0);
  });

  it('a deleted card (message_not_found) is dropped: no retry storm, the database keeps counting', async () => {
    const x = await bot();
    const { id, ts } = await createRequest(x);
    await settle(x);
    x.double.injectFault('chat.update', { kind: 'error', error: 'message_not_found' }, 100);
    await react(x, 'UA', ts);
    await settle(x);
    for (let i = 0; i < 5; i++) {
      x.clock.advance(60_000);
      await settle(x);
    }
    expect(x.double.callsTo('chat.update')).toHaveLength(1);
    expect(x.store.db.select().from(outbox).where(eq(outbox.kind, 'card.update')).get()).toMatchObject({ lastError: 'message_not_found' });
    expect(pending(x)).toHaveLength(0);
    expect(approverIds(x, id)).toEqual(['UA']);
    expect(x.logLines.some((l) => l.includes('"outbox.dropped"') && l.includes('message_not_found'))).toBe(true);
  });
});

describe('start-up reconciliation', () => {
  const keepDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'mmw-rec-'));
    dirs.push(d);
    return d;
  };

  it('counts approvals given while the bot was down, through the same path (audit, payment once)', async () => {
    const dir = keepDir();
    let x = await bot({ dir });
    const { id, ts } = await createRequest(x);
    await react(x, 'UA', ts);
    await settle(x);
    await x.close();
    // While down: UB and UC approve, the requester and an outsider react too.
    x = await bot({
      dir,
      beforeStart: (d) =>
        d.setReactions(CHANNEL, ts, [
          { name: 'white_check_mark', users: ['UA', 'UB', 'UREQ', 'UOUT'] },
          { name: '+1::skin-tone-2', users: ['UC'] },
          { name: 'tada', users: ['UD'] },
        ]),
    });
    await settle(x);
    expect(x.double.callsTo('reactions.get')[0]?.args).toMatchObject({ channel: CHANNEL, timestamp: ts });
    expect(statusOf(x, id)).toBe('approved');
    expect(x.store.db.select().from(payments).all()).toHaveLength(1);
    expect(x.store.db.select().from(payments).get()!.approvers.split(',').sort()).toEqual(['UA', 'UB', 'UC']);
    const added = x.store.db.select().from(auditLog).where(eq(auditLog.action, 'approval.added')).all();
    expect(added.map((a) => a.actorId).sort()).toEqual(['UA', 'UB', 'UC']);
    expect(cardTextOf(ok(x, 'chat.update').at(-1)!)).toContain('Goedgekeurd');
    // A late Slack retry of an event from before the restart changes nothing.
    await x.close();
    x = await bot({ dir });
    await settle(x);
    expect(x.double.callsTo('reactions.get')).toHaveLength(0); // decided: not reconciled again
    expect((await react(x, 'UD', ts, 'white_check_mark', '1700000000.000002')).status).toBe(200);
    expect(x.store.db.select().from(payments).all()).toHaveLength(1);
  });

  it('treats an approval whose reaction is gone from Slack as removed, and re-renders the card', async () => {
    const dir = keepDir();
    let x = await bot({ dir });
    const { id, ts } = await createRequest(x);
    await react(x, 'UA', ts);
    await react(x, 'UB', ts);
    await settle(x);
    await x.close();
    x = await bot({ dir, beforeStart: (d) => d.setReactions(CHANNEL, ts, [{ name: 'white_check_mark', users: ['UB'] }]) });
    await settle(x);
    expect(approverIds(x, id)).toEqual(['UB']);
    expect(x.store.db.select().from(auditLog).where(eq(auditLog.action, 'approval.removed')).all().map((a) => a.actorId)).toEqual(['UA']);
    expect(cardTextOf(ok(x, 'chat.update').at(-1)!)).toContain('1 van 3');
    // A live event newer than the reading still wins; an older (late) one does not.
    await react(x, 'UA', ts, 'white_check_mark', String(Date.now() / 1000 + 60));
    expect(approverIds(x, id)).toEqual(['UA', 'UB']);
    await unreact(x, 'UB', ts, 'white_check_mark', '1700000000.000001');
    expect(approverIds(x, id)).toEqual(['UA', 'UB']);
  });

  it('sends again what a crashed process had taken from the outbox, and posts a lost card', async () => {
    const dir = keepDir();
    let x = await bot({ dir });
    const { id, ts } = await createRequest(x);
    await settle(x);
    // As if the process died mid-delivery of a card update, and a second request's card.post was lost.
    const far = new Date(x.clock.now().getTime() + 3_600_000);
    x.store.db.insert(outbox).values({ platform: 'slack', kind: 'card.update', payload: JSON.stringify({ kind: 'card.update', requestId: id }), coalesceKey: `slack:card:${id}`, notBefore: far, lastError: 'in_flight', createdAt: x.clock.now() }).run();
    const second = await createRequest(x, 'UREQ', { caseRef: 'WT-2026-777' });
    x.store.sqlite.prepare('update requests set message_ts = null where id = ?').run(second.id);
    x.store.sqlite.prepare('delete from outbox where done_at is null and id <> (select max(id) from outbox where last_error = ?)').run('in_flight');
    await x.close();
    // (The new double numbers its messages from the start again: give the new card its own ts.)
    x = await bot({ dir, beforeStart: (d) => d.respondWith('chat.postMessage', (c) => ({ ok: true, channel: c.args.channel, ts: '1700009999.000100' })) });
    await settle(x);
    expect(ok(x, 'chat.update').some((c) => c.args.ts === ts)).toBe(true);
    const cardPosts = ok(x, 'chat.postMessage').filter((c) => !c.args.thread_ts);
    expect(cardPosts).toHaveLength(1);
    expect(x.store.db.select().from(requests).where(eq(requests.id, second.id)).get()!.messageTs).toBe('1700009999.000100');
    expect(pending(x)).toHaveLength(0);
  });
});
