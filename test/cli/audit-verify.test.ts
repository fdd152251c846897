// `audit verify`: a row changed or deleted directly in the SQLite file is detected.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { auditHash } from '../../src/store/audit.js';
import { NOW, freshDb, seedRequest, type TestDb } from './seed.js';

let db: TestDb;
beforeEach(() => {
  db = freshDb();
  for (let i = 0; i < 3; i++) seedRequest(db, { createdAt: new Date(`2026-10-0${i + 1}T10:00:00Z`) }); // 6 audit rows
});
afterEach(() => db.cleanup());

const verify = () => runCli(['audit', 'verify', '--db', db.dbPath], {}, NOW);
/** Tamper the way someone with the file would: another connection, plain SQL. */
const tamper = (sql: string) => {
  const raw = new Database(db.dbPath);
  raw.exec(sql);
  raw.close();
};

describe('audit verify', () => {
  it('reports an intact trail', async () => {
    expect(await verify()).toEqual({ exitCode: 0, output: 'Audittrail intact (6 regels) / Audit trail intact (6 rows)' });
  });

  it('detects a changed row', async () => {
    tamper(`update audit_log set detail = '{"amountCents":1}' where id = 4`);
    expect(await verify()).toEqual({ exitCode: 1, output: 'Audittrail verbroken bij regel 4: regel is gewijzigd. / Audit trail broken at row 4: row was changed.' });
  });

  it('detects a changed row whose own hash was recomputed: the next link breaks', async () => {
    const raw = new Database(db.dbPath);
    const row = raw.prepare('select * from audit_log where id = 2').get() as { id: number; at: number; actor_id: string; action: string; team_id: number; request_id: number; detail: string; prev_hash: string };
    const forged = auditHash(row.prev_hash, { id: row.id, at: new Date(row.at), actorId: 'UX', action: row.action, teamId: row.team_id, requestId: row.request_id, detail: row.detail });
    raw.prepare("update audit_log set actor_id = 'UX', hash = ? where id = 2").run(forged);
    raw.close();
    expect(await verify()).toEqual({ exitCode: 1, output: 'Audittrail verbroken bij regel 3: vorige hash klopt niet. / Audit trail broken at row 3: previous hash does not match.' });
  });

  it('detects a deleted row', async () => {
    tamper('delete from audit_log where id = 3');
    expect(await verify()).toEqual({ exitCode: 1, output: 'Audittrail verbroken bij regel 3: regel ontbreekt (verwijderd). / Audit trail broken at row 3: row missing (deleted).' });
  });

  it('detects the last rows cut off', async () => {
    tamper('delete from audit_log where id >= 5');
    expect(await verify()).toEqual({ exitCode: 1, output: expect.stringContaining('Audittrail verbroken bij regel 5: laatste regel(s) verwijderd') });
  });
});
