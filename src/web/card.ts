// The request card as the practice channel draws it: the shared card view (src/core/texts/card.ts)
// as HTML, its buttons as small forms (they work without JavaScript), and its thread below it.
import type { ChannelCard, DeliveredMessage } from '../app/practice.js';
import { cardText, cardView, type CardAction, type CardView } from '../core/messages.js';
import { formatDateTimeNl } from '../core/time.js';
import { hidden, type View } from './layout.js';
import { blocks, h, label, line, message, type Html } from './render.js';
import { nonce } from './session.js';
import { webText } from './texts.js';

/** Buttons that act at once post to /aanvraag/:id/actie; the others open a page of their own. */
const PAGE_OF: Partial<Record<CardAction['id'], string>> = { edit: 'wijzigen', withdraw: 'intrekken', alternative: 'alternatief' };

function actionButton(a: CardAction, requestId: number, v: View): Html {
  const cls = a.style === 'primary' ? 'primary' : a.style === 'danger' ? 'danger' : 'secondary';
  const page = PAGE_OF[a.id];
  if (page) return h`<a class="button ${cls}" href="/aanvraag/${requestId}/${page}" data-focus="${a.id}">${label(a.label, v.names)}</a>`;
  return h`<form method="post" action="/aanvraag/${requestId}/actie" class="inline">${hidden(v)}<input type="hidden" name="klik" value="${nonce()}"><input type="hidden" name="terug" value="${v.here}"><button type="submit" name="actie" value="${a.id}" class="${cls}" data-focus="${a.id}">${label(a.label, v.names)}</button></form>`;
}

/** One click: what the request prevented (paid, or closed with an alternative). */
function preventedForm(requestId: number, choice: NonNullable<CardView['prevented']>, v: View): Html {
  const options = choice.options.map((o) => h`<option value="${o.value}"${o.value === choice.selected ? ' selected' : ''}>${label(o.label, v.names)}</option>`);
  return h`<form method="post" action="/aanvraag/${requestId}/actie" class="prevented"><label for="voorkomen-${requestId}">${label(choice.question, v.names)}</label> ${hidden(v)}<input type="hidden" name="klik" value="${nonce()}"><input type="hidden" name="terug" value="${v.here}"><select id="voorkomen-${requestId}" name="uitkomst"><option value=""></option>${options}</select> <button type="submit" name="actie" value="prevented" class="secondary small">${label(choice.save, v.names)}</button></form>`;
}

function threadItem(m: DeliveredMessage, v: View): Html {
  const ask = m.askReasonFrom
    ? h`<p><a class="button secondary small" href="/aanvraag/${m.requestId}/bezwaar" data-focus="reason">${label(cardText.giveReason, v.names)}</a></p>`
    : '';
  return h`<li><p class="when"><time datetime="${m.at.toISOString()}">${formatDateTimeNl(m.at)}</time></p>${message(m.message, v.names)}${ask}</li>`;
}

/** The card without its buttons and thread: what a form page is about. */
export function cardFactsHtml(c: ChannelCard, v: View): Html {
  const view = cardView(c.card, 'web');
  const facts = view.facts.map((f) => h`<div><dt>${label(f.label, v.names)}</dt><dd>${line(f.value, v.names)}</dd></div>`);
  return h`<section class="card about status-${view.status}" aria-labelledby="over-titel"><h2 id="over-titel">${view.title}</h2><dl class="facts">${facts}</dl><div class="state">${blocks(view.state, v.names)}</div></section>`;
}

export function cardHtml(c: ChannelCard, v: View): Html {
  const view = cardView(c.card, 'web');
  const id = view.requestId;
  const facts = view.facts.map((f) => h`<div><dt>${label(f.label, v.names)}</dt><dd>${line(f.value, v.names)}</dd></div>`);
  const thread = c.thread.length
    ? h`<section class="thread" aria-labelledby="draad-${id}"><h4 id="draad-${id}">${label(webText.thread, v.names)} (${c.thread.length})</h4><ol>${c.thread.map((m) => threadItem(m, v))}</ol></section>`
    : '';
  return h`<article class="card status-${view.status}" id="aanvraag-${id}" tabindex="-1" aria-labelledby="aanvraag-${id}-titel">
<header><h3 id="aanvraag-${id}-titel">${view.title}</h3><p class="when"><time datetime="${c.card.request.createdAt.toISOString()}">${formatDateTimeNl(c.card.request.createdAt)}</time></p></header>
<dl class="facts">${facts}</dl>
<div class="state">${blocks(view.state, v.names)}</div>
${view.notes.length ? h`<div class="notes">${blocks(view.notes, v.names)}</div>` : ''}
${view.actions.length ? h`<div class="actions">${view.actions.map((a) => actionButton(a, id, v))}</div>` : ''}
${view.prevented ? preventedForm(id, view.prevented, v) : ''}
${thread}
</article>`;
}
