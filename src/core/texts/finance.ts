// Finance texts: marking payments paid (card button, practice page and CLI), segregation of duties.
import type { Cents } from '../money.js';
import { formatEuro } from '../money.js';
import type { RequestStatus } from '../request.js';
import { requestLabel } from '../request.js';
import { code, mention, msg, t } from '../text.js';
import { statusWords } from './requests.js';

export const finance = {
  notFinance: msg(
    'Alleen de financiële administratie (FINANCE_USER_IDS) kan betalingen als betaald markeren.',
    'Only the finance group (FINANCE_USER_IDS) can mark payments paid.',
  ),
  approverMayNot: (id: number) =>
    msg(
      `Je hebt ${requestLabel(id)} zelf goedgekeurd: iemand anders van financiën moet de betaling afhandelen (functiescheiding).`,
      `You approved ${requestLabel(id)} yourself: someone else in finance must handle the payment (segregation of duties).`,
    ),
  requesterMayNot: (id: number) =>
    msg(
      `Je hebt ${requestLabel(id)} zelf aangevraagd: iemand anders van financiën moet de betaling afhandelen (functiescheiding).`,
      `You requested ${requestLabel(id)} yourself: someone else in finance must handle the payment (segregation of duties).`,
    ),
  notFound: (id: number) => msg(`Aanvraag ${requestLabel(id)} bestaat niet.`, `Request ${requestLabel(id)} does not exist.`),
  notApproved: (id: number, status: RequestStatus) =>
    msg(
      `${requestLabel(id)} is niet goedgekeurd (${statusWords(status, 'nl').toLowerCase()}): er is niets te betalen.`,
      `${requestLabel(id)} is not approved (${statusWords(status, 'en').toLowerCase()}): there is nothing to pay.`,
    ),
  auditMismatch: (id: number) =>
    msg(
      t`${requestLabel(id)} klopt niet met de audittrail (bedrag, leverancier, IBAN of goedkeurders zijn gewijzigd); er is niets gemarkeerd. Financiën: controleer met ${code('npm run cli -- audit verify')}.`,
      t`${requestLabel(id)} does not match the audit trail (amount, supplier, IBAN or approvers were changed); nothing was marked. Finance: check with ${code('npm run cli -- audit verify')}.`,
    ),
  alreadyPaid: (id: number) =>
    msg(`${requestLabel(id)} is al als betaald gemarkeerd; er verandert niets.`, `${requestLabel(id)} is already marked paid; nothing changes.`),
  paidThread: (id: number, byId: string, amount: Cents, supplier: string) =>
    msg(
      t`${mention(byId)} heeft de betaling van ${formatEuro(amount)} aan ${supplier} voor ${requestLabel(id)} als betaald gemarkeerd.`,
      t`${mention(byId)} marked the payment of ${formatEuro(amount)} to ${supplier} for ${requestLabel(id)} as paid.`,
    ),
  markedPaid: (id: number, amount: Cents, supplier: string) =>
    msg(
      t`${requestLabel(id)}: betaling van ${formatEuro(amount)} aan ${supplier} als betaald gemarkeerd.`,
      t`${requestLabel(id)}: payment of ${formatEuro(amount)} to ${supplier} marked paid.`,
    ),
};
