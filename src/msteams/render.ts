// Message structure (src/core/text.ts) as the markdown Teams shows in messages and Adaptive Card
// text blocks. People are shown by display name (Teams mentions need entities; a name is enough).
// Text a person typed is shown literally: the markdown and HTML characters as look-alikes (so
// `[x](https://…)` never becomes a link and `<at>` never a mention), a line break as a space, and
// `://` broken so no bare URL becomes a link.
import type { Inline, Line, Message, Text } from '../core/text.js';

export interface Names {
  /** A person's display name (or a neutral word when unknown). */
  person(userId: string): string;
  /** A channel's name (Teams shows names, never ids). */
  channel(channelId: string): string;
}

const LOOKALIKE: Record<string, string> = {
  '*': '∗',
  _: 'ˍ',
  '~': '∼',
  '`': 'ˋ',
  '[': '［',
  ']': '］',
  '<': '‹',
  '>': '›',
  '|': '∣',
  '\\': '∖',
};

/** Text a person typed (or a name), for Teams markdown. */
export function typedText(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[*_~`[\]<>|\\]/g, (c) => LOOKALIKE[c] ?? c)
    .replace(/:\/\//g, ':/\u200b/')
    .replace(/&/g, '&amp;');
}

/** The catalogue's own words: only what Teams would read as HTML. */
const ownText = (s: string) => s.replace(/</g, '‹').replace(/>/g, '›');

function inline(part: Inline, names: Names): string {
  if (typeof part === 'string') return ownText(part);
  switch (part.k) {
    case 'typed':
      return typedText(part.text);
    case 'mention':
      return typedText(names.person(part.userId));
    case 'channel':
      return typedText(names.channel(part.channelId));
    case 'strong':
      return `**${inner(part.parts, names).trim()}**`;
    case 'em':
      return `_${inner(part.parts, names).trim()}_`;
    case 'code':
      // Code words come from the catalogue only; Teams shows them literally.
      return `\`${part.text.replace(/`/g, 'ˋ').replace(/[\r\n]+/g, ' ')}\``;
  }
}

/** A line never starts a heading, list or quote by what it begins with (typed text can come first). */
const LEAD: Record<string, string> = { '#': '＃', '-': '‐', '+': '＋', '.': '․', ')': '）' };
const inner = (l: Line, names: Names): string => l.map((x) => inline(x, names)).join('');
export const line = (l: Line, names: Names): string =>
  inner(l, names).replace(/^(\s*)(?:([#+-])|(\d+)([.)])(?=\s|$))/, (_m, sp: string, mark?: string, n?: string, dot?: string) => `${sp}${mark ? LEAD[mark] : `${n}${LEAD[dot!]}`}`);

/** Paragraphs apart (Teams joins single line breaks), list items as one list, a rule as "───". */
export function markdown(text: Text, names: Names): string {
  return text.map((b) => (b.k === 'p' ? line(b.parts, names) : b.k === 'list' ? b.items.map((i) => `- ${line(i, names)}`).join('\n') : '───')).join('\n\n');
}

/** Dutch, then English in italics. */
export function bilingual(m: Message, names: Names): string {
  // Emphasis hugs its text: a space inside the marker (typed text can end with one) would undo it.
  const en = m.en.map((b) => (b.k === 'p' ? `_${line(b.parts, names).trim()}_` : markdown([b], names)));
  return [markdown(m.nl, names), ...en].join('\n\n');
}

/** A text without markup, on one line (dialog results, toasts). */
export const plainOf = (t: Text, names: Names): string =>
  t.map((b) => (b.k === 'p' ? b.parts : b.k === 'list' ? b.items.flat() : [])).map((parts) => parts.map((x) => strip(x, names)).join('')).join(' ');

/** "Dutch / English" without markup, on one line. */
export const plainSlash = (m: Message, names: Names): string => `${plainOf(m.nl, names)} / ${plainOf(m.en, names)}`;

function strip(part: Inline, names: Names): string {
  if (typeof part === 'string') return part;
  if (part.k === 'typed' || part.k === 'code') return part.text;
  if (part.k === 'mention') return names.person(part.userId);
  if (part.k === 'channel') return names.channel(part.channelId);
  return part.parts.map((x) => strip(x, names)).join('');
}
