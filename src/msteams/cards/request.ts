// The request card in the channel, drawn from the platform-neutral card view; the message that
// starts a request; the thread message that asks an objector for the reason.
import type { CardAction, CardView } from '../../core/messages.js';
import { cardText } from '../../core/messages.js';
import { toPlain, type Message } from '../../core/text.js';
import { line, markdown, type Names } from '../render.js';
import { card, DIALOG, execute, messageBlock, openDialog, textBlock, VERB, type AdaptiveCard } from './common.js';

const nl = (m: Message) => toPlain(m.nl);
const slash = (m: Message) => `${toPlain(m.nl)} / ${toPlain(m.en)}`;

function action(a: CardAction, requestId: number): object {
  switch (a.id) {
    case 'approve':
      return execute(nl(a.label), VERB.approve, requestId, 'positive');
    case 'object':
      return execute(nl(a.label), VERB.object, requestId, 'destructive');
    case 'unvote':
      return execute(nl(a.label), VERB.unvote, requestId);
    case 'edit':
      return openDialog(nl(a.label), DIALOG.edit, { requestId });
    case 'withdraw':
      return execute(`Aanvraag ${nl(a.label).toLowerCase()}`, VERB.withdraw, requestId, 'destructive');
    case 'alternative':
      return openDialog(nl(a.label), DIALOG.alternative, { requestId });
    case 'markPaid':
      return execute(nl(a.label), VERB.markPaid, requestId, 'positive');
  }
}

export const cardSummary = (view: CardView, names: Names): string => line(view.summary, names);

export function requestCard(view: CardView, names: Names): AdaptiveCard {
  const body: object[] = [
    textBlock(view.title, { size: 'Large', weight: 'Bolder' }),
    { type: 'FactSet', facts: view.facts.map((f) => ({ title: slash(f.label), value: line(f.value, names) })) },
  ];
  if (view.state.length) {
    const color = view.status === 'approved' || view.status === 'paid' ? 'Good' : view.status === 'on_hold' ? 'Attention' : 'Default';
    body.push(textBlock(markdown(view.state, names), { color }));
  }
  if (view.notes.length) body.push(textBlock(markdown(view.notes, names), { isSubtle: true, size: 'Small' }));
  const actions = view.actions.map((a) => action(a, view.requestId));
  if (view.prevented) {
    // One choice and a button (Action.Execute sends the card's inputs with its data).
    body.push({
      type: 'Input.ChoiceSet',
      id: 'prevented',
      label: slash(view.prevented.question),
      style: 'compact',
      isRequired: false,
      choices: view.prevented.options.map((o) => ({ title: slash(o.label), value: o.value })),
      ...(view.prevented.selected ? { value: view.prevented.selected } : {}),
    });
    actions.push(execute(nl(view.prevented.save), VERB.prevented, view.requestId));
  }
  return card(body, actions);
}

/** The message that starts a request: a button that opens the form. */
export function startCard(intro: Message, names: Names): AdaptiveCard {
  return card([messageBlock(intro, names)], [openDialog('Aanvraag invullen / Fill in request', DIALOG.new)]);
}

/** The thread message asking an objector for the reason, with a button to give it. */
export function objectionAskCard(text: string, requestId: number): AdaptiveCard {
  return card([textBlock(text)], [openDialog(slash(cardText.giveReason), DIALOG.objection, { requestId })]);
}
