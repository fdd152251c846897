// `audit verify` and `audit head`: the hash chain, the payments bound to their audit rows, and the
// anchor that catches a chain cut short or rebuilt. Tampering the way someone with the file would:
// another connection, plain SQL.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { anchorText, appendAudit, auditHash, auditHead, GENESIS_HASH } from '../../src/store/audit.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
let ids: number[];
beforeEach(() => {
  db = freshDb();
  ids = [0, 1, 2].map((i) => seedRequest(db, { createdAt: new Date(`2026-10-0${i + 1}T10:00:00Z`), amountCents: 8550 + i }).id); // 6 audit rows
});
afterEach(() => db.cleanup());

const verify = (...extra: string[]) => runCli(['audit', 'verify', '--db', db.dbPath, ...extra], {}, NOW);
const tamper = (sql: string, ...params: unknown[]) => {
  const raw = new Database(db.dbPath);
  raw.prepare(sql).run(...params);
  raw.close();
};
type RawRow = { id: number; at: number; actor_id: string; action: string; team_id: number | null; request_id: number | null; detail: string; prev_hash: string; hash: string };

/** Rebuild the chain from row `fromId` on, as an attacker who knows the (public) hash rule would. */
function rewriteChainFrom(fromId: number) {
  const raw = new Database(db.dbPath);
  const rows = raw.prepare('select * from audit_log where id >= ? order by id').all(fromId) as RawRow[];
  let prev = (raw.prepare('select hash from audit_log where id = ?').get(fromId - 1) as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
  for (const r of rows) {
    const hash = auditHash(prev, { id: r.id, at: new Date(r.at), actorId: r.actor_id, action: r.action, teamId: r.team_id, requestId: r.request_id, detail: r.detail });
    raw.prepare('update audit_log set prev_hash = ?, hash = ? where id = ?').run(prev, hash, r.id);
    prev = hash;
  }
  raw.close();
}

describe('audit verify: the chain', () => {
  it('reports an intact trail and how many payments match', async () => {
    expect(await verify()).toEqual({
      exitCode: 0,
      output: 'Audittrail intact (6 regels); 3 betaling(en) kloppen met hun auditregels. / Audit trail intact (6 rows); 3 payment(s) match their audit rows.',
    });
  });

  it('detects a changed row', async () => {
    tamper(`update audit_log set actor_id = 'UX' where id = 4`);
    expect(await verify()).toEqual({ exitCode: 1, output: 'Audittrail verbroken bij regel 4: regel is gewijzigd. / Audit trail broken at row 4: row was changed.' });
  });

  it('detects a changed row whose own hash was recomputed: the next link breaks', async () => {
    const raw = new Database(db.dbPath);
    const row = raw.prepare('select * from audit_log where id = 2').get() as RawRow;
    const forged = auditHash(row.prev_hash, { id: row.id, at: new Date(row.at), actorId: 'UX', action: row.action, teamId: row.team_id, requestId: row.request_id, detail: row.detail });
    raw.prepare("update audit_log set actor_id = 'UX', hash = ? where id = 2").run(forged);
    raw.close();
    expect(await verify()).toEqual({ exitCode: 1, output: 'Audittrail verbroken bij regel 3: vorige hash klopt niet. / Audit trail broken at row 3: previous hash does not match.' });
  });

  it('detects a deleted row', async () => {
    tamper('delete from audit_log where id = 3');
    expect((await verify()).output).toMatch(/^Audittrail verbroken bij regel 3: regel ontbreekt \(verwijderd\)\./);
  });

  it('detects the last rows cut off while SQLite still remembers them', async () => {
    db.store.tx((tx) => appendAudit(tx, { at: NOW, actorId: 'UFIN', action: 'register.exported', detail: { month: '2026-10', payments: 3 } }));
    tamper('delete from audit_log where id = 7');
    expect(await verify()).toEqual({ exitCode: 1, output: expect.stringContaining('Audittrail verbroken bij regel 7: laatste regel(s) verwijderd') });
  });
});

describe('audit verify: payments bound to their audit rows', () => {
  it('audit verify reports a payment whose IBAN was changed in the database', async () => {
    tamper('update payments set supplier_iban = ? where request_id = ?', 'NL20INGB0001234567', ids[1]);
    expect(await verify()).toEqual({ exitCode: 1, output: `#${ids[1]} klopt niet met de audittrail: IBAN gewijzigd. / #${ids[1]} does not match the audit trail: IBAN changed.` });
  });

  it('audit verify reports a changed amount, supplier or approvers of a payment, and a changed approved request', async () => {
    tamper('update payments set amount_cents = 49999, supplier_name = ? where request_id = ?', 'Neefje BV', ids[0]);
    tamper("update payments set approvers = 'UA,UB,UX' where request_id = ?", ids[1]);
    tamper("update requests set supplier_iban = 'NL20INGB0001234567', requester_id = 'UZ' where id = ?", ids[2]);
    const res = await verify();
    expect(res.exitCode).toBe(1);
    expect(res.output.split('\n')).toEqual([
      `#${ids[0]} klopt niet met de audittrail: bedrag gewijzigd, leverancier gewijzigd. / #${ids[0]} does not match the audit trail: amount changed, supplier changed.`,
      `#${ids[1]} klopt niet met de audittrail: goedkeurders gewijzigd. / #${ids[1]} does not match the audit trail: approvers changed.`,
      `#${ids[2]} klopt niet met de audittrail: aanvrager gewijzigd, IBAN gewijzigd. / #${ids[2]} does not match the audit trail: requester changed, IBAN changed.`,
    ]);
  });

  it('audit verify reports a payment made to look unexported or unpaid again, and one that appeared without approval', async () => {
    expect((await runCli(['export', 'sepa', '--db', db.dbPath, '--by', 'UFIN', '--execution-date', '2026-11-12', '--debtor-iban', 'NL57BNGH0285123456', '--debtor-name', 'Gemeente', '--out', `${db.dir}/b.xml`], {}, NOW)).exitCode).toBe(0);
    expect((await runCli(['mark-paid', '--request', String(ids[1]), '--by', 'UFIN', '--db', db.dbPath], {}, NOW)).exitCode).toBe(0);
    expect((await verify()).exitCode).toBe(0);
    // Export it again (a second payment to the same supplier) ...
    tamper('update payments set exported_at = null, export_batch = null where request_id = ?', ids[0]);
    // ... pay it again ...
    tamper("update payments set paid_at = null, paid_by = null where request_id = ?", ids[1]);
    tamper("update requests set status = 'approved' where id = ?", ids[1]);
    // ... and an open request approved without anyone's consent.
    const open = seedRequest(db, { createdAt: new Date('2026-10-05T10:00:00Z'), status: 'open' });
    tamper("update requests set status = 'approved' where id = ?", open.id);
    tamper("insert into payments (request_id, amount_cents, supplier_name, supplier_iban, approvers, recorded_at) values (?, 8550, 'Witgoedhandel Noord', 'NL91ABNA0417164300', 'UA,UB,UC', 0)", open.id);
    const res = await verify();
    expect(res.exitCode).toBe(1);
    expect(res.output.split('\n')).toEqual([
      `#${ids[0]} klopt niet met de audittrail: export past niet bij de auditregels. / #${ids[0]} does not match the audit trail: export does not match the audit rows.`,
      `#${ids[1]} klopt niet met de audittrail: betaling past niet bij de auditregels. / #${ids[1]} does not match the audit trail: paid state does not match the audit rows.`,
      `#${open.id} klopt niet met de audittrail: geen auditregel payment.recorded. / #${open.id} does not match the audit trail: no payment.recorded audit row.`,
    ]);
    // None of them goes into a batch (#2 still carries its first export, so it is not due at all).
    const again = await runCli(['export', 'sepa', '--db', db.dbPath, '--by', 'UFIN', '--execution-date', '2026-11-12', '--debtor-iban', 'NL57BNGH0285123456', '--debtor-name', 'Gemeente', '--out', `${db.dir}/c.xml`], {}, NOW);
    expect(again.output).toContain('Geen nieuwe betalingen om te exporteren');
    expect(again.output).toContain(`Overgeslagen, klopt niet met de audittrail (controleer met audit verify): #${ids[0]}, #${open.id}`);
  });

  it('audit verify reports a payment row deleted from an approved request', async () => {
    tamper('delete from payments where request_id = ?', ids[2]);
    expect((await verify()).output).toBe(`#${ids[2]} klopt niet met de audittrail: goedgekeurd zonder betaling. / #${ids[2]} does not match the audit trail: approved without a payment.`);
  });
});

describe('audit head and audit verify --anchor', () => {
  it('audit head prints the anchor (row count and hash of the last row) on its own first line', async () => {
    const res = await runCli(['audit', 'head', '--db', db.dbPath], {}, NOW);
    expect(res.exitCode).toBe(0);
    const head = auditHead(db.store.db);
    expect(head.rows).toBe(6);
    expect(res.output.split('\n')[0]).toBe(anchorText(head));
    expect(res.output).toContain('Auditanker (6 regels): bewaar het buiten de database');
    expect((await verify('--anchor', anchorText(head))).output).toContain('Anker gevonden: regels 1–6 zijn ongewijzigd.');
    expect((await verify('--anchor', `6:${head.hash.slice(0, 16)}`)).exitCode).toBe(0);
  });

  it('audit verify --anchor reports a truncated chain that passes without it', async () => {
    db.store.tx((tx) => appendAudit(tx, { at: NOW, actorId: 'UFIN', action: 'register.exported', detail: { month: '2026-10', payments: 3 } }));
    const anchor = anchorText(auditHead(db.store.db));
    tamper('delete from audit_log where id = 7');
    tamper("update sqlite_sequence set seq = 6 where name = 'audit_log'");
    expect((await verify()).exitCode).toBe(0);
    expect(await verify('--anchor', anchor)).toEqual({
      exitCode: 1,
      output: 'Het anker (regel 7) staat niet meer in de audittrail: die heeft nog maar 6 regels (ingekort). / The anchor (row 7) is no longer in the audit trail: it has only 6 rows (cut off).',
    });
  });

  it('audit verify --anchor reports a chain rewritten from a changed row, which passes without it', async () => {
    const anchor = anchorText(auditHead(db.store.db));
    // Redirect payment 2 and make its audit row agree, then rebuild every hash from there.
    const raw = new Database(db.dbPath);
    const row = raw.prepare("select id, detail from audit_log where action = 'payment.recorded' and request_id = ?").get(ids[1]) as { id: number; detail: string };
    raw.prepare('update audit_log set detail = ? where id = ?').run(row.detail.replace('NL91ABNA0417164300', 'NL20INGB0001234567'), row.id);
    raw.prepare("update payments set supplier_iban = 'NL20INGB0001234567' where request_id = ?").run(ids[1]);
    raw.prepare("update requests set supplier_iban = 'NL20INGB0001234567' where id = ?").run(ids[1]);
    raw.close();
    rewriteChainFrom(row.id);
    expect((await verify()).exitCode).toBe(0);
    expect(await verify('--anchor', anchor)).toEqual({
      exitCode: 1,
      output: 'Het anker past niet: regel 6 heeft een andere hash (de audittrail is tot en met die regel herschreven). / The anchor does not match: row 6 has another hash (the audit trail was rewritten up to that row).',
    });
  });

  it('refuses an anchor that is not <count>:<hash>', async () => {
    expect(await verify('--anchor', '6-abc')).toEqual({ exitCode: 2, output: expect.stringContaining('Anker "6-abc" is ongeldig') });
  });
});
