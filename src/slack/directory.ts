// What Slack knows about people and channels, cached: bots, admins, channel members.
import type { webApi } from '@slack/bolt';
import type { Directory } from '../app/deps.js';

type WebClient = webApi.WebClient;

interface UserInfo {
  isBot: boolean;
  isAdmin: boolean;
}

export class SlackDirectory implements Directory {
  private readonly users = new Map<string, UserInfo>();
  private readonly members = new Map<string, { ids: Set<string>; fetchedAt: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly opts: { adminUserIds: readonly string[]; membershipTtlMs: number; now?: () => number },
  ) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  private async user(userId: string): Promise<UserInfo> {
    const cached = this.users.get(userId);
    if (cached) return cached;
    const res = await this.client.users.info({ user: userId });
    const u = res.user;
    const info = { isBot: Boolean(u?.is_bot) || userId === 'USLACKBOT', isAdmin: Boolean(u?.is_admin || u?.is_owner) };
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

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    const cached = this.members.get(channelId);
    if (cached && this.now() - cached.fetchedAt < this.opts.membershipTtlMs) return cached.ids.has(userId);
    const ids = new Set<string>();
    let cursor: string | undefined;
    do {
      const res = await this.client.conversations.members({ channel: channelId, limit: 200, ...(cursor ? { cursor } : {}) });
      for (const id of res.members ?? []) ids.add(id);
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor);
    this.members.set(channelId, { ids, fetchedAt: this.now() });
    return ids.has(userId);
  }

  /** member_joined_channel / member_left_channel keep a cached list current without refetching. */
  memberChanged(channelId: string, userId: string, joined: boolean): void {
    const cached = this.members.get(channelId);
    if (!cached) return;
    if (joined) cached.ids.add(userId);
    else cached.ids.delete(userId);
  }
}
