// The forms of the practice channel: the request form drawn from the form view every platform shares
// (same fields, hints and errors as the Slack modal and the Teams dialog), "alternative found", the
// reason for an objection, and the question before withdrawing. Every field has a label; hints and
// errors are tied to their field (aria-describedby), and a summary of the errors comes first.
import { PREVENTED_OUTCOMES } from '../core/prevented.js';
import { preventedLabel, preventedText } from '../core/texts/signals.js';
import type { RequestFormView } from '../app/requestForm.js';
import { cardText, closeKindLabel, formText, LIMITS, reasonLabel } from '../core/messages.js';
import { CLOSE_KINDS, REASON_CODES, requestLabel } from '../core/request.js';
import type { RequestFormInput } from '../core/requestForm.js';
import { slashPlain, type Message } from '../core/text.js';
import { hidden, type View } from './layout.js';
import { h, label, message, type Html } from './render.js';
import { webText } from './texts.js';

type Errors = Readonly<Partial<Record<string, Message>>>;

interface FieldOpts {
  name: string;
  label: Message;
  value?: string | null | undefined;
  hint?: Message | null;
  error?: Message | undefined;
  multiline?: boolean;
  placeholder?: string;
  max?: number;
  /** Narrower than the form for short values (amount, IBAN, case reference). */
  width?: 'short' | 'medium';
  attrs?: Html;
}

const fieldId = (name: string) => `f-${name}`;

function describedBy(id: string, hint: boolean, error: boolean): Html {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-fout` : null].filter(Boolean).join(' ');
  return ids ? h` aria-describedby="${ids}"` : h``;
}

function hintAndError(id: string, o: { hint?: Message | null | undefined; error?: Message | undefined }, v: View): Html {
  return h`${o.hint ? h`<p class="hint" id="${id}-hint">${label(o.hint, v.names)}</p>` : ''}${o.error ? h`<p class="error" id="${id}-fout">${label(o.error, v.names)}</p>` : ''}`;
}

function field(o: FieldOpts, v: View): Html {
  const id = fieldId(o.name);
  const common = h`id="${id}" name="${o.name}"${describedBy(id, Boolean(o.hint), Boolean(o.error))}${o.error ? h` aria-invalid="true"` : ''}${o.placeholder ? h` placeholder="${o.placeholder}"` : ''}${o.max ? h` maxlength="${o.max + 50}"` : ''}${o.attrs ?? ''}`;
  const control = o.multiline ? h`<textarea ${common} rows="3">${o.value ?? ''}</textarea>` : h`<input type="text" ${common}${o.width ? h` class="${o.width}"` : ''} value="${o.value ?? ''}">`;
  return h`<div class="field${o.error ? ' has-error' : ''}"><label for="${id}">${label(o.label, v.names)}</label>${hintAndError(id, o, v)}${control}</div>`;
}

function radios(name: string, legend: Message, choices: readonly { value: string; label: Message }[], selected: string | null | undefined, error: Message | undefined, v: View): Html {
  const id = fieldId(name);
  const items = choices.map(
    (c, i) =>
      h`<div class="choice"><input type="radio" id="${id}-${i}" name="${name}" value="${c.value}"${c.value === selected ? ' checked' : ''}${error ? h` aria-describedby="${id}-fout"` : ''}><label for="${id}-${i}">${label(c.label, v.names)}</label></div>`,
  );
  return h`<fieldset class="field${error ? ' has-error' : ''}" id="${id}"><legend>${label(legend, v.names)}</legend>${hintAndError(id, { error }, v)}${items}</fieldset>`;
}

/** The errors first, each a link to its field (the page opens on it). */
function errorSummary(errors: Errors, labels: Readonly<Record<string, Message>>, v: View): Html {
  const entries = Object.entries(errors).filter((e): e is [string, Message] => e[1] !== undefined);
  if (entries.length === 0) return h``;
  const items = entries.map(([name, m]) => (labels[name] ? h`<li><a href="#${fieldId(name)}${name === 'reason' || name === 'kind' ? '-0' : ''}">${label(labels[name], v.names)}: ${label(m, v.names)}</a></li>` : h`<li>${message(m, v.names)}</li>`));
  return h`<div class="error-summary" role="alert" tabindex="-1" autofocus><h2>${label(webText.errorsTitle, v.names)}</h2><ul>${items}</ul></div>`;
}

const REQUEST_LABELS: Readonly<Record<string, Message>> = {
  amount: formText.amount,
  description: formText.description,
  supplierName: formText.supplierName,
  supplierIban: formText.supplierIban,
  categorySlug: formText.category,
  caseRef: formText.caseRef,
  reason: formText.reason,
  reasonText: formText.reasonText,
};

/** The request form, new or edit; `formId` names a new form (a second submission files nothing). */
export function requestFormHtml(view: RequestFormView, v: View, formId: string | null): Html {
  const values: Partial<RequestFormInput> = view.values;
  const errors: Errors = view.errors;
  const editing = view.mode === 'edit';
  const selected = values.categorySlug ?? view.suggestion?.slug ?? '';
  const action = editing ? `/aanvraag/${view.requestId}/wijzigen` : '/aanvraag/nieuw';
  const catId = fieldId('categorySlug');
  const suggestionHint = view.suggestion?.explanation ? formText.suggestion(view.suggestion.explanation) : null;
  const options = view.categories.map((c) => h`<option value="${c.slug}"${c.slug === selected ? ' selected' : ''}>${c.labelNl} / ${c.labelEn}</option>`);
  return h`<form method="post" action="${action}" class="request-form" novalidate>
${hidden(v)}
${formId ? h`<input type="hidden" name="formId" value="${formId}">` : ''}
<input type="hidden" name="suggestedSlug" value="${view.suggestion?.slug ?? ''}">
${errorSummary(errors, REQUEST_LABELS, v)}
${view.notice ? h`<div class="notice" role="status">${message(view.notice, v.names)}</div>` : ''}
${field({ name: 'amount', label: formText.amount, value: values.amount, hint: formText.amountHint(view.limitCents), error: errors.amount, placeholder: '85,50', max: 20, width: 'short', attrs: h` inputmode="decimal" autocomplete="off"` }, v)}
${field({ name: 'description', label: formText.description, value: values.description, hint: editing ? formText.noNames : formText.descriptionHint, error: errors.description, placeholder: formText.descriptionPlaceholder, max: LIMITS.description, attrs: h` autocomplete="off"` }, v)}
${field({ name: 'supplierName', label: formText.supplierName, value: values.supplierName, error: errors.supplierName, placeholder: formText.supplierPlaceholder, max: LIMITS.supplierName, attrs: h` autocomplete="off"` }, v)}
${field({ name: 'supplierIban', label: formText.supplierIban, value: values.supplierIban, hint: formText.ibanHint, error: errors.supplierIban, placeholder: formText.ibanPlaceholder, max: 42, width: 'medium', attrs: h` autocomplete="off" spellcheck="false" autocapitalize="characters"` }, v)}
<div class="field${errors.categorySlug ? ' has-error' : ''}"><label for="${catId}">${label(formText.category, v.names)}</label>${hintAndError(catId, { hint: suggestionHint, error: errors.categorySlug }, v)}
<div class="with-button"><select id="${catId}" name="categorySlug"${describedBy(catId, Boolean(suggestionHint), Boolean(errors.categorySlug))}${errors.categorySlug ? h` aria-invalid="true"` : ''}><option value="">${slashPlain(formText.categoryPlaceholder)}</option>${options}</select>
${editing ? '' : h`<button type="submit" name="_voorstel" value="1" class="secondary">${label(webText.suggest, v.names)}</button>`}</div></div>
${field({ name: 'caseRef', label: formText.caseRef, value: values.caseRef, hint: formText.caseRefHint, error: errors.caseRef, placeholder: formText.caseRefPlaceholder, max: LIMITS.caseRef, width: 'short', attrs: h` autocomplete="off" spellcheck="false"` }, v)}
${radios('reason', formText.reason, REASON_CODES.map((r) => ({ value: r, label: reasonLabel(r) })), values.reason, errors.reason, v)}
${field({ name: 'reasonText', label: formText.reasonText, value: values.reasonText, hint: formText.noNames, error: errors.reasonText, multiline: true, max: LIMITS.reasonText }, v)}
<p class="footer-note">${label(formText.footer, v.names)}</p>
<p class="buttons"><button type="submit" class="primary">${label(editing ? formText.submitEdit : formText.submitNew, v.names)}</button> <a class="button secondary" href="/">${label(formText.cancel, v.names)}</a></p>
</form>`;
}

export function alternativeFormHtml(requestId: number, v: View, o: { errors?: Errors; kind?: string | null; reason?: string } = {}): Html {
  const errors = o.errors ?? {};
  const labels = { kind: formText.alternativeKind, reason: formText.alternativeReason };
  return h`<form method="post" action="/aanvraag/${requestId}/alternatief" novalidate>
${hidden(v)}
${errorSummary(errors, labels, v)}
${message(formText.alternativeIntro(requestLabel(requestId)), v.names)}
${radios('kind', formText.alternativeKind, CLOSE_KINDS.map((k) => ({ value: k, label: closeKindLabel(k) })), o.kind, errors.kind, v)}
${field({ name: 'reason', label: formText.alternativeReason, value: o.reason, hint: formText.noNames, error: errors.reason, multiline: true, max: LIMITS.closeReason }, v)}
<p class="field"><label for="uitkomst">${label(preventedText.question, v.names)}</label><select id="uitkomst" name="uitkomst"><option value=""></option>${PREVENTED_OUTCOMES.map((p) => h`<option value="${p}">${label(preventedLabel(p), v.names)}</option>`)}</select></p>
<p class="buttons"><button type="submit" class="primary">${label(formText.alternativeSubmit, v.names)}</button> <a class="button secondary" href="/#aanvraag-${requestId}">${label(formText.cancel, v.names)}</a></p>
</form>`;
}

export function objectionFormHtml(requestId: number, v: View, o: { error?: Message | null; reason?: string } = {}): Html {
  const errors: Errors = o.error ? { reason: o.error } : {};
  const reasonLabel = formText.objectionReason(requestLabel(requestId));
  return h`<form method="post" action="/aanvraag/${requestId}/bezwaar" novalidate>
${hidden(v)}
${errorSummary(errors, { reason: reasonLabel }, v)}
${field({ name: 'reason', label: reasonLabel, value: o.reason, hint: formText.noNames, error: errors.reason, multiline: true, max: LIMITS.objectionReason }, v)}
<p class="buttons"><button type="submit" class="primary">${label(formText.objectionSubmit, v.names)}</button> <a class="button secondary" href="/#aanvraag-${requestId}">${label(formText.cancel, v.names)}</a></p>
</form>`;
}

/** The question before withdrawing (the card's confirm), as a page of its own. */
export function withdrawConfirmHtml(requestId: number, v: View, nonce: string): Html {
  return h`${message(cardText.withdrawConfirm(requestId), v.names)}
<form method="post" action="/aanvraag/${requestId}/actie">
${hidden(v)}<input type="hidden" name="klik" value="${nonce}"><input type="hidden" name="terug" value="/">
<p class="buttons"><button type="submit" name="actie" value="withdraw" class="danger">${label(cardText.withdraw, v.names)}</button> <a class="button secondary" href="/#aanvraag-${requestId}">${label(cardText.cancel, v.names)}</a></p>
</form>`;
}
