// What the learning part of the digest and the signals read: a category's spends around a measure,
// what requests prevented, where the alternatives came from, and the municipality's unit costs.
// Each query reads one indexed range of requests (status + decided_at or closed_at, or prevented_at).
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PreventedOutcome, UnitCost } from '../core/prevented.js';
import { SPEND_STATUSES } from '../core/request.js';
import type { Tx } from './db.js';
import { categories, outcomeUnitCosts, requests } from './schema.js';

/** Only these teams (one JSON parameter, so a long list is fine); undefined: all teams. */
function ofTeams(teamIds: readonly number[] | undefined): SQL | undefined {
  if (teamIds === undefined) return undefined;
  if (teamIds.length === 1) return eq(requests.teamId, teamIds[0] as number);
  return sql`${requests.teamId} IN (SELECT value FROM json_each(${JSON.stringify(teamIds)}))`;
}

export interface Period {
  start: Date;
  end: Date;
  teamIds?: readonly number[];
}

/** Approved or paid spends of a category (by slug, the default list's and any team's own) approved in [start, end). */
export function categorySpends(tx: Tx, p: Period & { slug: string }): { at: Date; amountCents: number }[] {
  if (p.teamIds !== undefined && p.teamIds.length === 0) return [];
  const ids = tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, p.slug)).all().map((c) => c.id);
  if (ids.length === 0) return [];
  return tx
    .select({ at: requests.decidedAt, amountCents: requests.amountCents })
    .from(requests)
    .where(and(inArray(requests.status, [...SPEND_STATUSES]), gte(requests.decidedAt, p.start), lt(requests.decidedAt, p.end), inArray(requests.categoryId, ids), ofTeams(p.teamIds)))
    .all()
    .filter((r): r is { at: Date; amountCents: number } => r.at !== null);
}

/** What requests prevented, recorded in [start, end), per category and outcome. */
export function preventedCounts(tx: Tx, p: Period): { slug: string | null; label: string | null; outcome: PreventedOutcome; count: number }[] {
  if (p.teamIds !== undefined && p.teamIds.length === 0) return [];
  return tx
    .select({ slug: categories.slug, label: sql<string | null>`min(${categories.labelNl})`, outcome: requests.prevented, count: sql<number>`count(*)` })
    .from(requests)
    .leftJoin(categories, eq(categories.id, requests.categoryId))
    .where(and(gte(requests.preventedAt, p.start), lt(requests.preventedAt, p.end), isNotNull(requests.prevented), ofTeams(p.teamIds)))
    .groupBy(categories.slug, requests.prevented)
    .orderBy(asc(categories.slug), asc(requests.prevented))
    .all()
    .filter((r): r is { slug: string | null; label: string | null; outcome: PreventedOutcome; count: number } => r.outcome !== null);
}

/** Requests closed with an alternative in [start, end), per kind (null: closed before kinds were recorded). */
export function alternativeCounts(tx: Tx, p: Period): { kind: string | null; count: number }[] {
  if (p.teamIds !== undefined && p.teamIds.length === 0) return [];
  return tx
    .select({ kind: requests.closedKind, count: sql<number>`count(*)` })
    .from(requests)
    .where(and(eq(requests.status, 'alternative'), gte(requests.closedAt, p.start), lt(requests.closedAt, p.end), ofTeams(p.teamIds)))
    .groupBy(requests.closedKind)
    .all();
}

/** Requests approved in [start, end) (approved or paid now), as the digest counts them. */
export function approvedCount(tx: Tx, p: Period): number {
  if (p.teamIds !== undefined && p.teamIds.length === 0) return 0;
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(requests)
      .where(and(inArray(requests.status, [...SPEND_STATUSES]), gte(requests.decidedAt, p.start), lt(requests.decidedAt, p.end), ofTeams(p.teamIds)))
      .get()?.n ?? 0
  );
}

/** The Dutch labels of categories by slug: the default list's, else any team's own. */
export function labelsOfSlugs(tx: Tx, slugs: readonly string[]): Map<string, string> {
  if (slugs.length === 0) return new Map();
  const rows = tx
    .select({ slug: categories.slug, labelNl: categories.labelNl, teamId: categories.teamId })
    .from(categories)
    .where(inArray(categories.slug, [...new Set(slugs)]))
    .orderBy(asc(categories.id))
    .all();
  const out = new Map<string, string>();
  for (const r of rows) if (r.teamId === null || !out.has(r.slug)) out.set(r.slug, r.labelNl);
  return out;
}

/** Categories a team can name a signal by: the default list and the team's own, active or not. */
export function categoriesOfTeams(tx: Tx, teamIds: readonly number[]): { slug: string; labelNl: string; labelEn: string; teamId: number | null }[] {
  return tx
    .select({ slug: categories.slug, labelNl: categories.labelNl, labelEn: categories.labelEn, teamId: categories.teamId })
    .from(categories)
    .where(teamIds.length ? or(isNull(categories.teamId), inArray(categories.teamId, [...teamIds])) : isNull(categories.teamId))
    .orderBy(asc(categories.id))
    .all();
}

export function setPrevented(tx: Tx, requestId: number, outcome: PreventedOutcome, at: Date): void {
  tx.update(requests).set({ prevented: outcome, preventedAt: at }).where(eq(requests.id, requestId)).run();
}

export function unitCosts(tx: Tx): UnitCost[] {
  return tx.select({ outcome: outcomeUnitCosts.outcome, cents: outcomeUnitCosts.cents, source: outcomeUnitCosts.source }).from(outcomeUnitCosts).orderBy(asc(outcomeUnitCosts.outcome)).all();
}

export function unitCostOf(tx: Tx, outcome: PreventedOutcome): UnitCost | undefined {
  return tx.select({ outcome: outcomeUnitCosts.outcome, cents: outcomeUnitCosts.cents, source: outcomeUnitCosts.source }).from(outcomeUnitCosts).where(eq(outcomeUnitCosts.outcome, outcome)).get();
}

export function setUnitCost(tx: Tx, row: UnitCost & { setBy: string; at: Date }): void {
  const values = { outcome: row.outcome, cents: row.cents, source: row.source, setBy: row.setBy, setAt: row.at };
  tx.insert(outcomeUnitCosts).values(values).onConflictDoUpdate({ target: outcomeUnitCosts.outcome, set: { cents: row.cents, source: row.source, setBy: row.setBy, setAt: row.at } }).run();
}
