// The practice channel (oefenomgeving): one team channel in the browser with five practice
// colleagues, on the same use cases, rules and database as Slack and Teams. What the web adapter and
// the demo data share: who the colleagues are and what they may do (the platform's directory), the
// card's message id, and what the channel page reads (cards, threads, messages for one person).
import { msg, type Message } from '../core/text.js';
import { cardIdsOfTeam, deliveredThreads, deliveredToPerson, type DeliveredMessage } from '../store/channelView.js';
import { findTeam } from '../store/teams.js';
import { loadCard, type CardModel, type Team } from './card.js';
import type { AppDeps, ChannelProblem, PlatformDirectory } from './deps.js';
import { teamOf, type ChannelRef } from './team.js';

export type { DeliveredMessage };

export interface Colleague {
  id: string;
  name: string;
  /** Team admin (manager): edits any request, sets the budget, sees the digest in the overview. */
  admin: boolean;
  /** Finance: marks payments paid (never ones they approved or requested). */
  finance: boolean;
  role: Message | null;
}

/** The practice team's channel. */
export const PRACTICE_CHANNEL: ChannelRef = { platform: 'web', workspaceId: 'oefen', channelId: 'oefen-kanaal' };
export const PRACTICE_TEAM_NAME = 'Wijkteam Oefenstad';

export const COLLEAGUES: readonly Colleague[] = [
  { id: 'anna', name: 'Anna', admin: true, finance: false, role: msg('teamleider, beheerder', 'team lead, admin') },
  { id: 'bram', name: 'Bram', admin: false, finance: false, role: null },
  { id: 'chris', name: 'Chris', admin: false, finance: false, role: null },
  { id: 'dewi', name: 'Dewi', admin: false, finance: false, role: null },
  { id: 'eva', name: 'Eva', admin: false, finance: true, role: msg('financiën', 'finance') },
];

export const colleague = (id: string): Colleague | undefined => COLLEAGUES.find((c) => c.id === id);

/** The id the practice channel gives a posted card (reactions and votes find the request by it). */
export const practiceMessageId = (requestId: number): string => `web-${requestId}`;

/** Who is who in the practice channel: everyone is a member, nobody is a bot. */
export class PracticeDirectory implements PlatformDirectory {
  readonly platform = 'web' as const;

  async isBot(): Promise<boolean> {
    return false;
  }

  async isChannelMember(channelId: string, userId: string): Promise<boolean> {
    return channelId === PRACTICE_CHANNEL.channelId && colleague(userId) !== undefined;
  }

  async isAdmin(userId: string): Promise<boolean> {
    return colleague(userId)?.admin === true;
  }

  isFinance(userId: string): boolean {
    return colleague(userId)?.finance === true;
  }

  async channelProblem(channelId: string): Promise<ChannelProblem | null> {
    return channelId === PRACTICE_CHANNEL.channelId ? null : 'bot_not_in_channel';
  }

  /** "hier", "here" or the channel's own name. */
  channelNamed(text: string, here: string | null): string | null {
    const word = text.trim().toLowerCase().replace(/^#/, '');
    if (word === 'hier' || word === 'here') return here;
    return word === PRACTICE_CHANNEL.channelId ? PRACTICE_CHANNEL.channelId : null;
  }
}

export interface ChannelCard {
  card: CardModel;
  thread: DeliveredMessage[];
}

export interface ChannelPage {
  team: Team | null;
  cards: ChannelCard[];
  /** Page back from here (`beforeId`), or null when these are the oldest. */
  olderFrom: number | null;
}

function withThreads(deps: Pick<AppDeps, 'store'>, ids: readonly number[]): ChannelCard[] {
  const thread = deliveredThreads(deps.store.db, 'web', ids);
  return ids.flatMap((id) => {
    const card = loadCard(deps.store, id);
    return card ? [{ card, thread: thread.filter((m) => m.requestId === id) }] : [];
  });
}

/** The practice team, made on first use with the platform's settings (buttons only). */
export function ensurePracticeTeam(deps: Pick<AppDeps, 'store' | 'clock'>): Team {
  return deps.store.tx((tx) => teamOf(tx, PRACTICE_CHANNEL, deps.clock.now(), PRACTICE_TEAM_NAME));
}

/** The channel's posted cards with their threads, newest first. */
export function channelPage(deps: Pick<AppDeps, 'store'>, ref: ChannelRef, opts: { limit: number; beforeId?: number | undefined }): ChannelPage {
  const team = findTeam(deps.store.db, ref) ?? null;
  if (!team) return { team, cards: [], olderFrom: null };
  const ids = cardIdsOfTeam(deps.store.db, team.id, { limit: opts.limit + 1, beforeId: opts.beforeId });
  const shown = ids.slice(0, opts.limit);
  return { team, cards: withThreads(deps, shown), olderFrom: ids.length > opts.limit ? (shown.at(-1) ?? null) : null };
}

/** One card of the practice channel with its thread (null: no such request, or not in a web channel). */
export function channelCard(deps: Pick<AppDeps, 'store'>, requestId: number): ChannelCard | null {
  const [found] = withThreads(deps, [requestId]);
  return found && found.card.team.platform === 'web' ? found : null;
}

/** The messages the bot sent to this person alone (a card that could not be posted, …), newest first. */
export function messagesFor(deps: Pick<AppDeps, 'store'>, userId: string, limit = 20): DeliveredMessage[] {
  return deliveredToPerson(deps.store.db, 'web', userId, limit);
}
