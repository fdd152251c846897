// The append-only audit trail. Each row carries the hash of the row before it (a hash chain), so a
// changed or deleted row is detected by `verifyAuditChain`.
import { hash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import type { Tx } from './db.js';
import { statement } from './prepared.js';
import { auditLog, type AuditRow } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: Date;
  actorId: string;
  action: string;
  teamId?: number | null;
  requestId?: number | null;
  /** Facts only (ids, amounts, statuses): never free text a resident could be named in. */
  detail?: Record<string, unknown>;
}

export function auditHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prevHash'>): string {
  const canonical = JSON.stringify([
    row.id,
    row.at.getTime(),
    row.actorId,
    row.action,
    row.teamId ?? null,
    row.requestId ?? null,
    row.detail,
  ]);
  return hash('sha256', `${prevHash}\n${canonical}`, 'hex');
}

const LAST_ROW = `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`;
const INSERT_ROW = `INSERT INTO audit_log (id, at, actor_id, action, team_id, request_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Append one audit row; call inside the transaction of the state change it records. */
export function appendAudit(tx: Tx, entry: AuditEntry): void {
  const last = statement(tx, LAST_ROW).get() as { id: number; hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    id: (last?.id ?? 0) + 1,
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    teamId: entry.teamId ?? null,
    requestId: entry.requestId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  statement(tx, INSERT_ROW).run(
    row.id,
    row.at.getTime(),
    row.actorId,
    row.action,
    row.teamId,
    row.requestId,
    row.detail,
    prevHash,
    auditHash(prevHash, row),
  );
}

/** The chain's last row: how many rows it has and the hash of the last one. */
export interface AuditHead {
  rows: number;
  hash: string;
}

/**
 * The anchor of the chain as it is now. Kept outside the database (a digest, finance's files), it
 * proves later that rows 1..rows were not cut off or rewritten: a chain rebuilt from a changed row
 * has another hash at that row, and one cut short no longer has the row.
 */
export function auditHead(tx: Tx): AuditHead {
  const last = statement(tx, LAST_ROW).get() as { id: number; hash: string } | undefined;
  return { rows: last?.id ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/** "57:3f2a…" (row count, colon, the full hash of that row). */
export const anchorText = (head: AuditHead): string => `${head.rows}:${head.hash}`;

/** "57:3f2a…"; the hash may be shortened to no fewer than 16 hex digits. Null when malformed. */
export function parseAnchor(text: string): AuditHead | null {
  const m = /^(\d{1,12}):([0-9a-f]{16,64})$/i.exec(text.trim());
  return m ? { rows: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}

/** Whether the chain still holds `anchor`: its row is there with the same hash. */
export function checkAnchor(tx: Tx, anchor: AuditHead): { held: true } | { held: false; why: 'truncated' | 'rewritten'; rows: number } {
  if (anchor.rows === 0) return anchor.hash === GENESIS_HASH.slice(0, anchor.hash.length) ? { held: true } : { held: false, why: 'rewritten', rows: 0 };
  const row = statement(tx, `SELECT hash FROM audit_log WHERE id = ?`).get(anchor.rows) as { hash: string } | undefined;
  if (!row) return { held: false, why: 'truncated', rows: auditHead(tx).rows };
  return row.hash.startsWith(anchor.hash) ? { held: true } : { held: false, why: 'rewritten', rows: auditHead(tx).rows };
}

export type AuditVerdict = { intact: true; rows: number } | { intact: false; rows: number; brokenAtId: number; why: string };

/** Walk the chain from the first row; report the first link that does not hold. */
export function verifyAuditChain(tx: Tx): AuditVerdict {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  for (const row of tx.select().from(auditLog).orderBy(asc(auditLog.id)).all()) {
    rows++;
    if (row.id !== expectedId) return { intact: false, rows, brokenAtId: expectedId, why: 'row missing' };
    if (row.prevHash !== prevHash) return { intact: false, rows, brokenAtId: row.id, why: 'previous hash does not match' };
    if (auditHash(prevHash, row) !== row.hash) return { intact: false, rows, brokenAtId: row.id, why: 'row was changed' };
    prevHash = row.hash;
    expectedId++;
  }
  return { intact: true, rows };
}
