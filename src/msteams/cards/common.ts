// Adaptive Card building blocks shared by the cards and dialogs.
import { msg, type Message, type Text } from '../../core/text.js';
import { bilingual, markdown, type Names } from '../render.js';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export type AdaptiveCard = { type: 'AdaptiveCard'; version: string; body: object[]; actions?: object[] } & Record<string, unknown>;

export const attachment = (card: AdaptiveCard) => ({ contentType: CARD_CONTENT_TYPE, content: card });

export const card = (body: object[], actions: object[] = []): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: SCHEMA,
  version: '1.5',
  msteams: { width: 'Full' },
  body,
  ...(actions.length > 0 ? { actions } : {}),
});

export const textBlock = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** A message as one text block: Dutch, then English in italics. */
export const messageBlock = (m: Message, names: Names, extra: Record<string, unknown> = {}) => textBlock(bilingual(m, names), extra);

/**
 * Teams refuses a bot message over 40 KB, its text counted in UTF-16 (learn.microsoft.com, Format
 * your bot messages): a long text (an overview with many requests) stops before that, and says so.
 */
export const TEXT_BUDGET = 12_000;
const goesOn = msg('… en meer: te lang voor één bericht.', '… and more: too long for one message.');

/** A longer text as text blocks, one per paragraph or list (a rule starts a separated block), within `budget` characters. */
export function textBlocks(text: Text, names: Names, budget: number = TEXT_BUDGET): object[] {
  const out: object[] = [];
  let left = budget;
  let separate = false;
  for (const b of text) {
    if (b.k === 'rule') {
      separate = true;
      continue;
    }
    let md = markdown([b], names);
    const fits = md.length <= left;
    if (!fits) {
      // A list keeps the items that fit; any other block is left out.
      const items: string[] = [];
      for (const item of b.k === 'list' ? b.items : []) {
        const one = markdown([{ k: 'list', items: [item] }], names);
        if (items.join('\n').length + one.length + 1 > left) break;
        items.push(one);
      }
      md = items.join('\n');
    }
    if (md) out.push(textBlock(md, separate ? { separator: true, spacing: 'Medium' } : {}));
    left -= md.length;
    if (!fits) {
      out.push(messageBlock(goesOn, names, { isSubtle: true, size: 'Small' }));
      break;
    }
    separate = false;
  }
  return out;
}

/** Card action verbs (Action.Execute → invoke adaptiveCard/action) and dialog kinds (task/fetch). */
export const VERB = { approve: 'approve', object: 'object', unvote: 'unvote', withdraw: 'withdraw', markPaid: 'markPaid', prevented: 'prevented', signal: 'signal' } as const;
export const DIALOG = { new: 'new', edit: 'edit', alternative: 'alternative', objection: 'objection' } as const;
export type DialogKind = (typeof DIALOG)[keyof typeof DIALOG];

/** A button that opens a dialog (task module) through Action.Submit with msteams task/fetch. */
export const openDialog = (title: string, dialog: DialogKind, data: Record<string, unknown> = {}) => ({
  type: 'Action.Submit',
  title,
  data: { msteams: { type: 'task/fetch' }, dialog, ...data },
});

export const execute = (title: string, verb: string, requestId: number, style?: 'positive' | 'destructive') => ({
  type: 'Action.Execute',
  title,
  verb,
  data: { requestId },
  ...(style ? { style } : {}),
});
