// Small modals: close as "alternative found", and the reason for an objection.
import { closeKindLabel, formText, LIMITS, preventedLabel, preventedText } from '../../core/messages.js';
import { PREVENTED_OUTCOMES } from '../../core/prevented.js';
import { CLOSE_KINDS, requestLabel } from '../../core/request.js';
import { toPlain } from '../../core/text.js';
import { SLACK_LIMITS } from '../render.js';
import { plain, section, slash } from './text.js';
import { bilingualLine } from './text.js';

export const CLOSE_CALLBACK = { alternative: 'request_alternative_submit', objection: 'objection_reason_submit' } as const;

const nl = (m: Parameters<typeof toPlain>[0]) => toPlain(m);

export function alternativeModal(requestId: number): object {
  return {
    type: 'modal',
    callback_id: CLOSE_CALLBACK.alternative,
    private_metadata: JSON.stringify({ requestId }),
    title: plain(nl(formText.alternativeTitle.nl), SLACK_LIMITS.modalTitle),
    submit: plain(slash(formText.alternativeSubmit), SLACK_LIMITS.modalButton),
    close: plain(nl(formText.cancel.nl), SLACK_LIMITS.modalButton),
    blocks: [
      section(bilingualLine(formText.alternativeIntro(requestLabel(requestId)))),
      {
        type: 'input',
        block_id: 'kind',
        label: plain(slash(formText.alternativeKind)),
        element: { type: 'radio_buttons', action_id: 'value', options: CLOSE_KINDS.map((k) => ({ text: plain(`${nl(closeKindLabel(k).nl)} (${nl(closeKindLabel(k).en)})`, SLACK_LIMITS.optionText), value: k })) },
      },
      {
        type: 'input',
        block_id: 'reason',
        label: plain(slash(formText.alternativeReason)),
        hint: plain(slash(formText.noNames)),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: LIMITS.closeReason + 50 },
      },
      {
        type: 'input',
        block_id: 'prevented',
        optional: true,
        label: plain(slash(preventedText.question)),
        hint: plain(slash(preventedText.hint)),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: PREVENTED_OUTCOMES.map((o) => ({ text: plain(slash(preventedLabel(o)), SLACK_LIMITS.optionText), value: o })),
        },
      },
    ],
  };
}

export function objectionModal(requestId: number): object {
  return {
    type: 'modal',
    callback_id: CLOSE_CALLBACK.objection,
    private_metadata: JSON.stringify({ requestId }),
    title: plain(nl(formText.objectionTitle.nl), SLACK_LIMITS.modalTitle),
    submit: plain(slash(formText.objectionSubmit), SLACK_LIMITS.modalButton),
    close: plain(nl(formText.cancel.nl), SLACK_LIMITS.modalButton),
    blocks: [
      {
        type: 'input',
        block_id: 'reason',
        label: plain(slash(formText.objectionReason(requestLabel(requestId)))),
        hint: plain(slash(formText.noNames)),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: LIMITS.objectionReason + 50 },
      },
    ],
  };
}
