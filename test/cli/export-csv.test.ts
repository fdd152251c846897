// `export csv`: the month's register, parsed back as Dutch Excel would read it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { REGISTER_HEADER } from '../../src/core/register.js';
import { auditLog } from '../../src/store/schema.js';
import { eq } from 'drizzle-orm';
import { NOW, freshDb, parseCsv, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.cleanup());

const csv = (month: string, extra: string[] = []) => runCli(['export', 'csv', '--month', month, '--db', db.dbPath, '--by', 'UFIN', ...extra], {}, NOW);

describe('export csv', () => {
  it('writes the Amsterdam month register: BOM, semicolons, decimal comma, ISO dates, approvers', async () => {
    // 1 Oct 00:30 in Amsterdam is still 30 Sep in UTC: it belongs to October.
    const a = seedRequest(db, { createdAt: new Date('2026-09-29T10:00:00Z'), decidedAt: new Date('2026-09-30T22:30:00Z'), amountCents: 123456, supplierName: 'Slotenmaker "De Sleutel"; Noord', caseRef: 'WT-2026-101' });
    const b = seedRequest(db, { createdAt: new Date('2026-10-14T08:00:00Z'), decidedAt: new Date('2026-10-15T12:00:00Z'), amountCents: 4999, supplierName: '=HYPERLINK("x")', approvers: ['UA', 'UD', 'UE'] });
    // 1 Nov 00:30 in Amsterdam is 31 Oct in UTC: November, not in the register.
    seedRequest(db, { createdAt: new Date('2026-10-30T10:00:00Z'), decidedAt: new Date('2026-10-31T23:30:00Z') });
    seedRequest(db, { createdAt: new Date('2026-10-20T10:00:00Z'), status: 'open' });

    const out = join(db.dir, 'okt.csv');
    const res = await csv('2026-10', ['--out', out]);
    expect(res).toEqual({ exitCode: 0, output: expect.stringContaining('Register van oktober 2026 geschreven') });
    expect(res.output).toContain('2 betaling(en)');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.toString('utf8').slice(1));
    expect(records[0]).toEqual([...REGISTER_HEADER]);
    expect(records).toHaveLength(3);
    const byId = new Map(records.slice(1).map((r) => [Number(r[0]), r]));
    const ra = byId.get(a.id)!;
    expect(ra[1]).toBe('Wijkteam Noord');
    expect(ra[2]).toBe('1234,56');
    expect(ra[3]).toBe('Slotenmaker "De Sleutel"; Noord');
    expect(ra[4]).toBe('NL91ABNA0417164300');
    expect(ra[5]).toBe('Witgoed en huishoudelijke apparaten');
    expect(ra[6]).toBe('WT-2026-101');
    expect(ra[8]).toBe('UREQ');
    expect(ra[9]).toBe('UA, UB, UC');
    expect(ra[10]).toBe('2026-09-29');
    expect(ra[11]).toBe('2026-10-01');
    expect(ra[12]).toBe('Goedgekeurd');
    expect(ra[13]).toBe('');
    expect(ra[14]).toBe('');
    const rb = byId.get(b.id)!;
    expect(rb[2]).toBe('49,99');
    expect(rb[3]).toBe(`'=HYPERLINK("x")`);
    expect(rb[9]).toBe('UA, UD, UE');
    // audited, counts only
    const audit = db.store.db.select().from(auditLog).where(eq(auditLog.action, 'register.exported')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe('UFIN');
    expect(JSON.parse(audit[0]!.detail)).toEqual({ month: '2026-10', payments: 2 });
    expect(db.files()).toEqual(['okt.csv']);
  });

  it('defaults the file name to register-YYYY-MM.csv in the caller’s directory and prints it absolute', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-14T08:00:00Z') });
    const res = await runCli(['export', 'csv', '--month', '2026-10', '--db', db.dbPath, '--by', 'UFIN'], { INIT_CWD: db.dir }, NOW);
    expect(res.exitCode).toBe(0);
    expect(res.output).toContain(`geschreven naar ${join(db.dir, 'register-2026-10.csv')}:`);
    expect(db.files()).toEqual(['register-2026-10.csv']);
  });

  it.each([
    ['2026-13', 'Onbekende maand "2026-13": schrijf JJJJ-MM, bijvoorbeeld 2026-10.'],
    ['oktober', 'Onbekende maand "oktober"'],
    ['2026-12', 'december 2026 ligt in de toekomst'],
  ])('refuses month %s with a clear Dutch message, exit 2, no file', async (month, text) => {
    seedRequest(db, { createdAt: new Date('2026-10-14T08:00:00Z') });
    const res = await csv(month, ['--out', join(db.dir, 'x.csv')]);
    expect(res.exitCode).toBe(2);
    expect(res.output).toContain(text);
    expect(db.files()).toEqual([]);
    expect(db.store.db.select().from(auditLog).where(eq(auditLog.action, 'register.exported')).all()).toHaveLength(0);
  });

  it('an empty month is exit 0 with a message, and no file and no audit row', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-14T08:00:00Z') });
    const res = await csv('2026-09', ['--out', join(db.dir, 'x.csv')]);
    expect(res.exitCode).toBe(0);
    expect(res.output).toMatch(/^Geen uitgaven in september 2026; er is geen bestand geschreven\. \/ No spends in September 2026; no file was written\./);
    expect(db.files()).toEqual([]);
    expect(db.store.db.select().from(auditLog).where(eq(auditLog.action, 'register.exported')).all()).toHaveLength(0);
  });

  it('never overwrites a file: exit 2, the file unchanged, nothing audited', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-14T08:00:00Z') });
    const out = join(db.dir, 'register-2026-10.csv');
    writeFileSync(out, 'keep me');
    const res = await csv('2026-10', ['--out', out]);
    expect(res).toEqual({ exitCode: 2, output: expect.stringContaining(`Bestand ${out} bestaat al`) });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(db.files()).toEqual(['register-2026-10.csv']);
    expect(db.store.db.select().from(auditLog).where(eq(auditLog.action, 'register.exported')).all()).toHaveLength(0);
  });

  it('export csv refuses a --by outside FINANCE_USER_IDS; a finance member who approved payments may export the register', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-14T08:00:00Z'), approvers: ['UA', 'UFIN', 'UC'] });
    const env = { FINANCE_USER_IDS: 'UFIN, UFIN2' };
    const outsider = await runCli(['export', 'csv', '--month', '2026-10', '--db', db.dbPath, '--by', 'UA', '--out', join(db.dir, 'a.csv')], env, NOW);
    expect(outsider).toEqual({ exitCode: 2, output: expect.stringContaining('"UA" staat niet in FINANCE_USER_IDS') });
    expect(db.files()).toEqual([]);
    const approver = await runCli(['export', 'csv', '--month', '2026-10', '--db', db.dbPath, '--by', 'UFIN', '--out', join(db.dir, 'b.csv')], env, NOW);
    expect(approver.exitCode).toBe(0);
    expect(approver.output).not.toContain('FINANCE_USER_IDS is niet ingesteld');
    expect(db.files()).toEqual(['b.csv']);
  });

  it('says when FINANCE_USER_IDS is not set, so --by was not checked', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-14T08:00:00Z') });
    const res = await csv('2026-10', ['--out', join(db.dir, 'c.csv')]);
    expect(res.output).toContain('Let op: FINANCE_USER_IDS is niet ingesteld, dus --by is niet gecontroleerd.');
  });

  it('leaves no file behind when recording the export fails after writing', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-14T08:00:00Z') });
    db.store.sqlite.exec("create trigger fail_audit before insert on audit_log when new.action = 'register.exported' begin select raise(abort, 'disk full'); end");
    const res = await csv('2026-10', ['--out', join(db.dir, 'r.csv')]);
    expect(res.exitCode).toBe(1);
    expect(res.output).toContain('er is niets vastgelegd');
    expect(db.files()).toEqual([]);
  });

  it('requires --by and --month', async () => {
    expect(await runCli(['export', 'csv', '--month', '2026-10', '--db', db.dbPath], {}, NOW)).toEqual({ exitCode: 2, output: 'Optie --by ontbreekt. / Option --by is missing.' });
    expect((await runCli(['export', 'csv', '--by', 'UFIN', '--db', db.dbPath], {}, NOW)).output).toContain('--month ontbreekt');
  });
});
