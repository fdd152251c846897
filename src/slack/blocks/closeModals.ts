// Small modals: close as "alternative found", and the reason for an objection.
import { CLOSE_KINDS } from '../../core/request.js';
import { closeKindLabel, inline, LIMITS } from '../../core/messages.js';
import { requestLabel } from '../../core/request.js';
import { plain, section } from './text.js';

export const CLOSE_CALLBACK = { alternative: 'request_alternative_submit', objection: 'objection_reason_submit' } as const;

export function alternativeModal(requestId: number): object {
  return {
    type: 'modal',
    callback_id: CLOSE_CALLBACK.alternative,
    private_metadata: JSON.stringify({ requestId }),
    title: plain('Alternatief gevonden'),
    submit: plain('Sluiten / Close'),
    close: plain('Annuleren'),
    blocks: [
      section(`Aanvraag ${requestLabel(requestId)} sluiten omdat er een alternatief is. / Close request ${requestLabel(requestId)} because an alternative was found.`),
      {
        type: 'input',
        block_id: 'kind',
        label: plain('Welk alternatief? / Which alternative?'),
        element: { type: 'radio_buttons', action_id: 'value', options: CLOSE_KINDS.map((k) => ({ text: plain(inline(closeKindLabel(k))), value: k })) },
      },
      {
        type: 'input',
        block_id: 'reason',
        label: plain('Korte toelichting / Short explanation'),
        hint: plain('Geen namen of BSN. / No names or BSN.'),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: LIMITS.closeReason + 50 },
      },
    ],
  };
}

export function objectionModal(requestId: number): object {
  return {
    type: 'modal',
    callback_id: CLOSE_CALLBACK.objection,
    private_metadata: JSON.stringify({ requestId }),
    title: plain('Reden van bezwaar'),
    submit: plain('Opslaan / Save'),
    close: plain('Annuleren'),
    blocks: [
      {
        type: 'input',
        block_id: 'reason',
        label: plain(`Waarom bezwaar tegen ${requestLabel(requestId)}? / Why object?`),
        hint: plain('Geen namen of BSN. / No names or BSN.'),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: LIMITS.objectionReason + 50 },
      },
    ],
  };
}
