// The request card in the channel: what is asked, the approvals so far, and the decision.
import type { CardModel } from '../../app/card.js';
import { formatIban } from '../../core/iban.js';
import { reasonLabel, statusLabel } from '../../core/messages.js';
import { cents, formatEuro } from '../../core/money.js';
import { isUndecided, requestLabel } from '../../core/request.js';
import { context, escapeMrkdwn, mention, plain, section } from './text.js';

export const ACTION = {
  edit: 'request_edit',
  withdraw: 'request_withdraw',
  alternative: 'request_alternative',
  objectionReason: 'objection_reason',
  markPaid: 'payment_mark_paid',
} as const;

const STATUS_ICON: Record<string, string> = {
  open: '🟡',
  on_hold: '✋',
  approved: '✅',
  paid: '✅',
  withdrawn: '↩️',
  alternative: '🔁',
  expired: '⌛',
};

/** The notification text (also what screen readers and notifications show). */
export function cardText(model: CardModel): string {
  const { request } = model;
  return `Aanvraag ${requestLabel(request.id)}: ${formatEuro(cents(request.amountCents))} aan ${escapeMrkdwn(request.supplierName)} (${statusLabel(request.status).nl})`;
}

export function cardBlocks(model: CardModel): object[] {
  const { request, team, category, approvers, objections } = model;
  const status = statusLabel(request.status);
  const needed = team.approvalsNeeded;
  const lines = [
    `*Wat / What:* ${escapeMrkdwn(request.description)}`,
    `*Leverancier / Supplier:* ${escapeMrkdwn(request.supplierName)} (${formatIban(request.supplierIban)})`,
    `*Categorie / Category:* ${category ? `${category.labelNl} / ${category.labelEn}` : 'geen / none'}`,
    `*Waarom dit budget / Why this budget:* ${reasonLabel(request.reason).nl} / ${reasonLabel(request.reason).en}`,
    `*Aanvrager / Requester:* ${mention(request.requesterId)}`,
  ];
  const blocks: object[] = [
    { type: 'header', text: plain(`Aanvraag ${requestLabel(request.id)} · ${formatEuro(cents(request.amountCents))}`) },
    section(lines.join('\n')),
  ];
  if (request.status === 'approved' || request.status === 'paid') {
    const by = model.decidedBy.map(mention).join(', ');
    blocks.push(section(`${STATUS_ICON[request.status]} *${status.nl}* door ${by}\n_${status.en} by ${by}_`));
    if (request.status === 'approved') {
      blocks.push({
        type: 'actions',
        block_id: `payment_actions:${request.id}`,
        elements: [{ type: 'button', action_id: ACTION.markPaid, text: plain('Betaald markeren / Mark paid'), value: String(request.id), style: 'primary' }],
      });
    }
  } else if (isUndecided(request.status)) {
    const who = approvers.length > 0 ? `: ${approvers.map(mention).join(', ')}` : '';
    blocks.push(section(`*Goedkeuringen / Approvals:* ${approvers.length} van ${needed} / ${approvers.length} of ${needed}${who}`));
    if (objections.length > 0) {
      const list = objections.map((o) => `${mention(o.objectorId)}${o.reason ? `: ${escapeMrkdwn(o.reason)}` : ''}`).join('\n');
      blocks.push(section(`${STATUS_ICON.on_hold} *${status.nl}* / _${status.en}_\n*Bezwaar / Objection:*\n${list}`));
    }
    if (request.version > 1) {
      blocks.push(context('Gewijzigd: eerdere goedkeuringen zijn vervallen. / _Edited: earlier approvals were reset._'));
    }
    blocks.push(
      context(
        `Keur goed door met ✅ te reageren (${needed} collega's, niet de aanvrager). Bezwaar? Reageer met ❌ of ✋.\n_Approve by reacting with ✅ (${needed} colleagues, not the requester). Objection? React with ❌ or ✋._`,
      ),
    );
    blocks.push({
      type: 'actions',
      block_id: `request_actions:${request.id}`,
      elements: [
        { type: 'button', action_id: ACTION.edit, text: plain('Wijzigen / Edit'), value: String(request.id) },
        {
          type: 'button',
          action_id: ACTION.withdraw,
          text: plain('Intrekken / Withdraw'),
          value: String(request.id),
          style: 'danger',
          confirm: {
            title: plain('Aanvraag intrekken?'),
            text: mrkdwnConfirm(`Wil je aanvraag ${requestLabel(request.id)} intrekken? / Withdraw request ${requestLabel(request.id)}?`),
            confirm: plain('Intrekken / Withdraw'),
            deny: plain('Annuleren / Cancel'),
          },
        },
        { type: 'button', action_id: ACTION.alternative, text: plain('Alternatief gevonden / Alternative found'), value: String(request.id) },
      ],
    });
  } else {
    const reason = request.status === 'alternative' && request.closedReason ? `: ${escapeMrkdwn(request.closedReason)}` : '';
    blocks.push(section(`${STATUS_ICON[request.status] ?? ''} *${status.nl}*${reason}\n_${status.en}_`));
  }
  return blocks;
}

const mrkdwnConfirm = (text: string) => ({ type: 'plain_text' as const, text });

/** The thread message that asks an objector for the reason, with a button to give it. */
export function objectionAskBlocks(text: string, requestId: number): object[] {
  return [
    section(text),
    {
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTION.objectionReason, text: plain('Reden geven / Give reason'), value: String(requestId) }],
    },
  ];
}
