// `backup [--out file]`: a consistent online copy while another connection keeps writing (WAL).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { appendAudit, verifyAuditChain } from '../../src/store/audit.js';
import { openStore } from '../../src/store/db.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.cleanup());

const count = (s: ReturnType<typeof openStore>, table: string) => (s.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('backup', () => {
  it('copies the live database while a writer keeps committing; the copy opens, passes integrity_check and holds every row committed before', async () => {
    for (let i = 0; i < 300; i++) seedRequest(db, { createdAt: new Date(Date.UTC(2026, 9, 1, 10, i)), description: `Aanvraag ${i} ${'x'.repeat(200)}` });
    // All of it is still in the WAL (no checkpoint yet): a plain file copy would miss it.
    const before = { requests: count(db.store, 'requests'), audit: count(db.store, 'audit_log') };
    expect(before.requests).toBe(300);

    const writer = openStore(db.dbPath);
    let writing = true;
    let written = 0;
    const loop = (async () => {
      while (writing) {
        writer.tx((tx) => appendAudit(tx, { at: NOW, actorId: 'UW', action: 'test.write', detail: { n: written } }));
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = join(db.dir, 'backup.db');
    const res = await runCli(['backup', '--out', file, '--db', db.dbPath], {}, NOW);
    writing = false;
    await loop;
    writer.close();

    expect(res.exitCode).toBe(0);
    expect(res.output).toMatch(/^Back-up geschreven naar .*backup\.db \(\d+(,\d)? (kB|MB)\)/);
    expect(written).toBeGreaterThan(0);
    expect(statSync(file).size).toBeGreaterThan(0);
    const copy = openStore(file); // migrations: nothing to do
    try {
      expect(copy.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(count(copy, 'requests')).toBe(300);
      expect(count(copy, 'payments')).toBe(300);
      const audit = count(copy, 'audit_log');
      expect(audit).toBeGreaterThanOrEqual(before.audit);
      expect(audit).toBeLessThanOrEqual(before.audit + written);
      expect(verifyAuditChain(copy.db)).toMatchObject({ intact: true, rows: audit });
      expect(copy.db.get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`).n).toBe(count(db.store, '__drizzle_migrations'));
    } finally {
      copy.close();
    }
    expect(db.files().sort()).toEqual(['backup.db']);
  });

  it('never overwrites an existing file', async () => {
    const file = join(db.dir, 'exists.db');
    writeFileSync(file, 'keep me');
    const res = await runCli(['backup', '--out', file, '--db', db.dbPath], {}, NOW);
    expect(res.exitCode).toBe(2);
    expect(res.output).toContain('bestaat al');
    expect(statSync(file).size).toBe(7);
  });

  it('says when the database does not exist', async () => {
    const res = await runCli(['backup', '--out', join(db.dir, 'b.db'), '--db', join(db.dir, 'nope.db')], {}, NOW);
    expect(res).toEqual({ exitCode: 2, output: expect.stringContaining('Database niet gevonden') });
    expect(existsSync(join(db.dir, 'b.db'))).toBe(false);
  });

  it('names the file one way, with --out; without it a dated name in the caller’s directory', async () => {
    const stray = await runCli(['backup', join(db.dir, 'b.db'), '--db', db.dbPath], {}, NOW);
    expect(stray).toEqual({ exitCode: 2, output: expect.stringContaining('een bestand geef je op met --out') });
    const res = await runCli(['backup', '--db', db.dbPath], { INIT_CWD: db.dir }, NOW);
    const file = join(db.dir, 'minimaatwerk-backup-2026-11-10-1000.db'); // 09:00 UTC is 10:00 in Amsterdam
    expect(res).toEqual({ exitCode: 0, output: expect.stringContaining(`Back-up geschreven naar ${file}`) });
    expect(db.files()).toEqual(['minimaatwerk-backup-2026-11-10-1000.db']);
    expect((await runCli(['backup', '--db', db.dbPath], { INIT_CWD: db.dir }, NOW)).output).toContain('bestaat al');
  });
});
