// Who may change a request, and who may file in a channel: the same rules on every platform.
import type { Message } from '../core/messages.js';
import { refusal } from '../core/messages.js';
import { isUndecided } from '../core/request.js';
import type { RequestRow } from '../store/schema.js';
import type { Ctx } from './deps.js';

/** Why `userId` may not change or close `request` now, or null when they may. */
export async function whyNotChange(ctx: Ctx, userId: string, request: RequestRow): Promise<Message | null> {
  if (userId !== request.requesterId && !(await ctx.directory.isAdmin(userId))) return refusal.notRequester(request.id);
  if (!isUndecided(request.status)) return refusal.alreadyDecided(request.id, request.status);
  // Filing and editing stay with the channel's members (an admin acts everywhere).
  if (userId === request.requesterId && !(await ctx.directory.isChannelMember(request.channelId, userId))) return refusal.notChannelMember;
  return null;
}

/** Why `userId` may not file a request in this channel now, or null when they may. */
export async function whyNotFileIn(ctx: Ctx, userId: string, channelId: string): Promise<Message | null> {
  const problem = await ctx.directory.channelProblem(channelId);
  if (problem === 'not_a_channel') return refusal.noChannel(ctx.directory.platform);
  if (problem === 'bot_not_in_channel') return refusal.botNotInChannel;
  if (!(await ctx.directory.isChannelMember(channelId, userId))) return refusal.notChannelMember;
  return null;
}
