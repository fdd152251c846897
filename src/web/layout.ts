// The page around every view: the practice banner, who you are, the menu, a message for you alone,
// and the hidden fields every form carries (the form token and who acts).
import { COLLEAGUES, PRACTICE_CHANNEL, PRACTICE_TEAM_NAME, type Colleague } from '../app/practice.js';
import type { Message, Text } from '../core/text.js';
import { blocks, h, label, line, message, type Html, type Names } from './render.js';
import { webText } from './texts.js';

/** What every view needs to know about who looks at it. */
export interface View {
  names: Names;
  who: Colleague;
  /** The form token of this browser's session. */
  token: string;
  /** This page's path and query (forms send people back here). */
  here: string;
}

/** A message shown once after a form was sent (post/redirect/get). */
export interface Flash {
  tone: 'ok' | 'refused' | 'answer';
  /** The card it is about: the channel shows it just above that card. */
  requestId?: number;
  message?: Message;
  text?: Text;
}

/** The form token and who acts: in every form that changes something. */
export const hidden = (v: View): Html => h`<input type="hidden" name="_token" value="${v.token}"><input type="hidden" name="als" value="${v.who.id}">`;

const NAV = [
  { href: '/', text: webText.channel },
  { href: '/aanvraag/nieuw', text: webText.newRequest },
  { href: '/overzicht', text: webText.overview },
  { href: '/maandoverzicht', text: webText.digest },
  { href: '/help', text: webText.help },
] as const;

const firstParts = (t: Text) => (t[0]?.k === 'p' ? t[0].parts : []);

/** A colleague as the page names them, with their role. */
export function colleagueLabel(c: Colleague, names: Names): Html {
  return c.role ? h`${c.name} <span class="role">(${line(firstParts(c.role.nl), names)} / <span lang="en">${line(firstParts(c.role.en), names)}</span>)</span>` : h`${c.name}`;
}

function whoForm(v: View): Html {
  const options = COLLEAGUES.map((c) => h`<option value="${c.id}"${c.id === v.who.id ? ' selected' : ''}>${c.name}${c.role ? ` (${textOf(c.role)})` : ''}</option>`);
  return h`<form class="who" method="post" action="/wie">
<input type="hidden" name="_token" value="${v.token}"><input type="hidden" name="terug" value="${v.here}">
<label for="als">${label(webText.who, v.names)}</label>
<select id="als" name="als">${options}</select>
<button type="submit">${label(webText.switchWho, v.names)}</button>
</form>`;
}

/** Plain Dutch words of a one-line message (option texts cannot hold markup). */
const textOf = (m: Message): string => {
  const b = m.nl[0];
  return b?.k === 'p' ? b.parts.map((x) => (typeof x === 'string' ? x : 'text' in x ? x.text : '')).join('') : '';
};

export function flashBox(f: Flash, v: View): Html {
  const role = f.tone === 'refused' ? 'alert' : 'status';
  return h`<div class="flash ${f.tone}" role="${role}" id="melding" tabindex="-1">
${f.tone === 'answer' ? h`<p class="only-you">${label(webText.onlyYou, v.names)}</p>` : ''}
${f.message ? message(f.message, v.names) : ''}${f.text ? blocks(f.text, v.names) : ''}
</div>`;
}

export function page(v: View, opts: { title: string; heading?: Html; current?: string; flash?: Flash | null; body: Html }): string {
  const current = opts.current ?? '';
  const nav = NAV.map((n) => h`<li><a href="${n.href}"${n.href === current ? h` aria-current="page"` : ''}>${label(n.text, v.names)}</a></li>`);
  return h`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · minimaatwerk oefenomgeving</title>
<link rel="stylesheet" href="/stijl.css">
<script src="/oefen.js" defer></script>
</head>
<body>
<a class="skip" href="#inhoud">${label(webText.skip, v.names)}</a>
<div class="banner" role="note">${message(webText.banner, v.names)}</div>
<header class="top">
<p class="brand"><strong>minimaatwerk</strong> <span>#${PRACTICE_CHANNEL.channelId} · ${PRACTICE_TEAM_NAME}</span></p>
${whoForm(v)}
<nav aria-label="${textOf(webText.nav)}"><ul>${nav}</ul></nav>
</header>
<main id="inhoud" tabindex="-1">
${opts.flash ? flashBox(opts.flash, v) : ''}
<h1>${opts.heading ?? opts.title}</h1>
${opts.body}
</main>
</body>
</html>
`.value;
}
