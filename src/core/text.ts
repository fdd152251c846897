// Messages as structure. A use case never writes Slack mrkdwn, Teams markdown or HTML: it returns
// paragraphs and lists of parts (the catalogue's own words, a person's typed text, a mention, a
// channel, emphasis, a code word), and each adapter renders them with its own escaping
// (src/slack/render.ts, src/msteams/render.ts, src/web/render.ts; plain text below).
//
// Safe by default: in the `t` template every interpolated string is *typed* text, shown literally
// and never as markup, whatever it holds (`<!channel>`, `[x](https://…)`, `*bold*`).

/** One piece of a line. A bare string is the catalogue's own words. */
export type Inline =
  | string
  | { readonly k: 'typed'; readonly text: string }
  | { readonly k: 'mention'; readonly userId: string }
  | { readonly k: 'channel'; readonly channelId: string }
  | { readonly k: 'strong'; readonly parts: readonly Inline[] }
  | { readonly k: 'em'; readonly parts: readonly Inline[] }
  | { readonly k: 'code'; readonly text: string };

export type Line = readonly Inline[];

export type Block =
  | { readonly k: 'p'; readonly parts: Line }
  | { readonly k: 'list'; readonly items: readonly Line[] }
  | { readonly k: 'rule' };

/** A text in one language: paragraphs, lists and rules. */
export type Text = readonly Block[];

/** Every text a user reads: Dutch first, English second. */
export interface Message {
  readonly nl: Text;
  readonly en: Text;
}

/** What a person typed: shown literally, never as markup. */
export const typed = (text: string): Inline => ({ k: 'typed', text });
export const mention = (userId: string): Inline => ({ k: 'mention', userId });
export const channel = (channelId: string): Inline => ({ k: 'channel', channelId });
export const strong = (...parts: Inline[]): Inline => ({ k: 'strong', parts });
export const em = (...parts: Inline[]): Inline => ({ k: 'em', parts });
/** A command or code word, shown literally in a code font. */
export const code = (text: string): Inline => ({ k: 'code', text });

export const p = (...parts: Inline[]): Block => ({ k: 'p', parts });
export const list = (items: readonly Line[]): Block => ({ k: 'list', items });
export const rule: Block = { k: 'rule' };

/**
 * A line from a template: the literal parts are the catalogue's words; an interpolated string or
 * number is typed text (shown literally), an Inline part (or a list of them) stays what it is.
 *   t`${mention(id)} heeft ${requestLabel(id)} ingetrokken.`
 */
export function t(strings: TemplateStringsArray, ...values: readonly (Inline | number | Line)[]): Line {
  const out: Inline[] = [];
  strings.forEach((s, i) => {
    if (s !== '') out.push(s);
    if (i < values.length) {
      const v = values[i] as Inline | number | Line;
      if (Array.isArray(v)) out.push(...(v as Line));
      else out.push(typeof v === 'number' ? String(v) : typeof v === 'string' ? typed(v) : (v as Inline));
    }
  });
  return out;
}

type TextLike = Text | Line | string;

function isText(x: TextLike): x is Text {
  return Array.isArray(x) && x.length > 0 && typeof x[0] === 'object' && x[0] !== null && 'k' in x[0] && (x[0].k === 'p' || x[0].k === 'list' || x[0].k === 'rule');
}

/** A Text from a whole text, one line, or the catalogue's words. */
export function text(x: TextLike): Text {
  if (typeof x === 'string') return [p(x)];
  if (isText(x)) return x;
  return [p(...(x as Line))];
}

/** A message from its Dutch and English text. */
export const msg = (nl: TextLike, en: TextLike): Message => ({ nl: text(nl), en: text(en) });

/** A message stored before messages were structure: `<@U123>` mentions kept, the rest as text. */
export function legacyMessage(nl: string, en: string): Message {
  const line = (s: string): Line => s.split(/(<@[A-Za-z0-9._:-]+>)/).filter(Boolean).map((x) => (/^<@.+>$/.test(x) ? mention(x.slice(2, -1)) : x));
  return { nl: nl.split('\n').map((l) => p(...line(l))), en: en.split('\n').map((l) => p(...line(l))) };
}

// ── Plain text (CLI, modal field errors, notification summaries) ────────────────────────────────

/** Names for user ids in plain text; the default shows the id. */
export type NameOf = (userId: string) => string;
/** Names for channel ids in plain text; the default shows `#id`. */
export type ChannelNameOf = (channelId: string) => string;
const channelRef: ChannelNameOf = (id) => `#${id}`;

function plainInline(part: Inline, nameOf: NameOf, channelOf: ChannelNameOf): string {
  if (typeof part === 'string') return part;
  switch (part.k) {
    case 'typed':
    case 'code':
      return part.text;
    case 'mention':
      return nameOf(part.userId);
    case 'channel':
      return channelOf(part.channelId);
    case 'strong':
    case 'em':
      return part.parts.map((x) => plainInline(x, nameOf, channelOf)).join('');
  }
}

export const plainLine = (line: Line, nameOf: NameOf = (id) => id, channelOf: ChannelNameOf = channelRef): string =>
  line.map((x) => plainInline(x, nameOf, channelOf)).join('');

/** A Text as plain lines: lists as "• " items, a rule as "───". */
export function toPlain(x: Text, nameOf: NameOf = (id) => id, channelOf: ChannelNameOf = channelRef): string {
  return x
    .map((b) =>
      b.k === 'p' ? plainLine(b.parts, nameOf, channelOf) : b.k === 'list' ? b.items.map((i) => `• ${plainLine(i, nameOf, channelOf)}`).join('\n') : '───',
    )
    .join('\n');
}

/** A short message on one line, "Dutch (English)": field errors and labels. */
export function inlinePlain(m: Message, nameOf?: NameOf): string {
  return `${toPlain(m.nl, nameOf).replace(/\n+/g, ' ')} (${toPlain(m.en, nameOf).replace(/\n+/g, ' ')})`;
}

/** "Dutch / English" on one line (buttons, labels, options). */
export function slashPlain(m: Message, nameOf?: NameOf): string {
  return `${toPlain(m.nl, nameOf).replace(/\n+/g, ' ')} / ${toPlain(m.en, nameOf).replace(/\n+/g, ' ')}`;
}

/** "Dutch / English" on one line, or two blocks for long texts (CLI output). */
export function bilingualPlain(m: Message, nameOf?: NameOf): string {
  const nl = toPlain(m.nl, nameOf);
  const en = toPlain(m.en, nameOf);
  return nl.includes('\n') ? `${nl}\n\n${en}` : `${nl} / ${en}`;
}

/** Every piece of typed text in a message (tests: what a person wrote must reach the reader intact). */
export function typedParts(m: Message): string[] {
  const out: string[] = [];
  const walk = (part: Inline) => {
    if (typeof part === 'string') return;
    if (part.k === 'typed') out.push(part.text);
    if (part.k === 'strong' || part.k === 'em') part.parts.forEach(walk);
  };
  for (const x of [m.nl, m.en]) for (const b of x) (b.k === 'p' ? [b.parts] : b.k === 'list' ? b.items : []).forEach((l) => l.forEach(walk));
  return out;
}
