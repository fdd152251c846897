// Texts of signals (from a recurring category to a structural solution), of what a spend
// prevented, and of a measure's effect. Dutch first, English second.
import type { Cents } from '../money.js';
import { formatEuro } from '../money.js';
import type { PreventedOutcome } from '../prevented.js';
import type { SignalFieldError, SignalStatus, SignalStep } from '../signal.js';
import { nextSteps, signalLabel, SIGNAL_LIMITS, SIGNAL_THEME_MIN } from '../signal.js';
import type { EffectWindow, SignalEffect } from '../signalEffect.js';
import { channel, code, em, msg, p, strong, t, type Block, type Inline, type Line, type Message } from '../text.js';
import { formatDateNl, monthLabelNl } from '../time.js';
import { PLATFORM_WORDS, type Platform } from './words.js';

/** What the texts show of a signal. */
export interface SignalView {
  id: number;
  title: string;
  categorySlug: string | null;
  status: SignalStatus;
  teams: readonly { id: number; name: string; channelId: string }[];
  discussedWith: string | null;
  discussedOn: string | null;
  measureText: string | null;
  measureOwner: string | null;
  measureDate: string | null;
  evaluation: string | null;
  closedReason: string | null;
  /** The category's spends around the measure; null without a measure or for a theme. */
  effect: SignalEffect | null;
}

const STATUS: Readonly<Record<SignalStatus, [string, string]>> = {
  signalled: ['gesignaleerd', 'signalled'],
  discussed: ['besproken', 'discussed'],
  measure: ['maatregel genomen', 'measure taken'],
  evaluated: ['geëvalueerd', 'evaluated'],
  closed: ['gesloten', 'closed'],
  no_measure: ['geen maatregel mogelijk', 'no measure possible'],
};

export const signalStatusWords = (s: SignalStatus, lang: 'nl' | 'en'): string => STATUS[s][lang === 'nl' ? 0 : 1];

/** What a person types for each step, and what it needs. */
const STEP_SYNTAX: Readonly<Record<SignalStep, (id: number) => [string, string]>> = {
  discuss: (id) => [`signaal ${id} besproken <met wie> [datum]`, `signaal ${id} besproken <with whom> [date]`],
  measure: (id) => [`signaal ${id} maatregel <datum> <eigenaar>: <wat>`, `signaal ${id} maatregel <date> <owner>: <what>`],
  evaluate: (id) => [`signaal ${id} geevalueerd <conclusie>`, `signaal ${id} geevalueerd <conclusion>`],
  close: (id) => [`signaal ${id} sluiten`, `signaal ${id} sluiten`],
  no_measure: (id) => [`signaal ${id} geen-maatregel <reden>`, `signaal ${id} geen-maatregel <reason>`],
};

const STEP_WORD: Readonly<Record<SignalStep, string>> = { discuss: 'besproken', measure: 'maatregel', evaluate: 'geevalueerd', close: 'sluiten', no_measure: 'geen-maatregel' };

/** "20 november 2026" of a YYYY-MM-DD day (noon UTC is that day in Amsterdam too). */
export const dayLabelNl = (iso: string): string => formatDateNl(new Date(`${iso}T12:00:00Z`));

const cmd = (platform: Platform, rest: string): Inline => code(`${PLATFORM_WORDS[platform].command} ${rest}`);

const fmt1 = (n: number, lang: 'nl' | 'en') => (lang === 'nl' ? n.toFixed(1).replace('.', ',') : n.toFixed(1));

const teamsLine = (v: SignalView): Line =>
  v.teams.flatMap((x, i): Inline[] => [...(i > 0 ? [', '] : []), ...(x.name ? t`${x.name}` : [channel(x.channelId)])]);

/** "S3 Mondzorg (Team Noord, Team Zuid) — besproken" */
export function signalHeadline(v: SignalView): Line {
  const kind = v.categorySlug ? t` (${code(v.categorySlug)})` : [' (thema)'];
  return [strong(signalLabel(v.id)), ' ', ...t`${v.title}`, ...kind, ' — ', ...teamsLine(v), ' — ', em(signalStatusWords(v.status, 'nl'))];
}

/** The steps taken, one line each (what was discussed, the measure, the evaluation, the reason). */
export function signalSteps(v: SignalView): Line[] {
  const out: Line[] = [];
  if (v.discussedWith) out.push(t`Besproken met ${v.discussedWith}${v.discussedOn ? ` op ${dayLabelNl(v.discussedOn)}` : ''}.`);
  if (v.measureText) out.push(t`Maatregel vanaf ${v.measureDate ? dayLabelNl(v.measureDate) : '?'} (${v.measureOwner ?? ''}): ${v.measureText}`);
  if (v.evaluation) out.push(t`Evaluatie: ${v.evaluation}`);
  if (v.closedReason) out.push(v.status === 'no_measure' ? t`Geen maatregel mogelijk: ${v.closedReason}` : t`Bij het sluiten: ${v.closedReason}`);
  return out;
}

const windowNl = (w: EffectWindow, from: string, to: string): Line => [
  `${monthLabelNl(from)} – ${monthLabelNl(to)}: ${w.count} ${w.count === 1 ? 'uitgave' : 'uitgaven'}, ${formatEuro(w.totalCents)}`,
  ...(w.medianCents !== null ? [`, mediaan ${formatEuro(w.medianCents)}`] : []),
];

/** "gedaald: van gemiddeld 4,2 naar 1,5 per maand" and the like. */
export function effectVerdict(e: SignalEffect, lang: 'nl' | 'en'): string {
  const b = fmt1(e.before.averagePerMonth, lang);
  const a = fmt1(e.after.averagePerMonth, lang);
  const n = e.after.months.length;
  const partial = n < e.afterMonths.length ? (lang === 'nl' ? ` (${n} van ${e.afterMonths.length} maanden na de maatregel)` : ` (${n} of ${e.afterMonths.length} months after the measure)`) : '';
  switch (e.verdict) {
    case 'too_early':
      return lang === 'nl' ? `nog geen volle maand na de maatregel; ervoor gemiddeld ${b} per maand` : `no full month after the measure yet; before it ${b} a month on average`;
    case 'fell':
      return lang === 'nl' ? `gedaald: van gemiddeld ${b} naar ${a} per maand${partial}` : `fell: from ${b} to ${a} a month on average${partial}`;
    case 'rose':
      return lang === 'nl' ? `gestegen: van gemiddeld ${b} naar ${a} per maand${partial}` : `rose: from ${b} to ${a} a month on average${partial}`;
    case 'same':
      return lang === 'nl' ? `gelijk gebleven: gemiddeld ${b} per maand${partial}` : `unchanged: ${b} a month on average${partial}`;
  }
}

export const NO_CAUSAL_CLAIM = msg('Dit zegt niet of de maatregel de oorzaak is.', 'This does not say whether the measure is the cause.');

const monthLine = (m: EffectWindow['months'][number]): Line => [
  `${monthLabelNl(m.month)}: ${m.count}× · ${formatEuro(m.totalCents)}`,
  ...(m.medianCents !== null ? [` · mediaan ${formatEuro(m.medianCents)}`] : []),
];

/**
 * The effect as blocks: the verdict, the two windows, and (with `perMonth`) each month's count,
 * total and median. Dutch, with the verdict in English after it.
 */
export function effectBlocks(e: SignalEffect, perMonth: boolean): Block[] {
  const out: Block[] = [p(strong('Effect:'), ' ', effectVerdict(e, 'nl'), '. ', ...textOf(NO_CAUSAL_CLAIM, 'nl'), ' / ', em(`${effectVerdict(e, 'en')}. `, ...textOf(NO_CAUSAL_CLAIM, 'en')))];
  const items: Line[] = [['Ervoor: ', ...windowNl(e.before, e.beforeMonths[0] as string, e.beforeMonths.at(-1) as string)]];
  if (e.after.months.length > 0) items.push(['Erna: ', ...windowNl(e.after, e.afterMonths[0] as string, e.after.months.at(-1)!.month)]);
  if (perMonth) items.push(...e.before.months.map(monthLine), ...(e.after.months.length ? [['— maatregel —'] as Line, ...e.after.months.map(monthLine)] : []));
  out.push({ k: 'list', items });
  return out;
}

const textOf = (m: Message, lang: 'nl' | 'en'): Inline[] => m[lang].flatMap((b) => (b.k === 'p' ? [...b.parts] : []));

export const signalMessage = {
  usage: (platform: Platform): Message => ({
    nl: [
      p(strong('Signalen: van terugkerende categorie naar structurele oplossing'), ' (beheerders)'),
      {
        k: 'list',
        items: [
          t`${cmd(platform, 'signaal nieuw mondzorg')}: een signaal voor een categorie (code of naam); een thema zet je tussen aanhalingstekens: ${cmd(platform, 'signaal nieuw "werkkleding voor starters"')}.`,
          t`${cmd(platform, 'signaal 3 besproken tandartspraktijken Noord 2026-11-20')}: met wie en wanneer (zonder datum: vandaag).`,
          t`${cmd(platform, 'signaal 3 maatregel 2027-01-01 wijkcoördinator: korting voor minima bij praktijk De Kies')}: de structurele oplossing, vanaf welke datum, wie hem trekt.`,
          t`${cmd(platform, 'signaal 3 geevalueerd <conclusie>')}, dan ${cmd(platform, 'signaal 3 sluiten')}; of ${cmd(platform, 'signaal 3 geen-maatregel <reden>')}.`,
          t`${cmd(platform, 'signaal 3')} toont één signaal met het effect; ${cmd(platform, 'signalen')} de open signalen (${code('signalen alle')}: ook gesloten).`,
          [`Geen namen of BSN van bewoners: alleen categorieën, cijfers en de maatregel (teksten tot ${SIGNAL_LIMITS.measure} tekens).`],
        ],
      },
    ],
    en: [
      p(
        ...t`Signals (admins): ${code('signaal nieuw <category>')} or ${code('signaal nieuw "<theme>"')}; then ${code('signaal <n> besproken <with whom> [date]')}, ${code('signaal <n> maatregel <date> <owner>: <what>')}, ${code('signaal <n> geevalueerd <conclusion>')}, ${code('signaal <n> sluiten')} or ${code('signaal <n> geen-maatregel <reason>')}. ${code('signalen')} lists them. No resident names or BSN.`,
      ),
    ],
  }),
  notAdmin: msg('Alleen een teambeheerder kan signalen maken of verder zetten.', 'Only a team admin can create or move signals.'),
  noTeams: (platform: Platform) =>
    msg(
      t`Ik weet niet voor welke teams dit signaal is: typ het in een teamkanaal of in het digest-kanaal van de teams (${cmd(platform, 'signaal nieuw <categorie>')}).`,
      t`I don't know which teams this signal is for: type it in a team channel or in the teams' digest channel.`,
    ),
  notFound: (id: number) => msg(`Signaal ${signalLabel(id)} bestaat niet (in deze werkruimte).`, `Signal ${signalLabel(id)} does not exist (in this workspace).`),
  unknownCategory: (platform: Platform, typedText: string) =>
    msg(
      t`Categorie "${typedText.slice(0, 40)}" ken ik niet. ${cmd(platform, 'categorie')} toont de codes; een thema zet je tussen aanhalingstekens: ${cmd(platform, 'signaal nieuw "werkkleding voor starters"')}.`,
      t`I don't know category "${typedText.slice(0, 40)}". ${cmd(platform, 'categorie')} lists the codes; put a theme in quotes.`,
    ),
  teamsElsewhere: msg('Deze teams horen niet bij één werkruimte; een signaal blijft binnen één werkruimte.', 'These teams are not in one workspace; a signal stays within one workspace.'),
  exists: (v: SignalView) =>
    msg(
      t`Er is al een open signaal ${strong(signalLabel(v.id))} voor ${v.title} (${signalStatusWords(v.status, 'nl')}). Zet dat verder met ${code(`signaal ${v.id} …`)}.`,
      t`There already is an open signal ${signalLabel(v.id)} for ${v.title} (${signalStatusWords(v.status, 'en')}).`,
    ),
  created: (v: SignalView) =>
    msg(
      [p(...t`Signaal ${strong(signalLabel(v.id))} aangemaakt: ${v.title} — `, ...teamsLine(v), '.'), p(...nextHint(v, 'nl'))],
      [p(...t`Signal ${signalLabel(v.id)} created: ${v.title}.`)],
    ),
  moved: (v: SignalView) =>
    msg(
      [p(...t`Signaal ${strong(signalLabel(v.id))} (${v.title}) is nu ${strong(signalStatusWords(v.status, 'nl'))}.`), ...signalSteps(v).slice(-1).map((l) => p(...l)), ...(nextSteps(v.status).length ? [p(...nextHint(v, 'nl'))] : [])],
      [p(...t`Signal ${signalLabel(v.id)} (${v.title}) is now ${signalStatusWords(v.status, 'en')}.`)],
    ),
  notAllowed: (v: SignalView, step: SignalStep) =>
    msg(
      [p(...t`Signaal ${strong(signalLabel(v.id))} is ${signalStatusWords(v.status, 'nl')}: ${code(STEP_WORD[step])} kan nu niet.`), p(...nextHint(v, 'nl'))],
      [p(...t`Signal ${signalLabel(v.id)} is ${signalStatusWords(v.status, 'en')}: that step is not possible now.`)],
    ),
  /** A step's detail that is wrong; in a chat (`platform`) with how to write the step, in the CLI (null) without. */
  field: (platform: Platform | null, id: number, step: SignalStep, e: SignalFieldError): Message => {
    const syntax = STEP_SYNTAX[step](id);
    const how = platform ? t`Schrijf: ${cmd(platform, syntax[0])}.` : [];
    const howEn = platform ? t`Write: ${cmd(platform, syntax[1])}.` : [];
    switch (e.code) {
      case 'bsn':
        return msg(['Geen burgerservicenummers (BSN) of namen van bewoners in een signaal.'], ['No citizen service numbers (BSN) or resident names in a signal.']);
      case 'too_long':
        return msg([`${FIELD_NL[e.field]}: maximaal ${e.max} tekens.`], [`${FIELD_EN[e.field]}: at most ${e.max} characters.`]);
      case 'date':
        return msg([`${FIELD_NL[e.field]}: geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).`, ...(how.length ? [' ', ...how] : [])], [`${FIELD_EN[e.field]}: not a valid date (YYYY-MM-DD or DD-MM-YYYY).`, ...(howEn.length ? [' ', ...howEn] : [])]);
      case 'required':
        return msg([`${FIELD_NL[e.field]} ontbreekt.`, ...(how.length ? [' ', ...how] : [])], [`${FIELD_EN[e.field]} is missing.`, ...(howEn.length ? [' ', ...howEn] : [])]);
    }
  },
  themeInvalid: msg(
    `Een thema heeft ${SIGNAL_THEME_MIN} tot ${SIGNAL_LIMITS.theme} tekens, zonder namen of BSN van bewoners.`,
    `A theme has ${SIGNAL_THEME_MIN} to ${SIGNAL_LIMITS.theme} characters, without resident names or BSN.`,
  ),
  bad: (platform: Platform, word: string): Message => {
    const u = signalMessage.usage(platform);
    return { nl: [p(...t`Dat begrijp ik niet ("${word.slice(0, 30)}").`), ...u.nl], en: [p(...t`I don't understand that.`), ...u.en] };
  },
  list: (views: readonly SignalView[], all: boolean): Message => ({
    nl: [
      p(strong(all ? 'Alle signalen' : 'Open signalen'), ` (${views.length})`),
      ...(views.length === 0 ? [p(all ? 'Nog geen signalen.' : 'Geen open signalen.')] : views.flatMap((v) => signalBlocks(v, true))),
    ],
    en: [p(`${all ? 'All signals' : 'Open signals'}: ${views.length}.`)],
  }),
  detail: (v: SignalView): Message => ({
    nl: [...signalBlocks(v, true), ...(nextSteps(v.status).length ? [p(...nextHint(v, 'nl'))] : [])],
    en: [p(...t`Signal ${signalLabel(v.id)} (${v.title}): ${signalStatusWords(v.status, 'en')}.`)],
  }),
};

const FIELD_NL: Readonly<Record<SignalFieldError['field'], string>> = {
  with: 'Met wie',
  on: 'De datum van het gesprek',
  text: 'De tekst',
  owner: 'De eigenaar (vóór de dubbele punt)',
  date: 'De datum van de maatregel',
  note: 'De notitie',
  reason: 'De reden',
  theme: 'Het thema',
};
const FIELD_EN: Readonly<Record<SignalFieldError['field'], string>> = {
  with: 'With whom',
  on: 'The date of the conversation',
  text: 'The text',
  owner: 'The owner (before the colon)',
  date: 'The date of the measure',
  note: 'The note',
  reason: 'The reason',
  theme: 'The theme',
};

/** "Volgende stap: signaal 3 besproken <met wie> [datum]" */
function nextHint(v: SignalView, lang: 'nl' | 'en'): Inline[] {
  const steps = nextSteps(v.status);
  const i = lang === 'nl' ? 0 : 1;
  return [lang === 'nl' ? 'Volgende stap: ' : 'Next: ', ...steps.flatMap((s, k): Inline[] => [...(k > 0 ? [lang === 'nl' ? ' of ' : ' or '] : []), code(STEP_SYNTAX[s](v.id)[i])])];
}

/** One signal: its headline, its steps, and its effect (with `perMonth`, every month). */
export function signalBlocks(v: SignalView, perMonth: boolean): Block[] {
  const steps = signalSteps(v);
  const out: Block[] = [p(...signalHeadline(v))];
  if (steps.length) out.push({ k: 'list', items: steps });
  if (v.effect) out.push(...effectBlocks(v.effect, perMonth));
  else if (v.measureDate && !v.categorySlug) out.push(p(em('Een thema heeft geen categorie: er zijn geen cijfers om het effect te tonen. / A theme has no category: no figures show the effect.')));
  return out;
}

// ── What a spend prevented ──────────────────────────────────────────────────────────────────────

const PREVENTED: Readonly<Record<PreventedOutcome, [string, string]>> = {
  eviction: ['Huisuitzetting voorkomen', 'Eviction prevented'],
  utility_cutoff: ['Afsluiting energie of water voorkomen', 'Energy or water cut-off prevented'],
  job: ['Werk behouden of gevonden', 'Job kept or found'],
  debt_settlement: ['Schuldregeling gered', 'Debt settlement saved'],
  school_dropout: ['Schooluitval voorkomen', 'School dropout prevented'],
  health: ['Gezondheid', 'Health'],
  other: ['Anders', 'Other'],
  unknown: ['Onbekend', 'Unknown'],
};

export const preventedLabel = (o: PreventedOutcome): Message => msg(PREVENTED[o][0], PREVENTED[o][1]);
export const preventedWords = (o: PreventedOutcome, lang: 'nl' | 'en'): string => PREVENTED[o][lang === 'nl' ? 0 : 1];

export const preventedText = {
  question: msg('Wat heeft dit voorkomen? (optioneel)', 'What did this prevent? (optional)'),
  label: msg('Voorkomen', 'Prevented'),
  save: msg('Opslaan', 'Save'),
  hint: msg('Eén keuze, geen tekst over de bewoner.', 'One choice, no text about the resident.'),
  recorded: (requestId: number, o: PreventedOutcome) =>
    msg(`Vastgelegd bij #${requestId}: ${preventedWords(o, 'nl').toLowerCase()}.`, `Recorded for #${requestId}: ${preventedWords(o, 'en').toLowerCase()}.`),
  notNow: (requestId: number) =>
    msg(
      `Wat een aanvraag voorkwam leg je vast als #${requestId} betaald is of gesloten met een alternatief.`,
      `What a request prevented is recorded once #${requestId} is paid or closed with an alternative.`,
    ),
  notYours: (requestId: number) =>
    msg(`Alleen de aanvrager of een teambeheerder legt vast wat #${requestId} voorkwam.`, `Only the requester or a team admin records what #${requestId} prevented.`),
  unknownChoice: msg('Kies een van de mogelijkheden uit de lijst.', 'Choose one of the options in the list.'),
};

export const unitCostLine = (o: PreventedOutcome, c: Cents, source: string): Line => t`${preventedWords(o, 'nl')}: ${formatEuro(c)} per keer (bron: ${source})`;


// ── The buttons under the digest ────────────────────────────────────────────────────────────────

export const proposalText = {
  intro: msg(
    'Van signaal naar structurele oplossing: maak een signaal van een terugkerende categorie (beheerders). Daarna: signaal <nummer> besproken, maatregel, geevalueerd.',
    'From signal to structural solution: make a signal of a recurring category (admins).',
  ),
  /** "Signaal: Mondzorg / tandarts (3 teams)" or "Signaal: Mondzorg / tandarts — Wijkteam Noord" */
  button: (p: { label: string; teamIds: readonly number[]; teamName: string | null }): Message =>
    msg(
      `Signaal: ${p.label}${p.teamName === null ? ` (${p.teamIds.length} teams)` : ` — ${p.teamName}`}`,
      `Signal: ${p.label}${p.teamName === null ? ` (${p.teamIds.length} teams)` : ''}`,
    ),
};
