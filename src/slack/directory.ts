// What Slack knows about people and channels, cached: bots, admins, channel members.
// Channel membership is trusted for `membershipTtlMs`, and kept current in between by
// member_joined_channel / member_left_channel events; concurrent look-ups share one fetch.
import type { webApi } from '@slack/bolt';
import type { ChannelProblem, PlatformDirectory } from '../app/deps.js';

type WebClient = webApi.WebClient;

interface UserInfo {
  isBot: boolean;
  isAdmin: boolean;
  fetchedAt: number;
}

export interface ChannelInfo {
  name: string;
  isIm: boolean;
  isMpim: boolean;
  isPrivate: boolean;
  /** Whether the bot is in it (Slack leaves it out for some channel kinds). */
  isMember: boolean | undefined;
}

interface MemberList {
  ids: Set<string>;
  fetchedAt: number;
}

export class SlackDirectory implements PlatformDirectory {
  readonly platform = 'slack' as const;
  private readonly users = new Map<string, UserInfo>();
  private readonly members = new Map<string, MemberList>();
  private readonly fetching = new Map<string, { list: Promise<MemberList>; changes: [string, boolean][] }>();
  private readonly channels = new Map<string, { info: ChannelInfo; fetchedAt: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly opts: { adminUserIds: readonly string[]; financeUserIds?: readonly string[]; membershipTtlMs: number; now?: () => number },
  ) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  private fresh(fetchedAt: number): boolean {
    return this.now() - fetchedAt < this.opts.membershipTtlMs;
  }

  private async user(userId: string): Promise<UserInfo> {
    const cached = this.users.get(userId);
    // Bots stay bots; admin rights are looked up again after the same time as memberships.
    if (cached && (cached.isBot || this.fresh(cached.fetchedAt))) return cached;
    const res = await this.client.users.info({ user: userId });
    const u = res.user;
    const info = { isBot: Boolean(u?.is_bot) || userId === 'USLACKBOT', isAdmin: Boolean(u?.is_admin || u?.is_owner), fetchedAt: this.now() };
    this.users.set(userId, info);
    return info;
  }

  async isBot(userId: string): Promise<boolean> {
    return (await this.user(userId)).isBot;
  }

  /** Team admins: configured ids, and the workspace's admins and owners. */
  async isAdmin(userId: string): Promise<boolean> {
    if (this.opts.adminUserIds.includes(userId)) return true;
    return (await this.user(userId)).isAdmin;
  }

  isFinance(userId: string): boolean {
    return (this.opts.financeUserIds ?? []).includes(userId);
  }

  /**
   * A direct message is no team channel; a private channel without the bot cannot get a card (a
   * public one can: the bot joins when it posts the card). `botMustBeIn`: the bot must be in it now.
   */
  async channelProblem(channelId: string, botMustBeIn = false): Promise<ChannelProblem | null> {
    const conv = await this.channel(channelId);
    if (!conv) return 'bot_not_in_channel';
    if (conv.isIm || conv.isMpim) return 'not_a_channel';
    if (botMustBeIn ? conv.isMember !== true : conv.isPrivate && conv.isMember === false) return 'bot_not_in_channel';
    return null;
  }

  /** `<#C123|naam>`, `<#C123>` or a bare `C123` → 'C123'. */
  channelNamed(text: string): string | null {
    const t = text.trim();
    const mention = /^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$/.exec(t);
    if (mention) return mention[1] ?? null;
    return /^[CG][A-Z0-9]{2,}$/.test(t) ? t : null;
  }

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    const cached = this.members.get(channelId);
    if (cached && this.fresh(cached.fetchedAt)) return cached.ids.has(userId);
    return (await this.fetchMembers(channelId)).ids.has(userId);
  }

  private fetchMembers(channelId: string): Promise<MemberList> {
    const inFlight = this.fetching.get(channelId);
    if (inFlight) return inFlight.list;
    const changes: [string, boolean][] = [];
    const startedAt = this.now();
    const list = (async () => {
      const ids = new Set<string>();
      let cursor: string | undefined;
      do {
        const res = await this.client.conversations.members({ channel: channelId, limit: 200, ...(cursor ? { cursor } : {}) });
        for (const id of res.members ?? []) ids.add(id);
        cursor = res.response_metadata?.next_cursor || undefined;
      } while (cursor);
      // A join or leave announced while the list was being read is newer than the list.
      for (const [id, joined] of changes) {
        if (joined) ids.add(id);
        else ids.delete(id);
      }
      const entry = { ids, fetchedAt: startedAt };
      this.members.set(channelId, entry);
      return entry;
    })().finally(() => this.fetching.delete(channelId));
    this.fetching.set(channelId, { list, changes });
    return list;
  }

  /**
   * conversations.info of a channel, kept as long as a member list (a join or leave in it drops
   * it: the bot itself may have come or gone); undefined when Slack does not show it to the bot.
   */
  async channel(channelId: string): Promise<ChannelInfo | undefined> {
    const cached = this.channels.get(channelId);
    if (cached && this.fresh(cached.fetchedAt)) return cached.info;
    const fetchedAt = this.now();
    const res = await this.client.conversations.info({ channel: channelId }).catch(() => undefined);
    const c = res?.channel;
    if (!c) return undefined;
    const info: ChannelInfo = { name: c.name ?? '', isIm: Boolean(c.is_im), isMpim: Boolean(c.is_mpim), isPrivate: Boolean(c.is_private), isMember: c.is_member };
    this.channels.set(channelId, { info, fetchedAt });
    return info;
  }

  /** member_joined_channel / member_left_channel keep a cached list current without refetching. */
  memberChanged(channelId: string, userId: string, joined: boolean): void {
    this.channels.delete(channelId);
    this.fetching.get(channelId)?.changes.push([userId, joined]);
    const cached = this.members.get(channelId);
    if (!cached) return;
    if (joined) cached.ids.add(userId);
    else cached.ids.delete(userId);
  }
}
