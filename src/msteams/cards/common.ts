// Adaptive Card building blocks shared by the cards and dialogs.
import type { Message, Text } from '../../core/text.js';
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

/** A longer text as text blocks, one per paragraph or list (a rule starts a separated block). */
export function textBlocks(text: Text, names: Names): object[] {
  const out: object[] = [];
  let separate = false;
  for (const b of text) {
    if (b.k === 'rule') {
      separate = true;
      continue;
    }
    out.push(textBlock(markdown([b], names), separate ? { separator: true, spacing: 'Medium' } : {}));
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
