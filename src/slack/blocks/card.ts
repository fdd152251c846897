// The request card in the channel, drawn from the platform-neutral card view.
import type { CardAction, CardActionId, CardView } from '../../core/messages.js';
import { cardText } from '../../core/messages.js';
import type { Message } from '../../core/text.js';
import { line, mrkdwn, ownText, SLACK_LIMITS } from '../render.js';
import { button, context, header, plain, section, slash } from './text.js';

export const ACTION = {
  edit: 'request_edit',
  withdraw: 'request_withdraw',
  alternative: 'request_alternative',
  objectionReason: 'objection_reason',
  markPaid: 'payment_mark_paid',
  prevented: 'request_prevented',
} as const;

/** The card actions Slack offers (votes are reactions on Slack). */
const SLACK_ACTION: Partial<Record<CardActionId, string>> = { edit: ACTION.edit, withdraw: ACTION.withdraw, alternative: ACTION.alternative, markPaid: ACTION.markPaid };

const label = (m: Message) => `*${ownText(slash(m))}:*`;

function actionButton(a: CardAction, requestId: number) {
  const id = SLACK_ACTION[a.id];
  if (!id) return null;
  return button(id, a.label, String(requestId), {
    ...(a.style ? { style: a.style } : {}),
    ...(a.confirm
      ? { confirm: { title: plain(slash(a.confirm.title).split(' / ')[0] ?? '', 100), text: plain(slash(a.confirm.text), 300), confirm: plain(slash(a.label), 30), deny: plain(slash(cardText.cancel), 30) } }
      : {}),
  });
}

/** The notification text (screen readers, notifications). */
export const cardSummary = (card: CardView): string => line(card.summary);

export function cardBlocks(card: CardView): object[] {
  const blocks: object[] = [header(card.title), section(card.facts.map((f) => `${label(f.label)} ${line(f.value)}`).join('\n'))];
  if (card.state.length) blocks.push(section(mrkdwn(card.state)));
  if (card.notes.length) blocks.push(context(mrkdwn(card.notes)));
  const buttons = card.actions.map((a) => actionButton(a, card.requestId)).filter((b) => b !== null);
  if (buttons.length) blocks.push({ type: 'actions', block_id: `${card.status === 'approved' ? 'payment' : 'request'}_actions:${card.requestId}`, elements: buttons });
  if (card.prevented) blocks.push(preventedSelect(card.requestId, card.prevented));
  return blocks.slice(0, SLACK_LIMITS.messageBlocks);
}

/** One click: what the request prevented (the option's value carries the request number). */
function preventedSelect(requestId: number, choice: NonNullable<CardView['prevented']>): object {
  const option = (o: (typeof choice.options)[number]) => ({ text: plain(slash(o.label), SLACK_LIMITS.optionText), value: `${requestId}:${o.value}` });
  const selected = choice.options.find((o) => o.value === choice.selected);
  return {
    type: 'actions',
    block_id: `prevented:${requestId}`,
    elements: [
      {
        type: 'static_select',
        action_id: ACTION.prevented,
        placeholder: plain(slash(choice.question), SLACK_LIMITS.placeholder),
        options: choice.options.map(option),
        ...(selected ? { initial_option: option(selected) } : {}),
      },
    ],
  };
}

/** The thread message that asks an objector for the reason, with a button to give it. */
export function objectionAskBlocks(text: string, requestId: number): object[] {
  return [section(text), { type: 'actions', elements: [button(ACTION.objectionReason, cardText.giveReason, String(requestId))] }];
}
