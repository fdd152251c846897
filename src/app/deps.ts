// What every use case gets: the store, a clock, a way to wake the outbox after a commit, and what
// the chat platform knows about people and channels (the Directory, cached by the adapter).
import type { Platform } from '../core/platform.js';
import type { Store } from '../store/db.js';
import type { Telemetry } from './telemetry.js';

export type { Platform };

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppDeps {
  store: Store;
  clock: Clock;
  /** Called after a transaction that enqueued chat updates. */
  outboxWake(): void;
  /** Monitoring (src/ops/metrics.ts); nothing when left out. */
  telemetry?: Telemetry;
}

/** What a chat platform knows about people and channels; the adapter caches it. */
export interface Directory {
  isBot(userId: string): Promise<boolean>;
  isChannelMember(channelId: string, userId: string): Promise<boolean>;
}

/** A direct message is no team channel; a channel the bot cannot post in gets no card. */
export type ChannelProblem = 'not_a_channel' | 'bot_not_in_channel';

/** The Directory of one platform, with what authorization needs. */
export interface PlatformDirectory extends Directory {
  readonly platform: Platform;
  /** Team admins (workspace admins and owners on Slack, ADMIN_USER_IDS everywhere). */
  isAdmin(userId: string): Promise<boolean>;
  /** The finance group (FINANCE_USER_IDS): they mark payments paid. */
  isFinance(userId: string): boolean;
  /** Whether the channel can hold requests and cards (with `botMustBeIn`: the bot is in it now): null when it can. */
  channelProblem(channelId: string, botMustBeIn?: boolean): Promise<ChannelProblem | null>;
  /**
   * A channel named by a person in a command (Slack `<#C123|naam>`, a Teams channel link, the word
   * for "here"), as a channel id; null when the text names no channel.
   */
  channelNamed(text: string, here: string | null): string | null;
}

/** A use case's context: the shared dependencies and the acting platform's directory. */
export interface Ctx extends AppDeps {
  directory: PlatformDirectory;
}
