// Teams channels as teams in the shared database: created with Teams' reaction names, and the
// channel's Bot Connector endpoint (serviceUrl) kept current for proactive sends.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../store/db.js';
import { teams, type Team } from '../store/schema.js';
import { ensureTeam, type ChannelRef } from '../store/teams.js';

/** Teams reactions (and card buttons, as pseudo-emoji) that approve or object, unless a team changes them. */
export const TEAMS_APPROVAL_EMOJI = 'like,akkoord';
export const TEAMS_OBJECTION_EMOJI = 'angry,bezwaar';
/** The pseudo-emoji names the card buttons record, next to real reactions. */
export const BUTTON_EMOJI = { approve: 'akkoord', object: 'bezwaar' } as const;

export function ensureTeamsTeam(tx: Tx, ref: ChannelRef & { platform: 'teams' }, info: { serviceUrl: string; tenantId: string; name?: string }, now: Date): Team {
  const { team, created } = ensureTeam(tx, ref, now, info.name ?? '', {
    approvalEmoji: TEAMS_APPROVAL_EMOJI,
    objectionEmoji: TEAMS_OBJECTION_EMOJI,
    serviceUrl: info.serviceUrl,
    tenantId: info.tenantId,
  });
  if (!created && info.serviceUrl && (team.serviceUrl !== info.serviceUrl || (info.tenantId && team.tenantId !== info.tenantId))) {
    return tx.update(teams).set({ serviceUrl: info.serviceUrl, tenantId: info.tenantId || team.tenantId }).where(eq(teams.id, team.id)).returning().get()!;
  }
  return team;
}

/** The Teams team (channel) with this conversation id. */
export function teamsTeamByChannel(tx: Tx, channelId: string): Team | undefined {
  return tx.select().from(teams).where(and(eq(teams.platform, 'teams'), eq(teams.channelId, channelId))).get();
}
