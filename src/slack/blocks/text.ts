// Small Block Kit helpers shared by the builders; every text is cut to Block Kit's limits.
import { slashPlain, type Message, type Text } from '../../core/text.js';
import { fit, line, mrkdwn, SLACK_LIMITS } from '../render.js';

export const plain = (text: string, max: number = SLACK_LIMITS.header) => ({ type: 'plain_text' as const, text: fit(text, max), emoji: true });
/**
 * Verbatim: Slack must not parse plain text itself (it would link URLs and channel names and parse
 * some mentions in what a person typed); our own mentions use the explicit `<@U…>` syntax.
 */
export const mrkdwnText = (text: string, max: number = SLACK_LIMITS.sectionText) => ({ type: 'mrkdwn' as const, text: fit(text, max), verbatim: true });
export const section = (text: string) => ({ type: 'section' as const, text: mrkdwnText(text) });
export const context = (text: string) => ({ type: 'context' as const, elements: [mrkdwnText(text, SLACK_LIMITS.contextText)] });
export const header = (text: string) => ({ type: 'header' as const, text: plain(text, SLACK_LIMITS.header) });
export const divider = { type: 'divider' as const };
export const button = (actionId: string, label: Message, value: string, extra: Record<string, unknown> = {}) => ({
  type: 'button' as const,
  action_id: actionId,
  text: plain(slashPlain(label), SLACK_LIMITS.buttonText),
  value: value.slice(0, SLACK_LIMITS.actionValue),
  ...extra,
});

/** "Nederlands / English" for plain-text places (buttons, options, labels). */
export const slash = slashPlain;

/**
 * A text as blocks: consecutive paragraphs and lists share a section (split before 3,000
 * characters), a rule becomes a divider.
 */
export function textBlocks(text: Text): object[] {
  const out: object[] = [];
  let lines: string[] = [];
  const flush = () => {
    let chunk = '';
    for (const l of lines) {
      if (chunk && chunk.length + 1 + l.length > SLACK_LIMITS.sectionText) {
        out.push(section(chunk));
        chunk = '';
      }
      chunk = chunk ? `${chunk}\n${l}` : l;
    }
    if (chunk) out.push(section(chunk));
    lines = [];
  };
  for (const b of text) {
    if (b.k === 'rule') {
      flush();
      out.push(divider);
    } else if (b.k === 'p') lines.push(line(b.parts));
    // Item by item, so a long list is split between sections instead of cut off at 3,000 characters.
    else lines.push(...b.items.map((i) => mrkdwn([{ k: 'list', items: [i] }])));
  }
  flush();
  return out;
}

/** "Nederlands / English" in mrkdwn, one line. */
export const bilingualLine = (m: Message): string => `${mrkdwn(m.nl)} / ${mrkdwn(m.en)}`;
