// The category suggestion for a form: the keyword table of the core, what this team filed before
// under a supplier, and what the team (and, weighted less, the whole workspace) taught it by keeping
// or correcting earlier suggestions (src/core/categoryModel.ts: naive Bayes with the table as prior).
import type { Suggestion, SupplierHistory } from '../core/category.js';
import { supplierKey } from '../core/category.js';
import { buildCategoryModel, countCorrections, suggestWithModel, type CategoryModel, type CorrectionCounts } from '../core/categoryModel.js';
import type { Tx } from '../store/db.js';
import { categoriesForTeam, filedWithSuggestion, newestRequestId, supplierCategoryCounts } from '../store/categories.js';
import { getTeam } from '../store/teams.js';

/** How many of a workspace's newest filed requests teach the model (bounds time and memory). */
export const LEARN_FROM_NEWEST = 2_000;
/** Team models kept (about 1 MB each at 100 corrections; the heap is capped at 128 MB). */
const TEAM_MODELS_KEPT = 16;

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

interface Learned {
  /** The newest request id when the counts were made: a newer request makes them stale. */
  asOf: number;
  workspace: CorrectionCounts;
  byTeam: Map<number, { description: string; supplierName: string; slug: string }[]>;
}

/** Learned counts per workspace, and the models built from them, per database connection. */
const learnedOf = new WeakMap<object, Map<string, Learned>>();
const modelsOf = new WeakMap<object, Map<string, CategoryModel>>();

function modelFor(tx: Tx, teamId: number): CategoryModel {
  const team = getTeam(tx, teamId);
  const key = `${team.platform}\n${team.workspaceId}`;
  const asOf = newestRequestId(tx);
  let learned = learnedOf.get(tx);
  if (!learned) learnedOf.set(tx, (learned = new Map()));
  let l = learned.get(key);
  if (!l || l.asOf !== asOf) {
    const rows = filedWithSuggestion(tx, team, LEARN_FROM_NEWEST).reverse();
    const byTeam = new Map<number, typeof rows>();
    for (const r of rows) {
      const list = byTeam.get(r.teamId);
      if (list) list.push(r);
      else byTeam.set(r.teamId, [r]);
    }
    l = { asOf, workspace: countCorrections(rows), byTeam };
    learned.set(key, l);
  }
  let models = modelsOf.get(tx);
  if (!models) modelsOf.set(tx, (models = new Map()));
  const modelKey = `${teamId}\n${l.asOf}`;
  let model = models.get(modelKey);
  if (!model) {
    if (models.size >= TEAM_MODELS_KEPT) models.delete(models.keys().next().value!);
    models.set(modelKey, (model = buildCategoryModel({ team: l.byTeam.get(teamId) ?? [], workspace: l.workspace })));
  }
  return model;
}

export function suggestForTeam(tx: Tx, teamId: number, description: string, supplierName: string): Suggestion {
  const input = { description, supplierName, history: supplierHistory(tx, teamId, supplierName), available: categoriesForTeam(tx, teamId).map((c) => c.slug) };
  return suggestWithModel(teamId > 0 ? modelFor(tx, teamId) : buildCategoryModel({ team: [], workspace: [] }), input);
}
