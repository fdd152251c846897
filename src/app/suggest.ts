// The category suggestion for a form: keywords from the core, plus what this team filed before.
import type { Suggestion, SupplierHistory } from '../core/category.js';
import { suggestCategory, supplierKey } from '../core/category.js';
import type { Tx } from '../store/db.js';
import { categoriesForTeam, supplierCategoryCounts } from '../store/categories.js';

/** How often this supplier was filed under each category in this team (spends only). */
export function supplierHistory(tx: Tx, teamId: number, supplierName: string): SupplierHistory[] {
  const key = supplierKey(supplierName);
  if (!key) return [];
  const counts = new Map<string, number>();
  for (const r of supplierCategoryCounts(tx, teamId)) {
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
