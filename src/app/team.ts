// The neighbourhood team of a chat channel: created on first use with its platform's defaults.
import { PLATFORM_REACTIONS } from '../core/approval.js';
import type { Tx } from '../store/db.js';
import type { Team } from '../store/schema.js';
import { ensureTeam, type ChannelRef } from '../store/teams.js';

export type { ChannelRef, Team };

/** The team of this channel, created with the platform's reaction settings when it is new. */
export function teamOf(tx: Tx, ref: ChannelRef, now: Date, name = ''): Team {
  return ensureTeam(tx, ref, now, name, PLATFORM_REACTIONS[ref.platform]).team;
}
