// Messages to the bot: `@minimaatwerk <word> …` in a channel, or a word in the personal chat. The
// shared command runner decides; this shows its answer the Teams way (no ephemeral messages: what
// only the asker should see goes to their 1:1 chat).
import { runCommand } from '../../app/commands.js';
import { overviewMessage } from '../../core/messages.js';
import type { Message, Text } from '../../core/text.js';
import type { InboundActivity } from '../activity.js';
import { actorOf, channelRefOf, commandText } from '../activity.js';
import { attachment, card, textBlocks, type AdaptiveCard } from '../cards/common.js';
import { startCard } from '../cards/request.js';
import { personalTargetOf } from '../personal.js';
import { bilingual, markdown, type Names } from '../render.js';
import { channelOf, noteActivity, type TeamsListenerContext } from './context.js';

export type Reply = { type: 'message'; text?: string; textFormat?: string; attachments?: object[] };
export const textReply = (msg: Message, names: Names): Reply => ({ type: 'message', textFormat: 'markdown', text: bilingual(msg, names) });
const cardReply = (c: AdaptiveCard): Reply => ({ type: 'message', attachments: [attachment(c)] });

const START = { nl: [{ k: 'p', parts: ['Vul het formulier in om een minimaatwerk-aanvraag te doen.'] }], en: [{ k: 'p', parts: ['Fill in the form to make a request.'] }] } as const satisfies Message;

/** The overview as a card. */
const overviewCard = (text: Text, names: Names): AdaptiveCard => card([{ type: 'TextBlock', text: 'Minimaatwerkbudget', size: 'Large', weight: 'Bolder', wrap: true }, ...textBlocks(text, names)]);

export async function onMessage(l: TeamsListenerContext, activity: InboundActivity): Promise<Reply | null> {
  noteActivity(l, activity);
  const actor = actorOf(activity);
  if (actor.isBot) return null;
  const channel = channelOf(l, activity);
  const o = await runCommand(l.ctx, {
    actorId: actor.id,
    channel,
    conversation: channelRefOf(activity),
    ...(activity.channelData?.channel?.name ? { channelName: activity.channelData.channel.name } : {}),
    text: commandText(activity),
  });
  if (!o.ok) return o.message ? textReply(o.message, l.names) : null;
  const v = o.value;
  if (v.kind === 'reply') return textReply(v.message, l.names);
  // Teams cannot open a dialog from a message: a button opens the form.
  if (v.kind === 'form') return cardReply(startCard(START, l.names));
  if (v.view === 'digest') return { type: 'message', textFormat: 'markdown', text: markdown(v.text, l.names) };
  // The overview is the asker's alone: in a channel it goes to their 1:1 chat.
  const reply = cardReply(overviewCard(v.text, l.names));
  if (activity.conversation?.conversationType === 'personal') return reply;
  const target = personalTargetOf(activity);
  const sent = target ? await l.personal.send(target, reply, 'overview') : false;
  return textReply(sent ? overviewMessage.sent : overviewMessage.failed, l.names);
}
