// Signals and the teams they concern; which teams belong to a workspace (Slack) or tenant (Teams).
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { OPEN_SIGNAL_STATUSES, type SignalScope } from '../core/signal.js';
import type { Tx } from './db.js';
import { signals, signalTeams, teams, type SignalRow, type Team } from './schema.js';

export type { SignalRow };

export interface NewSignal {
  scope: SignalScope;
  categorySlug: string | null;
  title: string;
  source: SignalRow['source'];
  month: string | null;
  createdBy: string;
  at: Date;
}

/** A signal with the ids of its teams. */
export type SignalWithTeams = SignalRow & { teamIds: number[] };

export function insertSignal(tx: Tx, s: NewSignal, teamIds: readonly number[]): SignalWithTeams {
  const row = tx
    .insert(signals)
    .values({
      platform: s.scope.platform,
      workspaceId: s.scope.workspaceId,
      categorySlug: s.categorySlug,
      title: s.title,
      source: s.source,
      month: s.month,
      createdBy: s.createdBy,
      createdAt: s.at,
      updatedAt: s.at,
    })
    .returning()
    .get();
  const ids = [...new Set(teamIds)].sort((a, b) => a - b);
  if (ids.length) tx.insert(signalTeams).values(ids.map((teamId) => ({ signalId: row.id, teamId }))).run();
  return { ...row, teamIds: ids };
}

export type SignalPatch = Partial<Pick<SignalRow, 'status' | 'discussedWith' | 'discussedOn' | 'measureText' | 'measureOwner' | 'measureDate' | 'evaluation' | 'closedReason'>> & { updatedAt: Date };

export function updateSignal(tx: Tx, id: number, patch: SignalPatch): void {
  tx.update(signals).set(patch).where(eq(signals.id, id)).run();
}

function withTeams(tx: Tx, rows: SignalRow[]): SignalWithTeams[] {
  if (rows.length === 0) return [];
  const links = tx
    .select()
    .from(signalTeams)
    .where(inArray(signalTeams.signalId, rows.map((r) => r.id)))
    .orderBy(asc(signalTeams.teamId))
    .all();
  const byId = new Map<number, number[]>();
  for (const l of links) (byId.get(l.signalId) ?? byId.set(l.signalId, []).get(l.signalId)!).push(l.teamId);
  return rows.map((r) => ({ ...r, teamIds: byId.get(r.id) ?? [] }));
}

export function getSignal(tx: Tx, id: number): SignalWithTeams | undefined {
  const row = tx.select().from(signals).where(eq(signals.id, id)).get();
  return row ? withTeams(tx, [row])[0] : undefined;
}

/** The signals of a workspace, oldest first; open ones only unless `all`. */
export function signalsInScope(tx: Tx, scope: SignalScope, all = false): SignalWithTeams[] {
  const rows = tx
    .select()
    .from(signals)
    .where(and(eq(signals.platform, scope.platform), eq(signals.workspaceId, scope.workspaceId), all ? undefined : inArray(signals.status, [...OPEN_SIGNAL_STATUSES])))
    .orderBy(asc(signals.id))
    .all();
  return withTeams(tx, rows);
}

/** Signals that concern any of these teams (a digest for some teams), oldest first. */
export function signalsOfTeams(tx: Tx, teamIds: readonly number[], all = false): SignalWithTeams[] {
  if (teamIds.length === 0) return [];
  const rows = tx
    .selectDistinct({ s: signals })
    .from(signals)
    .innerJoin(signalTeams, eq(signalTeams.signalId, signals.id))
    .where(and(inArray(signalTeams.teamId, [...teamIds]), all ? undefined : inArray(signals.status, [...OPEN_SIGNAL_STATUSES])))
    .orderBy(asc(signals.id))
    .all()
    .map((x) => x.s);
  return withTeams(tx, rows);
}

/** The open signals of one platform, oldest first. */
export function signalsOfPlatform(tx: Tx, platform: SignalScope['platform']): SignalWithTeams[] {
  const rows = tx
    .select()
    .from(signals)
    .where(and(eq(signals.platform, platform), inArray(signals.status, [...OPEN_SIGNAL_STATUSES])))
    .orderBy(asc(signals.id))
    .all();
  return withTeams(tx, rows);
}

/** Every signal with its teams (a digest of all teams). */
export function allSignals(tx: Tx, all = false): SignalWithTeams[] {
  const rows = tx
    .select()
    .from(signals)
    .where(all ? undefined : inArray(signals.status, [...OPEN_SIGNAL_STATUSES]))
    .orderBy(asc(signals.id))
    .all();
  return withTeams(tx, rows);
}

export function allTeams(tx: Tx): Team[] {
  return tx.select().from(teams).orderBy(asc(teams.id)).all();
}

export function teamsByIds(tx: Tx, ids: readonly number[]): Team[] {
  if (ids.length === 0) return [];
  return tx.select().from(teams).where(inArray(teams.id, [...ids])).orderBy(asc(teams.id)).all();
}

/** The teams of a scope: a Slack workspace, or the Teams channels of a tenant (or of a Teams team when the tenant is unknown). */
export function teamsOfScope(tx: Tx, scope: SignalScope): Team[] {
  const where =
    scope.platform === 'teams'
      ? and(eq(teams.platform, 'teams'), or(eq(teams.tenantId, scope.workspaceId), and(isNull(teams.tenantId), eq(teams.workspaceId, scope.workspaceId))))
      : and(eq(teams.platform, scope.platform), eq(teams.workspaceId, scope.workspaceId));
  return tx.select().from(teams).where(where).orderBy(asc(teams.id)).all();
}

/** Teams whose monthly digest goes to this channel. */
export function teamsWithDigestIn(tx: Tx, platform: SignalScope['platform'], channelId: string): Team[] {
  return tx
    .select()
    .from(teams)
    .where(and(eq(teams.platform, platform), eq(teams.digestChannelId, channelId)))
    .orderBy(asc(teams.id))
    .all();
}

/** Any team of a platform's workspace (a Teams team's channels share its tenant). */
export function anyTeamOfWorkspace(tx: Tx, platform: SignalScope['platform'], workspaceId: string): Team | undefined {
  return tx.select().from(teams).where(and(eq(teams.platform, platform), eq(teams.workspaceId, workspaceId))).orderBy(asc(teams.id)).get();
}
