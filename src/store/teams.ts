// Teams (one per channel), their settings and annual budgets.
import { and, eq } from 'drizzle-orm';
import type { Tx } from './db.js';
import { selectRows } from './prepared.js';
import { teamBudgets, teams, type Team } from './schema.js';

export interface ChannelRef {
  platform: 'slack' | 'teams';
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

/** Settings a platform adapter may give a team when it is created (e.g. Teams' reaction names). */
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
