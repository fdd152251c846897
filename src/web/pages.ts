// The pages of the practice channel: the channel with its cards, one card, the overview (App Home's
// content), the monthly digest with its chart, help, and the pages that say something went wrong.
import { COLLEAGUES, PRACTICE_CHANNEL, type ChannelCard, type ChannelPage, type DeliveredMessage } from '../app/practice.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../core/chartSvg.js';
import { help } from '../core/messages.js';
import type { Message, Text } from '../core/text.js';
import { formatDateTimeNl, monthLabelNl } from '../core/time.js';
import { cardHtml } from './card.js';
import { colleagueLabel, flashBox, hidden, page, type Flash, type View } from './layout.js';
import { blocks, h, label, message, type Html } from './render.js';
import { webText } from './texts.js';

const plain = (m: Message, lang: 'nl' | 'en' = 'nl'): string => {
  const b = m[lang][0];
  return b?.k === 'p' ? b.parts.filter((x): x is string => typeof x === 'string').join('') : '';
};

function commandForm(v: View): Html {
  return h`<form class="command" method="post" action="/commando">
${hidden(v)}
<label for="commando">${label(webText.command, v.names)}</label>
<p class="hint" id="commando-hint">${label(webText.commandHint, v.names)}</p>
<div class="with-button"><input type="text" id="commando" name="tekst" aria-describedby="commando-hint" placeholder="/minimaatwerk budget" autocomplete="off" spellcheck="false"><button type="submit">${label(webText.send, v.names)}</button></div>
</form>`;
}

export function channelView(v: View, p: ChannelPage, opts: { beforeId: number | null; flash: Flash | null }): string {
  const members = COLLEAGUES.map((c) => h`<li>${colleagueLabel(c, v.names)}${c.id === v.who.id ? h` <span class="you">· ${label(webText.you, v.names)}</span>` : ''}</li>`);
  // A message about a card on this page stands just above it (the page opens there).
  const flash = opts.flash;
  const nearCard = flash?.requestId !== undefined && p.cards.some((c) => c.card.request.id === flash.requestId);
  const cards = p.cards.length
    ? p.cards.map((c) => h`${nearCard && flash && c.card.request.id === flash.requestId ? flashBox(flash, v) : ''}${cardHtml(c, v)}`)
    : h`<p>${label(webText.noCards, v.names)}</p>`;
  const pager = [
    opts.beforeId !== null ? h`<a href="/">${label(webText.newer, v.names)}</a>` : '',
    p.olderFrom !== null ? h`<a href="/?voor=${p.olderFrom}">${label(webText.older, v.names)}</a>` : '',
  ];
  return page(v, {
    title: `#${PRACTICE_CHANNEL.channelId}`,
    current: '/',
    flash: nearCard ? null : flash,
    body: h`<section class="members" aria-labelledby="leden"><h2 id="leden" class="inline-heading">${label(webText.members, v.names)}</h2><ul class="inline-list">${members}</ul></section>
${commandForm(v)}
<p><a class="button primary" href="/aanvraag/nieuw">${label(webText.newRequest, v.names)}</a></p>
<h2>${label(webText.cards, v.names)}</h2>
<div id="kaarten" class="cards"${opts.beforeId === null ? h` data-nieuwste="ja"` : ''}>${cards}</div>
<nav class="pager" aria-label="${plain(webText.cards)}">${pager}</nav>`,
  });
}

export function cardPage(v: View, c: ChannelCard, flash: Flash | null): string {
  return page(v, { title: c.card.request.id ? `Aanvraag #${c.card.request.id}` : '', flash, body: h`${cardHtml(c, v)}<p><a href="/#aanvraag-${c.card.request.id}">${label(webText.back, v.names)}</a></p>` });
}

/** A page with a form; `requestId` names the request it is about in the heading. */
export function formPage(v: View, title: Message, form: Html, current = '', requestId?: number): string {
  if (!requestId) return page(v, { title: plain(title), heading: label(title, v.names), current, body: form });
  const heading = h`${plain(title)} #${requestId} <span class="en" lang="en">${plain(title, 'en')}</span>`;
  return page(v, { title: `${plain(title)} #${requestId}`, heading, current, body: form });
}

function personMessages(list: readonly DeliveredMessage[], v: View): Html {
  const items = list.map((m) => h`<li><p class="when"><time datetime="${m.at.toISOString()}">${formatDateTimeNl(m.at)}</time></p>${message(m.message, v.names)}</li>`);
  return h`<section aria-labelledby="berichten"><h2 id="berichten">${label(webText.personMessages, v.names)}</h2>${list.length ? h`<ol class="messages">${items}</ol>` : h`<p>${label(webText.noPersonMessages, v.names)}</p>`}</section>`;
}

export function overviewView(v: View, text: Text, notes: readonly DeliveredMessage[]): string {
  return page(v, { title: plain(webText.overview), heading: label(webText.overview, v.names), current: '/overzicht', body: h`<div class="overview">${blocks(text, v.names)}</div>${personMessages(notes, v)}` });
}

export interface DigestView {
  month: string;
  months: readonly string[];
  text: Text;
  altText: string;
}

export function digestView(v: View, d: DigestView): string {
  const options = d.months.map((m) => h`<option value="${m}"${m === d.month ? ' selected' : ''}>${monthLabelNl(m)}</option>`);
  return page(v, {
    title: `${plain(webText.digest)} ${monthLabelNl(d.month)}`,
    heading: label(webText.digest, v.names),
    current: '/maandoverzicht',
    body: h`<form class="month" method="get" action="/maandoverzicht"><label for="maand">${label(webText.month, v.names)}</label> <select id="maand" name="maand">${options}</select> <button type="submit">${label(webText.show, v.names)}</button></form>
<figure class="chart"><img src="/maandoverzicht/grafiek.png?maand=${d.month}" alt="${d.altText}" width="${CHART_WIDTH}" height="${CHART_HEIGHT}"><figcaption>${label(webText.chartCaption, v.names)}</figcaption></figure>
<div class="digest">${blocks(d.text, v.names)}</div>`,
  });
}

export function helpView(v: View): string {
  return page(v, { title: plain(webText.help), heading: label(webText.help, v.names), current: '/help', body: message(help('web'), v.names) });
}

export function problemView(v: View, title: Message, text: Message): string {
  return page(v, { title: plain(title), heading: label(title, v.names), body: h`${message(text, v.names)}<p><a href="/">${label(webText.back, v.names)}</a></p>` });
}
