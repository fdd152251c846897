// Message structure (src/core/text.ts) as HTML, and a template that escapes by default. Whatever a
// person typed is text in HTML: & < > " ' are escaped everywhere, in content and in attributes, so
// typed text never becomes markup, a link or a script. Only `raw` (our own markup) goes in as is.
import type { Inline, Line, Message, Text } from '../core/text.js';

/** Markup we built ourselves: inserted into `h` templates as is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const raw = (s: string): Html => new Html(s);

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export type Part = Html | string | number | null | undefined | false | readonly Part[];

function part(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  return escapeHtml(String(v));
}

/** HTML from a template: interpolated strings and numbers are escaped, `Html` and lists of it are not. */
export function h(strings: TemplateStringsArray, ...values: readonly Part[]): Html {
  let out = '';
  strings.forEach((s, i) => {
    out += s;
    if (i < values.length) out += part(values[i] as Part);
  });
  return new Html(out);
}

/** How the page names people and channels. */
export interface Names {
  person(userId: string): string;
  channel(channelId: string): string;
}

export function inline(x: Inline, names: Names): Html {
  if (typeof x === 'string') return h`${x}`;
  switch (x.k) {
    case 'typed':
      return h`${x.text}`;
    case 'mention':
      return h`<span class="mention">@${names.person(x.userId)}</span>`;
    case 'channel':
      return h`<span class="channel">#${names.channel(x.channelId)}</span>`;
    case 'strong':
      return h`<strong>${line(x.parts, names)}</strong>`;
    case 'em':
      return h`<em>${line(x.parts, names)}</em>`;
    case 'code':
      return h`<code>${x.text}</code>`;
  }
}

export const line = (l: Line, names: Names): Html => h`${l.map((x) => inline(x, names))}`;

/** Paragraphs, lists and rules. */
export function blocks(text: Text, names: Names): Html {
  return h`${text.map((b) =>
    b.k === 'p' ? h`<p>${line(b.parts, names)}</p>` : b.k === 'list' ? h`<ul>${b.items.map((i) => h`<li>${line(i, names)}</li>`)}</ul>` : h`<hr>`,
  )}`;
}

/** A message: Dutch, then English (marked as English for screen readers). */
export function message(m: Message, names: Names): Html {
  return h`<div class="nl">${blocks(m.nl, names)}</div><div class="en" lang="en">${blocks(m.en, names)}</div>`;
}

/** The first line of a text, inline. */
const firstLine = (text: Text, names: Names): Html => {
  const b = text[0];
  return b?.k === 'p' ? line(b.parts, names) : b?.k === 'list' ? line(b.items[0] ?? [], names) : h``;
};

/** A short message on one line: the Dutch words, the English beside them in small print (labels, buttons). */
export function label(m: Message, names: Names): Html {
  return h`${firstLine(m.nl, names)} <span class="en" lang="en">${firstLine(m.en, names)}</span>`;
}
