// What the bot does with each Teams activity: parse, call one use case, answer. Nothing decides here.
import { mayChange } from '../app/authorize.js';
import { budgetCommandUseCase } from '../app/budgetCommand.js';
import { closeRequest } from '../app/closeRequest.js';
import type { AppDeps, Directory } from '../app/deps.js';
import { editFormOf, editRequest } from '../app/editRequest.js';
import { giveObjectionReason } from '../app/objectionReason.js';
import { handleReaction, teamReactionSettings, type ReactionOutcome } from '../app/react.js';
import { submitRequest } from '../app/submitRequest.js';
import { suggestForTeam } from '../app/suggest.js';
import { confirm, field, refusal, unknownCommand } from '../core/messages.js';
import { containsBsn } from '../core/privacy.js';
import type { CloseKind } from '../core/request.js';
import { CLOSE_KINDS } from '../core/request.js';
import type { RequestFormInput } from '../core/requestForm.js';
import type { Log } from '../log.js';
import { categoriesForTeam } from '../store/categories.js';
import { objectionsOf } from '../store/reactions.js';
import { getRequest } from '../store/requests.js';
import { getTeam } from '../store/teams.js';
import type { InboundActivity } from './activity.js';
import { actionData, actorOf, channelRefOf, commandText, eventTsOf, isChannel, str, tenantIdOf } from './activity.js';
import {
  actionMessage,
  alternativeCard,
  DIALOG,
  dialogDone,
  dialogResponse,
  objectionCard,
  requestFormCard,
  startCard,
  VERB,
} from './cards.js';
import { BUTTON_EMOJI, ensureTeamsTeam } from './conversations.js';
import type { TeamsDirectory } from './directory.js';
import { teamsBilingual, type Connector } from './outbox.js';
import { TEAMS_HELP, teamsText } from './texts.js';
import {
  cardReply,
  digestChannelCommand,
  digestCommand,
  DIGEST_CHANNEL_WORDS,
  DIGEST_WORDS,
  overviewCommand,
  OVERVIEW_WORDS,
  textReply,
  type Reply,
} from './commands.js';
import { personalTargetOf, type PersonalChats } from './personal.js';

export interface TeamsContext {
  deps: AppDeps;
  directory: TeamsDirectory;
  log: Log;
  /** The 1:1 chat with a person: what only they should read (Teams has no ephemeral messages). */
  personal: PersonalChats;
  connector: Connector;
}

/** Make sure the channel is a team (with Teams' reaction names) and its serviceUrl is current. */
function ensureChannelTeam(ctx: TeamsContext, activity: InboundActivity) {
  const ref = channelRefOf(activity);
  if (!ref || !isChannel(activity)) return null;
  const now = ctx.deps.clock.now();
  const info = { serviceUrl: activity.serviceUrl ?? '', tenantId: tenantIdOf(activity), name: activity.channelData?.channel?.name ?? '' };
  const team = ctx.deps.store.tx((tx) => ensureTeamsTeam(tx, ref, info, now));
  return { ref, team };
}

/** Knows the acting person from the activity itself (bots have no Entra id) before asking the roster. */
function directoryFor(ctx: TeamsContext, activity: InboundActivity): Directory {
  const actor = actorOf(activity);
  return {
    isBot: async (id) => (id === actor.id ? actor.isBot : ctx.directory.isBot(id)),
    isChannelMember: (channelId, id) => ctx.directory.isChannelMember(channelId, id),
  };
}

// ---- messages: `@minimaatwerk aanvraag | help | budget [bedrag] | overzicht | digest [maand] | digest-kanaal <link>`

export async function onMessage(ctx: TeamsContext, activity: InboundActivity): Promise<Reply | null> {
  ctx.directory.noteActivity(activity);
  ctx.personal.noteActivity(activity);
  const actor = actorOf(activity);
  if (actor.isBot) return null;
  const text = commandText(activity);
  const [word = '', ...rest] = text.split(/\s+/);
  const sub = word.toLowerCase();
  if (containsBsn(text)) return textReply(refusal.bsnInCommand);
  if (sub === 'help' || sub === 'hulp') return textReply(TEAMS_HELP);
  if (OVERVIEW_WORDS.has(sub)) return overviewCommand(ctx, activity);
  if (DIGEST_WORDS.has(sub)) return digestCommand(ctx, activity, rest.join(' '));
  if (DIGEST_CHANNEL_WORDS.has(sub)) return digestChannelCommand(ctx, activity, rest.join(' '));
  const channel = ensureChannelTeam(ctx, activity);
  if (sub === 'budget') {
    if (!channel) return textReply(teamsText.onlyInChannel);
    const reply = budgetCommandUseCase(ctx.deps, { channel: channel.ref, actor: { id: actor.id, isAdmin: await ctx.directory.isAdmin(actor.id) }, amountText: rest.join(' ') });
    return textReply(reply);
  }
  if (sub !== '' && sub !== 'aanvraag' && sub !== 'nieuw' && sub !== 'new') {
    return { type: 'message', textFormat: 'markdown', text: `${teamsBilingual(unknownCommand(word))}\n\n${teamsBilingual(TEAMS_HELP)}` };
  }
  if (!channel) return textReply(teamsText.onlyInChannel);
  return cardReply(startCard(teamsText.startCard));
}

// ---- dialogs (task/fetch opens, task/submit submits)

function readForm(data: Record<string, unknown>): RequestFormInput {
  const opt = (v: unknown) => (str(v) === '' ? null : str(v));
  return {
    amount: str(data.amount),
    description: str(data.description),
    supplierName: str(data.supplierName),
    supplierIban: str(data.supplierIban),
    categorySlug: opt(data.categorySlug),
    caseRef: str(data.caseRef),
    reason: opt(data.reason),
    reasonText: str(data.reasonText),
  };
}

const requestIdOf = (data: Record<string, unknown>) => {
  const id = Number(data.requestId);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

const FORM_TITLE = { new: 'Minimaatwerk aanvraag', edit: 'Aanvraag wijzigen' } as const;

export async function onDialogOpen(ctx: TeamsContext, activity: InboundActivity) {
  ctx.directory.noteActivity(activity);
  const data = actionData(activity);
  const actor = actorOf(activity);
  const dialog = str(data.dialog);
  if (dialog === DIALOG.new) {
    const channel = ensureChannelTeam(ctx, activity);
    if (!channel) return dialogDone(teamsText.onlyInChannel);
    const categories = categoriesForTeam(ctx.deps.store.db, channel.team.id);
    return dialogResponse(FORM_TITLE.new, requestFormCard({ dialog: 'new', categories }));
  }
  const requestId = requestIdOf(data);
  const request = requestId ? getRequest(ctx.deps.store.db, requestId) : undefined;
  if (!request) return dialogDone(teamsText.notFound);
  if (dialog === DIALOG.objection) {
    const objectors = objectionsOf(ctx.deps.store.db, request.id).map((o) => o.objectorId);
    if (!objectors.includes(actor.id)) return dialogDone(refusal.notObjector(request.id));
    return dialogResponse('Reden van bezwaar', objectionCard(request.id));
  }
  const refused = mayChange({ id: actor.id, isAdmin: await ctx.directory.isAdmin(actor.id) }, request);
  if (refused) return dialogDone(refused);
  if (dialog === DIALOG.alternative) return dialogResponse('Alternatief gevonden', alternativeCard(request.id));
  if (dialog === DIALOG.edit) {
    const categories = categoriesForTeam(ctx.deps.store.db, request.teamId);
    const initial = editFormOf(ctx.deps.store.db, request);
    return dialogResponse(FORM_TITLE.edit, requestFormCard({ dialog: 'edit', requestId: request.id, categories, initial }));
  }
  return dialogDone(teamsText.unknown);
}

export async function onDialogSubmit(ctx: TeamsContext, activity: InboundActivity) {
  ctx.directory.noteActivity(activity);
  const data = actionData(activity);
  const actor = actorOf(activity);
  const dialog = str(data.dialog);
  if (dialog === DIALOG.new) {
    const channel = ensureChannelTeam(ctx, activity);
    if (!channel) return dialogDone(teamsText.onlyInChannel);
    const form = readForm(data);
    const categories = categoriesForTeam(ctx.deps.store.db, channel.team.id);
    if (!form.categorySlug) {
      // Never a hidden rule: show the suggested category and let the requester confirm or change it.
      const suggestion = suggestForTeam(ctx.deps.store.db, channel.team.id, form.description, form.supplierName);
      return dialogResponse(
        FORM_TITLE.new,
        requestFormCard({ dialog: 'new', categories, initial: form, suggestion: { slug: suggestion.slug, explanation: suggestion.explanation }, notice: teamsText.suggestion }),
      );
    }
    const result = submitRequest(ctx.deps, {
      channel: channel.ref,
      requester: { id: actor.id, isAdmin: false },
      form,
      suggestedSlug: str(data.suggestedSlug) || null,
    });
    if (!result.ok) {
      const suggestedSlug = str(data.suggestedSlug);
      return dialogResponse(FORM_TITLE.new, requestFormCard({ dialog: 'new', categories, initial: form, errors: result.error, ...(suggestedSlug ? { suggestion: { slug: suggestedSlug, explanation: '' } } : {}) }));
    }
    ctx.log.info('teams.request.created', { requestId: result.value.requestId });
    return dialogDone(confirm.created(result.value.requestId));
  }
  const requestId = requestIdOf(data);
  const request = requestId ? getRequest(ctx.deps.store.db, requestId) : undefined;
  if (!request) return dialogDone(teamsText.notFound);
  if (dialog === DIALOG.objection) {
    const result = giveObjectionReason(ctx.deps, { requestId: request.id, objectorId: actor.id, reason: str(data.reason) });
    if (result.ok) return dialogDone(confirm.objectionSaved(request.id));
    if (result.error.kind === 'refused') return dialogDone(result.error.message);
    return dialogResponse('Reden van bezwaar', objectionCard(request.id, result.error.message));
  }
  const actorWithRole = { id: actor.id, isAdmin: await ctx.directory.isAdmin(actor.id) };
  if (dialog === DIALOG.alternative) {
    const kind = CLOSE_KINDS.find((k) => k === str(data.kind)) as CloseKind | undefined;
    const reason = str(data.reason);
    if (!kind) return dialogResponse('Alternatief gevonden', alternativeCard(request.id, field.required, { reason }));
    const result = closeRequest(ctx.deps, { requestId: request.id, actor: actorWithRole, how: 'alternative', kind, reason });
    if (result.ok) return dialogDone(teamsText.closedAlternative(request.id));
    if (result.error.kind === 'refused') return dialogDone(result.error.message);
    return dialogResponse('Alternatief gevonden', alternativeCard(request.id, result.error.message, { kind, reason }));
  }
  if (dialog === DIALOG.edit) {
    const form = readForm(data);
    const result = editRequest(ctx.deps, { requestId: request.id, actor: actorWithRole, form });
    if (result.ok) {
      ctx.log.info('teams.request.edited', { requestId: request.id, approvalsReset: result.value.approvalsReset });
      return dialogDone(teamsText.edited(request.id));
    }
    if (result.error.kind === 'refused') return dialogDone(result.error.message);
    const categories = categoriesForTeam(ctx.deps.store.db, request.teamId);
    return dialogResponse(FORM_TITLE.edit, requestFormCard({ dialog: 'edit', requestId: request.id, categories, initial: form, errors: result.error.errors }));
  }
  return dialogDone(teamsText.unknown);
}

// ---- card buttons (Action.Execute → adaptiveCard/action)

function reactionEvent(activity: InboundActivity, request: { channelId: string; messageTs: string }, userId: string, emoji: string, added: boolean, now: Date) {
  return {
    platform: 'teams' as const,
    eventId: `${activity.id ?? `${userId}:${activity.timestamp}`}:${emoji}:${added ? 'add' : 'remove'}`,
    eventTs: eventTsOf(activity.timestamp, now),
    channelId: request.channelId,
    messageTs: request.messageTs,
    userId,
    emoji,
    added,
  };
}

export async function onCardAction(ctx: TeamsContext, activity: InboundActivity) {
  ctx.directory.noteActivity(activity);
  const verb = str((activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb);
  const requestId = requestIdOf(actionData(activity));
  const request = requestId ? getRequest(ctx.deps.store.db, requestId) : undefined;
  if (!request) return actionMessage(teamsText.notFound);
  const actor = actorOf(activity);
  if (verb === VERB.withdraw) {
    const result = closeRequest(ctx.deps, { requestId: request.id, actor: { id: actor.id, isAdmin: await ctx.directory.isAdmin(actor.id) }, how: 'withdraw' });
    if (!result.ok) return actionMessage(result.error.message);
    ctx.log.info('teams.request.withdrawn', { requestId: request.id });
    return actionMessage(teamsText.withdrawn(request.id));
  }
  if (!request.messageTs) return actionMessage(teamsText.notFound);
  const card = { channelId: request.channelId, messageTs: request.messageTs };
  const now = ctx.deps.clock.now();
  const directory = directoryFor(ctx, activity);
  if (verb === VERB.approve || verb === VERB.object) {
    const emoji = verb === VERB.approve ? BUTTON_EMOJI.approve : BUTTON_EMOJI.object;
    const outcome = await handleReaction(ctx.deps, reactionEvent(activity, card, actor.id, emoji, true, now), directory);
    logOutcome(ctx, outcome);
    if (outcome.outcome === 'refused') return actionMessage(outcome.message);
    if (outcome.outcome === 'decided') return actionMessage(teamsText.decided(request.id));
    if (outcome.outcome === 'not_counted' || outcome.outcome === 'not_a_card') return actionMessage(teamsText.nothingChanged(request.id));
    return actionMessage(verb === VERB.approve ? teamsText.approved(request.id) : teamsText.objected(request.id));
  }
  if (verb === VERB.unvote) {
    // Withdraw this person's vote: every approval and objection they hold on this card, button or reaction.
    const settings = teamReactionSettings(getTeam(ctx.deps.store.db, request.teamId));
    let changed = false;
    for (const emoji of [...settings.approvalEmoji, ...settings.objectionEmoji]) {
      const outcome = await handleReaction(ctx.deps, reactionEvent(activity, card, actor.id, emoji, false, now), directory);
      logOutcome(ctx, outcome);
      if (outcome.outcome === 'decided') return actionMessage(teamsText.decided(request.id));
      if (outcome.outcome === 'changed') changed = true;
    }
    return actionMessage(changed ? teamsText.voteWithdrawn(request.id) : teamsText.nothingChanged(request.id));
  }
  return actionMessage(teamsText.unknown);
}

// ---- reactions on the card (messageReaction with replyToId = the card's activity id)

export async function onReaction(ctx: TeamsContext, activity: InboundActivity): Promise<void> {
  ctx.directory.noteActivity(activity);
  const channelId = channelRefOf(activity)?.channelId;
  const cardId = activity.replyToId;
  if (!channelId || !cardId) return;
  const actor = actorOf(activity);
  const now = ctx.deps.clock.now();
  const directory = directoryFor(ctx, activity);
  const changes = [
    ...(activity.reactionsAdded ?? []).map((r) => ({ type: str(r.type), added: true })),
    ...(activity.reactionsRemoved ?? []).map((r) => ({ type: str(r.type), added: false })),
  ];
  for (const change of changes) {
    if (!change.type) continue;
    const outcome = await handleReaction(ctx.deps, reactionEvent(activity, { channelId, messageTs: cardId }, actor.id, change.type, change.added, now), directory);
    logOutcome(ctx, outcome);
    // The requester or someone outside the team: tell only them, in their 1:1 chat with the bot.
    const target = outcome.outcome === 'refused' ? personalTargetOf(activity) : null;
    if (outcome.outcome === 'refused' && target) await ctx.personal.send(target, textReply(outcome.message), 'reaction.refused');
  }
}

function logOutcome(ctx: TeamsContext, outcome: ReactionOutcome): void {
  if (outcome.outcome === 'changed') ctx.log.info('teams.reaction.counted', { requestId: outcome.requestId, status: outcome.status });
  else ctx.log.debug('teams.reaction.ignored', { outcome: outcome.outcome });
}
