// A signal as the texts show it (its teams by name, and the effect of its measure on the spends of
// its category in its teams), and where a chat message's signals belong.
import { scopeOfTeam, type SignalScope } from '../core/signal.js';
import { effectRange, signalEffect } from '../core/signalEffect.js';
import type { SignalView } from '../core/texts/signals.js';
import { monthRange } from '../core/time.js';
import type { Tx } from '../store/db.js';
import { categorySpends } from '../store/learning.js';
import type { Team } from '../store/schema.js';
import { anyTeamOfWorkspace, teamsByIds, teamsOfScope, teamsWithDigestIn, type SignalWithTeams } from '../store/signals.js';
import { findTeam, type ChannelRef } from '../store/teams.js';

/** The view of a signal; its effect counts months up to `upToMonth` (YYYY-MM). */
export function signalView(tx: Tx, s: SignalWithTeams, upToMonth: string, teamsById?: ReadonlyMap<number, Team>): SignalView {
  const teams = s.teamIds.map((id) => teamsById?.get(id) ?? teamsByIds(tx, [id])[0]).filter((x): x is Team => x !== undefined);
  let effect: SignalView['effect'] = null;
  if (s.measureDate && s.categorySlug) {
    const { firstMonth, lastMonth } = effectRange(s.measureDate);
    const spends = categorySpends(tx, { slug: s.categorySlug, teamIds: s.teamIds, start: monthRange(firstMonth).start, end: monthRange(lastMonth).end });
    effect = signalEffect(s.measureDate, upToMonth, spends);
  }
  return {
    id: s.id,
    title: s.title,
    categorySlug: s.categorySlug,
    status: s.status,
    teams: teams.map((x) => ({ id: x.id, name: x.name, channelId: x.channelId })),
    discussedWith: s.discussedWith,
    discussedOn: s.discussedOn,
    measureText: s.measureText,
    measureOwner: s.measureOwner,
    measureDate: s.measureDate,
    evaluation: s.evaluation,
    closedReason: s.closedReason,
    effect,
  };
}

/** Views of several signals, reading each team once. */
export function signalViews(tx: Tx, list: readonly SignalWithTeams[], upToMonth: string): SignalView[] {
  const teams = new Map(teamsByIds(tx, [...new Set(list.flatMap((s) => s.teamIds))]).map((t) => [t.id, t] as const));
  return list.map((s) => signalView(tx, s, upToMonth, teams));
}

/** Where a chat command is typed: a team channel, the teams' digest channel, or elsewhere in a workspace. */
export interface Place {
  scope: SignalScope;
  /** The teams a new signal concerns: the channel's team, the teams whose digest goes here, or all of the workspace. */
  teams: Team[];
}

export function placeOf(tx: Tx, channel: ChannelRef | null, conversation: ChannelRef | null): Place | null {
  const ref = channel ?? conversation;
  if (!ref) return null;
  const team = findTeam(tx, ref);
  if (team) return { scope: scopeOfTeam(team), teams: [team] };
  const digestTeams = teamsWithDigestIn(tx, ref.platform, ref.channelId);
  if (digestTeams.length > 0) {
    const scope = scopeOfTeam(digestTeams[0] as Team);
    return { scope, teams: digestTeams.filter((t) => scopeOfTeam(t).workspaceId === scope.workspaceId) };
  }
  // A Teams channel outside the teams belongs to its Teams team's tenant; a personal chat names the tenant itself.
  const sibling = anyTeamOfWorkspace(tx, ref.platform, ref.workspaceId);
  const scope = sibling ? scopeOfTeam(sibling) : { platform: ref.platform, workspaceId: ref.workspaceId };
  return { scope, teams: teamsOfScope(tx, scope) };
}
