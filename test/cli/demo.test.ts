// `npm run cli -- demo`: practice data through the use cases, in the practice database unless --db
// names another, once per database; every other command can then be tried on it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { verifyAuditChain } from '../../src/store/audit.js';
import { openStore } from '../../src/store/db.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mmw-demo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const env = () => ({ INIT_CWD: dir });
const NOW = new Date('2026-11-20T10:00:00Z');

describe('demo', () => {
  it('fills a new database with months of requests, audited, once', async () => {
    const r = await runCli(['demo', '--months', '3', '--db', 'oefen.db'], env(), NOW);
    expect(r.exitCode, r.output).toBe(0);
    expect(r.output).toMatch(/^Oefendata in .*oefen\.db: \d+ aanvragen over 3 maanden/);
    const store = openStore(join(dir, 'oefen.db'));
    try {
      const requests = store.sqlite.prepare('select count(*) from requests').pluck().get() as number;
      expect(requests).toBeGreaterThan(10);
      expect(verifyAuditChain(store.db).intact).toBe(true);
    } finally {
      store.close();
    }
    const again = await runCli(['demo', '--db', 'oefen.db'], env(), NOW);
    expect(again).toEqual({ exitCode: 0, output: expect.stringContaining('heeft al oefendata') });
    const digest = await runCli(['digest', '--month', '2026-10', '--db', 'oefen.db'], env(), NOW);
    expect(digest.exitCode).toBe(0);
    expect(digest.output).toContain('Maandoverzicht minimaatwerkbudget — oktober 2026');
    expect((await runCli(['audit', 'verify', '--db', 'oefen.db'], env(), NOW)).exitCode).toBe(0);
  });

  it('refuses a number of months outside 1 to 36 and stores nothing', async () => {
    const r = await runCli(['demo', '--months', '40', '--db', 'x.db'], env(), NOW);
    expect(r.exitCode).toBe(2);
    expect(r.output).toContain('--months "40" is geen aantal maanden van 1 tot 36');
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });
});
