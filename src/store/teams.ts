// Teams (one per channel), their settings and annual budgets.
import { and, eq, or } from 'drizzle-orm';
import type { Tx } from './db.js';
import { selectRows } from './prepared.js';
import { teamBudgets, teams, type Team } from './schema.js';

export type { Platform } from '../core/platform.js';
import type { Platform } from '../core/platform.js';

export interface ChannelRef {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

export function findTeam(tx: Tx, ref: ChannelRef): Team | undefined {
  return tx
    .select()
    .from(teams)
    .where(and(eq(teams.platform, ref.platform), eq(teams.workspaceId, ref.workspaceId), eq(teams.channelId, ref.channelId)))
    .get();
}

/** The team of a channel of a platform (channel ids are unique per platform). */
export function teamByChannel(tx: Tx, platform: Platform, channelId: string): Team | undefined {
  return tx.select().from(teams).where(and(eq(teams.platform, platform), eq(teams.channelId, channelId))).get();
}

/** Settings a team gets when it is created (e.g. the platform's reaction names). */
export type TeamCreateSettings = Partial<Pick<typeof teams.$inferInsert, 'approvalEmoji' | 'objectionEmoji' | 'serviceUrl' | 'tenantId'>>;

/** The first use of the bot in a channel makes it a team, with the default settings. */
export function ensureTeam(tx: Tx, ref: ChannelRef, now: Date, name = '', settings: TeamCreateSettings = {}): { team: Team; created: boolean } {
  const existing = findTeam(tx, ref);
  if (existing) return { team: existing, created: false };
  const team = tx.insert(teams).values({ ...settings, ...ref, name, createdAt: now }).returning().get();
  return { team, created: true };
}

export function getTeam(tx: Tx, id: number): Team {
  const team = selectRows(tx, teams, 'id = ?').get(id);
  if (!team) throw new Error(`team ${id} not found`);
  return team;
}

export function teamsOfPlatform(tx: Tx, platform: Platform): Team[] {
  return tx.select().from(teams).where(eq(teams.platform, platform)).orderBy(teams.id).all();
}

/** Microsoft Teams: where and for which tenant the bot sends to this team's channel. */
export function setTeamEndpoint(tx: Tx, teamId: number, serviceUrl: string, tenantId: string | null): Team {
  return tx.update(teams).set({ serviceUrl, tenantId }).where(eq(teams.id, teamId)).returning().get()!;
}

/** A Microsoft Teams service URL any team of the platform has (a digest channel outside the teams). */
export function anyServiceUrl(tx: Tx, platform: Platform): string | null {
  return teamsOfPlatform(tx, platform).find((t) => t.serviceUrl)?.serviceUrl ?? null;
}

export function setDigestChannel(tx: Tx, teamId: number, channelId: string): void {
  tx.update(teams).set({ digestChannelId: channelId }).where(eq(teams.id, teamId)).run();
}

export function getAnnualBudget(tx: Tx, teamId: number, year: number): number | null {
  const row = tx
    .select({ amountCents: teamBudgets.amountCents })
    .from(teamBudgets)
    .where(and(eq(teamBudgets.teamId, teamId), eq(teamBudgets.year, year)))
    .get();
  return row?.amountCents ?? null;
}

export function setAnnualBudget(tx: Tx, teamId: number, year: number, amountCents: number, setBy: string, at: Date): void {
  tx.insert(teamBudgets)
    .values({ teamId, year, amountCents, setBy, setAt: at })
    .onConflictDoUpdate({ target: [teamBudgets.teamId, teamBudgets.year], set: { amountCents, setBy, setAt: at } })
    .run();
}

/**
 * The teams of one organisation (a municipality): a Slack workspace, or on Microsoft Teams the
 * tenant (a Teams team is only part of it).
 */
export function teamIdsOfOrganisation(tx: Tx, platform: Platform, organisationId: string): number[] {
  const where = platform === 'teams' ? or(eq(teams.tenantId, organisationId), eq(teams.workspaceId, organisationId)) : eq(teams.workspaceId, organisationId);
  return tx.select({ id: teams.id }).from(teams).where(and(eq(teams.platform, platform), where)).orderBy(teams.id).all().map((t) => t.id);
}
