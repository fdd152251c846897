// Texts of the team's settings: annual budget, categories, where the monthly digest goes.
import type { Cents } from '../money.js';
import { formatEuro } from '../money.js';
import { channel, code, msg, strong, t, type Line, type Message } from '../text.js';
import { PLATFORM_WORDS, type Platform } from './words.js';

export const budgetCommand = {
  usage: (platform: Platform) =>
    msg(
      t`Gebruik: ${code(`${PLATFORM_WORDS[platform].command} budget 12000`)} (het jaarbudget van het team in euro).`,
      t`Usage: ${code(`${PLATFORM_WORDS[platform].command} budget 12000`)} (the team's annual budget in euros).`,
    ),
  set: (year: number, amount: Cents, left: Cents) =>
    msg(
      `Jaarbudget ${year} ingesteld op ${formatEuro(amount)}; er is nog ${formatEuro(left)} over.`,
      `Annual budget ${year} set to ${formatEuro(amount)}; ${formatEuro(left)} is left.`,
    ),
  show: (year: number, amount: Cents | null, used: Cents, left: Cents | null) =>
    amount === null
      ? msg(
          `Dit team heeft geen jaarbudget voor ${year}; dit jaar aangevraagd en goedgekeurd: ${formatEuro(used)}.`,
          `This team has no annual budget for ${year}; requested and approved this year: ${formatEuro(used)}.`,
        )
      : msg(
          `Jaarbudget ${year}: ${formatEuro(amount)}, gebruikt ${formatEuro(used)}, over ${formatEuro(left ?? amount)}.`,
          `Annual budget ${year}: ${formatEuro(amount)}, used ${formatEuro(used)}, left ${formatEuro(left ?? amount)}.`,
        ),
};

export const CATEGORY_NAME_MAX = 60;
const SLUG_SHOWN = 40;

const cmd = (platform: Platform, rest: string) => code(`${PLATFORM_WORDS[platform].command} ${rest}`);

export const categoryMessage = {
  usage: (platform: Platform) =>
    msg(
      t`Gebruik: ${cmd(platform, 'categorie')} (lijst), ${code('categorie nieuw <naam>')}, ${code('categorie hernoem <code> <nieuwe naam>')}, ${code('categorie verwijder <code>')}.`,
      t`Usage: ${cmd(platform, 'categorie')} (list), ${code('categorie nieuw <name>')}, ${code('categorie hernoem <code> <new name>')}, ${code('categorie verwijder <code>')}.`,
    ),
  notAdmin: msg('Alleen een teambeheerder kan categorieën wijzigen.', 'Only a team admin can change categories.'),
  nameMissing: (platform: Platform) =>
    msg(
      t`Geef een naam, bijvoorbeeld ${cmd(platform, 'categorie nieuw Fietsreparatie')}.`,
      t`Give a name, e.g. ${cmd(platform, 'categorie nieuw Fietsreparatie')}.`,
    ),
  nameInvalid: msg(
    `Een categorienaam heeft 2 tot ${CATEGORY_NAME_MAX} tekens: letters, cijfers, spaties en , . ' ( ) / & + -`,
    `A category name has 2 to ${CATEGORY_NAME_MAX} characters: letters, digits, spaces and , . ' ( ) / & + -`,
  ),
  duplicate: (label: string, slug: string) =>
    msg(t`Er is al een categorie "${label}" (${code(slug)}); kies een andere naam.`, t`There already is a category "${label}" (${code(slug)}); choose another name.`),
  unknown: (platform: Platform, slug: string) =>
    msg(
      t`Categorie ${code(slug.slice(0, SLUG_SHOWN))} ken ik niet in dit team. ${cmd(platform, 'categorie')} toont de lijst met codes.`,
      t`I don't know category ${code(slug.slice(0, SLUG_SHOWN))} in this team. ${cmd(platform, 'categorie')} lists the codes.`,
    ),
  isDefault: (platform: Platform, label: string) =>
    msg(
      t`"${label}" is een standaardcategorie voor alle teams en blijft zoals hij is. Maak zo nodig een eigen categorie met ${cmd(platform, 'categorie nieuw <naam>')}.`,
      t`"${label}" is a default category for all teams and stays as it is. Add your own with ${cmd(platform, 'categorie nieuw <name>')} if needed.`,
    ),
  inUse: (label: string, n: number) =>
    msg(
      t`"${label}" is in gebruik bij ${n} ${n === 1 ? 'aanvraag' : 'aanvragen'} en wordt niet verwijderd. Hernoem hem eventueel.`,
      t`"${label}" is used by ${n} ${n === 1 ? 'request' : 'requests'} and is not removed. You can rename it.`,
    ),
  added: (label: string, slug: string) => msg(t`Categorie "${label}" toegevoegd (code ${code(slug)}).`, t`Category "${label}" added (code ${code(slug)}).`),
  renamed: (from: string, to: string) => msg(t`Categorie "${from}" heet nu "${to}".`, t`Category "${from}" is now called "${to}".`),
  removed: (label: string) => msg(t`Categorie "${label}" is verwijderd uit de lijst.`, t`Category "${label}" was removed from the list.`),
  list: (rows: readonly { labelNl: string; labelEn: string; slug: string; own: boolean }[]): Message => ({
    nl: [
      { k: 'p', parts: [strong('Categorieën van dit team')] },
      { k: 'list', items: rows.map((c): Line => t`${c.labelNl} (${code(c.slug)})${c.own ? ' — eigen categorie' : ''}`) },
      { k: 'p', parts: t`Beheerders: ${code('categorie nieuw <naam>')}, ${code('categorie hernoem <code> <naam>')}, ${code('categorie verwijder <code>')}.` },
    ],
    en: [{ k: 'p', parts: t`Categories of this team: ${rows.map((c) => c.labelEn).join(', ')}.` }],
  }),
};

export const digestChannelMessage = {
  usage: (platform: Platform) => {
    const w = PLATFORM_WORDS[platform];
    const here = w.hereWord ? t`, of ${code(`digest-kanaal ${w.hereWord}`)} in dat kanaal` : [];
    const hereEn = w.hereWord ? t`, or ${code(`digest-kanaal ${w.hereWord}`)} in that channel` : [];
    return msg(
      t`Gebruik: ${code(`${w.command} digest-kanaal ${w.channelArgNl}`)} (beheerders)${here}. Het maandoverzicht van dit team gaat dan naar dat kanaal.`,
      t`Usage: ${code(`${w.command} digest-kanaal ${w.channelArgEn}`)} (admins)${hereEn}. This team’s monthly digest then goes to that channel.`,
    );
  },
  notAdmin: msg('Alleen een teambeheerder kan het digest-kanaal instellen.', 'Only a team admin can set the digest channel.'),
  onlyInTeam: msg(
    'Het digest-kanaal stel je in vanuit het teamkanaal: typ het commando daar.',
    'Set the digest channel from the team channel: type the command there.',
  ),
  botNotIn: (platform: Platform, channelId: string) =>
    platform === 'teams'
      ? msg(
          'Ik kan dat kanaal niet bereiken. Voeg minimaatwerk toe aan dat team (Apps → minimaatwerk → Toevoegen aan een team) en probeer het opnieuw.',
          'I cannot reach that channel. Add minimaatwerk to that team (Apps → minimaatwerk → Add to a team) and try again.',
        )
      : msg(
          t`Ik ben geen lid van ${channel(channelId)}, dus ik kan daar niets plaatsen. Nodig mij uit met /invite @minimaatwerk in dat kanaal en probeer het opnieuw.`,
          t`I am not a member of ${channel(channelId)}, so I cannot post there. Invite me with /invite @minimaatwerk in that channel and try again.`,
        ),
  set: (channelId: string) =>
    msg(
      t`Het maandoverzicht van dit team gaat voortaan naar ${channel(channelId)} (op de eerste werkdag van de maand om 09:00).`,
      t`This team’s monthly digest now goes to ${channel(channelId)} (on the first working day of the month at 09:00).`,
    ),
};
