// `mark-paid`: approved → paid, audited, never by an approver or the requester.
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { auditLog, outbox, payments, requests } from '../../src/store/schema.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.cleanup());

const markPaid = (request: string, by: string) => runCli(['mark-paid', '--request', request, '--by', by, '--db', db.dbPath], {}, NOW);
const payment = (id: number) => db.store.db.select().from(payments).where(eq(payments.requestId, id)).get()!;
const status = (id: number) => db.store.db.select().from(requests).where(eq(requests.id, id)).get()!.status;

describe('mark-paid', () => {
  it('marks an approved payment paid, audits it and queues the card update and thread message', async () => {
    const r = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z'), amountCents: 8550 });
    const res = await markPaid(`#${r.id}`, 'UFIN');
    expect(res).toEqual({ exitCode: 0, output: expect.stringContaining(`#${r.id}: betaling van € 85,50 aan Witgoedhandel Noord als betaald gemarkeerd.`) });
    expect(status(r.id)).toBe('paid');
    expect(payment(r.id)).toMatchObject({ paidBy: 'UFIN', paidAt: NOW });
    const audit = db.store.db.select().from(auditLog).where(eq(auditLog.action, 'payment.paid')).all();
    expect(audit.map((a) => [a.actorId, a.requestId])).toEqual([['UFIN', r.id]]);
    expect(db.store.db.select().from(outbox).all().map((o) => o.kind).sort()).toEqual(['card.update', 'thread.post']);

    const twice = await markPaid(String(r.id), 'UFIN2');
    expect(twice).toEqual({ exitCode: 2, output: expect.stringContaining('is al als betaald gemarkeerd') });
    expect(payment(r.id).paidBy).toBe('UFIN');
  });

  it('refuses an approver and the requester (segregation of duties); nothing changes', async () => {
    const r = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z'), approvers: ['UA', 'UB', 'UC'] });
    const byApprover = await markPaid(String(r.id), 'UB');
    expect(byApprover.exitCode).toBe(2);
    expect(byApprover.output).toContain(`Je hebt #${r.id} zelf goedgekeurd`);
    const byRequester = await markPaid(String(r.id), 'UREQ');
    expect(byRequester.output).toContain(`Je hebt #${r.id} zelf aangevraagd`);
    expect(status(r.id)).toBe('approved');
    expect(payment(r.id).paidAt).toBeNull();
    expect(db.store.db.select().from(auditLog).where(eq(auditLog.action, 'payment.paid')).all()).toHaveLength(0);
  });

  it('refuses requests that are not approved, do not exist, or are not numbers', async () => {
    const open = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z'), status: 'open' });
    expect((await markPaid(String(open.id), 'UFIN')).output).toContain(`#${open.id} is niet goedgekeurd (wacht op goedkeuring)`);
    expect((await markPaid('999', 'UFIN')).output).toContain('Aanvraag #999 bestaat niet');
    expect(await markPaid('twaalf', 'UFIN')).toEqual({ exitCode: 2, output: expect.stringContaining('"twaalf" is geen aanvraagnummer') });
    expect(status(open.id)).toBe('open');
  });

  it('mark-paid refuses a --by outside FINANCE_USER_IDS; nothing changes', async () => {
    const r = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const env = { FINANCE_USER_IDS: 'UFIN,UFIN2' };
    const res = await runCli(['mark-paid', '--request', String(r.id), '--by', 'UOTHER', '--db', db.dbPath], env, NOW);
    expect(res).toEqual({ exitCode: 2, output: expect.stringContaining('"UOTHER" staat niet in FINANCE_USER_IDS: alleen de financiële administratie kan dit doen.') });
    expect(status(r.id)).toBe('approved');
    expect(db.store.db.select().from(auditLog).where(eq(auditLog.action, 'payment.paid')).all()).toHaveLength(0);
    expect((await runCli(['mark-paid', '--request', String(r.id), '--by', 'UFIN2', '--db', db.dbPath], env, NOW)).exitCode).toBe(0);
  });

  it('mark-paid refuses a payment that no longer matches its audit rows', async () => {
    const r = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const raw = new Database(db.dbPath);
    raw.prepare('update payments set amount_cents = 45000 where request_id = ?').run(r.id);
    raw.close();
    expect(await markPaid(String(r.id), 'UFIN')).toEqual({ exitCode: 2, output: expect.stringContaining(`#${r.id} klopt niet met de audittrail (bedrag, leverancier, IBAN of goedkeurders zijn gewijzigd); er is niets gemarkeerd.`) });
    expect(status(r.id)).toBe('approved');
  });
});
