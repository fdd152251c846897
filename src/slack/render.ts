// Message structure (src/core/text.ts) as Slack mrkdwn, with Slack's escaping. Text a person typed
// is shown literally: `&`, `<`, `>` as entities (so it can never form a mention, `<!channel>`, a
// channel link or a URL link), the formatting characters `* _ ~ \`` as look-alikes, a line break as
// a space, a `>` that would start a line as a look-alike (no quote), and `://` broken so no bare URL
// becomes a link.
import type { Inline, Line, Message, Text } from '../core/text.js';
import { inlinePlain } from '../core/text.js';

/** Block Kit's published limits (characters, and blocks per surface). */
export const SLACK_LIMITS = {
  sectionText: 3000,
  contextText: 3000,
  header: 150,
  buttonText: 75,
  optionText: 75,
  plainLabel: 2000,
  modalTitle: 24,
  modalButton: 24,
  hint: 2000,
  placeholder: 150,
  messageText: 40000,
  messageBlocks: 50,
  modalBlocks: 100,
  homeBlocks: 100,
  actionValue: 2000,
  privateMetadata: 3000,
} as const;

const entities = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const LOOKALIKE: Record<string, string> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };

/** Text a person typed, for mrkdwn. */
export function typedText(s: string): string {
  return entities(s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[*_~`]/g, (c) => LOOKALIKE[c] ?? c).replace(/:\/\//g, ':/\u200b/'));
}

/** The catalogue's own words, for mrkdwn. */
export const ownText = entities;

function inline(part: Inline): string {
  if (typeof part === 'string') return ownText(part);
  switch (part.k) {
    case 'typed':
      return typedText(part.text);
    case 'mention':
      return `<@${part.userId.replace(/[^A-Za-z0-9]/g, '')}>`;
    case 'channel':
      return `<#${part.channelId.replace(/[^A-Za-z0-9]/g, '')}>`;
    case 'strong':
      return emphasis('*', part.parts);
    case 'em':
      return emphasis('_', part.parts);
    case 'code':
      return `\`${entities(part.text.replace(/`/g, 'ˋ').replace(/[\r\n]+/g, ' '))}\``;
  }
}

/** Emphasis hugs its text: a space inside the marker (typed text can end with one) would undo it. */
const emphasis = (marker: string, l: Line): string => `${marker}${l.map(inline).join('').trim()}${marker}`;

/** A line never starts a quote by what it begins with (typed text can come first; Slack reads `&gt;` there as `>`). */
export const line = (l: Line): string => l.map(inline).join('').replace(/^(\s*)&gt;/, '$1›');

/** A text as mrkdwn: paragraphs on their own line, lists as "• " lines, a rule as "───". */
export function mrkdwn(text: Text): string {
  return text.map((b) => (b.k === 'p' ? line(b.parts) : b.k === 'list' ? b.items.map((i) => `• ${line(i)}`).join('\n') : '───')).join('\n');
}

/** Dutch, then English in italics (each English line on its own). */
export function bilingual(m: Message): string {
  const en = m.en.map((b) => (b.k === 'p' ? emphasis('_', b.parts) : mrkdwn([b])));
  return [mrkdwn(m.nl), ...en].join('\n');
}

/** A short "Dutch (English)" text for plain_text places: field errors, labels. */
export const plainInline = (m: Message): string => inlinePlain(m);

/** At most `max` characters (Block Kit refuses longer text, and the whole message is lost). */
export function fit(s: string, max: number): string {
  if (s.length <= max) return s;
  // Never end inside a mention or an entity: half of `<@U123>` or `&amp;` would show as text.
  return `${s.slice(0, max - 1).replace(/<[^>]*$|&[a-z]*$/, '')}…`;
}
