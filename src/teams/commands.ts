// The Teams bot commands besides `aanvraag`, `help` and `budget`: the personal overview
// (`overzicht`), the digest on request (`digest [JJJJ-MM]`) and the team's digest channel
// (`digest-kanaal <link naar kanaal>`).
import { digestCommandUseCase, setDigestChannel } from '../app/digest.js';
import { homeFor } from '../app/home.js';
import type { Message } from '../core/messages.js';
import { getTeam } from '../store/teams.js';
import type { InboundActivity } from './activity.js';
import { actorOf, channelRefOf, isChannel, tenantIdOf } from './activity.js';
import { ensureTeamsTeam } from './conversations.js';
import { attachment, type AdaptiveCard } from './cards.js';
import type { TeamsContext } from './handlers.js';
import { homeCard, lastDigestForManagers } from './home.js';
import { teamsBilingual } from './outbox.js';
import { personalTargetOf } from './personal.js';
import { slackToTeamsMarkdown, teamsDigestText } from './texts.js';
import { toPlain } from '../core/text.js';
import { escapeMrkdwn } from '../slack/blocks/text.js';

export const OVERVIEW_WORDS = new Set(['overzicht', 'overview', 'home', 'mijn']);
export const DIGEST_WORDS = new Set(['digest', 'maandoverzicht']);
export const DIGEST_CHANNEL_WORDS = new Set(['digest-kanaal', 'digestkanaal', 'digest-channel']);

export type Reply = { type: 'message'; text?: string; textFormat?: string; attachments?: object[] };
export const textReply = (msg: Message): Reply => ({ type: 'message', textFormat: 'markdown', text: teamsBilingual(msg) });
export const cardReply = (card: AdaptiveCard): Reply => ({ type: 'message', attachments: [attachment(card)] });

/** The overview card for the person who sent `activity`. */
export async function overviewFor(ctx: TeamsContext, userId: string): Promise<AdaptiveCard> {
  const now = ctx.deps.clock.now();
  const model = await homeFor(ctx.deps.store, 'teams', userId, ctx.directory, now);
  const digest = (await ctx.directory.isAdmin(userId)) ? lastDigestForManagers(ctx.deps) : null;
  const teamById = (id: number) => {
    try {
      return getTeam(ctx.deps.store.db, id);
    } catch {
      return undefined;
    }
  };
  ctx.log.info('teams.overview', { mine: model.mine.length, awaiting: model.awaitingMe.length, teams: model.budgets.length, digest: digest !== null });
  return homeCard(model, teamById, digest);
}

/**
 * `overzicht`: in the personal chat the card is the answer; in a channel (no ephemeral messages in
 * Teams) the card goes to the person's 1:1 chat and the channel only hears where it went.
 */
export async function overviewCommand(ctx: TeamsContext, activity: InboundActivity): Promise<Reply> {
  const actor = actorOf(activity);
  const card = await overviewFor(ctx, actor.id);
  if (activity.conversation?.conversationType === 'personal') return cardReply(card);
  const target = personalTargetOf(activity);
  const sent = target ? await ctx.personal.send(target, cardReply(card), 'overview') : false;
  return textReply(sent ? teamsDigestText.overviewSent : teamsDigestText.overviewFailed);
}

/** `digest [JJJJ-MM]`: the digest text for the asker (this team in its channel; else all teams). */
export function digestCommand(ctx: TeamsContext, activity: InboundActivity, monthText: string): Reply {
  const ref = channelRefOf(activity);
  if (!ref) return textReply(teamsDigestText.digestWhere);
  const r = digestCommandUseCase(ctx.deps, { channel: ref, monthText });
  if (!r.ok) return textReply(r.error);
  return { type: 'message', textFormat: 'markdown', text: slackToTeamsMarkdown(escapeMrkdwn(toPlain(r.value))) };
}

/** A channel link ("Koppeling naar kanaal ophalen") or a bare `19:…@thread.…` id → the id. */
export function parseTeamsChannel(text: string): string | null {
  let t = text.trim();
  try {
    t = decodeURIComponent(t);
  } catch {
    return null;
  }
  const m = /(19:[A-Za-z0-9_\-.]+@thread\.(?:tacv2|skype))/.exec(t);
  return m ? m[1]! : null;
}

/** `digest-kanaal <link>` in a team channel (admins): this team's monthly digest goes to that channel. */
export async function digestChannelCommand(ctx: TeamsContext, activity: InboundActivity, rest: string): Promise<Reply> {
  const ref = channelRefOf(activity);
  if (!ref || !isChannel(activity)) return textReply(teamsDigestText.channelOnlyInTeam);
  const actor = actorOf(activity);
  const isAdmin = await ctx.directory.isAdmin(actor.id);
  if (!isAdmin) return textReply(teamsDigestText.notAdmin);
  const word = rest.trim().toLowerCase();
  const target = word === 'hier' || word === 'here' ? ref.channelId : parseTeamsChannel(rest);
  if (target === null) return textReply(teamsDigestText.channelUsage);
  if (!(await ctx.connector.canReach(activity.serviceUrl ?? '', target))) return textReply(teamsDigestText.botNotIn);
  const name = activity.channelData?.channel?.name;
  // The team exists as a Teams team (Teams' reaction names, its serviceUrl) before its setting changes.
  const now = ctx.deps.clock.now();
  ctx.deps.store.tx((tx) => ensureTeamsTeam(tx, ref, { serviceUrl: activity.serviceUrl ?? '', tenantId: tenantIdOf(activity), name: name ?? '' }, now));
  setDigestChannel(ctx.deps, { channel: ref, actor: { id: actor.id, isAdmin }, digestChannelId: target, ...(name ? { channelName: name } : {}) });
  ctx.log.info('teams.digest.channel_set', { team: ref.channelId, channel: target });
  return textReply(target === ref.channelId ? teamsDigestText.channelSetHere : teamsDigestText.channelSet);
}
