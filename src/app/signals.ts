// Signals: a manager turns a recurring category (or a theme) into a signal and moves it from
// "gesignaleerd" to a structural solution whose effect the digest shows. Create, move, list and
// show; team admins only create and move; every step is one transaction with its audit row.
import { foldText } from '../core/category.js';
import type { Platform } from '../core/platform.js';
import { containsBsn } from '../core/privacy.js';
import { checkStep, checkText, moveSignal, oneLine, sameScope, scopeOfTeam, SIGNAL_LIMITS, SIGNAL_THEME_MIN, type SignalScope, type SignalStepInput } from '../core/signal.js';
import { parseSignalCommand, type SignalSubject } from '../core/signalCommand.js';
import { signalMessage, type SignalView } from '../core/texts/signals.js';
import type { Message } from '../core/text.js';
import { addMonthsKey, isoDate, monthKey, parseMonthKey } from '../core/time.js';
import { appendAudit } from '../store/audit.js';
import type { Tx } from '../store/db.js';
import { categoriesOfTeams } from '../store/learning.js';
import type { Team } from '../store/schema.js';
import { allSignals, allTeams, getSignal, insertSignal, signalsInScope, signalsOfPlatform, teamsByIds, updateSignal, type SignalPatch } from '../store/signals.js';
import type { AppDeps, Ctx } from './deps.js';
import { done, refused, type Outcome } from './outcome.js';
import { placeOf, signalView, signalViews } from './signalViews.js';
import type { ChannelRef } from './team.js';

type Deps = Pick<AppDeps, 'store' | 'clock'>;

/** Who acts: the chat adapters ask their directory, the CLI checked ADMIN_USER_IDS. */
export interface SignalActor {
  id: string;
  isAdmin: boolean;
}

/** Which teams a new signal concerns: given by id (the digest's button, the CLI), or where the command was typed. */
export type TeamChoice = { teamIds: readonly number[] } | { channel: ChannelRef | null; conversation: ChannelRef | null };

export interface CreateSignalInput {
  actor: SignalActor;
  subject: SignalSubject;
  teams: TeamChoice;
  /** The workspace the click or command came from: the teams must be in it. */
  within?: SignalScope;
  source: 'digest' | 'command' | 'cli';
  month?: string | null;
  /** For the wording of hints. */
  platform: Platform;
}

/** The last complete month: the effect counts up to it. */
const lastCompleteMonth = (now: Date) => addMonthsKey(monthKey(now), -1);

function chooseTeams(tx: Tx, choice: TeamChoice): { scope: SignalScope; teams: Team[] } | 'none' | 'mixed' {
  if ('teamIds' in choice) {
    const ids = [...new Set(choice.teamIds)];
    const teams = teamsByIds(tx, ids);
    if (teams.length === 0 || teams.length !== ids.length) return 'none';
    const scope = scopeOfTeam(teams[0] as Team);
    return teams.every((t) => sameScope(scopeOfTeam(t), scope)) ? { scope, teams } : 'mixed';
  }
  const place = placeOf(tx, choice.channel, choice.conversation);
  return place && place.teams.length > 0 ? place : 'none';
}

export function createSignal(deps: Deps, input: CreateSignalInput): Outcome<{ signal: SignalView }> {
  if (!input.actor.isAdmin) return refused('signal.not_admin', signalMessage.notAdmin);
  const now = deps.clock.now();
  let theme: string | null = null;
  if ('theme' in input.subject) {
    const checked = checkText('theme', input.subject.theme, SIGNAL_LIMITS.theme);
    if (!checked.ok || checked.value.length < SIGNAL_THEME_MIN) return refused('signal.theme_invalid', signalMessage.themeInvalid);
    theme = checked.value;
  } else if (containsBsn(input.subject.category)) return refused('signal.bsn', signalMessage.themeInvalid);

  const result = deps.store.tx((tx): Outcome<{ signal: SignalView }> => {
    const chosen = chooseTeams(tx, input.teams);
    if (chosen === 'none') return refused('signal.no_teams', signalMessage.noTeams(input.platform));
    if (chosen === 'mixed' || (input.within && !sameScope(chosen.scope, input.within))) return refused('signal.teams_elsewhere', signalMessage.teamsElsewhere);
    const teamIds = chosen.teams.map((t) => t.id);
    let slug: string | null = null;
    let title: string;
    if (theme === null) {
      const wanted = foldText((input.subject as { category: string }).category);
      const found = categoriesOfTeams(tx, teamIds).find((c) => c.slug === wanted.replace(/ /g, '_') || foldText(c.labelNl) === wanted || foldText(c.labelEn) === wanted);
      if (!found) return refused('signal.unknown_category', signalMessage.unknownCategory(input.platform, (input.subject as { category: string }).category));
      slug = found.slug;
      title = found.labelNl;
    } else title = theme;
    // One open signal per category (or theme) in a workspace: a second click joins the first.
    const open = signalsInScope(tx, chosen.scope).find((s) => (slug !== null ? s.categorySlug === slug : s.categorySlug === null && foldText(s.title) === foldText(title)));
    if (open) return refused('signal.exists', signalMessage.exists(signalView(tx, open, lastCompleteMonth(now))));
    const row = insertSignal(tx, { scope: chosen.scope, categorySlug: slug, title, source: input.source, month: input.month ?? null, createdBy: input.actor.id, at: now }, teamIds);
    appendAudit(tx, {
      at: now,
      actorId: input.actor.id,
      action: 'signal.created',
      detail: { signalId: row.id, categorySlug: slug, theme: slug === null, teamIds: row.teamIds, source: input.source, month: input.month ?? null },
    });
    const view = signalView(tx, row, lastCompleteMonth(now));
    return done('signal.created', { signal: view }, signalMessage.created(view));
  });
  return result;
}

export interface MoveSignalInput {
  actor: SignalActor;
  signalId: number;
  input: SignalStepInput;
  within?: SignalScope;
  /** The chat platform, for how to write a step; null: the CLI (its options name the fields). */
  platform: Platform | null;
}

/** One step of a signal's lifecycle, with its details checked; audited. */
export function moveSignalStep(deps: Deps, input: MoveSignalInput): Outcome<{ signal: SignalView }> {
  if (!input.actor.isAdmin) return refused('signal.not_admin', signalMessage.notAdmin);
  const checked = checkStep(input.input);
  if (!checked.ok) return refused(`signal.field_${checked.error.field}`, signalMessage.field(input.platform, input.signalId, input.input.step, checked.error));
  const step = checked.value;
  const now = deps.clock.now();
  return deps.store.tx((tx): Outcome<{ signal: SignalView }> => {
    const signal = getSignal(tx, input.signalId);
    if (!signal || (input.within && !sameScope({ platform: signal.platform, workspaceId: signal.workspaceId }, input.within))) {
      return refused('signal.not_found', signalMessage.notFound(input.signalId));
    }
    const next = moveSignal(signal.status, step.step);
    if (!next.ok) return refused('signal.not_allowed', signalMessage.notAllowed(signalView(tx, signal, lastCompleteMonth(now)), step.step));
    const patch: SignalPatch = { status: next.value, updatedAt: now };
    const dates: Record<string, string> = {};
    switch (step.step) {
      case 'discuss':
        Object.assign(patch, { discussedWith: step.with, discussedOn: step.on });
        dates.on = step.on;
        break;
      case 'measure':
        Object.assign(patch, { measureText: step.text, measureOwner: step.owner, measureDate: step.date });
        dates.measureDate = step.date;
        break;
      case 'evaluate':
        patch.evaluation = step.text;
        break;
      case 'close':
        patch.closedReason = step.note === '' ? null : step.note;
        break;
      case 'no_measure':
        patch.closedReason = step.reason;
        break;
    }
    updateSignal(tx, signal.id, patch);
    // Facts only: the texts stay in the signal itself.
    appendAudit(tx, { at: now, actorId: input.actor.id, action: `signal.${step.step}`, detail: { signalId: signal.id, from: signal.status, to: next.value, ...dates } });
    const view = signalView(tx, getSignal(tx, signal.id)!, lastCompleteMonth(now));
    return done(`signal.${next.value}`, { signal: view }, signalMessage.moved(view));
  });
}

/** The signals of a workspace (open ones, or all), each with its effect up to the last complete month. */
export function listSignals(deps: Deps, input: { scope: SignalScope; all: boolean }): Outcome<{ signals: SignalView[] }> {
  const views = deps.store.tx((tx) => signalViews(tx, signalsInScope(tx, input.scope, input.all), lastCompleteMonth(deps.clock.now())));
  return done('signal.listed', { signals: views }, signalMessage.list(views, input.all));
}

/** The open signals of a platform's workspaces (the managers' overview), each with its effect. */
export function openSignalsOf(deps: Deps, platform: Platform): SignalView[] {
  return deps.store.tx((tx) => signalViews(tx, signalsOfPlatform(tx, platform), lastCompleteMonth(deps.clock.now())));
}

/** One signal with its effect per month. */
export function showSignal(deps: Deps, input: { signalId: number; within?: SignalScope }): Outcome<{ signal: SignalView }> {
  return deps.store.tx((tx): Outcome<{ signal: SignalView }> => {
    const signal = getSignal(tx, input.signalId);
    if (!signal || (input.within && !sameScope({ platform: signal.platform, workspaceId: signal.workspaceId }, input.within))) {
      return refused('signal.not_found', signalMessage.notFound(input.signalId));
    }
    const view = signalView(tx, signal, lastCompleteMonth(deps.clock.now()));
    return done('signal.shown', { signal: view }, signalMessage.detail(view));
  });
}

// ── The CLI ────────────────────────────────────────────────────────────────────────────────────

/** Every team (to name them with --team) and every signal with its effect (the CLI's `signal list`). */
export function signalsForCli(deps: Deps): { teams: { id: number; platform: Platform; channelId: string; name: string }[]; signals: SignalView[] } {
  return deps.store.tx((tx) => ({
    teams: allTeams(tx).map((t) => ({ id: t.id, platform: t.platform, channelId: t.channelId, name: t.name })),
    signals: signalViews(tx, allSignals(tx, true), lastCompleteMonth(deps.clock.now())),
  }));
}

/** Team numbers or channel ids, comma-separated, as team ids; null when one is unknown. */
export function teamIdsFromText(deps: Deps, text: string): { teamIds: number[]; platform: Platform } | null {
  const words = text.split(',').map((w) => w.trim()).filter(Boolean);
  if (words.length === 0) return null;
  return deps.store.tx((tx) => {
    const all = allTeams(tx);
    const found = words.map((w) => all.find((t) => (/^\d+$/.test(w) && t.id === Number(w)) || t.channelId === w));
    if (found.some((t) => t === undefined)) return null;
    const list = found as Team[];
    return { teamIds: [...new Set(list.map((t) => t.id))], platform: list[0]!.platform };
  });
}

// ── The chat commands `signaal …` and `signalen` ──────────────────────────────────────────────

export interface SignalCommandInput {
  actorId: string;
  channel: ChannelRef | null;
  conversation: ChannelRef | null;
  /** The words after `signaal` (or after `signalen`). */
  text: string;
}

const scopeHere = (ctx: Ctx, input: SignalCommandInput): SignalScope | null => placeOf(ctx.store.db, input.channel, input.conversation)?.scope ?? null;

/** `signaal …`: usage, new, show, or one step. */
export async function signalCommand(ctx: Ctx, input: SignalCommandInput): Promise<Outcome<{ message: Message }>> {
  const platform = ctx.directory.platform;
  const command = parseSignalCommand(input.text, isoDate(ctx.clock.now()));
  const answer = (o: Outcome<unknown>): Outcome<{ message: Message }> => (o.ok ? { ...o, value: { message: o.message ?? signalMessage.usage(platform) } } : o);
  const actor = async (): Promise<SignalActor> => ({ id: input.actorId, isAdmin: await ctx.directory.isAdmin(input.actorId) });
  switch (command.kind) {
    case 'usage':
      return answer(done('signal.usage', null, signalMessage.usage(platform)));
    case 'bad':
      return refused('signal.usage', signalMessage.bad(platform, command.word));
    case 'list':
      return signalsCommand(ctx, { ...input, text: command.all ? 'alle' : '' });
    case 'new':
      return answer(createSignal(ctx, { actor: await actor(), subject: command.subject, teams: { channel: input.channel, conversation: input.conversation }, source: 'command', platform }));
    case 'show': {
      const scope = scopeHere(ctx, input);
      return answer(showSignal(ctx, { signalId: command.id, ...(scope ? { within: scope } : {}) }));
    }
    case 'move': {
      const scope = scopeHere(ctx, input);
      return answer(moveSignalStep(ctx, { actor: await actor(), signalId: command.id, input: command.input, ...(scope ? { within: scope } : {}), platform }));
    }
  }
}

/** `signalen [alle]`: this workspace's open signals (all of them with `alle`). */
export function signalsCommand(ctx: Ctx, input: SignalCommandInput): Outcome<{ message: Message }> {
  const scope = scopeHere(ctx, input);
  if (!scope) return refused('signal.no_teams', signalMessage.noTeams(ctx.directory.platform));
  const all = /^(alle|all)$/i.test(oneLine(input.text));
  const o = listSignals(ctx, { scope, all });
  return o.ok ? { ...o, value: { message: o.message! } } : o;
}

/** The digest's button: a signal for one category in the teams the digest named. */
export async function signalFromDigest(
  ctx: Ctx,
  input: { actorId: string; slug: string; teamIds: readonly number[]; month: string | null; within: SignalScope },
): Promise<Outcome<{ signal: SignalView }>> {
  return createSignal(ctx, {
    actor: { id: input.actorId, isAdmin: await ctx.directory.isAdmin(input.actorId) },
    subject: { category: input.slug },
    teams: { teamIds: input.teamIds },
    within: input.within,
    source: 'digest',
    month: input.month !== null && parseMonthKey(input.month) ? input.month : null,
    platform: ctx.directory.platform,
  });
}
