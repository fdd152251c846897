// What Teams knows about people: the channel's roster (cached), bots, display names, admins.
// Names stay in memory only; the database knows people by their Entra object id.
import type { Directory } from '../app/deps.js';
import type { Store } from '../store/db.js';
import type { InboundActivity } from './activity.js';
import { actorOf } from './activity.js';
import { teamsTeamByChannel } from './conversations.js';

export interface RosterMember {
  aadObjectId?: string;
  name?: string;
}

/** Fetches one page of a channel's roster from the channel's Bot Connector endpoint. */
export type RosterPage = (serviceUrl: string, conversationId: string, continuationToken?: string) => Promise<{ members: RosterMember[]; continuationToken?: string }>;

export class TeamsDirectory implements Directory {
  private readonly rosters = new Map<string, { ids: Set<string>; fetchedAt: number }>();
  private readonly names = new Map<string, string>();
  private readonly bots = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly page: RosterPage,
    private readonly opts: { adminUserIds: readonly string[]; membershipTtlMs: number; now?: () => number },
  ) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  /** Remember who sent an activity: bots have no Entra object id; people have a display name. */
  noteActivity(activity: InboundActivity): void {
    const actor = actorOf(activity);
    if (actor.isBot) this.bots.add(actor.id);
    else if (activity.from?.name) this.names.set(actor.id, activity.from.name);
  }

  async isBot(userId: string): Promise<boolean> {
    return this.bots.has(userId);
  }

  async isAdmin(userId: string): Promise<boolean> {
    return this.opts.adminUserIds.includes(userId);
  }

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    return (await this.roster(channelId)).has(userId);
  }

  /** The display name, or null when unknown. */
  nameOf(userId: string): string | null {
    return this.names.get(userId) ?? null;
  }

  /** Members (Entra object ids) of the team the channel belongs to, cached for the TTL. */
  async roster(channelId: string): Promise<Set<string>> {
    const cached = this.rosters.get(channelId);
    if (cached && this.now() - cached.fetchedAt < this.opts.membershipTtlMs) return cached.ids;
    const team = teamsTeamByChannel(this.store.db, channelId);
    if (!team?.serviceUrl) return new Set();
    const ids = new Set<string>();
    let token: string | undefined;
    do {
      const res = await this.page(team.serviceUrl, channelId, token);
      for (const m of res.members) {
        if (!m.aadObjectId) continue;
        ids.add(m.aadObjectId);
        if (m.name) this.names.set(m.aadObjectId, m.name);
      }
      token = res.continuationToken || undefined;
    } while (token);
    this.rosters.set(channelId, { ids, fetchedAt: this.now() });
    return ids;
  }

  /** conversationUpdate membersAdded / membersRemoved keep a cached roster current. */
  memberChanged(channelId: string, userId: string, joined: boolean): void {
    const cached = this.rosters.get(channelId);
    if (!cached) return;
    if (joined) cached.ids.add(userId);
    else cached.ids.delete(userId);
  }
}
