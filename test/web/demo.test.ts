// Demo data for the practice channel, seeded through the use cases: a realistic year, a real hash
// chain, what the digest and the finance commands need, once per database, the same for a seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoResult } from '../../src/app/demo.js';
import { digestForMonth } from '../../src/app/digest.js';
import { fileRequest } from '../../src/app/fileRequest.js';
import { PRACTICE_CHANNEL, PracticeDirectory } from '../../src/app/practice.js';
import { toPlain } from '../../src/core/text.js';
import { verifyAuditChain } from '../../src/store/audit.js';
import { openStore, type Store } from '../../src/store/db.js';
import { paymentsToExport } from '../../src/store/register.js';
import { TestClock } from '../support/bot.js';

const NOW = new Date('2026-11-10T09:00:00Z');
const dirs: string[] = [];
const fresh = (): Store => {
  const dir = mkdtempSync(join(tmpdir(), 'mmw-demo-'));
  dirs.push(dir);
  return openStore(join(dir, 'demo.db'));
};
const count = (store: Store, sql: string, ...args: unknown[]) => (store.sqlite.prepare(sql).get(...args) as { n: number }).n;

let store: Store;
let result: DemoResult;

beforeAll(async () => {
  store = fresh();
  result = await seedDemo({ store }, { months: 12, now: NOW });
}, 60_000);
afterAll(() => {
  store.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('seedDemo', () => {
  it('seeds a year of the practice team: every outcome, about one in five closed with an alternative', () => {
    expect(result.seeded).toBe(true);
    expect(result.requests).toBeGreaterThan(90);
    expect(count(store, `SELECT count(*) n FROM requests`)).toBe(result.requests);
    for (const status of ['open', 'on_hold', 'approved', 'paid', 'alternative', 'withdrawn', 'expired'] as const) expect(result.statuses[status], status).toBeGreaterThan(0);
    const share = (result.statuses.alternative ?? 0) / result.requests;
    expect(share).toBeGreaterThan(0.12);
    expect(share).toBeLessThan(0.3);
    expect(count(store, `SELECT count(DISTINCT strftime('%Y-%m', created_at / 1000, 'unixepoch')) n FROM requests`)).toBeGreaterThanOrEqual(12);
  });

  it('went through the use cases: every request and decision is in the audit trail, and the chain holds', () => {
    expect(verifyAuditChain(store.db)).toEqual({ intact: true, rows: count(store, `SELECT count(*) n FROM audit_log`) });
    expect(count(store, `SELECT count(*) n FROM audit_log WHERE action = 'request.created'`)).toBe(result.requests);
    for (const action of ['approval.added', 'objection.added', 'objection.reason_given', 'request.edited.approvals_reset', 'request.alternative', 'request.withdrawn', 'request.expired', 'request.reminded', 'payment.recorded', 'payment.exported', 'payment.paid', 'team.budget_set']) {
      expect(count(store, `SELECT count(*) n FROM audit_log WHERE action = ?`, action), action).toBeGreaterThan(0);
    }
    // Every card was posted in the practice channel; its updates and thread messages wait in the outbox.
    expect(count(store, `SELECT count(*) n FROM requests WHERE message_ts IS NULL`)).toBe(0);
    expect(count(store, `SELECT count(*) n FROM outbox WHERE platform = 'web' AND kind = 'thread.post'`)).toBeGreaterThan(result.requests);
  });

  it('leaves payments for finance to try: exported, paid, and approved ones still to export', () => {
    expect(result.exported).toBeGreaterThan(result.paid);
    expect(result.paid).toBeGreaterThan(0);
    expect(count(store, `SELECT count(*) n FROM payments WHERE paid_at IS NOT NULL`)).toBe(result.paid);
    expect(paymentsToExport(store.db).length).toBeGreaterThan(0);
    // Nobody paid a payment they approved (segregation of duties, as the use case demands).
    expect(count(store, `SELECT count(*) n FROM payments WHERE paid_by IS NOT NULL AND (',' || approvers || ',') LIKE ('%,' || paid_by || ',%')`)).toBe(0);
  });

  it('makes dental care rise in last month’s digest, with the chart', () => {
    const d = digestForMonth({ store, clock: new TestClock(NOW) }, '2026-10');
    const text = toPlain(d.text);
    expect(text).toContain('Wijkteam Oefenstad');
    expect(text).toMatch(/Opvallende categorieën\n• Mondzorg \/ tandarts stijgt: \d+× in de laatste 3 maanden, gewoonlijk ongeveer \d+×/);
    expect(text).toContain('Budget dit jaar');
    expect(d.png?.subarray(1, 4).toString()).toBe('PNG');
  });

  it('seeds once: a second call, or a practice team already in use, changes nothing', async () => {
    const audit = count(store, `SELECT count(*) n FROM audit_log`);
    expect(await seedDemo({ store }, { months: 12, now: NOW })).toMatchObject({ seeded: false, requests: 0 });
    expect(count(store, `SELECT count(*) n FROM audit_log`)).toBe(audit);

    const used = fresh();
    const ctx = { store: used, clock: new TestClock(NOW), outboxWake: () => {}, directory: new PracticeDirectory() };
    const form = { amount: '85', description: 'Koelkast', supplierName: 'Witgoedhandel Noord', supplierIban: 'NL91ABNA0417164300', categorySlug: 'witgoed', caseRef: 'WT-2026-1', reason: 'no_provision', reasonText: '' };
    await fileRequest(ctx, { actorId: 'bram', channel: PRACTICE_CHANNEL, form, suggestedSlug: null, formId: null });
    used.sqlite.prepare(`UPDATE requests SET message_ts = 'web-1'`).run();
    expect((await seedDemo({ store: used }, { months: 3, now: NOW })).seeded).toBe(false);
    expect(count(used, `SELECT count(*) n FROM requests`)).toBe(1);
    used.close();
  });

  it('gives the same data for the same seed, and refuses a months value out of range', async () => {
    const other = fresh();
    const again = await seedDemo({ store: other }, { months: 12, now: NOW });
    expect(again).toEqual(result);
    const amounts = (s: Store) => s.sqlite.prepare(`SELECT amount_cents, status, category_id FROM requests ORDER BY id`).all();
    expect(amounts(other)).toEqual(amounts(store));
    other.close();
    const empty = fresh();
    await expect(seedDemo({ store: empty }, { months: 0, now: NOW })).rejects.toThrow(RangeError);
    empty.close();
  }, 60_000);
});
