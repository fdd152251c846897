// Who may approve, how reactions count, and when a request is decided.
import type { Platform } from './platform.js';
import type { RequestStatus } from './request.js';
import { isUndecided } from './request.js';

export interface ReactionSettings {
  approvalEmoji: readonly string[];
  objectionEmoji: readonly string[];
}

export const DEFAULT_APPROVAL_EMOJI = ['white_check_mark', 'heavy_check_mark', '+1'] as const;
export const DEFAULT_OBJECTION_EMOJI = ['x', 'raised_hand'] as const;

/** Card buttons (Teams, the practice channel) are recorded as these pseudo-emoji, next to real reactions. */
export const BUTTON_EMOJI = { approve: 'akkoord', object: 'bezwaar' } as const;

/**
 * What approves and objects on each platform unless a team changes it (comma-separated, as the
 * teams table stores it): Slack's ✅/❌ reactions; Teams' 👍/😠 reactions and buttons; buttons only
 * in the practice channel.
 */
export const PLATFORM_REACTIONS: Readonly<Record<Platform, { approvalEmoji: string; objectionEmoji: string }>> = {
  slack: { approvalEmoji: DEFAULT_APPROVAL_EMOJI.join(','), objectionEmoji: DEFAULT_OBJECTION_EMOJI.join(',') },
  teams: { approvalEmoji: `like,${BUTTON_EMOJI.approve}`, objectionEmoji: `angry,${BUTTON_EMOJI.object}` },
  web: { approvalEmoji: BUTTON_EMOJI.approve, objectionEmoji: BUTTON_EMOJI.object },
};

/** `+1::skin-tone-3` is `+1`: skin tones never make a different emoji. */
export function normalizeEmoji(name: string): string {
  return name.trim().replace(/::skin-tone-\d+$/u, '').toLowerCase();
}

export function parseEmojiList(csv: string): string[] {
  return csv
    .split(',')
    .map((s) => normalizeEmoji(s.trim().replace(/^:+|:+$/g, '')))
    .filter((s) => s.length > 0);
}

export type ReactionKind = 'approve' | 'object';

/** What a reaction means on a request card, or null when it means nothing. */
export function classifyReaction(name: string, settings: ReactionSettings): ReactionKind | null {
  const emoji = normalizeEmoji(name);
  if (settings.approvalEmoji.includes(emoji)) return 'approve';
  if (settings.objectionEmoji.includes(emoji)) return 'object';
  return null;
}

export interface Reactor {
  userId: string;
  isBot: boolean;
  isChannelMember: boolean;
}

export type IneligibleReason = 'requester' | 'bot' | 'not_member';

/** Why this person's approval or objection does not count, or null when it does. */
export function ineligibility(reactor: Reactor, requesterId: string): IneligibleReason | null {
  if (reactor.isBot) return 'bot';
  if (reactor.userId === requesterId) return 'requester';
  if (!reactor.isChannelMember) return 'not_member';
  return null;
}

export interface DecisionInput {
  status: RequestStatus;
  /** How many distinct eligible people hold an approval on the current version. */
  approvals: number;
  /** How many distinct people hold an objection. */
  objections: number;
  approvalsNeeded: number;
}

/**
 * The status that follows from the approvals and objections held now. A decided request never
 * changes here; an objection holds the request however many approvals it has.
 */
export function decide(input: DecisionInput): RequestStatus {
  if (!isUndecided(input.status)) return input.status;
  if (input.objections > 0) return 'on_hold';
  if (input.approvals >= input.approvalsNeeded) return 'approved';
  return 'open';
}
