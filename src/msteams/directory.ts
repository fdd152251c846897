// What Teams knows about people and channels: the channel's roster (cached), bots, display names,
// admins (ADMIN_USER_IDS) and finance (FINANCE_USER_IDS). Names stay in memory only; the database
// knows people by their Entra object id.
import type { ChannelProblem, PlatformDirectory } from '../app/deps.js';
import type { InboundActivity } from './activity.js';
import { actorOf } from './activity.js';

export interface RosterMember {
  aadObjectId?: string;
  name?: string;
}

/** Fetches one page of a channel's roster from the channel's Bot Connector endpoint. */
export type RosterPage = (serviceUrl: string, conversationId: string, continuationToken?: string) => Promise<{ members: RosterMember[]; continuationToken?: string }>;

/** A Teams channel link ("Koppeling naar kanaal ophalen") or a bare `19:…@thread.…` id → the id. */
export function parseTeamsChannel(text: string): string | null {
  let t = text.trim();
  try {
    t = decodeURIComponent(t);
  } catch {
    return null;
  }
  const m = /(19:[A-Za-z0-9_\-.]+@thread\.(?:tacv2|skype))/.exec(t);
  return m ? m[1]! : null;
}

export class TeamsDirectory implements PlatformDirectory {
  readonly platform = 'teams' as const;
  private readonly rosters = new Map<string, { ids: Set<string>; fetchedAt: number }>();
  private readonly names = new Map<string, string>();
  private readonly bots = new Set<string>();
  /** Entra object id → the person's Teams user id (`29:…`), for their 1:1 chat. */
  private readonly teamsIds = new Map<string, string>();

  constructor(
    /** The Bot Connector endpoint of a channel (null when the bot has never been there). */
    private readonly endpoint: (channelId: string) => string | null,
    private readonly page: RosterPage,
    private readonly canReach: (serviceUrl: string, channelId: string) => Promise<boolean>,
    private readonly opts: { adminUserIds: readonly string[]; financeUserIds?: readonly string[]; membershipTtlMs: number; now?: () => number },
  ) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  /** Remember who sent an activity: bots have no Entra object id; people have a display name. */
  noteActivity(activity: InboundActivity): void {
    const actor = actorOf(activity);
    if (actor.isBot) this.bots.add(actor.id);
    else {
      if (activity.from?.name) this.names.set(actor.id, activity.from.name);
      if (activity.from?.id) this.teamsIds.set(actor.id, activity.from.id);
    }
  }

  async isBot(userId: string): Promise<boolean> {
    return this.bots.has(userId);
  }

  async isAdmin(userId: string): Promise<boolean> {
    return this.opts.adminUserIds.includes(userId);
  }

  isFinance(userId: string): boolean {
    return (this.opts.financeUserIds ?? []).includes(userId);
  }

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    return (await this.roster(channelId)).has(userId);
  }

  /** Teams channels come from the activity itself; the bot can post where its Bot Connector can read the roster. */
  async channelProblem(channelId: string): Promise<ChannelProblem | null> {
    const serviceUrl = this.endpoint(channelId);
    return serviceUrl && (await this.canReach(serviceUrl, channelId)) ? null : 'bot_not_in_channel';
  }

  channelNamed(text: string, here: string | null): string | null {
    const word = text.trim().toLowerCase();
    if (word === 'hier' || word === 'here') return here;
    return parseTeamsChannel(text);
  }

  /** The display name, or null when unknown. */
  nameOf(userId: string): string | null {
    return this.names.get(userId) ?? null;
  }

  /** The Teams user id (`29:…`) of an Entra object id, when the person was seen. */
  teamsIdOf(userId: string): string | null {
    return this.teamsIds.get(userId) ?? null;
  }

  /** Members (Entra object ids) of the team the channel belongs to, cached for the TTL. */
  async roster(channelId: string): Promise<Set<string>> {
    const cached = this.rosters.get(channelId);
    if (cached && this.now() - cached.fetchedAt < this.opts.membershipTtlMs) return cached.ids;
    const serviceUrl = this.endpoint(channelId);
    if (!serviceUrl) return new Set();
    const ids = new Set<string>();
    let token: string | undefined;
    do {
      const res = await this.page(serviceUrl, channelId, token);
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
