// Teams and spends for the signal tests: a real SQLite file with real migrations, requests stored
// as the app stores them (status, approval time, category), with the figures the tests check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openStore, type Store } from '../../src/store/db.js';
import { categories, requests, teams, type RequestRow } from '../../src/store/schema.js';

export interface Seeded {
  store: Store;
  dir: string;
  close(): void;
}

export function freshStore(): Seeded {
  const dir = mkdtempSync(join(tmpdir(), 'mmw-signals-'));
  const store = openStore(join(dir, 'test.db'));
  return {
    store,
    dir,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function addTeam(store: Store, t: { platform?: 'slack' | 'teams'; workspaceId?: string; channelId: string; name: string; tenantId?: string | null; digestChannelId?: string }): number {
  return store.db
    .insert(teams)
    .values({
      platform: t.platform ?? 'slack',
      workspaceId: t.workspaceId ?? 'T0001',
      channelId: t.channelId,
      name: t.name,
      tenantId: t.tenantId ?? null,
      digestChannelId: t.digestChannelId ?? null,
      createdAt: new Date('2026-01-01T00:00:00Z'),
    })
    .returning()
    .get().id;
}

const categoryId = (store: Store, slug: string) => store.db.select().from(categories).where(eq(categories.slug, slug)).get()!.id;

let n = 0;

/** One request; approved (or paid) ones are approved at `at`, closed ones closed at `at`. */
export function addRequest(
  store: Store,
  r: { teamId: number; slug?: string; amountCents?: number; at: Date; status?: RequestRow['status']; closedKind?: string; prevented?: RequestRow['prevented']; preventedAt?: Date; requesterId?: string },
): RequestRow {
  n++;
  const status = r.status ?? 'approved';
  const decided = status === 'approved' || status === 'paid';
  const team = store.db.select().from(teams).where(eq(teams.id, r.teamId)).get()!;
  return store.db
    .insert(requests)
    .values({
      teamId: r.teamId,
      requesterId: r.requesterId ?? 'UREQ',
      amountCents: r.amountCents ?? 8000,
      description: 'controle en vulling',
      supplierName: 'Tandartspraktijk De Kies',
      supplierIban: 'NL91ABNA0417164300',
      categoryId: r.slug === undefined ? categoryId(store, 'mondzorg') : categoryId(store, r.slug),
      caseRef: `WT-2026-${String(n).padStart(3, '0')}`,
      reason: 'no_provision',
      status,
      channelId: team.channelId,
      messageTs: `1700000000.${String(n).padStart(6, '0')}`,
      createdAt: new Date(r.at.getTime() - 3_600_000),
      decidedAt: decided ? r.at : null,
      closedAt: decided || status === 'open' || status === 'on_hold' ? null : r.at,
      closedKind: r.closedKind ?? null,
      closedReason: r.closedKind ? 'fonds betaalt' : null,
      prevented: r.prevented ?? null,
      preventedAt: r.prevented ? (r.preventedAt ?? r.at) : null,
    })
    .returning()
    .get();
}

/** Spends per month (amounts in cents), approved on the 10th at noon Amsterdam time. */
export function addSpends(store: Store, teamId: number, byMonth: Readonly<Record<string, readonly number[]>>, slug = 'mondzorg'): void {
  for (const [month, amounts] of Object.entries(byMonth)) {
    for (const amountCents of amounts) addRequest(store, { teamId, slug, amountCents, at: new Date(`${month}-10T11:00:00Z`) });
  }
}
