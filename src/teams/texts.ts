// Texts only Teams users read (buttons, toasts, help); Dutch first, English second.
import type { Message } from '../core/messages.js';
import { requestLabel } from '../core/request.js';

const m = (nl: string, en: string): Message => ({ nl, en });

export const TEAMS_HELP: Message = m(
  [
    '**minimaatwerk: het minimaatwerkbudget van het team**',
    '- `@minimaatwerk aanvraag` in het teamkanaal: er komt een knop die het aanvraagformulier opent (bedrag, wat, leverancier, IBAN, categorie, zaakreferentie, waarom dit budget). Daarna staat de aanvraagkaart in het kanaal.',
    "- Goedkeuren: druk op **Akkoord** op de kaart of reageer met 👍. Drie collega's (niet de aanvrager) zijn nodig; dan wordt de betaling aan de leverancier vastgelegd. Elke persoon telt één keer.",
    '- Bezwaar: druk op **Bezwaar** of reageer met 😠. De aanvraag gaat in de wacht voor overleg (moreel beraad).',
    '- **Mijn stem intrekken** haalt je akkoord of bezwaar weg (net als je 👍 weghalen) zolang er nog geen besluit is.',
    '- De aanvrager kan wijzigen, de aanvraag intrekken of sluiten met "alternatief gevonden". Wijzig je bedrag, leverancier of IBAN, dan vervallen de goedkeuringen.',
    '- Zonder besluit volgt na 2 werkdagen een herinnering; na 14 dagen verloopt de aanvraag.',
    '- Geen namen of BSN van bewoners: gebruik een zaakreferentie.',
  ].join('\n'),
  'minimaatwerk: `@minimaatwerk aanvraag` opens the request form; colleagues approve with **Akkoord** or 👍 (three, never the requester); **Bezwaar** or 😠 puts it on hold; **Mijn stem intrekken** withdraws your vote; the requester can edit, withdraw or close as "alternative found". No resident names or BSN: use a case reference.',
);

export const teamsText = {
  startCard: m('Vul het formulier in om een minimaatwerk-aanvraag te doen.', 'Fill in the form to make a request.'),
  onlyInChannel: m(
    'Een aanvraag doe je in het teamkanaal: typ daar `@minimaatwerk aanvraag`.',
    'Requests are made in the team channel: type `@minimaatwerk aanvraag` there.',
  ),
  unknown: m('Dat commando ken ik niet. Typ `@minimaatwerk help`.', "I don't know that command. Type `@minimaatwerk help`."),
  approved: (id: number) => m(`Je akkoord voor ${requestLabel(id)} is vastgelegd.`, `Your approval of ${requestLabel(id)} was recorded.`),
  objected: (id: number) => m(`Je bezwaar tegen ${requestLabel(id)} is vastgelegd.`, `Your objection to ${requestLabel(id)} was recorded.`),
  voteWithdrawn: (id: number) => m(`Je stem bij ${requestLabel(id)} is ingetrokken.`, `Your vote on ${requestLabel(id)} was withdrawn.`),
  nothingChanged: (id: number) => m(`Er verandert niets aan ${requestLabel(id)}.`, `Nothing changes for ${requestLabel(id)}.`),
  decided: (id: number) => m(`${requestLabel(id)} is al afgehandeld; er verandert niets.`, `${requestLabel(id)} is already decided; nothing changes.`),
  closedAlternative: (id: number) => m(`${requestLabel(id)} is gesloten: alternatief gevonden.`, `${requestLabel(id)} was closed: alternative found.`),
  edited: (id: number) => m(`${requestLabel(id)} is gewijzigd.`, `${requestLabel(id)} was edited.`),
  withdrawn: (id: number) => m(`${requestLabel(id)} is ingetrokken.`, `${requestLabel(id)} was withdrawn.`),
  notFound: m('Deze aanvraag bestaat niet (meer).', 'This request does not exist (anymore).'),
  suggestion: m('Controleer de voorgestelde categorie en verstuur opnieuw.', 'Check the suggested category and submit again.'),
  someone: m('een collega', 'a colleague'),
};
