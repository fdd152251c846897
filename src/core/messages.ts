// One message catalogue: every text a user reads, Dutch first, English second.
import type { Cents } from './money.js';
import { formatEuro } from './money.js';
import type { BudgetError } from './budget.js';
import type { IneligibleReason } from './approval.js';
import type { AmountError } from './money.js';
import type { CloseKind, ReasonCode, RequestStatus } from './request.js';
import { requestLabel } from './request.js';

export interface Message {
  nl: string;
  en: string;
}

const m = (nl: string, en: string): Message => ({ nl, en });

/** For a chat message: Dutch, then English in italics on the next line. */
export function bilingual(msg: Message): string {
  return `${msg.nl}\n_${msg.en}_`;
}

/** For a short field error or a label: "Dutch (English)". */
export function inline(msg: Message): string {
  return `${msg.nl} (${msg.en})`;
}

/**
 * Text a person typed, placed inside a chat message: `<` and `>` become look-alikes so it can never
 * form a mention, `<!channel>` or a link on any platform (the card escapes separately).
 */
export function typed(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

export const LIMITS = {
  description: 300,
  supplierName: 100,
  caseRef: 40,
  reasonText: 500,
  closeReason: 300,
  objectionReason: 500,
} as const;

export const amountError = (e: AmountError): Message =>
  ({
    'AMOUNT.EMPTY': m('Vul een bedrag in.', 'Enter an amount.'),
    'AMOUNT.NOT_A_NUMBER': m('Dat is geen bedrag; schrijf bijvoorbeeld 85 of 85,50.', 'That is not an amount; write e.g. 85 or 85,50.'),
    'AMOUNT.ZERO': m('Het bedrag moet meer dan € 0 zijn.', 'The amount must be more than € 0.'),
    'AMOUNT.NEGATIVE': m('Het bedrag kan niet negatief zijn.', 'The amount cannot be negative.'),
    'AMOUNT.TOO_MANY_DECIMALS': m('Gebruik hoogstens twee cijfers achter de komma.', 'Use at most two decimals.'),
    'AMOUNT.TOO_LARGE': m('Dat bedrag is veel te hoog.', 'That amount is far too high.'),
  })[e];

export const budgetError = (e: BudgetError): Message => {
  switch (e.code) {
    case 'BUDGET.AT_OR_ABOVE_LIMIT':
      return m(
        `Het bedrag moet onder ${formatEuro(e.limitCents)} blijven; daarboven gaat het via de gewone aanvraagroute.`,
        `The amount must stay below ${formatEuro(e.limitCents)}; above that, use the regular application route.`,
      );
    case 'BUDGET.EXCEEDS_TEAM_BUDGET':
      return m(
        `Dit past niet meer in het jaarbudget van het team: er is nog ${formatEuro(e.leftCents)} over.`,
        `This exceeds the team's annual budget: ${formatEuro(e.leftCents)} is left.`,
      );
    case 'BUDGET.EXCEEDS_HOUSEHOLD_CAP':
      return m(
        `Dit gaat over het maximum van ${formatEuro(e.capCents)} per huishouden per jaar: voor deze zaakreferentie is nog ${formatEuro(e.leftCents)} over.`,
        `This exceeds the cap of ${formatEuro(e.capCents)} per household per year: ${formatEuro(e.leftCents)} is left for this case reference.`,
      );
  }
};

export const field = {
  required: m('Dit veld is verplicht.', 'This field is required.'),
  tooLong: (max: number) => m(`Maximaal ${max} tekens.`, `At most ${max} characters.`),
  bsn: m(
    'Geen burgerservicenummers (BSN); gebruik een zaakreferentie.',
    'No citizen service numbers (BSN); use a case reference.',
  ),
  ibanInvalid: m('Dit is geen geldig IBAN; controleer het nummer.', 'This is not a valid IBAN; check the number.'),
  caseRefFormat: m(
    'Gebruik een zaakreferentie met cijfers (bijv. WT-2026-014), geen naam.',
    'Use a case reference with digits (e.g. WT-2026-014), not a name.',
  ),
  categoryUnknown: m('Kies een categorie uit de lijst.', 'Choose a category from the list.'),
  channelRequired: m('Kies het teamkanaal.', 'Choose the team channel.'),
  reasonRequired: m('Kies waarom dit budget nodig is.', 'Choose why this budget is needed.'),
};

export const reasonLabel = (r: ReasonCode): Message =>
  ({
    no_provision: m('Geen voorliggende voorziening', 'No other provision pays'),
    too_slow: m('Andere route duurt te lang', 'Other route takes too long'),
  })[r];

export const closeKindLabel = (k: CloseKind): Message =>
  ({
    charity_fund: m('Fonds of goed doel', 'Charity fund'),
    other_provision: m('Andere voorziening', 'Other provision'),
    free_solution: m('Oplossing zonder kosten', 'Solution at no cost'),
    other: m('Anders', 'Other'),
  })[k];

export const statusLabel = (s: RequestStatus): Message =>
  ({
    open: m('Wacht op goedkeuring', 'Awaiting approval'),
    on_hold: m('In de wacht voor overleg (moreel beraad)', 'On hold for discussion'),
    approved: m('Goedgekeurd', 'Approved'),
    paid: m('Goedgekeurd en betaald', 'Approved and paid'),
    withdrawn: m('Ingetrokken', 'Withdrawn'),
    alternative: m('Gesloten: alternatief gevonden', 'Closed: alternative found'),
    expired: m('Verlopen', 'Expired'),
  })[s];

export const ineligible = (r: IneligibleReason, id: number): Message | null =>
  ({
    requester: m(
      `Je kunt je eigen aanvraag ${requestLabel(id)} niet goedkeuren of blokkeren; drie collega's beslissen.`,
      `You cannot approve or block your own request ${requestLabel(id)}; three colleagues decide.`,
    ),
    not_member: m(
      `Alleen leden van het teamkanaal tellen mee voor ${requestLabel(id)}.`,
      `Only members of the team channel count for ${requestLabel(id)}.`,
    ),
    bot: null,
  })[r];

export const refusal = {
  notRequester: (id: number) =>
    m(
      `Alleen de aanvrager of een teambeheerder kan ${requestLabel(id)} wijzigen of sluiten.`,
      `Only the requester or a team admin can change or close ${requestLabel(id)}.`,
    ),
  alreadyDecided: (id: number, status: RequestStatus) =>
    m(
      `${requestLabel(id)} is al afgehandeld (${statusLabel(status).nl.toLowerCase()}); er verandert niets.`,
      `${requestLabel(id)} is already decided (${statusLabel(status).en.toLowerCase()}); nothing changes.`,
    ),
  notAdmin: m('Alleen een teambeheerder kan dit instellen.', 'Only a team admin can set this.'),
  notObjector: (id: number) =>
    m(
      `Alleen wie bezwaar maakte tegen ${requestLabel(id)} kan de reden geven.`,
      `Only the person who objected to ${requestLabel(id)} can give the reason.`,
    ),
  noChannel: m(
    'Gebruik /minimaatwerk in het teamkanaal, of kies het kanaal in het formulier.',
    'Use /minimaatwerk in the team channel, or choose the channel in the form.',
  ),
  botNotInChannel: m(
    'Ik ben nog geen lid van dit kanaal. Nodig mij uit met /invite @minimaatwerk en probeer het opnieuw.',
    'I am not a member of this channel yet. Invite me with /invite @minimaatwerk and try again.',
  ),
  bsnInCommand: field.bsn,
};

export const budgetCommand = {
  usage: m(
    'Gebruik: /minimaatwerk budget 12000 (het jaarbudget van het team in euro).',
    "Usage: /minimaatwerk budget 12000 (the team's annual budget in euros).",
  ),
  set: (year: number, amount: Cents, left: Cents) =>
    m(
      `Jaarbudget ${year} ingesteld op ${formatEuro(amount)}; er is nog ${formatEuro(left)} over.`,
      `Annual budget ${year} set to ${formatEuro(amount)}; ${formatEuro(left)} is left.`,
    ),
  show: (year: number, amount: Cents | null, used: Cents, left: Cents | null) =>
    amount === null
      ? m(
          `Dit team heeft geen jaarbudget voor ${year}; dit jaar aangevraagd en goedgekeurd: ${formatEuro(used)}.`,
          `This team has no annual budget for ${year}; requested and approved this year: ${formatEuro(used)}.`,
        )
      : m(
          `Jaarbudget ${year}: ${formatEuro(amount)}, gebruikt ${formatEuro(used)}, over ${formatEuro(left ?? amount)}.`,
          `Annual budget ${year}: ${formatEuro(amount)}, used ${formatEuro(used)}, left ${formatEuro(left ?? amount)}.`,
        ),
};

export const thread = {
  approved: (id: number, amount: Cents, supplier: string, approvers: readonly string[]) =>
    m(
      `${requestLabel(id)} is goedgekeurd door ${approvers.join(', ')}. De betaling van ${formatEuro(amount)} aan ${typed(supplier)} is vastgelegd voor de financiële administratie.`,
      `${requestLabel(id)} was approved by ${approvers.join(', ')}. The payment of ${formatEuro(amount)} to ${typed(supplier)} is recorded for finance.`,
    ),
  objectionAsk: (objector: string) =>
    m(
      `${objector}, je hebt bezwaar gemaakt: de aanvraag staat in de wacht voor overleg (moreel beraad). Wil je met de knop hieronder kort je reden geven?`,
      `${objector}, you objected: the request is on hold for discussion. Please give your reason with the button below.`,
    ),
  objectionReason: (objector: string, reason: string) =>
    m(`Reden van bezwaar van ${objector}: ${typed(reason)}`, `Reason for objection by ${objector}: ${typed(reason)}`),
  objectionsCleared: (id: number) =>
    m(`Er is geen bezwaar meer: ${requestLabel(id)} kan weer goedgekeurd worden.`, `No objections remain: ${requestLabel(id)} can be approved again.`),
  editedReset: (id: number, by: string) =>
    m(
      `${by} heeft ${requestLabel(id)} gewijzigd (bedrag, leverancier of IBAN). Alle goedkeuringen zijn vervallen: keur de nieuwe versie opnieuw goed (haal je ✅ weg en zet hem opnieuw).`,
      `${by} changed ${requestLabel(id)} (amount, supplier or IBAN). All approvals were reset: approve the new version again (remove your ✅ and add it again).`,
    ),
  edited: (id: number, by: string) => m(`${by} heeft ${requestLabel(id)} gewijzigd.`, `${by} edited ${requestLabel(id)}.`),
  withdrawn: (id: number, by: string) => m(`${by} heeft ${requestLabel(id)} ingetrokken.`, `${by} withdrew ${requestLabel(id)}.`),
  alternative: (id: number, by: string, kind: CloseKind, reason: string) =>
    m(
      `${by} heeft ${requestLabel(id)} gesloten: alternatief gevonden (${closeKindLabel(kind).nl.toLowerCase()}): ${typed(reason)}`,
      `${by} closed ${requestLabel(id)}: alternative found (${closeKindLabel(kind).en.toLowerCase()}): ${typed(reason)}`,
    ),
  reminder: (id: number, approvals: number, needed: number) =>
    m(
      `Herinnering: ${requestLabel(id)} wacht nog op een besluit (${approvals} van ${needed} goedkeuringen). Reageer met ✅ om goed te keuren.`,
      `Reminder: ${requestLabel(id)} is still waiting for a decision (${approvals} of ${needed} approvals). React with ✅ to approve.`,
    ),
  expired: (id: number, days: number) =>
    m(
      `${requestLabel(id)} is verlopen: er is in ${days} dagen geen besluit genomen. Dien zo nodig een nieuwe aanvraag in.`,
      `${requestLabel(id)} expired: no decision was made within ${days} days. Submit a new request if still needed.`,
    ),
};

export const confirm = {
  created: (id: number) => m(`Aanvraag ${requestLabel(id)} is geplaatst.`, `Request ${requestLabel(id)} was posted.`),
  objectionSaved: (id: number) => m(`Je reden bij ${requestLabel(id)} is vastgelegd.`, `Your reason for ${requestLabel(id)} was recorded.`),
};

export const HELP: Message = m(
  [
    '*minimaatwerk: het minimaatwerkbudget van het team*',
    '• `/minimaatwerk` opent het aanvraagformulier (bedrag, wat, leverancier, IBAN, categorie, zaakreferentie, waarom dit budget). Er komt een aanvraagkaart in het kanaal.',
    '• Goedkeuren: reageer op de kaart met ✅ (`:white_check_mark:`, `:heavy_check_mark:` of `:+1:`). Drie collega\'s (niet de aanvrager) zijn nodig; dan wordt de betaling aan de leverancier vastgelegd.',
    '• Bezwaar: reageer met ❌ of ✋. De aanvraag gaat in de wacht voor overleg (moreel beraad) tot het bezwaar wordt weggehaald.',
    '• Je ✅ weghalen vóór het besluit trekt je goedkeuring in.',
    '• De aanvrager kan via de knoppen op de kaart wijzigen, intrekken of sluiten met "alternatief gevonden" (fonds, andere voorziening, gratis oplossing).',
    '• Wijzig je bedrag, leverancier of IBAN, dan vervallen de goedkeuringen.',
    '• Zonder besluit volgt na 2 werkdagen een herinnering; na 14 dagen verloopt de aanvraag.',
    '• Grenzen: een aanvraag blijft onder € 500; maximaal € 500 per huishouden (zaakreferentie) per jaar.',
    '• `/minimaatwerk budget 12000` stelt het jaarbudget van het team in (beheerders); `/minimaatwerk budget` toont wat er over is.',
    '• `/minimaatwerk digest [2026-10]` toont het maandoverzicht (standaard: vorige maand); `/minimaatwerk digest-kanaal #kanaal` kiest waar het elke maand automatisch komt (beheerders).',
    '• `/minimaatwerk categorie` toont de categorieën; beheerders: `categorie nieuw <naam>`, `categorie hernoem <code> <naam>`, `categorie verwijder <code>` (niet als hij in gebruik is).',
    '• Geen namen of BSN van bewoners: gebruik een zaakreferentie.',
  ].join('\n'),
  [
    '*minimaatwerk: the team\'s small custom budget*',
    '`/minimaatwerk` opens the request form; colleagues approve with ✅ (three, never the requester); ❌ or ✋ puts it on hold; the requester can edit, withdraw or close as "alternative found"; reminders after 2 working days, expiry after 14 days; `/minimaatwerk budget 12000` sets the annual budget; `/minimaatwerk digest [2026-10]` shows the monthly digest, `digest-kanaal #channel` picks where it is posted; `/minimaatwerk categorie` lists, adds (`nieuw`), renames (`hernoem`) and removes (`verwijder`) categories. No resident names or BSN: use a case reference.',
  ].join('\n'),
);

export const unknownCommand = (text: string): Message =>
  m(`Dat commando ken ik niet ("${typed(text.slice(0, 40))}"). Zo werkt het:`, `I don't know that command. This is how it works:`);

// --- Finance: marking payments paid (Slack button and CLI) -------------------------------------

export const finance = {
  notFinance: m(
    'Alleen de financiële administratie (FINANCE_USER_IDS) kan betalingen als betaald markeren.',
    'Only the finance group (FINANCE_USER_IDS) can mark payments paid.',
  ),
  approverMayNot: (id: number) =>
    m(
      `Je hebt ${requestLabel(id)} zelf goedgekeurd: iemand anders van financiën moet de betaling afhandelen (functiescheiding).`,
      `You approved ${requestLabel(id)} yourself: someone else in finance must handle the payment (segregation of duties).`,
    ),
  requesterMayNot: (id: number) =>
    m(
      `Je hebt ${requestLabel(id)} zelf aangevraagd: iemand anders van financiën moet de betaling afhandelen (functiescheiding).`,
      `You requested ${requestLabel(id)} yourself: someone else in finance must handle the payment (segregation of duties).`,
    ),
  notFound: (id: number) => m(`Aanvraag ${requestLabel(id)} bestaat niet.`, `Request ${requestLabel(id)} does not exist.`),
  notApproved: (id: number, status: RequestStatus) =>
    m(
      `${requestLabel(id)} is niet goedgekeurd (${statusLabel(status).nl.toLowerCase()}): er is niets te betalen.`,
      `${requestLabel(id)} is not approved (${statusLabel(status).en.toLowerCase()}): there is nothing to pay.`,
    ),
  alreadyPaid: (id: number) =>
    m(`${requestLabel(id)} is al als betaald gemarkeerd; er verandert niets.`, `${requestLabel(id)} is already marked paid; nothing changes.`),
  paidThread: (id: number, by: string, amount: Cents, supplier: string) =>
    m(
      `${by} heeft de betaling van ${formatEuro(amount)} aan ${supplier} voor ${requestLabel(id)} als betaald gemarkeerd.`,
      `${by} marked the payment of ${formatEuro(amount)} to ${supplier} for ${requestLabel(id)} as paid.`,
    ),
  markedPaid: (id: number, amount: Cents, supplier: string) =>
    m(
      `${requestLabel(id)}: betaling van ${formatEuro(amount)} aan ${supplier} als betaald gemarkeerd.`,
      `${requestLabel(id)}: payment of ${formatEuro(amount)} to ${supplier} marked paid.`,
    ),
};
