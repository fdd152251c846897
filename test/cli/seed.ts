// A fresh database file (real migrations) and requests seeded the way the app stores them: request
// row, approvals as a payment record, audit rows in the hash chain with the facts src/app/*.ts
// writes (request.created, payment.recorded, payment.paid; see store/auditBinding.ts).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../src/store/audit.js';
import { openStore, type Store } from '../../src/store/db.js';
import { paymentForRequest, recordPayment } from '../../src/store/payments.js';
import { markPaymentPaid } from '../../src/store/register.js';
import { insertRequest } from '../../src/store/requests.js';
import { categories, objections, type RequestRow } from '../../src/store/schema.js';
import { ensureTeam } from '../../src/store/teams.js';

export const NOW = new Date('2026-11-10T09:00:00Z');

export interface TestDb {
  dir: string;
  dbPath: string;
  store: Store;
  teamId: number;
  /** Files in the test directory other than the database itself. */
  files(): string[];
  cleanup(): void;
}

export function freshDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'mmw-cli-'));
  const dbPath = join(dir, 'mmw.db');
  const store = openStore(dbPath);
  const teamId = store.tx((tx) => ensureTeam(tx, { platform: 'slack', workspaceId: 'T0001', channelId: 'C0TEAM' }, new Date('2026-01-01T00:00:00Z'), 'Wijkteam Noord').team.id);
  return {
    dir,
    dbPath,
    store,
    teamId,
    files: () => readdirSync(dir).filter((f) => !f.startsWith('mmw.db')),
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SeedRequest {
  requesterId?: string;
  amountCents?: number;
  description?: string;
  supplierName?: string;
  supplierIban?: string;
  categorySlug?: string;
  caseRef?: string;
  reasonText?: string;
  createdAt: Date;
  status?: RequestRow['status'];
  /** For approved/paid: the decision time and approvers (a payment is recorded then). */
  decidedAt?: Date;
  approvers?: string[];
  closedReason?: string;
  objection?: { by: string; reason: string };
}

let counter = 0;

export function seedRequest(db: TestDb, s: SeedRequest): RequestRow {
  counter++;
  return db.store.tx((tx) => {
    const cat = tx.select().from(categories).where(eq(categories.slug, s.categorySlug ?? 'witgoed')).get();
    const status = s.status ?? 'approved';
    const decided = status === 'approved' || status === 'paid';
    const request = insertRequest(tx, {
      teamId: db.teamId,
      requesterId: s.requesterId ?? 'UREQ',
      amountCents: s.amountCents ?? 8550,
      description: s.description ?? 'Nieuwe koelkast om insuline koel te houden',
      supplierName: s.supplierName ?? 'Witgoedhandel Noord',
      supplierIban: s.supplierIban ?? 'NL91ABNA0417164300',
      categoryId: cat?.id ?? null,
      caseRef: s.caseRef ?? `WT-2026-${String(counter).padStart(3, '0')}`,
      reason: 'no_provision',
      reasonText: s.reasonText ?? '',
      status,
      channelId: 'C0TEAM',
      messageTs: `1700000000.${String(counter).padStart(6, '0')}`,
      createdAt: s.createdAt,
      decidedAt: decided ? (s.decidedAt ?? s.createdAt) : null,
      closedAt: decided || status === 'open' || status === 'on_hold' ? null : s.createdAt,
      closedReason: s.closedReason ?? null,
    });
    const money = { amountCents: request.amountCents, supplierName: request.supplierName, supplierIban: request.supplierIban };
    appendAudit(tx, { at: s.createdAt, actorId: request.requesterId, action: 'request.created', teamId: db.teamId, requestId: request.id, detail: money });
    if (s.objection) {
      tx.insert(objections).values({ requestId: request.id, objectorId: s.objection.by, reason: s.objection.reason, createdAt: s.createdAt }).run();
    }
    if (decided) {
      const approvers = s.approvers ?? ['UA', 'UB', 'UC'];
      const at = s.decidedAt ?? s.createdAt;
      recordPayment(tx, request, approvers, at);
      appendAudit(tx, { at, actorId: approvers.at(-1)!, action: 'payment.recorded', teamId: db.teamId, requestId: request.id, detail: { ...money, approvers } });
      if (status === 'paid') {
        const payment = paymentForRequest(tx, request.id)!;
        markPaymentPaid(tx, payment.id, 'UPAID', at);
        appendAudit(tx, { at, actorId: 'UPAID', action: 'payment.paid', teamId: db.teamId, requestId: request.id, detail: { amountCents: request.amountCents, exportBatch: null, from: 'approved' } });
      }
    }
    return request;
  });
}

/** Minimal RFC 4180 reader for ';'-separated CSV with CRLF line ends. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line end at ${i}`);
    else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('last record not terminated by CRLF');
  return records;
}
