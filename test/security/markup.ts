// What "typed text renders as markup" means, per platform, for the property tests of
// markup.property.test.ts. A rendering R of a message is compared with its skeleton S: the same
// message rendered with every piece of typed text (and every display name) replaced by "x". Typed
// text is harmless when R has exactly the markup of S — the catalogue's own — and nothing more.
//
// Slack (mrkdwn, docs.slack.dev/messaging/formatting-message-text):
//  S1 control sequences: every `<` starts one of our own `<@ID>` / `<#ID>` (ids we put in); no
//     `<!channel>`, `<!here>`, `<!subteam…>`, `<http…|…>`, `<mailto:…>` and no stray `<` or `>`;
//  S2 entities: every `&` starts `&amp;`, `&lt;` or `&gt;` (so typed `&lt;!channel&gt;` stays text);
//  S3 formatting: the markers `*` `_` `~` `` ` `` are those of S, in order, each with the same
//     kind of neighbour on its inner side (space or not), so no marker is added, lost, unpaired or
//     kept from opening or closing by a space;
//  S4 lines: as many lines as S, and a line starts a quote (`>` / `&gt;`) only where S's does;
//  S5 links: no `://` (a bare URL would be linked) unless S has it.
// Teams (Adaptive Card TextBlock / FactSet and message markdown, aka.ms/ACTextFeatures):
//  T1 no `<` or `>` but those of S (the catalogue's code words): no `<at>` mention, no HTML tag;
//  T2 no link syntax: as many `[` `]` as S (none), so `[text](url)` cannot form;
//  T3 formatting: as S3, for `*` (`**` bold) `_` `~` `` ` ``;
//  T4 links: no `://` unless S has it;
//  T5 lines: a line starts a heading (`#`), quote (`>`), list (`-` `+` `*` `1.` `1)`) only where S's does;
//  T6 entities: no HTML entity but `&amp;` (a typed `&lt;at&gt;` cannot turn into `<at>`).
import { typed, type Block, type Inline, type Line, type Message, type Text } from '../../src/core/text.js';

export const PLACEHOLDER = 'x';

/** The message with every typed part replaced. */
export function mapTyped(m: Message, f: (s: string) => string): Message {
  const inline = (p: Inline): Inline =>
    typeof p === 'string' ? p : p.k === 'typed' ? typed(f(p.text)) : p.k === 'strong' || p.k === 'em' ? { k: p.k, parts: p.parts.map(inline) } : p;
  const line = (l: Line): Line => l.map(inline);
  const text = (t: Text): Text => t.map((b): Block => (b.k === 'p' ? { k: 'p', parts: line(b.parts) } : b.k === 'list' ? { k: 'list', items: b.items.map(line) } : b));
  return { nl: text(m.nl), en: text(m.en) };
}

const side = (c: string | undefined) => (c === undefined || /\s/.test(c) ? 'space' : 'other');

/**
 * The formatting delimiters in order: each run of one marker character (`*`, `**`, `_`, ...), and
 * the kind of character on its inner side — after an opening run, before a closing one (runs of a
 * character alternate opening, closing). A run that cannot open or close (a space inside), an
 * extra run, or a missing one changes this list.
 */
export function markers(r: string, chars: string): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < r.length; ) {
    const c = r[i]!;
    if (!chars.includes(c)) {
      i++;
      continue;
    }
    let j = i;
    while (r[j] === c) j++;
    const n = seen.get(c) ?? 0;
    seen.set(c, n + 1);
    const opening = n % 2 === 0;
    out.push(`${c.repeat(j - i)}${opening ? 'open' : 'close'}:${side(opening ? r[j] : r[i - 1])}`);
    i = j;
  }
  return out;
}

const count = (r: string, re: RegExp) => (r.match(re) ?? []).length;

/** Violations of S1–S5 in a Slack rendering `r` against its skeleton `s`; [] when harmless. */
export function slackViolations(r: string, s: string, ownIds: ReadonlySet<string>): string[] {
  const v: string[] = [];
  const stripped = r.replace(/<([@#])([A-Za-z0-9]+)>/g, (m, _k: string, id: string) => (ownIds.has(id) ? '' : m));
  if (/[<>]/.test(stripped)) v.push(`S1 control sequence or stray angle bracket: ${JSON.stringify(stripped.match(/.{0,12}[<>].{0,12}/)?.[0])}`);
  if (/&(?!amp;|lt;|gt;)/.test(r)) v.push(`S2 bare or foreign entity: ${JSON.stringify(r.match(/.{0,8}&.{0,8}/)?.[0])}`);
  const mr = markers(r, '*_~`');
  const ms = markers(s, '*_~`');
  if (JSON.stringify(mr) !== JSON.stringify(ms)) v.push(`S3 formatting markers differ: ${JSON.stringify(mr)} vs ${JSON.stringify(ms)}`);
  const lr = r.split('\n');
  const ls = s.split('\n');
  const quote = (l: string) => /^\s*(&gt;|>)/.test(l);
  if (lr.length !== ls.length) v.push(`S4 line count ${lr.length} vs ${ls.length}`);
  else lr.forEach((l, i) => quote(l) !== quote(ls[i]!) && v.push(`S4 quote on line ${i}: ${JSON.stringify(l.slice(0, 20))}`));
  if (count(r, /:\/\//g) !== count(s, /:\/\//g)) v.push('S5 a URL scheme (://) from typed text');
  return v;
}

const LEAD = /^\s*(#|>|[-+*](?=\s)|\d+[.)](?=\s|$))/;
const lead = (l: string) => LEAD.exec(l)?.[1]?.replace(/\d+/, '1') ?? '';

/** Violations of T1–T6 in a Teams rendering `r` against its skeleton `s`; [] when harmless. */
export function teamsViolations(r: string, s: string): string[] {
  const v: string[] = [];
  if (count(r, /[<>]/g) !== count(s, /[<>]/g)) v.push(`T1 angle bracket: ${JSON.stringify(r.match(/.{0,12}[<>].{0,12}/)?.[0])}`);
  if (count(r, /[[\]]/g) !== count(s, /[[\]]/g)) v.push(`T2 square bracket: ${JSON.stringify(r.match(/.{0,12}[[\]].{0,12}/)?.[0])}`);
  const mr = markers(r, '*_~`');
  const ms = markers(s, '*_~`');
  if (JSON.stringify(mr) !== JSON.stringify(ms)) v.push(`T3 formatting markers differ: ${JSON.stringify(mr)} vs ${JSON.stringify(ms)}`);
  if (count(r, /:\/\//g) !== count(s, /:\/\//g)) v.push('T4 a URL scheme (://) from typed text');
  const lr = r.split('\n');
  const ls = s.split('\n');
  if (lr.length !== ls.length) v.push(`T5 line count ${lr.length} vs ${ls.length}`);
  else lr.forEach((l, i) => lead(l) !== lead(ls[i]!) && v.push(`T5 line ${i} starts with ${JSON.stringify(lead(l))}: ${JSON.stringify(l.slice(0, 20))}`));
  if (/&(?!amp;)#?[A-Za-z0-9]+;/.test(r)) v.push(`T6 entity: ${JSON.stringify(r.match(/&#?[A-Za-z0-9]+;/)?.[0])}`);
  return v;
}

/** Pieces of markup a person might type, on purpose or not. */
export const MARKUP_PIECES = [
  '<!channel>', '<!here>', '<!everyone>', '<!subteam^S123|team>', '<@U0ATTACK>', '<@UREQ>', '<#C0OTHER>', '<#C0OTHER|general>',
  '<https://evil.example|klik hier>', '<http://evil.example>', '<mailto:a@evil.example|mail>', '[klik](https://evil.example)', '![img](https://evil.example/x.png)',
  '*', '**', '_', '__', '~', '~~', '`', '```', '> ', '>', '>>>', '#', '# ', '## ', '- ', '+ ', '* ', '1. ', '2) ',
  '\n', '\r\n', '\n\n', '  ', '\t', '&', '&amp;', '&lt;', '&gt;', '&#60;', '&nbsp;', '<b>', '</b>', '<at>Rosa</at>', '<script>alert(1)</script>',
  'https://evil.example', 'http://evil.example/x', 'www.evil.example', '@channel', '@here', '@everyone', ':joy:', '|', '\\', '[', ']', '(', ')', '://',
] as const;
