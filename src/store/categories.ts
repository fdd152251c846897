// The categories a team can file a spend under: the default list plus the team's own.
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Tx } from './db.js';
import { categories, type Category } from './schema.js';

export function categoriesForTeam(tx: Tx, teamId: number): Category[] {
  return tx
    .select()
    .from(categories)
    .where(and(eq(categories.active, true), or(isNull(categories.teamId), eq(categories.teamId, teamId))))
    .orderBy(categories.id)
    .all();
}

export function categoryById(tx: Tx, id: number | null): Category | undefined {
  if (id === null) return undefined;
  return tx.select().from(categories).where(eq(categories.id, id)).get();
}
