// The learning part of the managers' digest, as blocks appended to the digest text: categories
// that recur in several teams of one workspace (a shared signal proposed, with each team's
// figures), the open signals with their status and effect, how often an alternative was found and
// where it came from, and what spends prevented (with an estimate of avoided costs only where the
// municipality set a unit cost itself). Pure: the use case loads the figures (src/app/signalDigest.ts).
import { cents, formatEuro } from './money.js';
import type { PreventedOutcome, UnitCost } from './prevented.js';
import { CLOSE_KINDS, type CloseKind } from './request.js';
import { closeKindLabel } from './texts/form.js';
import { preventedWords, signalBlocks, signalStatusWords, type SignalView } from './texts/signals.js';
import { signalLabel, type SignalStatus } from './signal.js';
import { code, em, p, rule, strong, t, type Block, type Inline, type Line } from './text.js';

/** A category the digest found recurring in one team this month. */
export interface RecurringFinding {
  teamId: number;
  teamName: string;
  slug: string;
  label: string;
  count: number;
  totalCents: number;
}

/** A shared signal is proposed when a category recurs in at least this many teams of one workspace in the month. */
export const SHARED_SIGNAL_MIN_TEAMS = 3;

/** At most this many "make a signal" buttons under a digest. */
export const MAX_SIGNAL_PROPOSALS = 5;

/** A digest of many teams lists at most this many shared proposals and open signals; the rest is counted. */
export const MAX_LEARNING_LINES = 10;

/** An open signal, as far as proposals need it. */
export interface OpenSignalRef {
  id: number;
  slug: string | null;
  status: SignalStatus;
  teamIds: readonly number[];
  /** scopeKey() of the signal's workspace. */
  scope: string;
}

export interface SharedProposal {
  scope: string;
  slug: string;
  label: string;
  /** Each team's figures, most spends first. */
  teams: RecurringFinding[];
  /** The open signal that already takes this category up in the workspace, if any. */
  signal: { id: number; status: SignalStatus } | null;
}

/** A "make a signal" button: one category in one or more teams. */
export interface SignalProposal {
  slug: string;
  label: string;
  teamIds: number[];
  /** The team's name for a single team; null for a shared proposal. */
  teamName: string | null;
}

const collator = new Intl.Collator('nl');

/**
 * Categories recurring in at least `minTeams` teams of one workspace (`scopeOf` gives a team's
 * scopeKey; teams without one are left out), largest spread first.
 */
export function sharedProposals(
  findings: readonly RecurringFinding[],
  scopeOf: ReadonlyMap<number, string>,
  openSignals: readonly OpenSignalRef[],
  minTeams: number = SHARED_SIGNAL_MIN_TEAMS,
): SharedProposal[] {
  const groups = new Map<string, { scope: string; slug: string; byTeam: Map<number, RecurringFinding> }>();
  for (const f of findings) {
    const scope = scopeOf.get(f.teamId);
    if (scope === undefined) continue;
    const key = `${scope}\n${f.slug}`;
    const g = groups.get(key) ?? groups.set(key, { scope, slug: f.slug, byTeam: new Map() }).get(key)!;
    const seen = g.byTeam.get(f.teamId);
    // A team listed twice (it should not be) counts once, with the larger figures.
    if (!seen || f.count > seen.count) g.byTeam.set(f.teamId, f);
  }
  const out: SharedProposal[] = [];
  for (const g of groups.values()) {
    if (g.byTeam.size < Math.max(2, minTeams)) continue;
    const teams = [...g.byTeam.values()].sort((a, b) => b.count - a.count || b.totalCents - a.totalCents || a.teamId - b.teamId);
    const signal = openSignals.find((s) => s.scope === g.scope && s.slug === g.slug);
    out.push({ scope: g.scope, slug: g.slug, label: teams[0]!.label, teams, signal: signal ? { id: signal.id, status: signal.status } : null });
  }
  const total = (x: SharedProposal) => x.teams.reduce((n, f) => n + f.totalCents, 0);
  return out.sort((a, b) => b.teams.length - a.teams.length || total(b) - total(a) || collator.compare(a.label, b.label));
}

/**
 * The buttons: shared proposals without a signal first, then single teams' recurring categories no
 * open signal covers (and no shared proposal holds), at most `max`.
 */
export function signalProposals(
  findings: readonly RecurringFinding[],
  shared: readonly SharedProposal[],
  openSignals: readonly OpenSignalRef[],
  max: number = MAX_SIGNAL_PROPOSALS,
): SignalProposal[] {
  const out: SignalProposal[] = shared
    .filter((s) => s.signal === null)
    .map((s) => ({ slug: s.slug, label: s.label, teamIds: s.teams.map((f) => f.teamId).sort((a, b) => a - b), teamName: null }));
  const inShared = new Set(shared.flatMap((s) => s.teams.map((f) => `${f.teamId}\n${s.slug}`)));
  const covered = (f: RecurringFinding) => openSignals.some((s) => s.slug === f.slug && s.teamIds.includes(f.teamId));
  const singles = findings
    .filter((f) => !inShared.has(`${f.teamId}\n${f.slug}`) && !covered(f))
    .sort((a, b) => b.count - a.count || b.totalCents - a.totalCents || a.teamId - b.teamId);
  const seen = new Set<string>();
  for (const f of singles) {
    const key = `${f.teamId}\n${f.slug}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ slug: f.slug, label: f.label, teamIds: [f.teamId], teamName: f.teamName });
  }
  return out.slice(0, max);
}

export interface LearningDigestInput {
  shared: readonly SharedProposal[];
  /** The open signals of the digest's teams, their effect counted up to the reported month. */
  signals: readonly SignalView[];
  /** Requests approved in the month, and those closed with an alternative by kind. */
  alternatives: { approved: number; byKind: readonly { kind: string | null; count: number }[] };
  /** What requests prevented, recorded in the month, per category. */
  prevented: readonly { slug: string | null; label: string | null; outcome: PreventedOutcome; count: number }[];
  /** The municipality's own unit costs (empty: no estimate is shown). */
  unitCosts: readonly UnitCost[];
  /** Whether buttons to make signals are posted under the digest (else the command is named). */
  proposals: readonly SignalProposal[];
}

const pct = (part: number, whole: number): string => (Math.round((part / whole) * 1000) / 10).toFixed(1).replace('.', ',');

const heading = (nl: string, en: string): Block => p(strong(nl), ' / ', em(en));

const more = (n: number, nl: string, en: string): Block[] => (n > 0 ? [p(`… en nog ${n} ${nl} / `, em(`and ${n} more ${en}`))] : []);

function sharedBlocks(shared: readonly SharedProposal[], proposals: readonly SignalProposal[]): Block[] {
  if (shared.length === 0) return [];
  const items = shared.slice(0, MAX_LEARNING_LINES).map((s): Line => {
    const teams = s.teams.flatMap((f, i): Inline[] => [...(i > 0 ? ['; '] : []), ...t`${f.teamName}`, ` ${f.count}× ${formatEuro(cents(f.totalCents))}`]);
    const next: Inline[] = s.signal
      ? [' → al ', strong(signalLabel(s.signal.id)), ` (${signalStatusWords(s.signal.status, 'nl')})`]
      : [' → voorstel: één gezamenlijk signaal: ', code(`signaal nieuw ${s.slug}`), ' in het digest-kanaal', proposals.some((x) => x.slug === s.slug && x.teamName === null) ? ' (of de knop onder het maandoverzicht)' : ''];
    return [strong(...t`${s.label}`), ` in ${s.teams.length} teams: `, ...teams, ...next];
  });
  return [heading('Terugkerend in meerdere teams', 'Recurring in several teams'), { k: 'list', items }, ...more(shared.length - items.length, 'categorieën in meerdere teams', 'categories in several teams')];
}

function signalsBlocks(signals: readonly SignalView[]): Block[] {
  if (signals.length === 0) return [];
  const shown = signals.slice(0, MAX_LEARNING_LINES);
  return [heading('Open signalen', 'Open signals'), ...shown.flatMap((v) => signalBlocks(v, true)), ...more(signals.length - shown.length, 'open signalen (zie signalen)', 'open signals (see signalen)')];
}

function alternativesBlocks(a: LearningDigestInput['alternatives']): Block[] {
  const alternative = a.byKind.reduce((n, k) => n + k.count, 0);
  const whole = alternative + a.approved;
  if (whole === 0) return [];
  const known = new Set<string>(CLOSE_KINDS);
  const byKind = new Map<string, number>();
  for (const k of a.byKind) {
    const key = k.kind !== null && known.has(k.kind) ? k.kind : 'other';
    byKind.set(key, (byKind.get(key) ?? 0) + k.count);
  }
  const items = CLOSE_KINDS.filter((k) => (byKind.get(k) ?? 0) > 0).map((k: CloseKind): Line => [`${wordsOf(closeKindLabel(k).nl)}: ${byKind.get(k)}`]);
  return [
    heading('Alternatief gevonden', 'Alternative found'),
    p(
      `${alternative} van ${whole} besluiten (${pct(alternative, whole)}%) eindigden met een alternatief in plaats van een uitgave; de pilots zagen ongeveer 1 op 5.`,
      ' / ',
      em(`${alternative} of ${whole} decisions (${pct(alternative, whole).replace(',', '.')}%) ended with an alternative instead of a spend; the pilots saw about 1 in 5.`),
    ),
    ...(items.length ? [p('Waar de alternatieven vandaan kwamen:'), { k: 'list' as const, items }] : []),
  ];
}

function preventedBlocks(prevented: LearningDigestInput['prevented'], unitCosts: readonly UnitCost[]): Block[] {
  if (prevented.length === 0) return [];
  const byCategory = new Map<string, { label: string; outcomes: Map<PreventedOutcome, number> }>();
  const perOutcome = new Map<PreventedOutcome, number>();
  for (const r of prevented) {
    const key = r.slug ?? '';
    const c = byCategory.get(key) ?? byCategory.set(key, { label: r.label ?? 'Zonder categorie', outcomes: new Map() }).get(key)!;
    c.outcomes.set(r.outcome, (c.outcomes.get(r.outcome) ?? 0) + r.count);
    perOutcome.set(r.outcome, (perOutcome.get(r.outcome) ?? 0) + r.count);
  }
  const items = [...byCategory.values()]
    .sort((a, b) => collator.compare(a.label, b.label))
    .map((c): Line => [
      strong(...t`${c.label}`),
      ': ',
      [...c.outcomes.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([o, n]) => `${preventedWords(o, 'nl').toLowerCase()} ${n}`).join(', '),
    ]);
  const out: Block[] = [heading('Wat het voorkwam', 'What it prevented'), { k: 'list', items }];
  const costed = unitCosts.filter((u) => (perOutcome.get(u.outcome) ?? 0) > 0);
  if (costed.length > 0) {
    const total = costed.reduce((sum, u) => sum + u.cents * (perOutcome.get(u.outcome) ?? 0), 0);
    out.push(
      p(
        `Geschatte vermeden kosten: ${formatEuro(cents(total))}, alleen voor uitkomsten waarvoor de gemeente zelf een bedrag per keer heeft ingesteld:`,
        ' / ',
        em(`Estimated avoided costs: ${formatEuro(cents(total))}, only for outcomes the municipality set a unit cost for:`),
      ),
      {
        k: 'list',
        items: costed.map((u): Line => [`${preventedWords(u.outcome, 'nl')}: ${perOutcome.get(u.outcome)} × ${formatEuro(cents(u.cents))} (bron: `, ...t`${u.source}`, ')']),
      },
    );
  }
  return out;
}

/** The learning blocks to append to the digest text; empty when there is nothing to say. */
export function learningDigestBlocks(input: LearningDigestInput): Block[] {
  const parts = [sharedBlocks(input.shared, input.proposals), signalsBlocks(input.signals), alternativesBlocks(input.alternatives), preventedBlocks(input.prevented, input.unitCosts)].filter((x) => x.length > 0);
  const hint: Block[] = input.proposals.length
    ? [p('Maak van een terugkerende categorie een signaal (beheerders): typ ', code('signaal nieuw <categorie>'), ', of gebruik de knoppen onder het automatische maandoverzicht. / ', em('Admins: make a signal of a recurring category.'))]
    : [];
  if (parts.length === 0 && hint.length === 0) return [];
  return [rule, heading('Van signaal naar structurele oplossing', 'From signal to structural solution'), ...parts.flat(), ...hint];
}

const wordsOf = (text: readonly Block[]): string => text.flatMap((b) => (b.k === 'p' ? b.parts.filter((x): x is string => typeof x === 'string') : [])).join('');
