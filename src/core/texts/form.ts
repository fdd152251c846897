// The request form's texts: field labels, hints and errors; the limits the hints are computed from.
import type { BudgetError } from '../budget.js';
import type { AmountError, Cents } from '../money.js';
import { formatEuro } from '../money.js';
import type { CloseKind, ReasonCode } from '../request.js';
import { code, msg, t, type Message } from '../text.js';

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
    'AMOUNT.EMPTY': msg('Vul een bedrag in.', 'Enter an amount.'),
    'AMOUNT.NOT_A_NUMBER': msg('Dat is geen bedrag; schrijf bijvoorbeeld 85 of 85,50.', 'That is not an amount; write e.g. 85 or 85,50.'),
    'AMOUNT.ZERO': msg('Het bedrag moet meer dan € 0 zijn.', 'The amount must be more than € 0.'),
    'AMOUNT.NEGATIVE': msg('Het bedrag kan niet negatief zijn.', 'The amount cannot be negative.'),
    'AMOUNT.TOO_MANY_DECIMALS': msg('Gebruik hoogstens twee cijfers achter de komma.', 'Use at most two decimals.'),
    'AMOUNT.TOO_LARGE': msg('Dat bedrag is veel te hoog.', 'That amount is far too high.'),
  })[e];

export const budgetError = (e: BudgetError): Message => {
  switch (e.code) {
    case 'BUDGET.AT_OR_ABOVE_LIMIT':
      return msg(
        `Het bedrag moet onder ${formatEuro(e.limitCents)} blijven; daarboven gaat het via de gewone aanvraagroute.`,
        `The amount must stay below ${formatEuro(e.limitCents)}; above that, use the regular application route.`,
      );
    case 'BUDGET.EXCEEDS_TEAM_BUDGET':
      return msg(
        `Dit past niet meer in het jaarbudget van het team: er is nog ${formatEuro(e.leftCents)} over.`,
        `This exceeds the team's annual budget: ${formatEuro(e.leftCents)} is left.`,
      );
    case 'BUDGET.EXCEEDS_HOUSEHOLD_CAP':
      return msg(
        `Dit gaat over het maximum van ${formatEuro(e.capCents)} per huishouden per jaar: voor deze zaakreferentie is nog ${formatEuro(e.leftCents)} over.`,
        `This exceeds the cap of ${formatEuro(e.capCents)} per household per year: ${formatEuro(e.leftCents)} is left for this case reference.`,
      );
  }
};

export const field = {
  required: msg('Dit veld is verplicht.', 'This field is required.'),
  tooLong: (max: number) => msg(`Maximaal ${max} tekens.`, `At most ${max} characters.`),
  bsn: msg('Geen burgerservicenummers (BSN); gebruik een zaakreferentie.', 'No citizen service numbers (BSN); use a case reference.'),
  ibanInvalid: msg('Dit is geen geldig IBAN; controleer het nummer.', 'This is not a valid IBAN; check the number.'),
  /** A valid IBAN outside the SEPA area: minimaatwerk pays by SEPA credit transfer only. */
  ibanOutsideSepa: (country: string) =>
    msg(
      t`Dit IBAN is van een rekening buiten het SEPA-gebied (${country}); minimaatwerk betaalt alleen naar SEPA-rekeningen.`,
      t`This IBAN belongs to an account outside the SEPA area (${country}); minimaatwerk only pays to SEPA accounts.`,
    ),
  caseRefFormat: msg(
    'Gebruik een zaakreferentie met cijfers (bijv. WT-2026-014), geen naam.',
    'Use a case reference with digits (e.g. WT-2026-014), not a name.',
  ),
  categoryUnknown: msg('Kies een categorie uit de lijst.', 'Choose a category from the list.'),
  channelRequired: msg('Kies het teamkanaal.', 'Choose the team channel.'),
  reasonRequired: msg('Kies waarom dit budget nodig is.', 'Choose why this budget is needed.'),
};

export const reasonLabel = (r: ReasonCode): Message =>
  ({
    no_provision: msg('Geen voorliggende voorziening', 'No other provision pays'),
    too_slow: msg('Andere route duurt te lang', 'Other route takes too long'),
  })[r];

export const closeKindLabel = (k: CloseKind): Message =>
  ({
    charity_fund: msg('Fonds of goed doel', 'Charity fund'),
    other_provision: msg('Voorliggende voorziening', 'A prior provision'),
    free_solution: msg('Oplossing zonder kosten', 'Solution at no cost'),
    network: msg('Netwerk van de bewoner', "The resident's own network"),
    other: msg('Anders', 'Other'),
  })[k];

/** Labels, hints and placeholders of the request form, the same on every platform. */
export const formText = {
  titleNew: msg('Minimaatwerk aanvraag', 'Minimaatwerk request'),
  titleEdit: msg('Aanvraag wijzigen', 'Edit request'),
  submitNew: msg('Aanvragen', 'Submit'),
  submitEdit: msg('Opslaan', 'Save'),
  cancel: msg('Annuleren', 'Cancel'),
  channel: msg('Teamkanaal', 'Team channel'),
  amount: msg('Bedrag in euro', 'Amount in euros'),
  /** The hint follows the team's own limit. */
  amountHint: (limit: Cents) =>
    msg(`Onder ${formatEuro(limit)}. Bijvoorbeeld 85, 85,50 of € 1.250`, `Below ${formatEuro(limit)}.`),
  description: msg('Wat wordt er gekocht?', 'What is bought?'),
  descriptionHint: msg('Geen namen of BSN. Druk op Enter voor een categorievoorstel.', 'No names or BSN. Press Enter for a category suggestion.'),
  descriptionPlaceholder: 'bijv. nieuwe koelkast voor insuline',
  supplierName: msg('Leverancier', 'Supplier'),
  supplierPlaceholder: 'bijv. Witgoedhandel Noord',
  supplierIban: msg('IBAN van de leverancier', 'Supplier IBAN'),
  ibanHint: msg('Het geld gaat naar de leverancier, nooit naar de bewoner.', 'Money goes to the supplier, never to the resident.'),
  ibanPlaceholder: 'NL91 ABNA 0417 1643 00',
  category: msg('Categorie', 'Category'),
  categoryPlaceholder: msg('Kies een categorie', 'Choose a category'),
  suggestion: (explanation: string) => msg(t`Voorstel: ${explanation}`, t`Suggestion: ${explanation}`),
  checkSuggestion: msg('Controleer de voorgestelde categorie en verstuur opnieuw.', 'Check the suggested category and submit again.'),
  caseRef: msg('Zaakreferentie', 'Case reference'),
  caseRefHint: msg('Pseudoniem, met cijfers; geen naam of BSN.', 'Pseudonymous, with digits; no name or BSN.'),
  caseRefPlaceholder: 'WT-2026-014',
  reason: msg('Waarom dit budget?', 'Why this budget?'),
  reasonText: msg('Toelichting (optioneel)', 'Explanation (optional)'),
  noNames: msg('Geen namen of BSN.', 'No names or BSN.'),
  footer: msg(
    'Geen namen of BSN. Het geld gaat naar de leverancier, nooit naar de bewoner.',
    'No names or BSN. Money goes to the supplier, never to the resident.',
  ),
  alternativeTitle: msg('Alternatief gevonden', 'Alternative found'),
  alternativeIntro: (label: string) =>
    msg(
      `Aanvraag ${label} sluiten omdat er een alternatief is.`,
      `Close request ${label} because an alternative was found.`,
    ),
  alternativeKind: msg('Welk alternatief?', 'Which alternative?'),
  alternativeReason: msg('Korte toelichting', 'Short explanation'),
  alternativeSubmit: msg('Sluiten', 'Close'),
  objectionTitle: msg('Reden van bezwaar', 'Reason for objection'),
  objectionReason: (label: string) => msg(`Waarom bezwaar tegen ${label}?`, 'Why object?'),
  objectionSubmit: msg('Opslaan', 'Save'),
  /** The command that opens the form, for texts that point to it. */
  openWith: (command: string) => msg(t`Open het formulier met ${code(command)}.`, t`Open the form with ${code(command)}.`),
};
