// Votes by button (Teams' Akkoord / Bezwaar / Mijn stem intrekken, the practice channel): the same
// path as a reaction, recorded as the platform's button pseudo-emoji; withdrawing a vote removes every
// approval and objection the person holds on the card, by button or by reaction.
import { BUTTON_EMOJI } from '../core/approval.js';
import { confirm, refusal } from '../core/messages.js';
import type { Message } from '../core/text.js';
import { getRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import type { Ctx } from './deps.js';
import { done, refused, type Outcome } from './outcome.js';
import { handleReaction, teamReactionSettings, type ReactionEvent, type ReactionOutcome } from './react.js';

export interface VoteInput {
  actorId: string;
  requestId: number;
  /** The platform's id of this click (a retried click changes nothing). */
  eventId: string;
  /** The platform's time of the click, as a sortable "seconds.micro" string. */
  eventTs: string;
}

function cardEvent(ctx: Ctx, input: VoteInput, emoji: string, added: boolean): ReactionEvent | null {
  const request = getRequest(ctx.store.db, input.requestId);
  if (!request?.messageTs) return null;
  return {
    platform: ctx.directory.platform,
    eventId: `${input.eventId}:${emoji}:${added ? 'add' : 'remove'}`,
    eventTs: input.eventTs,
    channelId: request.channelId,
    messageTs: request.messageTs,
    userId: input.actorId,
    emoji,
    added,
  };
}

function answer(o: ReactionOutcome, requestId: number, counted: Message): Outcome<ReactionOutcome> {
  if (o.outcome === 'refused') return refused('vote.refused', o.message);
  if (o.outcome === 'decided') return refused('vote.decided', confirm.decided(requestId));
  if (o.outcome === 'not_counted' || o.outcome === 'not_a_card') return refused('vote.not_counted', confirm.nothingChanged(requestId));
  return done(o.outcome === 'changed' ? 'vote.counted' : 'vote.unchanged', o, counted);
}

/** Akkoord or Bezwaar on the card. */
export async function vote(ctx: Ctx, input: VoteInput & { kind: 'approve' | 'object' }): Promise<Outcome<ReactionOutcome>> {
  const ev = cardEvent(ctx, input, input.kind === 'approve' ? BUTTON_EMOJI.approve : BUTTON_EMOJI.object, true);
  if (!ev) return refused('request.not_found', refusal.notFound);
  const o = await handleReaction(ctx, ev, ctx.directory);
  return answer(o, input.requestId, input.kind === 'approve' ? confirm.approved(input.requestId) : confirm.objected(input.requestId));
}

/** Mijn stem intrekken: every approval and objection this person holds on the card. */
export async function withdrawVote(ctx: Ctx, input: VoteInput): Promise<Outcome<{ changed: boolean }>> {
  const request = getRequest(ctx.store.db, input.requestId);
  if (!request?.messageTs) return refused('request.not_found', refusal.notFound);
  const settings = teamReactionSettings(getTeam(ctx.store.db, request.teamId));
  let changed = false;
  for (const emoji of [...settings.approvalEmoji, ...settings.objectionEmoji]) {
    const o = await handleReaction(ctx, cardEvent(ctx, input, emoji, false)!, ctx.directory);
    if (o.outcome === 'decided') return refused('vote.decided', confirm.decided(request.id));
    if (o.outcome === 'changed') changed = true;
  }
  return changed ? done('vote.withdrawn', { changed }, confirm.voteWithdrawn(request.id)) : done('vote.unchanged', { changed }, confirm.nothingChanged(request.id));
}
