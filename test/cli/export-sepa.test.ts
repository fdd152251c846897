// `export sepa`: the pain.001.001.09 batch parsed back, payments exported once, segregation of duties.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import Database from 'better-sqlite3';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { auditLog, payments } from '../../src/store/schema.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.cleanup());

const DEBTOR = ['--execution-date', '2026-11-12', '--debtor-iban', 'NL57 BNGH 0285 1234 56', '--debtor-name', 'Gemeente Leiden'];
const sepa = (by: string, extra: string[] = [], now = NOW) => runCli(['export', 'sepa', '--db', db.dbPath, '--by', by, ...DEBTOR, ...extra], {}, now);

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'CdtTrfTxInf' });
type Tx = { PmtId: { EndToEndId: string }; Amt: { InstdAmt: { '#text': string; '@_Ccy': string } }; Cdtr: { Nm: string }; CdtrAcct: { Id: { IBAN: string } }; RmtInf: { Ustrd: string } };
function readBatch(file: string) {
  const doc = parser.parse(readFileSync(file, 'utf8')) as { Document: { '@_xmlns': string; CstmrCdtTrfInitn: { GrpHdr: Record<string, string>; PmtInf: Record<string, unknown> & { CdtTrfTxInf: Tx[] } } } };
  return doc.Document;
}
const paymentRows = () => db.store.db.select().from(payments).orderBy(payments.requestId).all();

describe('export sepa', () => {
  it('writes one transaction per approved payment with NbOfTxs, CtrlSum, EndToEndId and remittance, and marks them exported', async () => {
    const r1 = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z'), amountCents: 8550, description: 'Koelkast voor insuline € 85 & bezorging' });
    const r2 = seedRequest(db, { createdAt: new Date('2026-10-02T10:00:00Z'), amountCents: 12000, supplierName: 'Slotenmaker Één', supplierIban: 'NL20INGB0001234567' });
    seedRequest(db, { createdAt: new Date('2026-10-03T10:00:00Z'), status: 'open' });
    seedRequest(db, { createdAt: new Date('2026-10-03T11:00:00Z'), status: 'withdrawn' });

    const out = join(db.dir, 'batch.xml');
    const res = await sepa('UFIN', ['--out', out]);
    expect(res.exitCode).toBe(0);
    expect(res.output).toContain('2 betaling(en), totaal € 205,50');
    const doc = readBatch(out);
    expect(doc['@_xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
    const { GrpHdr, PmtInf } = doc.CstmrCdtTrfInitn;
    expect(GrpHdr.NbOfTxs).toBe('2');
    expect(GrpHdr.CtrlSum).toBe('205.50');
    expect(PmtInf.NbOfTxs).toBe('2');
    expect(PmtInf.CtrlSum).toBe('205.50');
    expect(PmtInf.ReqdExctnDt).toEqual({ Dt: '2026-11-12' });
    expect(PmtInf.DbtrAcct).toEqual({ Id: { IBAN: 'NL57BNGH0285123456' } });
    const txs = PmtInf.CdtTrfTxInf;
    expect(txs.map((t) => t.PmtId.EndToEndId)).toEqual([`MMW-${r1.id}`, `MMW-${r2.id}`]);
    expect(txs.map((t) => t.Amt.InstdAmt['#text'])).toEqual(['85.50', '120.00']);
    expect(txs[1]!.Cdtr.Nm).toBe('Slotenmaker Een');
    expect(txs[1]!.CdtrAcct.Id.IBAN).toBe('NL20INGB0001234567');
    expect(txs[0]!.RmtInf.Ustrd).toBe(`Minimaatwerk ${r1.id} Koelkast voor insuline EUR 85 + bezorging`);

    const rows = paymentRows();
    expect(rows.map((p) => p.exportBatch)).toEqual([GrpHdr.MsgId, GrpHdr.MsgId]);
    expect(rows.every((p) => p.exportedAt?.getTime() === NOW.getTime() && p.paidAt === null)).toBe(true);
    const audit = db.store.db.select().from(auditLog).where(eq(auditLog.action, 'payment.exported')).all();
    expect(audit.map((a) => [a.actorId, a.requestId])).toEqual([['UFIN', r1.id], ['UFIN', r2.id]]);
    expect(db.files()).toEqual(['batch.xml']);
  });

  it('never exports a payment twice; a second export with nothing new writes no file and says so', async () => {
    const r1 = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    expect((await sepa('UFIN', ['--out', join(db.dir, 'one.xml')])).exitCode).toBe(0);

    const again = await sepa('UFIN', ['--out', join(db.dir, 'two.xml')]);
    expect(again).toEqual({ exitCode: 0, output: expect.stringMatching(/^Geen nieuwe betalingen om te exporteren; er is geen bestand geschreven\. \/ No new payments to export; no file was written\./) });
    expect(db.files()).toEqual(['one.xml']);

    const r2 = seedRequest(db, { createdAt: new Date('2026-10-05T10:00:00Z'), amountCents: 2500 });
    const later = new Date(NOW.getTime() + 60_000);
    expect((await sepa('UFIN', ['--out', join(db.dir, 'three.xml')], later)).exitCode).toBe(0);
    const txs = readBatch(join(db.dir, 'three.xml')).CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf;
    expect(txs.map((t) => t.PmtId.EndToEndId)).toEqual([`MMW-${r2.id}`]);
    expect(paymentRows().map((p) => p.exportedAt !== null)).toEqual([true, true]);
    expect(r1.id).not.toBe(r2.id);
  });

  it('skips payments the exporter approved or requested (segregation of duties) and lists them', async () => {
    const mine = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z'), approvers: ['UA', 'UFIN', 'UC'] });
    const asked = seedRequest(db, { createdAt: new Date('2026-10-01T11:00:00Z'), requesterId: 'UFIN' });
    const other = seedRequest(db, { createdAt: new Date('2026-10-02T10:00:00Z') });
    const res = await sepa('UFIN', ['--out', join(db.dir, 'b.xml')]);
    expect(res.exitCode).toBe(0);
    expect(res.output).toContain(`Overgeslagen, door jou goedgekeurd of aangevraagd (functiescheiding): #${mine.id}, #${asked.id}`);
    const txs = readBatch(join(db.dir, 'b.xml')).CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf;
    expect(txs.map((t) => t.PmtId.EndToEndId)).toEqual([`MMW-${other.id}`]);
    expect(paymentRows().map((p) => [p.requestId, p.exportedAt !== null])).toEqual([[mine.id, false], [asked.id, false], [other.id, true]]);

    // Only self-approved ones left: nothing is exported by that person, a colleague can.
    const res2 = await sepa('UFIN', ['--out', join(db.dir, 'c.xml')]);
    expect(res2.output).toContain('Geen nieuwe betalingen om te exporteren');
    expect(res2.output).toContain(`#${mine.id}`);
    expect(db.files()).toEqual(['b.xml']);
    expect((await sepa('UFIN2', ['--out', join(db.dir, 'd.xml')])).exitCode).toBe(0);
    expect(paymentRows().every((p) => p.exportedAt !== null)).toBe(true);
  });

  it.each([
    [['--debtor-iban', 'NL57BNGH0285123457'], 'IBAN van de betaler (--debtor-iban) is ongeldig'],
    [['--debtor-iban', 'GB33BUKB20201555555555X'], 'IBAN van de betaler (--debtor-iban) is ongeldig'],
    [['--execution-date', '2026-02-30'], 'Uitvoerdatum "2026-02-30" is geen bestaande datum'],
    [['--execution-date', '2026-11-09'], 'Uitvoerdatum 2026-11-09 ligt vóór vandaag (2026-11-10)'],
    [['--debtor-bic', 'NOTABIC'], 'De BIC van de betaler (--debtor-bic) is ongeldig'],
  ])('refuses %j: exit 2, no file, nothing marked', async (override, text) => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const args = [...DEBTOR];
    for (let i = 0; i < override.length; i += 2) {
      const at = args.indexOf(override[i]!);
      if (at >= 0) args[at + 1] = override[i + 1]!;
      else args.push(override[i]!, override[i + 1]!);
    }
    const res = await runCli(['export', 'sepa', '--db', db.dbPath, '--by', 'UFIN', '--out', join(db.dir, 'x.xml'), ...args], {}, NOW);
    expect(res.exitCode).toBe(2);
    expect(res.output).toContain(text);
    expect(db.files()).toEqual([]);
    expect(paymentRows().every((p) => p.exportedAt === null && p.exportBatch === null)).toBe(true);
    expect(db.store.db.select().from(auditLog).where(eq(auditLog.action, 'payment.exported')).all()).toHaveLength(0);
  });

  it('leaves no file and marks nothing when the commit fails after the file was written', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    db.store.sqlite.exec("create trigger fail_export before update of exported_at on payments begin select raise(abort, 'disk full'); end");
    const res = await sepa('UFIN', ['--out', join(db.dir, 'x.xml')]);
    expect(res.exitCode).toBe(1);
    expect(res.output).toContain('er is niets vastgelegd');
    expect(db.files()).toEqual([]);
    expect(paymentRows()[0]!.exportedAt).toBeNull();
  });

  it('refuses to overwrite an existing batch file', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const out = join(db.dir, 'b.xml');
    expect((await sepa('UFIN', ['--out', out])).exitCode).toBe(0);
    seedRequest(db, { createdAt: new Date('2026-10-02T10:00:00Z') });
    const res = await sepa('UFIN', ['--out', out]);
    expect(res).toEqual({ exitCode: 2, output: expect.stringContaining('bestaat al') });
    expect(paymentRows().map((p) => p.exportedAt !== null)).toEqual([true, false]);
  });

  it('export sepa skips a tampered payment and exports the rest', async () => {
    const good = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const bad = seedRequest(db, { createdAt: new Date('2026-10-02T10:00:00Z'), amountCents: 12000 });
    // Someone with the database file redirects the money (another connection, plain SQL).
    const raw = new Database(db.dbPath);
    raw.prepare('update payments set supplier_iban = ? where request_id = ?').run('NL20INGB0001234567', bad.id);
    raw.close();
    const res = await sepa('UFIN', ['--out', join(db.dir, 'b.xml')]);
    expect(res.exitCode).toBe(0);
    expect(res.output).toContain('1 betaling(en), totaal € 85,50');
    expect(res.output).toContain(`Overgeslagen, klopt niet met de audittrail (controleer met audit verify): #${bad.id}`);
    const txs = readBatch(join(db.dir, 'b.xml')).CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf;
    expect(txs.map((t) => t.PmtId.EndToEndId)).toEqual([`MMW-${good.id}`]);
    expect(txs.map((t) => t.CdtrAcct.Id.IBAN)).toEqual(['NL91ABNA0417164300']);
    expect(paymentRows().map((p) => [p.requestId, p.exportedAt !== null])).toEqual([[good.id, true], [bad.id, false]]);
  });

  it('export sepa never fails whole: a bad IBAN, a non-SEPA IBAN, a bad amount and an unusable name are skipped and listed, the rest exported', async () => {
    const badIban = seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z'), supplierIban: 'NL91ABNA0417164301' });
    const nonSepa = seedRequest(db, { createdAt: new Date('2026-10-01T11:00:00Z'), supplierIban: 'TR330006100519786457841326' });
    const zero = seedRequest(db, { createdAt: new Date('2026-10-01T12:00:00Z'), amountCents: 0 });
    const name = seedRequest(db, { createdAt: new Date('2026-10-01T13:00:00Z'), supplierName: '中文商店' });
    const good = seedRequest(db, { createdAt: new Date('2026-10-02T10:00:00Z'), amountCents: 2500 });
    const res = await sepa('UFIN', ['--out', join(db.dir, 'b.xml')]);
    expect(res.exitCode).toBe(0);
    expect(res.output).toContain('1 betaling(en), totaal € 25,00');
    expect(res.output).toContain(`Overgeslagen, IBAN van de leverancier is ongeldig: #${badIban.id}`);
    expect(res.output).toContain(`Overgeslagen, IBAN van de leverancier is geen SEPA-rekening: #${nonSepa.id}`);
    expect(res.output).toContain(`Overgeslagen, bedrag ongeldig: #${zero.id}`);
    expect(res.output).toContain(`Overgeslagen, naam van de leverancier heeft geen tekens die SEPA toestaat: #${name.id}`);
    const txs = readBatch(join(db.dir, 'b.xml')).CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf;
    expect(txs.map((t) => t.PmtId.EndToEndId)).toEqual([`MMW-${good.id}`]);
    expect(paymentRows().filter((p) => p.exportedAt !== null).map((p) => p.requestId)).toEqual([good.id]);
  });

  it('export sepa refuses a --by outside FINANCE_USER_IDS: no file, nothing marked', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const res = await runCli(['export', 'sepa', '--db', db.dbPath, '--by', 'UOTHER', ...DEBTOR, '--out', join(db.dir, 'x.xml')], { FINANCE_USER_IDS: 'UFIN' }, NOW);
    expect(res).toEqual({ exitCode: 2, output: expect.stringContaining('"UOTHER" staat niet in FINANCE_USER_IDS') });
    expect(db.files()).toEqual([]);
    expect(paymentRows()[0]!.exportedAt).toBeNull();
    const ok = await runCli(['export', 'sepa', '--db', db.dbPath, '--by', 'UFIN', ...DEBTOR, '--out', join(db.dir, 'x.xml')], { FINANCE_USER_IDS: 'UFIN' }, NOW);
    expect(ok.exitCode).toBe(0);
  });

  it('prints the audit anchor after the export; audit verify --anchor then holds', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const res = await sepa('UFIN', ['--out', join(db.dir, 'b.xml')]);
    const anchor = /Auditanker na deze actie \(bewaar het buiten de database\): (\d+:[0-9a-f]{64})/.exec(res.output)?.[1];
    expect(anchor).toMatch(/^3:/);
    const verify = await runCli(['audit', 'verify', '--anchor', anchor!, '--db', db.dbPath], {}, NOW);
    expect(verify).toEqual({ exitCode: 0, output: expect.stringContaining('Anker gevonden: regels 1–3 zijn ongewijzigd.') });
  });

  it('names the default file sepa-<batch>.xml in the caller’s directory and prints it absolute', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const res = await runCli(['export', 'sepa', '--db', db.dbPath, '--by', 'UFIN', ...DEBTOR], { INIT_CWD: db.dir }, NOW);
    expect(res.output).toContain(`geschreven naar ${join(db.dir, 'sepa-MMW-20261110090000-1.xml')}:`);
    expect(db.files()).toEqual(['sepa-MMW-20261110090000-1.xml']);
  });
});
