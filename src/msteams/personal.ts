// Teams has no ephemeral messages: what only one person should read goes to their 1:1 chat with
// the bot. The conversation is created through the Bot Connector (POST /v3/conversations with the
// person's Teams user id and tenant): allowed without extra permissions for members of a team in
// which the app is installed. The conversation id is remembered in memory per person.
import type { Log } from '../log.js';
import type { InboundActivity } from './activity.js';
import { tenantIdOf } from './activity.js';
import type { Connector } from './connector.js';

export interface PersonalTarget {
  serviceUrl: string;
  tenantId: string;
  /** The person's Teams user id (`29:…`, activity.from.id), not the Entra object id. */
  userId: string;
}

export function personalTargetOf(activity: InboundActivity): PersonalTarget | null {
  const userId = activity.from?.id;
  const serviceUrl = activity.serviceUrl;
  if (!userId || !serviceUrl) return null;
  return { serviceUrl, tenantId: tenantIdOf(activity), userId };
}

export class PersonalChats {
  private readonly conversations = new Map<string, string>();

  constructor(
    private readonly connector: Connector,
    private readonly log: Log,
  ) {}

  /** A message in the person's own 1:1 chat with the bot: remember that conversation. */
  noteActivity(activity: InboundActivity): void {
    if (activity.conversation?.conversationType !== 'personal') return;
    const userId = activity.from?.id;
    const conversationId = activity.conversation.id;
    if (userId && conversationId) this.conversations.set(userId, conversationId);
  }

  /** Send `activity` to the person's 1:1 chat; false (logged, never thrown) when Teams refuses. */
  async send(target: PersonalTarget, activity: object, what: string): Promise<boolean> {
    try {
      let conversationId = this.conversations.get(target.userId);
      if (!conversationId) {
        conversationId = (await this.connector.createPersonal(target.serviceUrl, target.tenantId, target.userId)).id;
        if (!conversationId) throw new Error('no conversation id');
        this.conversations.set(target.userId, conversationId);
      }
      await this.connector.create(target.serviceUrl, conversationId, activity);
      this.log.info('teams.personal.sent', { what });
      return true;
    } catch (e) {
      const status = (e as { response?: { status?: number } }).response?.status;
      this.log.warn('teams.personal.failed', { what, status: status ?? 'error' });
      return false;
    }
  }
}
