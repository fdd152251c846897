// The request form (new and edit) as a Slack modal, drawn from the form view every platform shares,
// and what was typed read back out of the submission.
import type { RequestFormView } from '../../app/requestForm.js';
import { formText, LIMITS, reasonLabel } from '../../core/messages.js';
import { REASON_CODES } from '../../core/request.js';
import type { RequestFormInput } from '../../core/requestForm.js';
import { toPlain, type Message } from '../../core/text.js';
import { bilingual, plainInline, SLACK_LIMITS } from '../render.js';
import { context, plain, slash } from './text.js';

export const CALLBACK = { submit: 'request_submit', edit: 'request_edit_submit' } as const;
export const DISPATCH = { description: 'description_input', supplier: 'supplier_input' } as const;

export interface RequestModalMeta {
  /** The team channel; absent when opened from the global shortcut (the form then asks for it). */
  channelId?: string;
  requestId?: number;
  suggestedSlug?: string | null;
}

const option = (text: string, value: string) => ({ text: plain(text, SLACK_LIMITS.optionText), value });
const categoryOption = (c: { slug: string; labelNl: string; labelEn: string }) => option(`${c.labelNl} / ${c.labelEn}`, c.slug);
const hint = (m: Message | string) => plain(typeof m === 'string' ? m : slash(m), SLACK_LIMITS.hint);

function textInput(blockId: string, label: Message, opts: { initial?: string | undefined; max: number; multiline?: boolean; optional?: boolean; hint?: Message | string; placeholder?: string; dispatch?: string }) {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(slash(label), SLACK_LIMITS.plainLabel),
    ...(opts.hint ? { hint: hint(opts.hint) } : {}),
    ...(opts.dispatch ? { dispatch_action: true } : {}),
    element: {
      type: 'plain_text_input',
      action_id: opts.dispatch ?? 'value',
      max_length: opts.max + 50,
      multiline: opts.multiline ?? false,
      ...(opts.initial ? { initial_value: opts.initial.slice(0, opts.max + 50) } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder, SLACK_LIMITS.placeholder) } : {}),
      ...(opts.dispatch ? { dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] } } : {}),
    },
  };
}

/** The category block id carries the suggestion, so Slack shows a new pre-selection after an update. */
export const categoryBlockId = (suggested: string | null | undefined) => `categorySlug${suggested ? `:${suggested}` : ''}`;

export function requestModal(view: RequestFormView, suggestedSlug: string | null = view.suggestion?.slug ?? null): object {
  const { values: initial, suggestion, notice } = view;
  const editing = view.mode === 'edit';
  const selected = initial.categorySlug ?? suggestion?.slug ?? null;
  const selectedCategory = view.categories.find((c) => c.slug === selected);
  const meta: RequestModalMeta = { ...(view.channelId ? { channelId: view.channelId } : {}), ...(view.requestId !== null ? { requestId: view.requestId } : {}), suggestedSlug };
  const blocks: object[] = [];
  if (notice) blocks.push(context(bilingual(notice)));
  if (!view.channelId) {
    blocks.push({
      type: 'input',
      block_id: 'channel',
      label: plain(slash(formText.channel)),
      element: { type: 'conversations_select', action_id: 'value', filter: { include: ['public', 'private'], exclude_bot_users: true } },
    });
  }
  blocks.push(
    textInput('amount', formText.amount, { initial: initial.amount, max: 20, placeholder: '85,50', hint: formText.amountHint(view.limitCents) }),
    textInput('description', formText.description, { initial: initial.description, max: LIMITS.description, placeholder: formText.descriptionPlaceholder, hint: formText.descriptionHint, dispatch: DISPATCH.description }),
    textInput('supplierName', formText.supplierName, { initial: initial.supplierName, max: LIMITS.supplierName, placeholder: formText.supplierPlaceholder, dispatch: DISPATCH.supplier }),
    textInput('supplierIban', formText.supplierIban, { initial: initial.supplierIban, max: 42, placeholder: formText.ibanPlaceholder, hint: formText.ibanHint }),
    {
      type: 'input',
      block_id: categoryBlockId(suggestedSlug),
      optional: true,
      label: plain(slash(formText.category)),
      ...(suggestion?.explanation ? { hint: hint(`Voorstel / Suggestion: ${suggestion.explanation}`) } : {}),
      element: {
        type: 'static_select',
        action_id: 'value',
        placeholder: plain(slash(formText.categoryPlaceholder), SLACK_LIMITS.placeholder),
        options: view.categories.slice(0, 100).map(categoryOption),
        ...(selectedCategory ? { initial_option: categoryOption(selectedCategory) } : {}),
      },
    },
    textInput('caseRef', formText.caseRef, { initial: initial.caseRef, max: LIMITS.caseRef, placeholder: formText.caseRefPlaceholder, hint: formText.caseRefHint }),
    {
      type: 'input',
      block_id: 'reason',
      label: plain(slash(formText.reason)),
      element: {
        type: 'radio_buttons',
        action_id: 'value',
        options: REASON_CODES.map((r) => option(plainInline(reasonLabel(r)), r)),
        ...(initial.reason && (REASON_CODES as readonly string[]).includes(initial.reason)
          ? { initial_option: option(plainInline(reasonLabel(initial.reason as (typeof REASON_CODES)[number])), initial.reason) }
          : {}),
      },
    },
    textInput('reasonText', formText.reasonText, { initial: initial.reasonText, max: LIMITS.reasonText, multiline: true, optional: true }),
  );
  return {
    type: 'modal',
    callback_id: editing ? CALLBACK.edit : CALLBACK.submit,
    private_metadata: JSON.stringify(meta),
    title: plain(modalWords(editing ? formText.titleEdit : formText.titleNew), SLACK_LIMITS.modalTitle),
    submit: plain(modalWords(editing ? formText.submitEdit : formText.submitNew), SLACK_LIMITS.modalButton),
    close: plain(modalWords(formText.cancel), SLACK_LIMITS.modalButton),
    blocks: blocks.slice(0, SLACK_LIMITS.modalBlocks),
  };
}

/** Modal titles and buttons are short: Dutch only. */
const modalWords = (m: Message) => toPlain(m.nl);

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

/** Field errors keyed by the block ids Slack expects; a field this form lacks (the channel picker) goes under the amount. */
export function fieldErrorsForSlack(values: StateValues, errors: Readonly<Partial<Record<string, Message>>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [fieldName, msg] of Object.entries(errors)) {
    if (!msg) continue;
    const blockId = Object.keys(values).find((id) => id === fieldName || id.startsWith(`${fieldName}:`)) ?? (fieldName === 'channel' ? 'amount' : fieldName);
    out[blockId] = out[blockId] ? `${out[blockId]} ${plainInline(msg)}` : plainInline(msg);
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

/** Keep a form field error where Slack can show it: a refusal without a field goes under the amount. */
export function errorsOrAmount(errors: Readonly<Partial<Record<string, Message>>> | undefined, message: Message | null): Readonly<Partial<Record<string, Message>>> {
  if (errors && Object.keys(errors).length > 0) return errors;
  return message ? { amount: message } : {};
}
