// conversationUpdate: members joining or leaving keep the cached roster current.
import type { InboundActivity } from '../activity.js';
import { channelIdOf } from '../activity.js';
import type { TeamsListenerContext } from './context.js';

export function onConversationUpdate(l: TeamsListenerContext, activity: InboundActivity & { membersAdded?: { aadObjectId?: string }[]; membersRemoved?: { aadObjectId?: string }[] }): void {
  const channelId = channelIdOf(activity);
  if (!channelId) return;
  for (const m of activity.membersAdded ?? []) if (m.aadObjectId) l.ctx.directory.memberChanged(channelId, m.aadObjectId, true);
  for (const m of activity.membersRemoved ?? []) if (m.aadObjectId) l.ctx.directory.memberChanged(channelId, m.aadObjectId, false);
}
