// Reading what Teams sends: who acts, in which channel, when. Identity is the Entra object id.

/** The parts of a Bot Framework activity this adapter reads (Teams' JSON, loosely typed). */
export interface InboundActivity {
  type: string;
  id?: string;
  name?: string;
  timestamp?: string | Date;
  serviceUrl?: string;
  replyToId?: string;
  text?: string;
  value?: unknown;
  from?: { id?: string; name?: string; aadObjectId?: string; role?: string };
  conversation?: { id?: string; conversationType?: string; tenantId?: string };
  channelData?: { channel?: { id?: string; name?: string }; team?: { id?: string; name?: string }; tenant?: { id?: string } };
  reactionsAdded?: { type?: string }[];
  reactionsRemoved?: { type?: string }[];
}

/** Who is acting: the Entra object id for people; bots have none (their channel id is used). */
export function actorOf(activity: InboundActivity): { id: string; isBot: boolean } {
  const from = activity.from ?? {};
  const isBot = from.role === 'bot' || !from.aadObjectId;
  return { id: from.aadObjectId ?? from.id ?? 'unknown', isBot };
}

/** The channel's conversation id without the thread suffix (`;messageid=…`). */
export function channelIdOf(activity: InboundActivity): string | null {
  const fromChannelData = activity.channelData?.channel?.id;
  const conv = activity.conversation?.id;
  const id = fromChannelData ?? conv?.split(';')[0];
  return id || null;
}

/** Only team channels hold requests: not a personal chat or a group chat. */
export function isChannel(activity: InboundActivity): boolean {
  return activity.conversation?.conversationType === 'channel' || Boolean(activity.channelData?.channel?.id);
}

export function tenantIdOf(activity: InboundActivity): string {
  return activity.channelData?.tenant?.id ?? activity.conversation?.tenantId ?? '';
}

/** A team is one channel; the "workspace" is the Teams team (or the tenant when unknown). */
export function channelRefOf(activity: InboundActivity): { platform: 'teams'; workspaceId: string; channelId: string } | null {
  const channelId = channelIdOf(activity);
  if (!channelId) return null;
  return { platform: 'teams', workspaceId: activity.channelData?.team?.id ?? tenantIdOf(activity), channelId };
}

/**
 * The activity time as the sortable "seconds.micro" string the reactions table compares
 * (Teams sends ISO 8601 with up to 7 fraction digits).
 */
export function eventTsOf(timestamp: string | Date | undefined, fallback: Date): string {
  if (timestamp instanceof Date) timestamp = timestamp.toISOString();
  const m = typeof timestamp === 'string' ? /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(timestamp) : null;
  const whole = m ? Date.parse(`${m[1]}${m[3]}`) : NaN;
  if (!m || Number.isNaN(whole)) {
    const ms = fallback.getTime();
    return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
  }
  const micro = (m[2] ?? '').padEnd(6, '0').slice(0, 6);
  return `${Math.floor(whole / 1000)}.${micro}`;
}

/** The text of a message to the bot, without the `<at>minimaatwerk</at>` mention. */
export function commandText(activity: InboundActivity): string {
  return (activity.text ?? '')
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .trim();
}

/** The data object of a card action or dialog submit. */
export function actionData(activity: InboundActivity): Record<string, unknown> {
  const v = activity.value as { action?: { data?: unknown }; data?: unknown } | undefined;
  const data = v?.action?.data ?? v?.data ?? v;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
