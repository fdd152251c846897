// Argument parsing and dispatch; one run of the real `tsx src/cli/main.ts` proves the wiring.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.cleanup());

describe('cli', () => {
  it.each([[[]], [['help']], [['--help']], [['export']], [['export', 'pdf']], [['audit']], [['betaal']]])('prints the usage for %j with exit 2', async (argv) => {
    const res = await runCli(argv, {}, NOW);
    expect(res.exitCode).toBe(2);
    expect(res.output).toContain('Gebruik: npm run cli -- <commando>');
    expect(res.output).toContain('Usage: npm run cli -- <command>');
  });

  it('names an unknown command and an unknown option', async () => {
    expect((await runCli(['betaal'], {}, NOW)).output).toMatch(/^Onbekend commando "betaal". \/ Unknown command "betaal"./);
    expect((await runCli(['audit', 'verify', '--force'], {}, NOW)).output).toContain('Ongeldige opties: onbekende optie');
  });

  it('takes the database from --db, else DATABASE_URL, and says when it does not exist', async () => {
    expect((await runCli(['audit', 'verify'], { DATABASE_URL: db.dbPath }, NOW)).exitCode).toBe(0);
    const missing = await runCli(['audit', 'verify', '--db', join(db.dir, 'nope.db')], { DATABASE_URL: db.dbPath }, NOW);
    expect(missing).toEqual({ exitCode: 2, output: expect.stringContaining('Database niet gevonden') });
    expect(db.files()).toEqual([]);
  });

  it('dispatches digest --month to the digest command', async () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const res = await runCli(['digest', '--month', '2026-10', '--db', db.dbPath], {}, NOW);
    expect(res.exitCode).toBe(0);
    expect(res.output).toContain('Maandoverzicht minimaatwerkbudget — oktober 2026');
    expect(res.output).toContain('1 goedgekeurde uitgave, samen € 85,50');
    expect((await runCli(['digest', '--month', '2027-10', '--db', db.dbPath], {}, NOW)).exitCode).toBe(2);
  });

  it('runs as `tsx src/cli/main.ts`: reads DATABASE_URL, prints on stdout, exits with the command code', () => {
    seedRequest(db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const ok = spawnSync(tsx, ['src/cli/main.ts', 'audit', 'verify'], { env: { ...process.env, DATABASE_URL: db.dbPath }, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('Audittrail intact (2 regels) / Audit trail intact (2 rows)\n');
  });
});
