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
    '- `overzicht` (in je chat met minimaatwerk, of in het kanaal): je open aanvragen, wat op jouw akkoord wacht en het budget van je teams.',
    '- `digest [JJJJ-MM]`: het maandoverzicht; beheerders: `digest-kanaal <link naar kanaal>` kiest waar het maandoverzicht van dit team komt.',
  ].join('\n'),
  'minimaatwerk: `@minimaatwerk aanvraag` opens the request form; colleagues approve with **Akkoord** or 👍 (three, never the requester); **Bezwaar** or 😠 puts it on hold; **Mijn stem intrekken** withdraws your vote; the requester can edit, withdraw or close as "alternative found". No resident names or BSN: use a case reference. `overview`: your requests, what waits for you, budgets; `digest [YYYY-MM]`: the monthly digest.',
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

/**
 * Slack mrkdwn (what the core's digest text is) → Teams markdown: `*bold*` → `**bold**`,
 * `_italic_` stays, `~strike~` → `~~strike~~`, `<url|label>` → `[label](url)`, `• ` bullets →
 * `- ` list items. Teams joins single newlines, so lines become paragraphs (`\n\n`), except
 * consecutive list items, which stay one list. The `&amp;`/`&lt;`/`&gt;` escapes stay: Teams
 * renders them as the characters.
 */
export function slackToTeamsMarkdown(text: string): string {
  const convertLine = (line: string): string =>
    line
      .replace(/^(\s*)[•◦▪]\s+/, '$1- ')
      .replace(/<(https?:\/\/[^|>\s]+)\|([^>]+)>/g, '[$2]($1)')
      .replace(/<(https?:\/\/[^|>\s]+)>/g, '$1')
      .replace(/(^|[^\w*\\])\*(?=\S)([^*\n]*?\S)\*(?=$|[^\w*])/g, '$1**$2**')
      .replace(/(^|[^\w~])~(?=\S)([^~\n]*?\S)~(?=$|[^\w~])/g, '$1~~$2~~');
  const out: string[] = [];
  let previousWasItem = false;
  let pendingBreak = false;
  for (const raw of text.split('\n')) {
    const line = convertLine(raw.trimEnd());
    if (line.trim() === '') {
      pendingBreak = out.length > 0;
      previousWasItem = false;
      continue;
    }
    const isItem = /^\s*- /.test(line);
    if (out.length > 0) out.push(isItem && previousWasItem && !pendingBreak ? '\n' : '\n\n');
    out.push(line);
    previousWasItem = isItem;
    pendingBreak = false;
  }
  return out.join('');
}

/** Texts of the overview and digest commands in Teams. */
export const teamsDigestText = {
  overviewSent: m('Je overzicht staat in je persoonlijke chat met minimaatwerk.', 'Your overview is in your personal chat with minimaatwerk.'),
  overviewFailed: m(
    'Ik kon je geen persoonlijk bericht sturen. Open de chat met minimaatwerk (Apps → minimaatwerk) en typ daar `overzicht`.',
    'I could not send you a personal message. Open the chat with minimaatwerk (Apps → minimaatwerk) and type `overview` there.',
  ),
  digestWhere: m('Typ `digest` in een teamkanaal of in je chat met minimaatwerk.', 'Type `digest` in a team channel or in your chat with minimaatwerk.'),
  channelOnlyInTeam: m(
    'Het digest-kanaal stel je in vanuit het teamkanaal: typ daar `@minimaatwerk digest-kanaal <link naar het kanaal>`.',
    'Set the digest channel from the team channel: type `@minimaatwerk digest-kanaal <link to the channel>` there.',
  ),
  notAdmin: m('Alleen een teambeheerder kan het digest-kanaal instellen.', 'Only a team admin can set the digest channel.'),
  channelUsage: m(
    'Gebruik: `@minimaatwerk digest-kanaal <link naar het kanaal>` (beheerders; in het kanaal: ··· → Koppeling naar kanaal ophalen), of `digest-kanaal hier`.',
    'Usage: `@minimaatwerk digest-kanaal <link to the channel>` (admins; in the channel: ··· → Get link to channel), or `digest-kanaal here`.',
  ),
  botNotIn: m(
    'Ik kan dat kanaal niet bereiken. Voeg minimaatwerk toe aan dat team (Apps → minimaatwerk → Toevoegen aan een team) en probeer het opnieuw.',
    'I cannot reach that channel. Add minimaatwerk to that team (Apps → minimaatwerk → Add to a team) and try again.',
  ),
  channelSet: m(
    'Het maandoverzicht van dit team gaat voortaan naar dat kanaal (op de eerste werkdag van de maand om 09:00).',
    'This team’s monthly digest now goes to that channel (on the first working day of the month at 09:00).',
  ),
  channelSetHere: m(
    'Het maandoverzicht van dit team gaat voortaan naar dit kanaal (op de eerste werkdag van de maand om 09:00).',
    'This team’s monthly digest now goes to this channel (on the first working day of the month at 09:00).',
  ),
};
