// The command line itself: help, errors that name what is wrong, init, where paths point, and one
// run of the real `npm run cli -- help` (launcher, bundle, exit code, stdout).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { openStore } from '../../src/store/db.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.cleanup());

const USAGE_NL = 'Gebruik: npm run cli -- <commando>';
const USAGE_EN = 'Usage: npm run cli -- <command>';

describe('help', () => {
  it.each([[[]], [['help']], [['--help']], [['-h']], [['export', 'csv', '--help']]])('%j prints the usage with exit 0', async (argv) => {
    const res = await runCli(argv, {}, NOW);
    expect(res.exitCode).toBe(0);
    expect(res.output).toContain(USAGE_NL);
    expect(res.output).toContain(USAGE_EN);
    for (const cmd of ['init', 'export csv', 'export sepa', 'mark-paid', 'digest', 'audit verify', 'audit head', 'purge', 'backup']) expect(res.output).toContain(`  ${cmd}`);
  });
});

describe('what is wrong on the command line is named (exit 2)', () => {
  it('an unknown command, with the usage', async () => {
    const res = await runCli(['betaal'], {}, NOW);
    expect(res.exitCode).toBe(2);
    expect(res.output).toMatch(/^Onbekend commando "betaal". \/ Unknown command "betaal"./);
    expect(res.output).toContain(USAGE_NL);
    expect((await runCli(['export', 'pdf'], {}, NOW)).output).toContain('Onbekend commando "export pdf"');
    expect((await runCli(['toString'], {}, NOW)).output).toMatch(/^Onbekend commando "toString"/);
    expect((await runCli(['audit', 'constructor'], {}, NOW)).output).toMatch(/^Onbekend commando "audit constructor"/);
  });

  it('an unknown option by its name: --mnth → onbekende optie --mnth', async () => {
    const res = await runCli(['export', 'csv', '--mnth', '2026-10', '--by', 'UFIN', '--db', db.dbPath], {}, NOW);
    expect(res.exitCode).toBe(2);
    expect(res.output).toMatch(/^Onbekende optie --mnth\. \/ Unknown option --mnth\./);
    expect(res.output).toContain('npm run cli -- help');
    expect(db.files()).toEqual([]);
  });

  it('an option the command does not take, a missing value, an option given twice, a stray argument', async () => {
    expect((await runCli(['mark-paid', '--month', '2026-10'], {}, NOW)).output).toMatch(/^Optie --month hoort niet bij mark-paid\./);
    expect((await runCli(['export', 'csv', '--month'], {}, NOW)).output).toMatch(/^Optie --month heeft een waarde nodig\./);
    expect((await runCli(['export', 'csv', '--month', '--by', 'UFIN'], {}, NOW)).output).toMatch(/^Optie --month heeft een waarde nodig\./);
    expect((await runCli(['digest', '--month', '2026-09', '--month', '2026-10'], {}, NOW)).output).toMatch(/^Optie --month is twee keer gegeven\./);
    const stray = await runCli(['backup', 'kopie.db'], {}, NOW);
    expect(stray).toEqual({ exitCode: 2, output: expect.stringMatching(/^Onverwacht argument "kopie.db"; een bestand geef je op met --out\./) });
  });

  it('`export` alone says what is missing; so does `audit` alone', async () => {
    expect(await runCli(['export'], {}, NOW)).toEqual({ exitCode: 2, output: expect.stringMatching(/^Wat wil je exporteren\? Gebruik export csv of export sepa\./) });
    expect(await runCli(['audit'], {}, NOW)).toEqual({ exitCode: 2, output: expect.stringMatching(/^Welke auditcontrole\? Gebruik audit verify of audit head\./) });
  });
});

describe('init and the database', () => {
  it('init creates and migrates the database; every command then works without a chat platform', async () => {
    const file = join(db.dir, 'new', 'mmw.db');
    const missing = await runCli(['audit', 'verify', '--db', file], {}, NOW);
    expect(missing).toEqual({ exitCode: 2, output: expect.stringContaining('Maak hem met: npm run cli -- init') });
    expect(existsSync(file)).toBe(false);

    const init = await runCli(['init', '--db', file], {}, NOW);
    expect(init).toEqual({ exitCode: 0, output: expect.stringMatching(/^Database aangemaakt: .*mmw\.db \(\d+ migraties\)\./) });
    const again = await runCli(['init', '--db', file], {}, NOW);
    expect(again.output).toMatch(/^Database bijgewerkt: .*alle toegepast/);

    const on = (...argv: string[]) => runCli([...argv, '--db', file], { INIT_CWD: db.dir }, NOW);
    expect(await on('audit', 'verify')).toMatchObject({ exitCode: 0, output: expect.stringContaining('Audittrail intact (0 regels)') });
    expect(await on('audit', 'head')).toMatchObject({ exitCode: 0 });
    expect(await on('export', 'csv', '--month', '2026-10', '--by', 'UFIN')).toMatchObject({ exitCode: 0, output: expect.stringContaining('Geen uitgaven in oktober 2026') });
    expect(await on('export', 'sepa', '--execution-date', '2026-11-12', '--debtor-iban', 'NL57BNGH0285123456', '--debtor-name', 'Gemeente Leiden', '--by', 'UFIN')).toMatchObject({
      exitCode: 0,
      output: expect.stringContaining('Geen nieuwe betalingen om te exporteren'),
    });
    expect(await on('digest', '--month', '2026-10')).toMatchObject({ exitCode: 0, output: expect.stringContaining('Geen uitgaven in oktober 2026') });
    expect(await on('purge', '--before', '2019-01-01', '--by', 'UADMIN')).toMatchObject({ exitCode: 0 });
    expect(await on('backup', '--out', 'copy.db')).toMatchObject({ exitCode: 0 });
    expect(await on('mark-paid', '--request', '1', '--by', 'UFIN')).toMatchObject({ exitCode: 2, output: expect.stringContaining('Aanvraag #1 bestaat niet') });
  });

  it('takes the database from --db, else DATABASE_URL', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    expect(await runCli(['audit', 'verify'], { DATABASE_URL: db.dbPath }, NOW)).toMatchObject({ exitCode: 0, output: expect.stringContaining('intact (2 regels)') });
    const missing = await runCli(['audit', 'verify', '--db', join(db.dir, 'nope.db')], { DATABASE_URL: db.dbPath }, NOW);
    expect(missing).toEqual({ exitCode: 2, output: expect.stringContaining(`Database niet gevonden: ${join(db.dir, 'nope.db')}`) });
    expect(db.files()).toEqual([]);
  });
});

describe('relative paths count from the caller’s directory (INIT_CWD) and are printed absolute', () => {
  it('--db, --out of export csv and of backup', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const caller = join(db.dir, 'caller');
    mkdirSync(caller);
    openStore(join(caller, 'local.db')).close();
    const env = { INIT_CWD: caller };

    const verify = await runCli(['audit', 'verify', '--db', 'local.db'], env, NOW);
    expect(verify.exitCode).toBe(0);
    const csv = await runCli(['export', 'csv', '--month', '2026-10', '--by', 'UFIN', '--db', '../mmw.db', '--out', 'okt.csv'], env, NOW);
    expect(csv.output).toContain(`geschreven naar ${join(caller, 'okt.csv')}: 1 betaling(en)`);
    expect(existsSync(join(caller, 'okt.csv'))).toBe(true);
    const backup = await runCli(['backup', '--db', '../mmw.db', '--out', 'kopie.db'], env, NOW);
    expect(backup.output).toContain(`Back-up geschreven naar ${join(caller, 'kopie.db')}`);
    expect(existsSync(join(caller, 'kopie.db'))).toBe(true);
  });
});

describe('npm run cli', () => {
  it('`npm run cli -- help` exits 0 and prints the usage on stdout, nothing on stderr', () => {
    const res = spawnSync('npm', ['run', '--silent', 'cli', '--', 'help'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: db.dbPath } });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^${USAGE_NL.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}`));
    expect(res.stdout).toContain(USAGE_EN);
    expect(res.stderr).toBe('');
  });
});
