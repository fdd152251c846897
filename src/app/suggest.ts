// The category suggestion for a form: keywords from the core, plus what this team confirmed before.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Suggestion, SupplierHistory } from '../core/category.js';
import { suggestCategory, supplierKey } from '../core/category.js';
import type { Tx } from '../store/db.js';
import { categoriesForTeam } from '../store/categories.js';
import { categories, requests } from '../store/schema.js';

/** How often each supplier was filed under each category in this team (approved or paid only). */
export function supplierHistory(tx: Tx, teamId: number, supplierName: string): SupplierHistory[] {
  const key = supplierKey(supplierName);
  if (!key) return [];
  const rows = tx
    .select({ supplier: requests.supplierName, slug: categories.slug, count: sql<number>`count(*)` })
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .where(and(eq(requests.teamId, teamId), isNotNull(requests.categoryId), sql`${requests.status} in ('approved','paid')`))
    .groupBy(requests.supplierName, categories.slug)
    .all();
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (supplierKey(r.supplier) !== key) continue;
    counts.set(r.slug, (counts.get(r.slug) ?? 0) + r.count);
  }
  return [...counts].map(([slug, count]) => ({ supplierKey: key, slug, count }));
}

export function suggestForTeam(tx: Tx, teamId: number, description: string, supplierName: string): Suggestion {
  return suggestCategory({
    description,
    supplierName,
    history: supplierHistory(tx, teamId, supplierName),
    available: categoriesForTeam(tx, teamId).map((c) => c.slug),
  });
}
