// What Slack shows, as plain text: the cast's user ids and names, mrkdwn and Block Kit read back.
import type { RecordedCall } from '../slackApiDouble.js';
import { DISPLAY_NAME, type Names, type Who } from './driver.js';

export const ID: Readonly<Record<Who, string>> = { requester: 'UREQ', anna: 'UA', bram: 'UB', chris: 'UC', dewi: 'UD', admin: 'UADMIN', finance: 'UFIN', outsider: 'UOUT' };
const WHO_OF = new Map(Object.entries(ID).map(([who, id]) => [id, who as Who]));

export type Block = { type: string; block_id?: string; text?: { text?: string }; fields?: { text?: string }[]; elements?: Record<string, unknown>[]; element?: Record<string, unknown> };
export type View = { callback_id: string; private_metadata: string; blocks: Block[] };

export const names: Names = {
  person: (id) => (WHO_OF.has(id) ? DISPLAY_NAME[WHO_OF.get(id)!] : id),
  channel: (id) => `#${id}`,
};

/** mrkdwn as plain text: mentions as names, channel links as #id, entities decoded (markers are dropped by `canonical`). */
export function unrender(mrkdwn: string): string {
  return mrkdwn
    .replace(/<@([A-Z0-9]+)>/g, (_, id: string) => names.person(id))
    .replace(/<#([A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id: string) => names.channel(id))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The text of Block Kit blocks, one line per header, section, context; a divider as a rule. */
export function blocksText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'header' && b.text?.text) out.push(b.text.text);
    if (b.type === 'section') out.push(...[b.text?.text, ...(b.fields ?? []).map((f) => f.text)].filter((x): x is string => Boolean(x)));
    if (b.type === 'context') out.push(...(b.elements ?? []).map((e) => String(e.text ?? '')));
    if (b.type === 'divider') out.push('───');
  }
  return unrender(out.join('\n'));
}

export const messageText = (c: RecordedCall) => unrender(String(c.args.text ?? ''));
