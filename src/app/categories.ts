// `categorie …`: list the team's categories; admins add, rename and deactivate the team's own
// categories. A category in use is never removed; every change is audited.
import { foldText } from '../core/category.js';
import { CATEGORY_NAME_MAX, categoryMessage } from '../core/messages.js';
import { appendAudit } from '../store/audit.js';
import { deactivateCategory, insertCategory, reactivateCategory, renameCategory, requestsWithCategory, visibleCategories } from '../store/categories.js';
import type { Category } from '../store/schema.js';
import type { Ctx } from './deps.js';
import { done, refused, type Outcome } from './outcome.js';
import { teamOf, type ChannelRef } from './team.js';

const SLUG_MAX = 40;
const NAME_OK = /^[\p{L}\p{N} ,.'’()/&+-]+$/u;

/** "Fiets & OV-reparatie" → "fiets_ov_reparatie". */
export function categorySlug(name: string): string {
  return foldText(name).replace(/ /g, '_').slice(0, SLUG_MAX).replace(/_+$/, '');
}

function cleanName(raw: string): string | null {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.length < 2 || name.length > CATEGORY_NAME_MAX || !NAME_OK.test(name) || !/\p{L}/u.test(name)) return null;
  return categorySlug(name) === '' ? null : name;
}

const listOf = (rows: Category[]) =>
  categoryMessage.list(rows.filter((c) => c.active).map((c) => ({ labelNl: c.labelNl, labelEn: c.labelEn, slug: c.slug, own: c.teamId !== null })));

export interface CategoryCommandInput {
  actorId: string;
  channel: ChannelRef;
  /** The words after `categorie`. */
  text: string;
  /** The channel's name, when the team is created now. */
  channelName?: string;
}

/** One `categorie …` command; the answer for the person who asked. */
export async function categoryCommand(ctx: Ctx, input: CategoryCommandInput): Promise<Outcome> {
  const now = ctx.clock.now();
  const platform = input.channel.platform;
  const [verb = '', ...rest] = input.text.trim().split(/\s+/);
  const sub = verb.toLowerCase();
  const arg = rest.join(' ');
  if (sub === '' || sub === 'lijst' || sub === 'list') {
    return done('category.listed', null, ctx.store.tx((tx) => listOf(visibleCategories(tx, teamOf(tx, input.channel, now, input.channelName).id))));
  }
  if (!['nieuw', 'new', 'hernoem', 'rename', 'verwijder', 'remove', 'delete'].includes(sub)) return refused('category.usage', categoryMessage.usage(platform));
  if (!(await ctx.directory.isAdmin(input.actorId))) return refused('category.not_admin', categoryMessage.notAdmin);

  return ctx.store.tx((tx): Outcome => {
    const team = teamOf(tx, input.channel, now, input.channelName);
    const rows = visibleCategories(tx, team.id);
    const audit = (action: string, detail: Record<string, unknown>) => appendAudit(tx, { at: now, actorId: input.actorId, action, teamId: team.id, detail });
    const clash = (name: string, exceptId?: number): Category | undefined => {
      const folded = foldText(name);
      const slug = categorySlug(name);
      return rows.find((c) => c.id !== exceptId && (c.active || c.teamId === null) && (foldText(c.labelNl) === folded || foldText(c.labelEn) === folded || c.slug === slug));
    };

    if (sub === 'nieuw' || sub === 'new') {
      if (arg === '') return refused('category.name_missing', categoryMessage.nameMissing(platform));
      const name = cleanName(arg);
      if (name === null) return refused('category.name_invalid', categoryMessage.nameInvalid);
      const dup = clash(name);
      if (dup) return refused('category.duplicate', categoryMessage.duplicate(dup.labelNl, dup.slug));
      const slug = categorySlug(name);
      const old = rows.find((c) => c.teamId === team.id && c.slug === slug);
      const row = old ? reactivateCategory(tx, old.id, name) : insertCategory(tx, { teamId: team.id, slug, label: name, at: now });
      audit('category.added', { categoryId: row.id, slug, label: name, reactivated: Boolean(old) });
      return done('category.added', null, categoryMessage.added(name, slug));
    }

    const [slugArg = '', ...nameWords] = rest;
    if (slugArg === '') return refused('category.usage', categoryMessage.usage(platform));
    const wanted = slugArg.toLowerCase();
    const own = rows.find((c) => c.teamId === team.id && c.active && c.slug === wanted);
    if (!own) {
      const shared = rows.find((c) => c.teamId === null && c.slug === wanted);
      return shared ? refused('category.is_default', categoryMessage.isDefault(platform, shared.labelNl)) : refused('category.unknown', categoryMessage.unknown(platform, slugArg));
    }

    if (sub === 'hernoem' || sub === 'rename') {
      const name = cleanName(nameWords.join(' '));
      if (name === null) return nameWords.length === 0 ? refused('category.usage', categoryMessage.usage(platform)) : refused('category.name_invalid', categoryMessage.nameInvalid);
      const dup = clash(name, own.id);
      if (dup) return refused('category.duplicate', categoryMessage.duplicate(dup.labelNl, dup.slug));
      renameCategory(tx, own.id, name);
      audit('category.renamed', { categoryId: own.id, slug: own.slug, from: own.labelNl, to: name });
      return done('category.renamed', null, categoryMessage.renamed(own.labelNl, name));
    }

    // verwijder: never a category that any request uses.
    const used = requestsWithCategory(tx, own.id);
    if (used > 0) return refused('category.in_use', categoryMessage.inUse(own.labelNl, used));
    deactivateCategory(tx, own.id, team.id);
    audit('category.deactivated', { categoryId: own.id, slug: own.slug });
    return done('category.removed', null, categoryMessage.removed(own.labelNl));
  });
}
