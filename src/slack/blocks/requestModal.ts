// The request form (new and edit), and reading what was typed back out of the submission.
import type { Message } from '../../core/messages.js';
import { inline, LIMITS, reasonLabel } from '../../core/messages.js';
import { REASON_CODES } from '../../core/request.js';
import type { RequestFormInput } from '../../core/requestForm.js';
import { context, plain } from './text.js';

export const CALLBACK = { submit: 'request_submit', edit: 'request_edit_submit' } as const;
export const DISPATCH = { description: 'description_input', supplier: 'supplier_input' } as const;

export interface RequestModalMeta {
  /** The team channel; absent when opened from the global shortcut (the form then asks for it). */
  channelId?: string;
  requestId?: number;
  suggestedSlug?: string | null;
}

export interface CategoryOption {
  slug: string;
  labelNl: string;
  labelEn: string;
}

export interface RequestModalInput {
  meta: RequestModalMeta;
  categories: readonly CategoryOption[];
  initial?: Partial<RequestFormInput>;
  /** Pre-selected category and why it was suggested. */
  suggestion?: { slug: string; explanation: string } | null;
  notice?: Message | null;
}

const option = (text: string, value: string) => ({ text: plain(text), value });
const categoryOption = (c: CategoryOption) => option(`${c.labelNl} / ${c.labelEn}`, c.slug);

function textInput(blockId: string, label: string, opts: { initial?: string; max: number; multiline?: boolean; optional?: boolean; hint?: string; placeholder?: string; dispatch?: string }) {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    ...(opts.dispatch ? { dispatch_action: true } : {}),
    element: {
      type: 'plain_text_input',
      action_id: opts.dispatch ?? 'value',
      max_length: opts.max + 50,
      multiline: opts.multiline ?? false,
      ...(opts.initial ? { initial_value: opts.initial } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      ...(opts.dispatch ? { dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } } : {}),
    },
  };
}

/** The category block id carries the suggestion, so Slack shows a new pre-selection after an update. */
export const categoryBlockId = (suggested: string | null | undefined) => `categorySlug${suggested ? `:${suggested}` : ''}`;

export function requestModal(input: RequestModalInput): object {
  const { meta, categories, initial = {}, suggestion, notice } = input;
  const editing = meta.requestId !== undefined;
  const selected = initial.categorySlug ?? suggestion?.slug ?? null;
  const selectedCategory = categories.find((c) => c.slug === selected);
  const blocks: object[] = [];
  if (notice) blocks.push(context(`${notice.nl}\n_${notice.en}_`));
  if (!meta.channelId) {
    blocks.push({
      type: 'input',
      block_id: 'channel',
      label: plain('Teamkanaal / Team channel'),
      element: { type: 'conversations_select', action_id: 'value', filter: { include: ['public', 'private'], exclude_bot_users: true } },
    });
  }
  blocks.push(
    textInput('amount', 'Bedrag in euro / Amount in euros', { initial: initial.amount, max: 20, placeholder: '85,50', hint: 'Onder € 500. Bijvoorbeeld 85, 85,50 of € 1.250 / Below € 500.' }),
    textInput('description', 'Wat wordt er gekocht? / What is bought?', {
      initial: initial.description,
      max: LIMITS.description,
      placeholder: 'bijv. nieuwe koelkast voor insuline',
      hint: 'Geen namen of BSN. Druk op Enter voor een categorievoorstel. / No names or BSN. Press Enter for a category suggestion.',
      dispatch: DISPATCH.description,
    }),
    textInput('supplierName', 'Leverancier / Supplier', { initial: initial.supplierName, max: LIMITS.supplierName, placeholder: 'bijv. Witgoedhandel Noord', dispatch: DISPATCH.supplier }),
    textInput('supplierIban', 'IBAN van de leverancier / Supplier IBAN', { initial: initial.supplierIban, max: 42, placeholder: 'NL91 ABNA 0417 1643 00', hint: 'Het geld gaat naar de leverancier, nooit naar de bewoner. / Money goes to the supplier, never to the resident.' }),
    {
      type: 'input',
      block_id: categoryBlockId(suggestion?.slug ?? meta.suggestedSlug),
      optional: true,
      label: plain('Categorie / Category'),
      ...(suggestion ? { hint: plain(`Voorstel / Suggestion: ${suggestion.explanation}`) } : {}),
      element: {
        type: 'static_select',
        action_id: 'value',
        placeholder: plain('Kies een categorie / Choose a category'),
        options: categories.slice(0, 100).map(categoryOption),
        ...(selectedCategory ? { initial_option: categoryOption(selectedCategory) } : {}),
      },
    },
    textInput('caseRef', 'Zaakreferentie / Case reference', { initial: initial.caseRef, max: LIMITS.caseRef, placeholder: 'WT-2026-014', hint: 'Pseudoniem, met cijfers; geen naam of BSN. / Pseudonymous, with digits; no name or BSN.' }),
    {
      type: 'input',
      block_id: 'reason',
      label: plain('Waarom dit budget? / Why this budget?'),
      element: {
        type: 'radio_buttons',
        action_id: 'value',
        options: REASON_CODES.map((r) => option(inline(reasonLabel(r)), r)),
        ...(initial.reason ? { initial_option: option(inline(reasonLabel(initial.reason as (typeof REASON_CODES)[number])), initial.reason) } : {}),
      },
    },
    textInput('reasonText', 'Toelichting (optioneel) / Explanation (optional)', { initial: initial.reasonText, max: LIMITS.reasonText, multiline: true, optional: true }),
  );
  return {
    type: 'modal',
    callback_id: editing ? CALLBACK.edit : CALLBACK.submit,
    private_metadata: JSON.stringify({ ...meta, suggestedSlug: suggestion?.slug ?? meta.suggestedSlug ?? null }),
    title: plain(editing ? 'Aanvraag wijzigen' : 'Minimaatwerk aanvraag'),
    submit: plain(editing ? 'Opslaan' : 'Aanvragen'),
    close: plain('Annuleren'),
    blocks,
  };
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null; selected_conversation?: string | null }>>;

const first = (values: StateValues, blockId: string) => {
  const block = values[blockId] ?? Object.entries(values).find(([id]) => id.startsWith(`${blockId}:`))?.[1];
  return block ? Object.values(block)[0] : undefined;
};

/** The form as typed, ready for core validation. */
export function readRequestForm(values: StateValues): RequestFormInput & { channelId: string | null } {
  const textOf = (id: string) => first(values, id)?.value ?? '';
  return {
    amount: textOf('amount'),
    description: textOf('description'),
    supplierName: textOf('supplierName'),
    supplierIban: textOf('supplierIban'),
    categorySlug: first(values, 'categorySlug')?.selected_option?.value ?? null,
    caseRef: textOf('caseRef'),
    reason: first(values, 'reason')?.selected_option?.value ?? null,
    reasonText: textOf('reasonText'),
    channelId: first(values, 'channel')?.selected_conversation ?? null,
  };
}

/** Field errors keyed by the block ids Slack expects. */
export function fieldErrorsForSlack(values: StateValues, errors: Partial<Record<string, Message>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [fieldName, msg] of Object.entries(errors)) {
    if (!msg) continue;
    const blockId = Object.keys(values).find((id) => id === fieldName || id.startsWith(`${fieldName}:`)) ?? fieldName;
    out[blockId] = inline(msg);
  }
  return out;
}

export function parseMeta(privateMetadata: string | undefined): RequestModalMeta {
  try {
    const meta = JSON.parse(privateMetadata || '{}') as RequestModalMeta;
    return typeof meta === 'object' && meta !== null ? meta : {};
  } catch {
    return {};
  }
}
