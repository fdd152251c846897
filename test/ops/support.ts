// A fresh database file (real migrations), requests stored the way the use cases store them (row +
// audit row in one transaction), and a little reader for the Prometheus text format.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit } from '../../src/store/audit.js';
import { openStore, type Store } from '../../src/store/db.js';
import { paymentForRequest, recordPayment } from '../../src/store/payments.js';
import { markPaymentPaid } from '../../src/store/register.js';
import { insertRequest } from '../../src/store/requests.js';
import type { RequestRow } from '../../src/store/schema.js';
import { ensureTeam } from '../../src/store/teams.js';

export interface OpsDb {
  dir: string;
  dbPath: string;
  store: Store;
  teamId: number;
  cleanup(): void;
}

export function opsDb(dbName = 'minimaatwerk.db'): OpsDb {
  const dir = mkdtempSync(join(tmpdir(), 'mmw-ops-'));
  const dbPath = join(dir, 'data', dbName);
  const store = openStore(dbPath);
  const teamId = store.tx((tx) => ensureTeam(tx, { platform: 'slack', workspaceId: 'T0OPS', channelId: 'C0OPS' }, new Date('2026-01-05T08:00:00Z'), 'Wijkteam Oost').team.id);
  const db: OpsDb = {
    dir,
    dbPath,
    store,
    teamId,
    cleanup() {
      if (db.store.sqlite.open) db.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return db;
}

let seq = 0;

/** A request with its audit row; approved ones also get their payment and its audit row. */
export function addRequest(db: Pick<OpsDb, 'store' | 'teamId'>, at: Date, status: RequestRow['status'] = 'open', caseRef?: string): RequestRow {
  seq++;
  return db.store.tx((tx) => {
    const decided = status === 'approved' || status === 'paid';
    const request = insertRequest(tx, {
      teamId: db.teamId,
      requesterId: 'UREQ',
      amountCents: 4500 + seq,
      description: 'Werkschoenen voor de eerste werkdag',
      supplierName: 'Schoenhandel Oost',
      supplierIban: 'NL91ABNA0417164300',
      caseRef: caseRef ?? `WO-2026-${String(seq).padStart(3, '0')}`,
      reason: 'too_slow',
      status,
      channelId: 'C0OPS',
      messageTs: `1767600000.${String(seq).padStart(6, '0')}`,
      createdAt: at,
      decidedAt: decided ? at : null,
    });
    // The facts the audit trail binds (src/store/auditBinding.ts): what was asked, paid and by whom.
    const money = { amountCents: request.amountCents, supplierName: request.supplierName, supplierIban: request.supplierIban };
    appendAudit(tx, { at, actorId: 'UREQ', action: 'request.created', teamId: db.teamId, requestId: request.id, detail: money });
    if (decided) {
      const approvers = ['UA', 'UB', 'UC'];
      recordPayment(tx, request, approvers, at);
      appendAudit(tx, { at, actorId: 'UC', action: 'payment.recorded', teamId: db.teamId, requestId: request.id, detail: { ...money, approvers } });
      if (status === 'paid') {
        markPaymentPaid(tx, paymentForRequest(tx, request.id)!.id, 'UPAID', at);
        appendAudit(tx, { at, actorId: 'UPAID', action: 'payment.paid', teamId: db.teamId, requestId: request.id, detail: { amountCents: request.amountCents, exportBatch: null, from: 'approved' } });
      }
    }
    return request;
  });
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Samples of the Prometheus text exposition format (enough for what prom-client writes). */
export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

/** The value of the one sample with this name and (at least) these labels; undefined when absent. */
export function sample(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)}: ${found.length} samples`);
  return found[0]?.value;
}
