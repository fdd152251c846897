// Texts of a request's life: its status, who may act on it, what the thread says, replies to votes.
import type { IneligibleReason } from '../approval.js';
import type { Cents } from '../money.js';
import { formatEuro } from '../money.js';
import type { CloseKind, RequestStatus } from '../request.js';
import { requestLabel } from '../request.js';
import { mention, msg, t, type Inline, type Message } from '../text.js';
import { closeKindLabel, field } from './form.js';
import { PLATFORM_WORDS, type Platform } from './words.js';

export const statusLabel = (s: RequestStatus): Message =>
  ({
    open: msg('Wacht op goedkeuring', 'Awaiting approval'),
    on_hold: msg('In de wacht voor overleg (moreel beraad)', 'On hold for discussion'),
    approved: msg('Goedgekeurd', 'Approved'),
    paid: msg('Goedgekeurd en betaald', 'Approved and paid'),
    withdrawn: msg('Ingetrokken', 'Withdrawn'),
    alternative: msg('Gesloten: alternatief gevonden', 'Closed: alternative found'),
    expired: msg('Verlopen', 'Expired'),
    not_posted: msg('Niet geplaatst', 'Not posted'),
  })[s];

/** The status label as plain words (for sentences and plain text). */
export const statusWords = (s: RequestStatus, lang: 'nl' | 'en'): string => {
  const block = statusLabel(s)[lang][0];
  return block && block.k === 'p' ? block.parts.filter((x): x is string => typeof x === 'string').join('') : s;
};

/** People as a comma-separated list of mentions. */
export function mentions(userIds: readonly string[]): Inline[] {
  return userIds.flatMap((id, i) => (i === 0 ? [mention(id)] : [', ', mention(id)]));
}

export const ineligible = (r: IneligibleReason, id: number): Message | null =>
  ({
    requester: msg(
      `Je kunt je eigen aanvraag ${requestLabel(id)} niet goedkeuren of blokkeren; drie collega's beslissen.`,
      `You cannot approve or block your own request ${requestLabel(id)}; three colleagues decide.`,
    ),
    not_member: msg(`Alleen leden van het teamkanaal tellen mee voor ${requestLabel(id)}.`, `Only members of the team channel count for ${requestLabel(id)}.`),
    bot: null,
  })[r];

export const refusal = {
  notRequester: (id: number) =>
    msg(
      `Alleen de aanvrager of een teambeheerder kan ${requestLabel(id)} wijzigen of sluiten.`,
      `Only the requester or a team admin can change or close ${requestLabel(id)}.`,
    ),
  alreadyDecided: (id: number, status: RequestStatus) =>
    msg(
      `${requestLabel(id)} is al afgehandeld (${statusWords(status, 'nl').toLowerCase()}); er verandert niets.`,
      `${requestLabel(id)} is already decided (${statusWords(status, 'en').toLowerCase()}); nothing changes.`,
    ),
  notAdmin: msg('Alleen een teambeheerder kan dit instellen.', 'Only a team admin can set this.'),
  notObjector: (id: number) =>
    msg(`Alleen wie bezwaar maakte tegen ${requestLabel(id)} kan de reden geven.`, `Only the person who objected to ${requestLabel(id)} can give the reason.`),
  noChannel: (platform: Platform) =>
    msg(
      `Gebruik ${PLATFORM_WORDS[platform].command} in het teamkanaal, of kies het kanaal in het formulier.`,
      `Use ${PLATFORM_WORDS[platform].command} in the team channel, or choose the channel in the form.`,
    ),
  botNotInChannel: msg(
    'Ik ben nog geen lid van dit kanaal. Nodig mij uit met /invite @minimaatwerk en probeer het opnieuw.',
    'I am not a member of this channel yet. Invite me with /invite @minimaatwerk and try again.',
  ),
  notChannelMember: msg(
    'Je bent geen lid van dit teamkanaal: alleen leden doen en wijzigen er aanvragen.',
    'You are not a member of this team channel: only members make and change requests there.',
  ),
  notFound: msg('Deze aanvraag bestaat niet (meer).', 'This request does not exist (anymore).'),
  bsnInCommand: field.bsn,
};

export const thread = {
  approved: (id: number, amount: Cents, supplier: string, approvers: readonly string[]) =>
    msg(
      t`${requestLabel(id)} is goedgekeurd door ${mentions(approvers)}. De betaling van ${formatEuro(amount)} aan ${supplier} is vastgelegd voor de financiële administratie.`,
      t`${requestLabel(id)} was approved by ${mentions(approvers)}. The payment of ${formatEuro(amount)} to ${supplier} is recorded for finance.`,
    ),
  objectionAsk: (objectorId: string) =>
    msg(
      t`${mention(objectorId)}, je hebt bezwaar gemaakt: de aanvraag staat in de wacht voor overleg (moreel beraad). Wil je met de knop hieronder kort je reden geven?`,
      t`${mention(objectorId)}, you objected: the request is on hold for discussion. Please give your reason with the button below.`,
    ),
  objectionReason: (objectorId: string, reason: string) =>
    msg(t`Reden van bezwaar van ${mention(objectorId)}: ${reason}`, t`Reason for objection by ${mention(objectorId)}: ${reason}`),
  objectionsCleared: (id: number) =>
    msg(`Er is geen bezwaar meer: ${requestLabel(id)} kan weer goedgekeurd worden.`, `No objections remain: ${requestLabel(id)} can be approved again.`),
  editedReset: (id: number, byId: string) =>
    msg(
      t`${mention(byId)} heeft ${requestLabel(id)} gewijzigd (bedrag, leverancier of IBAN). Alle goedkeuringen zijn vervallen: keur de nieuwe versie opnieuw goed (haal je ✅ weg en zet hem opnieuw).`,
      t`${mention(byId)} changed ${requestLabel(id)} (amount, supplier or IBAN). All approvals were reset: approve the new version again (remove your ✅ and add it again).`,
    ),
  edited: (id: number, byId: string) => msg(t`${mention(byId)} heeft ${requestLabel(id)} gewijzigd.`, t`${mention(byId)} edited ${requestLabel(id)}.`),
  withdrawn: (id: number, byId: string) => msg(t`${mention(byId)} heeft ${requestLabel(id)} ingetrokken.`, t`${mention(byId)} withdrew ${requestLabel(id)}.`),
  alternative: (id: number, byId: string, kind: CloseKind, reason: string) =>
    msg(
      t`${mention(byId)} heeft ${requestLabel(id)} gesloten: alternatief gevonden (${words(closeKindLabel(kind), 'nl').toLowerCase()}): ${reason}`,
      t`${mention(byId)} closed ${requestLabel(id)}: alternative found (${words(closeKindLabel(kind), 'en').toLowerCase()}): ${reason}`,
    ),
  reminder: (id: number, approvals: number, needed: number) =>
    msg(
      `Herinnering: ${requestLabel(id)} wacht nog op een besluit (${approvals} van ${needed} goedkeuringen). Reageer met ✅ om goed te keuren.`,
      `Reminder: ${requestLabel(id)} is still waiting for a decision (${approvals} of ${needed} approvals). React with ✅ to approve.`,
    ),
  expired: (id: number, days: number) =>
    msg(
      `${requestLabel(id)} is verlopen: er is in ${days} dagen geen besluit genomen. Dien zo nodig een nieuwe aanvraag in.`,
      `${requestLabel(id)} expired: no decision was made within ${days} days. Submit a new request if still needed.`,
    ),
  purged: (id: number) =>
    msg(`De tekst van ${requestLabel(id)} is verwijderd (bewaartermijn).`, `The text of ${requestLabel(id)} was removed (retention).`),
};

/** The catalogue's words of a one-line message (labels inside sentences). */
function words(m: Message, lang: 'nl' | 'en'): string {
  const block = m[lang][0];
  return block && block.k === 'p' ? block.parts.filter((x): x is string => typeof x === 'string').join('') : '';
}

export const confirm = {
  created: (id: number) => msg(`Aanvraag ${requestLabel(id)} is geplaatst.`, `Request ${requestLabel(id)} was posted.`),
  objectionSaved: (id: number) => msg(`Je reden bij ${requestLabel(id)} is vastgelegd.`, `Your reason for ${requestLabel(id)} was recorded.`),
  approved: (id: number) => msg(`Je akkoord voor ${requestLabel(id)} is vastgelegd.`, `Your approval of ${requestLabel(id)} was recorded.`),
  objected: (id: number) => msg(`Je bezwaar tegen ${requestLabel(id)} is vastgelegd.`, `Your objection to ${requestLabel(id)} was recorded.`),
  voteWithdrawn: (id: number) => msg(`Je stem bij ${requestLabel(id)} is ingetrokken.`, `Your vote on ${requestLabel(id)} was withdrawn.`),
  nothingChanged: (id: number) => msg(`Er verandert niets aan ${requestLabel(id)}.`, `Nothing changes for ${requestLabel(id)}.`),
  decided: (id: number) => msg(`${requestLabel(id)} is al afgehandeld; er verandert niets.`, `${requestLabel(id)} is already decided; nothing changes.`),
  closedAlternative: (id: number) => msg(`${requestLabel(id)} is gesloten: alternatief gevonden.`, `${requestLabel(id)} was closed: alternative found.`),
  edited: (id: number) => msg(`${requestLabel(id)} is gewijzigd.`, `${requestLabel(id)} was edited.`),
  withdrawn: (id: number) => msg(`${requestLabel(id)} is ingetrokken.`, `${requestLabel(id)} was withdrawn.`),
  /** The card could not be posted for good: the requester is told, nothing is held. */
  notPosted: (id: number) =>
    msg(
      `Je aanvraag ${requestLabel(id)} kon niet in het teamkanaal geplaatst worden (het kanaal bestaat niet meer, is gearchiveerd of ik ben er geen lid van). De aanvraag is gesloten en telt nergens mee; doe hem opnieuw in een kanaal waar ik lid van ben.`,
      `Your request ${requestLabel(id)} could not be posted in the team channel (the channel is gone, archived, or I am not in it). It was closed and counts against nothing; make it again in a channel I am a member of.`,
    ),
};
