// Dialogs (task modules): the request form drawn from the form view every platform shares, the
// "alternative found" and objection-reason forms, and what a dialog or button answers.
import type { RequestFormView } from '../../app/requestForm.js';
import { closeKindLabel, formText, LIMITS, preventedLabel, preventedText, reasonLabel } from '../../core/messages.js';
import { PREVENTED_OUTCOMES } from '../../core/prevented.js';
import { CLOSE_KINDS, REASON_CODES, requestLabel } from '../../core/request.js';
import type { RequestFormInput } from '../../core/requestForm.js';
import { inlinePlain, toPlain, type Message } from '../../core/text.js';
import { plainOf, plainSlash, type Names } from '../render.js';
import { attachment, card, DIALOG, messageBlock, textBlock, type AdaptiveCard } from './common.js';

const slash = (m: Message) => `${toPlain(m.nl)} / ${toPlain(m.en)}`;
const errorBlock = (msg: Message | undefined) => (msg ? [textBlock(inlinePlain(msg), { color: 'Attention', size: 'Small', spacing: 'None' })] : []);

function input(id: keyof RequestFormInput, label: Message, value: string | undefined, opts: { max: number; placeholder?: string; multiline?: boolean; required?: boolean }, errors: RequestFormView['errors']) {
  return [
    {
      type: 'Input.Text',
      id,
      label: slash(label),
      isRequired: opts.required ?? true,
      maxLength: opts.max + 50,
      ...(opts.multiline ? { isMultiline: true } : {}),
      ...(opts.placeholder ? { placeholder: opts.placeholder } : {}),
      ...(value ? { value: value.slice(0, opts.max + 50) } : {}),
    },
    ...errorBlock(errors[id]),
  ];
}

/** The request form (new or edit), with each error under its field. */
/** `formId` names this dialog: its submissions file at most one request (a double click files once). */
export function requestFormCard(view: RequestFormView, names: Names, formId: string | null = null): AdaptiveCard {
  const initial = view.values;
  const errors = view.errors;
  const selected = initial.categorySlug ?? view.suggestion?.slug ?? '';
  const body: object[] = [];
  if (view.notice) body.push(messageBlock(view.notice, names, { color: 'Accent' }));
  if (errors.channel) body.push(...errorBlock(errors.channel));
  body.push(
    ...input('amount', formText.amount, initial.amount, { max: 20, placeholder: '85,50' }, errors),
    textBlock(slash(formText.amountHint(view.limitCents)), { isSubtle: true, size: 'Small', spacing: 'None' }),
    ...input('description', formText.description, initial.description, { max: LIMITS.description, placeholder: formText.descriptionPlaceholder }, errors),
    ...input('supplierName', formText.supplierName, initial.supplierName, { max: LIMITS.supplierName, placeholder: formText.supplierPlaceholder }, errors),
    ...input('supplierIban', formText.supplierIban, initial.supplierIban, { max: 42, placeholder: formText.ibanPlaceholder }, errors),
    {
      type: 'Input.ChoiceSet',
      id: 'categorySlug',
      label: slash(formText.category),
      style: 'compact',
      isRequired: false,
      placeholder: slash(formText.categoryPlaceholder),
      choices: view.categories.slice(0, 100).map((c) => ({ title: `${c.labelNl} / ${c.labelEn}`, value: c.slug })),
      ...(selected ? { value: selected } : {}),
    },
    ...(view.suggestion?.explanation ? [textBlock(`Voorstel / Suggestion: ${view.suggestion.explanation}`, { isSubtle: true, size: 'Small', spacing: 'None' })] : []),
    ...errorBlock(errors.categorySlug),
    ...input('caseRef', formText.caseRef, initial.caseRef, { max: LIMITS.caseRef, placeholder: formText.caseRefPlaceholder }, errors),
    {
      type: 'Input.ChoiceSet',
      id: 'reason',
      label: slash(formText.reason),
      style: 'expanded',
      isRequired: true,
      choices: REASON_CODES.map((r) => ({ title: inlinePlain(reasonLabel(r)), value: r })),
      ...(initial.reason ? { value: initial.reason } : {}),
    },
    ...errorBlock(errors.reason),
    ...input('reasonText', formText.reasonText, initial.reasonText, { max: LIMITS.reasonText, multiline: true, required: false }, errors),
    textBlock(slash(formText.footer), { isSubtle: true, size: 'Small' }),
  );
  const data = { dialog: view.mode === 'edit' ? DIALOG.edit : DIALOG.new, ...(view.requestId !== null ? { requestId: view.requestId } : {}), ...(formId ? { formId } : {}), suggestedSlug: view.suggestion?.slug ?? null };
  return card(body, [{ type: 'Action.Submit', title: toPlain(view.mode === 'edit' ? formText.submitEdit.nl : formText.submitNew.nl), data }]);
}

export function alternativeCard(requestId: number, error?: Message | null, initial: { kind?: string; reason?: string; prevented?: string } = {}): AdaptiveCard {
  return card(
    [
      textBlock(slash(formText.alternativeIntro(requestLabel(requestId)))),
      {
        type: 'Input.ChoiceSet',
        id: 'kind',
        label: slash(formText.alternativeKind),
        style: 'expanded',
        isRequired: true,
        choices: CLOSE_KINDS.map((k) => ({ title: inlinePlain(closeKindLabel(k)), value: k })),
        ...(initial.kind ? { value: initial.kind } : {}),
      },
      { type: 'Input.Text', id: 'reason', label: slash(formText.alternativeReason), isMultiline: true, isRequired: true, maxLength: LIMITS.closeReason + 50, ...(initial.reason ? { value: initial.reason } : {}) },
      {
        type: 'Input.ChoiceSet',
        id: 'prevented',
        label: slash(preventedText.question),
        style: 'compact',
        isRequired: false,
        choices: PREVENTED_OUTCOMES.map((o) => ({ title: inlinePlain(preventedLabel(o)), value: o })),
        ...(initial.prevented ? { value: initial.prevented } : {}),
      },
      ...errorBlock(error ?? undefined),
      textBlock(slash(formText.noNames), { isSubtle: true, size: 'Small' }),
    ],
    [{ type: 'Action.Submit', title: slash(formText.alternativeSubmit), data: { dialog: DIALOG.alternative, requestId } }],
  );
}

export function objectionCard(requestId: number, error?: Message | null, reason?: string): AdaptiveCard {
  return card(
    [
      { type: 'Input.Text', id: 'reason', label: slash(formText.objectionReason(requestLabel(requestId))), isMultiline: true, isRequired: true, maxLength: LIMITS.objectionReason + 50, ...(reason ? { value: reason } : {}) },
      ...errorBlock(error ?? undefined),
      textBlock(slash(formText.noNames), { isSubtle: true, size: 'Small' }),
    ],
    [{ type: 'Action.Submit', title: slash(formText.objectionSubmit), data: { dialog: DIALOG.objection, requestId } }],
  );
}

/** A dialog (task module) showing `content`. */
export const dialogResponse = (title: Message, content: AdaptiveCard) => ({
  task: { type: 'continue' as const, value: { title: toPlain(title.nl), width: 'medium', height: 'large', card: attachment(content) } },
});

/** Close the dialog and show a short message. */
export const dialogDone = (msg: Message, names: Names) => ({ task: { type: 'message' as const, value: plainSlash(msg, names) } });

/** The answer to a card button: a short message the clicker sees. */
export const actionMessage = (msg: Message, names: Names) => ({
  statusCode: 200 as const,
  type: 'application/vnd.microsoft.activity.message' as const,
  value: `${plainOf(msg.nl, names)}\n${plainOf(msg.en, names)}`,
});
