// What every Teams listener gets: the use cases' context (with Teams' directory), the log, the
// 1:1 chats, names for rendering, and the registration of the channel an activity came from.
import type { Ctx } from '../../app/deps.js';
import { registerTeamsChannel } from '../../app/msteamsChannels.js';
import type { Log } from '../../log.js';
import type { InboundActivity } from '../activity.js';
import { channelRefOf, isChannel, tenantIdOf } from '../activity.js';
import type { TeamsDirectory } from '../directory.js';
import type { PersonalChats } from '../personal.js';
import type { Names } from '../render.js';

export interface TeamsListenerContext {
  ctx: Ctx & { directory: TeamsDirectory };
  log: Log;
  personal: PersonalChats;
  names: Names;
  /** Microsoft's Teams service hosts the bot may store and call (tests add their double). */
  serviceHosts: readonly string[];
}

/** The team channel the activity came from (registered, with its endpoint), or null outside a team channel. */
export function channelOf(l: TeamsListenerContext, activity: InboundActivity) {
  const ref = channelRefOf(activity);
  if (!ref || !isChannel(activity)) return null;
  const info = { serviceUrl: activity.serviceUrl ?? '', tenantId: tenantIdOf(activity), name: activity.channelData?.channel?.name ?? '' };
  const { endpoint } = registerTeamsChannel(l.ctx, ref, info, l.serviceHosts);
  if (endpoint === 'refused_host' || endpoint === 'refused_change') l.log.warn('teams.service_url_refused', { code: endpoint });
  return ref;
}

/** Every activity: remember who acted (bot or person, display name) and their 1:1 chat. */
export function noteActivity(l: TeamsListenerContext, activity: InboundActivity): void {
  l.ctx.directory.noteActivity(activity);
  l.personal.noteActivity(activity);
}
