// The categories a team can file a spend under: the default list plus the team's own; and what
// the team filed before (the suggestion learns from it).
import { and, count, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { SPEND_STATUSES } from '../core/request.js';
import type { Tx } from './db.js';
import { categories, requests, type Category } from './schema.js';

export function categoriesForTeam(tx: Tx, teamId: number): Category[] {
  return tx
    .select()
    .from(categories)
    .where(and(eq(categories.active, true), or(isNull(categories.teamId), eq(categories.teamId, teamId))))
    .orderBy(categories.id)
    .all();
}

/** The default list and the team's own, active or not. */
export function visibleCategories(tx: Tx, teamId: number): Category[] {
  return tx
    .select()
    .from(categories)
    .where(or(isNull(categories.teamId), eq(categories.teamId, teamId)))
    .orderBy(categories.id)
    .all();
}

export function categoryById(tx: Tx, id: number | null): Category | undefined {
  if (id === null) return undefined;
  return tx.select().from(categories).where(eq(categories.id, id)).get();
}

export function insertCategory(tx: Tx, row: { teamId: number; slug: string; label: string; at: Date }): Category {
  return tx.insert(categories).values({ teamId: row.teamId, slug: row.slug, labelNl: row.label, labelEn: row.label, active: true, createdAt: row.at }).returning().get();
}

export function reactivateCategory(tx: Tx, id: number, label: string): Category {
  return tx.update(categories).set({ labelNl: label, labelEn: label, active: true }).where(eq(categories.id, id)).returning().get()!;
}

export function renameCategory(tx: Tx, id: number, label: string): void {
  tx.update(categories).set({ labelNl: label, labelEn: label }).where(eq(categories.id, id)).run();
}

export function deactivateCategory(tx: Tx, id: number, teamId: number): void {
  tx.update(categories).set({ active: false }).where(and(eq(categories.id, id), eq(categories.teamId, teamId))).run();
}

export function requestsWithCategory(tx: Tx, categoryId: number): number {
  return tx.select({ n: count() }).from(requests).where(eq(requests.categoryId, categoryId)).get()?.n ?? 0;
}

/** How often each supplier name was filed under each category in this team (spends only). */
export function supplierCategoryCounts(tx: Tx, teamId: number): { supplier: string; slug: string; count: number }[] {
  return tx
    .select({ supplier: requests.supplierName, slug: categories.slug, count: sql<number>`count(*)` })
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .where(and(eq(requests.teamId, teamId), isNotNull(requests.categoryId), inArray(requests.status, [...SPEND_STATUSES])))
    .groupBy(requests.supplierName, categories.slug)
    .all();
}
