// `/minimaatwerk categorie …`: list the team's categories; admins add, rename and deactivate the
// team's own categories. A category in use is never removed; every change is audited.
import { and, count, eq, isNull, or } from 'drizzle-orm';
import { foldText } from '../core/category.js';
import type { Message } from '../core/messages.js';
import { appendAudit } from '../store/audit.js';
import type { Tx } from '../store/db.js';
import { categories, requests, type Category } from '../store/schema.js';
import { ensureTeam, type ChannelRef } from '../store/teams.js';
import type { Actor, AppDeps } from './deps.js';

const m = (nl: string, en: string): Message => ({ nl, en });

export const NAME_MAX = 60;
const SLUG_MAX = 40;
const NAME_OK = /^[\p{L}\p{N} ,.'’()/&+-]+$/u;

export const categoryMessage = {
  usage: m(
    'Gebruik: `/minimaatwerk categorie` (lijst), `categorie nieuw <naam>`, `categorie hernoem <code> <nieuwe naam>`, `categorie verwijder <code>`.',
    'Usage: `/minimaatwerk categorie` (list), `categorie nieuw <name>`, `categorie hernoem <code> <new name>`, `categorie verwijder <code>`.',
  ),
  notAdmin: m('Alleen een teambeheerder kan categorieën wijzigen.', 'Only a team admin can change categories.'),
  nameMissing: m('Geef een naam, bijvoorbeeld `/minimaatwerk categorie nieuw Fietsreparatie`.', 'Give a name, e.g. `/minimaatwerk categorie nieuw Fietsreparatie`.'),
  nameInvalid: m(
    `Een categorienaam heeft 2 tot ${NAME_MAX} tekens: letters, cijfers, spaties en , . ' ( ) / & + -`,
    `A category name has 2 to ${NAME_MAX} characters: letters, digits, spaces and , . ' ( ) / & + -`,
  ),
  duplicate: (label: string, slug: string) =>
    m(`Er is al een categorie "${label}" (\`${slug}\`); kies een andere naam.`, `There already is a category "${label}" (\`${slug}\`); choose another name.`),
  unknown: (slug: string) =>
    m(
      `Categorie \`${slug.slice(0, SLUG_MAX)}\` ken ik niet in dit team. \`/minimaatwerk categorie\` toont de lijst met codes.`,
      `I don't know category \`${slug.slice(0, SLUG_MAX)}\` in this team. \`/minimaatwerk categorie\` lists the codes.`,
    ),
  isDefault: (label: string) =>
    m(
      `"${label}" is een standaardcategorie voor alle teams en blijft zoals hij is. Maak zo nodig een eigen categorie met \`/minimaatwerk categorie nieuw <naam>\`.`,
      `"${label}" is a default category for all teams and stays as it is. Add your own with \`/minimaatwerk categorie nieuw <name>\` if needed.`,
    ),
  inUse: (label: string, n: number) =>
    m(
      `"${label}" is in gebruik bij ${n} ${n === 1 ? 'aanvraag' : 'aanvragen'} en wordt niet verwijderd. Hernoem hem eventueel.`,
      `"${label}" is used by ${n} ${n === 1 ? 'request' : 'requests'} and is not removed. You can rename it.`,
    ),
  added: (label: string, slug: string) =>
    m(`Categorie "${label}" toegevoegd (code \`${slug}\`).`, `Category "${label}" added (code \`${slug}\`).`),
  renamed: (from: string, to: string) => m(`Categorie "${from}" heet nu "${to}".`, `Category "${from}" is now called "${to}".`),
  removed: (label: string) =>
    m(`Categorie "${label}" is verwijderd uit de lijst.`, `Category "${label}" was removed from the list.`),
};

/** "Fiets & OV-reparatie" → "fiets_ov_reparatie". */
export function categorySlug(name: string): string {
  return foldText(name).replace(/ /g, '_').slice(0, SLUG_MAX).replace(/_+$/, '');
}

function cleanName(raw: string): string | null {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name.length < 2 || name.length > NAME_MAX || !NAME_OK.test(name) || !/\p{L}/u.test(name)) return null;
  return categorySlug(name) === '' ? null : name;
}

/** The default list and the team's own, active or not. */
function visible(tx: Tx, teamId: number): Category[] {
  return tx
    .select()
    .from(categories)
    .where(or(isNull(categories.teamId), eq(categories.teamId, teamId)))
    .orderBy(categories.id)
    .all();
}

function listText(rows: Category[]): Message {
  const active = rows.filter((c) => c.active);
  const line = (c: Category) => `• ${c.labelNl} (\`${c.slug}\`)${c.teamId === null ? '' : ' — eigen categorie'}`;
  return m(
    ['*Categorieën van dit team*', ...active.map(line), '', 'Beheerders: `categorie nieuw <naam>`, `categorie hernoem <code> <naam>`, `categorie verwijder <code>`.'].join('\n'),
    `Categories of this team: ${active.map((c) => c.labelEn).join(', ')}.`,
  );
}

export interface CategoryCommandInput {
  channel: ChannelRef;
  actor: Actor;
  /** The words after `categorie`. */
  text: string;
  /** The channel's name, when the team is created now. */
  channelName?: string;
}

/** One `/minimaatwerk categorie …` command; the answer for the person who asked. */
export function categoryCommand(deps: Pick<AppDeps, 'store' | 'clock'>, input: CategoryCommandInput): Message {
  const now = deps.clock.now();
  const [verb = '', ...rest] = input.text.trim().split(/\s+/);
  const sub = verb.toLowerCase();
  const arg = rest.join(' ');
  if (sub === '' || sub === 'lijst' || sub === 'list') {
    return deps.store.tx((tx) => listText(visible(tx, ensureTeam(tx, input.channel, now, input.channelName).team.id)));
  }
  if (!['nieuw', 'new', 'hernoem', 'rename', 'verwijder', 'remove', 'delete'].includes(sub)) return categoryMessage.usage;
  if (!input.actor.isAdmin) return categoryMessage.notAdmin;

  return deps.store.tx((tx): Message => {
    const team = ensureTeam(tx, input.channel, now, input.channelName).team;
    const rows = visible(tx, team.id);
    const audit = (action: string, detail: Record<string, unknown>) =>
      appendAudit(tx, { at: now, actorId: input.actor.id, action, teamId: team.id, detail });
    const clash = (name: string, exceptId?: number): Category | undefined => {
      const folded = foldText(name);
      const slug = categorySlug(name);
      return rows.find(
        (c) => c.id !== exceptId && (c.active || c.teamId === null) && (foldText(c.labelNl) === folded || foldText(c.labelEn) === folded || c.slug === slug),
      );
    };

    if (sub === 'nieuw' || sub === 'new') {
      if (arg === '') return categoryMessage.nameMissing;
      const name = cleanName(arg);
      if (name === null) return categoryMessage.nameInvalid;
      const dup = clash(name);
      if (dup) return categoryMessage.duplicate(dup.labelNl, dup.slug);
      const slug = categorySlug(name);
      const old = rows.find((c) => c.teamId === team.id && c.slug === slug);
      const row = old
        ? tx.update(categories).set({ labelNl: name, labelEn: name, active: true }).where(eq(categories.id, old.id)).returning().get()
        : tx.insert(categories).values({ teamId: team.id, slug, labelNl: name, labelEn: name, active: true, createdAt: now }).returning().get();
      if (!row) throw new Error('category insert returned nothing');
      audit('category.added', { categoryId: row.id, slug, label: name, reactivated: Boolean(old) });
      return categoryMessage.added(name, slug);
    }

    const [slugArg = '', ...nameWords] = rest;
    if (slugArg === '') return categoryMessage.usage;
    const wanted = slugArg.toLowerCase();
    const own = rows.find((c) => c.teamId === team.id && c.active && c.slug === wanted);
    if (!own) {
      const shared = rows.find((c) => c.teamId === null && c.slug === wanted);
      return shared ? categoryMessage.isDefault(shared.labelNl) : categoryMessage.unknown(slugArg);
    }

    if (sub === 'hernoem' || sub === 'rename') {
      const name = cleanName(nameWords.join(' '));
      if (name === null) return nameWords.length === 0 ? categoryMessage.usage : categoryMessage.nameInvalid;
      const dup = clash(name, own.id);
      if (dup) return categoryMessage.duplicate(dup.labelNl, dup.slug);
      tx.update(categories).set({ labelNl: name, labelEn: name }).where(eq(categories.id, own.id)).run();
      audit('category.renamed', { categoryId: own.id, slug: own.slug, from: own.labelNl, to: name });
      return categoryMessage.renamed(own.labelNl, name);
    }

    // verwijder: never a category that any request uses.
    const used = tx.select({ n: count() }).from(requests).where(eq(requests.categoryId, own.id)).get()?.n ?? 0;
    if (used > 0) return categoryMessage.inUse(own.labelNl, used);
    tx.update(categories).set({ active: false }).where(and(eq(categories.id, own.id), eq(categories.teamId, team.id))).run();
    audit('category.deactivated', { categoryId: own.id, slug: own.slug });
    return categoryMessage.removed(own.labelNl);
  });
}
