// `purge --before`: free text of old closed requests blanked, the financial record kept, audited.
import { msg } from '../../src/core/text.js';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { verifyAuditChain } from '../../src/store/audit.js';
import { enqueue } from '../../src/store/outbox.js';
import { auditLog, objections, outbox, payments, requests } from '../../src/store/schema.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.cleanup());

const purge = (before: string, by = 'UADMIN') => runCli(['purge', '--before', before, '--by', by, '--db', db.dbPath], {}, NOW);
const req = (id: number) => db.store.db.select().from(requests).where(eq(requests.id, id)).get()!;
const SECRET = 'Mevrouw met drie kinderen, schuld bij verhuurder';

describe('purge', () => {
  it('blanks case references and free text of closed requests before the date, keeps amounts, supplier, approvers; audited; open ones untouched', async () => {
    const old = new Date('2018-06-01T10:00:00Z');
    const paid = seedRequest(db, { createdAt: old, status: 'paid', amountCents: 45000, caseRef: 'WT-2018-001', description: SECRET, reasonText: SECRET, approvers: ['UA', 'UB', 'UC'], categorySlug: 'mondzorg' });
    const alt = seedRequest(db, { createdAt: old, status: 'alternative', closedReason: SECRET, objection: { by: 'UD', reason: SECRET } });
    const withdrawn = seedRequest(db, { createdAt: new Date('2018-12-31T22:30:00Z'), status: 'withdrawn' }); // 31 Dec 23:30 Amsterdam: before 2019
    const openOld = seedRequest(db, { createdAt: old, status: 'open', caseRef: 'WT-2018-009', description: SECRET });
    const newYear = seedRequest(db, { createdAt: new Date('2018-12-31T23:30:00Z'), status: 'expired', caseRef: 'WT-2019-001' }); // 1 Jan 00:30 Amsterdam
    db.store.tx((tx) => {
      enqueue(tx, 'slack', { kind: 'thread.post', requestId: alt.id, message: msg(SECRET, SECRET) }, old);
      tx.update(outbox).set({ doneAt: old }).run();
    });
    const paymentBefore = db.store.db.select().from(payments).where(eq(payments.requestId, paid.id)).get();

    const res = await purge('2019-01-01');
    expect(res.exitCode).toBe(0);
    expect(res.output).toContain('Opgeschoond: 3 gesloten aanvra(a)g(en) van vóór 2019-01-01');

    for (const id of [paid.id, alt.id, withdrawn.id]) {
      const r = req(id);
      expect(r.caseRef).toBe('[verwijderd]');
      expect(r.description).toBe('[verwijderd]');
      expect(r.reasonText).toBe('');
      expect(r.purgedAt).toEqual(NOW);
    }
    expect(req(alt.id).closedReason).toBe('[verwijderd]');
    expect(req(paid.id)).toMatchObject({ amountCents: 45000, supplierName: 'Witgoedhandel Noord', supplierIban: 'NL91ABNA0417164300', status: 'paid', createdAt: old });
    expect(req(paid.id).categoryId).not.toBeNull();
    expect(db.store.db.select().from(payments).where(eq(payments.requestId, paid.id)).get()).toEqual(paymentBefore);
    expect(db.store.db.select().from(objections).where(eq(objections.requestId, alt.id)).get()).toMatchObject({ objectorId: 'UD', reason: '[verwijderd]' });
    // The sent thread message quoting the text is gone; each purged card waits to be drawn again.
    const left = db.store.db.select().from(outbox).all();
    expect(left.every((o) => o.kind === 'card.update' && o.doneAt === null)).toBe(true);
    expect(left.map((o) => (JSON.parse(o.payload) as { requestId: number }).requestId).sort((a, b) => a - b)).toEqual([paid.id, alt.id, withdrawn.id].sort((a, b) => a - b));
    // open and newer requests untouched
    expect(req(openOld.id)).toMatchObject({ caseRef: 'WT-2018-009', description: SECRET, purgedAt: null });
    expect(req(newYear.id)).toMatchObject({ caseRef: 'WT-2019-001', purgedAt: null });
    // nothing of the free text anywhere in the database file's tables
    const dump = JSON.stringify(db.store.sqlite.prepare("select * from requests where status != 'open'").all()) +
      JSON.stringify(db.store.sqlite.prepare('select * from objections').all()) + JSON.stringify(db.store.sqlite.prepare('select * from audit_log').all());
    expect(dump).not.toContain('verhuurder');
    // audited with counts only
    const audit = db.store.db.select().from(auditLog).where(eq(auditLog.action, 'retention.purged')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe('UADMIN');
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ before: '2019-01-01', requests: 3, objectionReasons: 1, outboxMessages: 1 });
    expect(verifyAuditChain(db.store.db)).toMatchObject({ intact: true });

    // running it again purges nothing new
    expect((await purge('2019-01-01')).output).toContain('Opgeschoond: 0 gesloten');
  });

  it.each([
    ['2019-02-30', 'geen bestaande datum'],
    ['2027-01-01', 'ligt in de toekomst'],
  ])('refuses --before %s, exit 2, changes nothing', async (before, text) => {
    seedRequest(db, { createdAt: new Date('2018-06-01T10:00:00Z'), status: 'withdrawn', caseRef: 'WT-2018-005' });
    const res = await purge(before);
    expect(res.exitCode).toBe(2);
    expect(res.output).toContain(text);
    expect(db.store.db.select().from(requests).get()!.caseRef).toBe('WT-2018-005');
    expect(db.store.db.select().from(auditLog).where(eq(auditLog.action, 'retention.purged')).all()).toHaveLength(0);
  });

  it('purge refuses a --by outside ADMIN_USER_IDS; nothing is blanked', async () => {
    const r = seedRequest(db, { createdAt: new Date('2018-06-01T10:00:00Z'), status: 'withdrawn', description: SECRET });
    const env = { ADMIN_USER_IDS: 'UADMIN' };
    const res = await runCli(['purge', '--before', '2019-01-01', '--by', 'UFIN', '--db', db.dbPath], env, NOW);
    expect(res).toEqual({ exitCode: 2, output: expect.stringContaining('"UFIN" staat niet in ADMIN_USER_IDS') });
    expect(req(r.id).description).toBe(SECRET);
    expect((await runCli(['purge', '--before', '2019-01-01', '--by', 'UADMIN', '--db', db.dbPath], env, NOW)).exitCode).toBe(0);
    expect(req(r.id).description).toBe('[verwijderd]');
  });
});
