// The restore drill of docs/operations.md, step by step, on real files: a database with requests and
// audit rows, a backup with the CLI's backup function, the live file lost after a crash, the restore as
// documented, and the restored database checked (audit chain, data, readiness).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCommand } from '../../src/cli/backup.js';
import { runCli } from '../../src/cli/main.js';
import { createHealthHandler, startHealthServer } from '../../src/ops/health.js';
import { appendAudit, verifyAuditChain } from '../../src/store/audit.js';
import { openStore } from '../../src/store/db.js';
import { getRequest } from '../../src/store/requests.js';
import { addRequest, opsDb, type OpsDb } from './support.js';

const DOC = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const count = (db: ReturnType<typeof openStore>, table: string) => (db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

let live: OpsDb;
beforeEach(() => {
  live = opsDb();
});
afterEach(() => live.cleanup());

describe('restore drill (docs/operations.md)', () => {
  it('the documented steps are the ones this test follows, in this order', () => {
    const drill = DOC.slice(DOC.indexOf('## Restore drill'), DOC.indexOf('## Upgrades'));
    const steps = [
      'systemctl stop minimaatwerk',
      'minimaatwerk.db minimaatwerk.db-wal minimaatwerk.db-shm',
      'mv "/var/lib/minimaatwerk/$f" "$LOST/"',
      'install -o minimaatwerk -g minimaatwerk -m 0600 "$BACKUP" /var/lib/minimaatwerk/minimaatwerk.db.restoring',
      'mv /var/lib/minimaatwerk/minimaatwerk.db.restoring /var/lib/minimaatwerk/minimaatwerk.db',
      '--db /var/lib/minimaatwerk/minimaatwerk.db audit verify',
      'systemctl start minimaatwerk',
      'curl -fsS http://127.0.0.1:9091/readyz',
    ];
    let at = -1;
    for (const step of steps) {
      const i = drill.indexOf(step, at + 1);
      expect(i, step).toBeGreaterThan(at);
      at = i;
    }
  });

  it('brings back every request and audit row of the backup, with the audit chain intact, and the bot ready', async () => {
    const dataDir = join(live.dir, 'data');
    const backupDir = join(live.dir, 'backups');
    mkdirSync(backupDir);
    const t0 = new Date('2026-11-09T08:00:00Z');
    const at = (min: number) => new Date(t0.getTime() + min * 60_000);

    // The bot's life before the backup: requests (with their audit rows) and a budget decision.
    const kept = [addRequest(live, at(1)), addRequest(live, at(2), 'approved'), addRequest(live, at(3), 'paid')];
    live.store.tx((tx) => appendAudit(tx, { at: at(4), actorId: 'UADMIN', action: 'budget.set', teamId: live.teamId, detail: { year: 2026, amountCents: 1_200_000 } }));
    const atBackup = { requests: count(live.store, 'requests'), audit: count(live.store, 'audit_log'), payments: count(live.store, 'payments') };

    // The nightly backup (minimaatwerk-backup.service runs the CLI's `backup <file>`).
    const BACKUP = join(backupDir, 'minimaatwerk-20261109T023000Z.db');
    const made = await backupCommand(live.dbPath, BACKUP);
    expect(made.exitCode, made.output).toBe(0);
    const backupHash = sha256(BACKUP);

    // After the backup the bot goes on: this request will be lost.
    const lost = addRequest(live, at(60));

    // The loss: the process dies and leaves its -wal and -shm behind, and the database file is gone
    // (a failed disk, a wrong rm). Nothing may open the directory now: SQLite would start a new file
    // and replay that -wal into it.
    const wal = readFileSync(`${live.dbPath}-wal`);
    const shm = readFileSync(`${live.dbPath}-shm`);
    live.store.close();
    writeFileSync(`${live.dbPath}-wal`, wal);
    writeFileSync(`${live.dbPath}-shm`, shm);
    rmSync(live.dbPath);

    // 1. Stop the bot and the backup timer: the bot is not running (its connection is closed).
    // 2. Move what is left aside: the file AND its -wal and -shm files.
    const LOST = join(dataDir, 'lost-20261109T090000Z');
    mkdirSync(LOST);
    for (const f of ['minimaatwerk.db', 'minimaatwerk.db-wal', 'minimaatwerk.db-shm']) {
      if (existsSync(join(dataDir, f))) renameSync(join(dataDir, f), join(LOST, f));
    }
    expect(['minimaatwerk.db-wal', 'minimaatwerk.db-shm'].map((f) => existsSync(join(LOST, f)))).toEqual([true, true]);
    expect(existsSync(`${live.dbPath}-wal`)).toBe(false);
    // 3. Copy the backup in under a temporary name, then give it the live name.
    copyFileSync(BACKUP, join(dataDir, 'minimaatwerk.db.restoring'));
    renameSync(join(dataDir, 'minimaatwerk.db.restoring'), live.dbPath);
    // 4. Check the audit trail with the CLI (this also applies newer migrations).
    const verified = await runCli(['--db', live.dbPath, 'audit', 'verify']);
    expect(verified.exitCode, verified.output).toBe(0);
    expect(verified.output).toContain(`Audittrail intact (${atBackup.audit} regels)`);
    // 5. Start the bot and check readiness.
    live.store = openStore(live.dbPath);
    const health = await startHealthServer(0, createHealthHandler({ store: live.store, outboxMaxAgeSeconds: 300 }), '127.0.0.1');
    try {
      const ready = await fetch(`http://127.0.0.1:${health.port}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready' });
    } finally {
      await health.close();
    }

    // What the restored database holds: everything of the backup, nothing after it.
    expect(verifyAuditChain(live.store.db)).toEqual({ intact: true, rows: atBackup.audit });
    expect({ requests: count(live.store, 'requests'), audit: count(live.store, 'audit_log'), payments: count(live.store, 'payments') }).toEqual(atBackup);
    for (const r of kept) expect(getRequest(live.store.db, r.id)).toEqual(r);
    expect(getRequest(live.store.db, lost.id)).toBeUndefined();
    // The bot goes on from there: a new request and its audit row extend the same chain.
    addRequest(live, at(120));
    expect(verifyAuditChain(live.store.db)).toEqual({ intact: true, rows: atBackup.audit + 1 });
    // The backup itself was not touched by the restore.
    expect(sha256(BACKUP)).toBe(backupHash);
  });
});
