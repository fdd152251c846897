// The categories a team can file a spend under: the default list plus the team's own; and what
// the team filed before (the suggestion learns from it).
import { and, count, desc, eq, inArray, isNotNull, isNull, max, or, sql } from 'drizzle-orm';
import { SPEND_STATUSES } from '../core/request.js';
import type { Tx } from './db.js';
import { categories, requests, teams, type Category } from './schema.js';
import type { Platform } from './teams.js';

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

/**
 * What the requests of one workspace were filed as, where the form had suggested a category (the
 * requester kept or corrected it): description, supplier and the chosen slug, newest first. Purged
 * requests are left out (their text is gone).
 */
export function filedWithSuggestion(tx: Tx, workspace: { platform: Platform; workspaceId: string }, limit: number): { teamId: number; description: string; supplierName: string; slug: string }[] {
  return tx
    .select({ teamId: requests.teamId, description: requests.description, supplierName: requests.supplierName, slug: categories.slug })
    .from(requests)
    .innerJoin(teams, eq(teams.id, requests.teamId))
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .where(and(eq(teams.platform, workspace.platform), eq(teams.workspaceId, workspace.workspaceId), isNotNull(requests.suggestedCategoryId), isNull(requests.purgedAt)))
    .orderBy(desc(requests.id))
    .limit(limit)
    .all();
}

/** The newest request id: the corrections a model learned from are current while it stays the same. */
export function newestRequestId(tx: Tx): number {
  return tx.select({ id: max(requests.id) }).from(requests).get()?.id ?? 0;
}
