// What every use case gets: the store, a clock, and a way to wake the outbox after a commit.
import type { Store } from '../store/db.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppDeps {
  store: Store;
  clock: Clock;
  /** Called after a transaction that enqueued chat updates. */
  outboxWake(): void;
}

/** The person acting, as the chat adapter knows them. */
export interface Actor {
  id: string;
  isAdmin: boolean;
}

/** What the chat platform knows about people; the adapter caches it. */
export interface Directory {
  isBot(userId: string): Promise<boolean>;
  isChannelMember(channelId: string, userId: string): Promise<boolean>;
}
