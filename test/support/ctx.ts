// A use-case context for tests below the chat adapters: a real store, a test clock, and a
// directory that answers from sets (who is a member, admin, finance, bot).
import type { ChannelProblem, Ctx, Platform, PlatformDirectory } from '../../src/app/deps.js';
import type { Store } from '../../src/store/db.js';
import type { TestClock } from './bot.js';

export interface TestPeople {
  /** Members of every channel (default: everyone is a member). */
  members?: Set<string> | 'everyone';
  admins?: Set<string>;
  finance?: Set<string>;
  bots?: Set<string>;
  /** Channels the bot cannot post in. */
  closedChannels?: Set<string>;
}

export function testDirectory(platform: Platform = 'slack', people: TestPeople = {}): PlatformDirectory {
  const members = people.members ?? 'everyone';
  return {
    platform,
    isBot: async (id) => people.bots?.has(id) ?? false,
    isChannelMember: async (_channel, id) => members === 'everyone' || members.has(id),
    isAdmin: async (id) => people.admins?.has(id) ?? false,
    isFinance: (id) => people.finance?.has(id) ?? false,
    channelProblem: async (channelId): Promise<ChannelProblem | null> => (people.closedChannels?.has(channelId) ? 'bot_not_in_channel' : null),
    channelNamed: (text, here) => (text.trim() === 'hier' ? here : text.trim() || null),
  };
}

export function testCtx(store: Store, clock: TestClock, people: TestPeople = {}, platform: Platform = 'slack'): Ctx {
  return { store, clock, outboxWake: () => {}, directory: testDirectory(platform, people) };
}
