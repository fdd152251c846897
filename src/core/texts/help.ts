// The help text per platform (same rules, the platform's own gestures), and the answer to an unknown word.
import { code, msg, strong, t, type Line, type Message } from '../text.js';
import { PLATFORM_WORDS, type Platform } from './words.js';

const slackHelp: Message = {
  nl: [
    { k: 'p', parts: [strong('minimaatwerk: het minimaatwerkbudget van het team')] },
    {
      k: 'list',
      items: [
        t`${code('/minimaatwerk')} opent het aanvraagformulier (bedrag, wat, leverancier, IBAN, categorie, zaakreferentie, waarom dit budget). Er komt een aanvraagkaart in het kanaal.`,
        t`Goedkeuren: reageer op de kaart met ✅ (${code(':white_check_mark:')}, ${code(':heavy_check_mark:')} of ${code(':+1:')}). Drie collega's (niet de aanvrager) zijn nodig; dan wordt de betaling aan de leverancier vastgelegd.`,
        ['Bezwaar: reageer met ❌ of ✋. De aanvraag gaat in de wacht voor overleg (moreel beraad) tot het bezwaar wordt weggehaald.'],
        ['Je ✅ weghalen vóór het besluit trekt je goedkeuring in.'],
        ['De aanvrager kan via de knoppen op de kaart wijzigen, intrekken of sluiten met "alternatief gevonden" (fonds, andere voorziening, gratis oplossing).'],
        ['Wijzig je bedrag, leverancier of IBAN, dan vervallen de goedkeuringen.'],
        ['Zonder besluit volgt na 2 werkdagen een herinnering; na 14 dagen verloopt de aanvraag.'],
        ['Grenzen: een aanvraag blijft onder € 500; maximaal € 500 per huishouden (zaakreferentie) per jaar.'],
        t`${code('/minimaatwerk budget 12000')} stelt het jaarbudget van het team in (beheerders); ${code('/minimaatwerk budget')} toont wat er over is.`,
        t`${code('/minimaatwerk overzicht')} toont je open aanvragen, wat op jouw akkoord wacht en het budget van je teams (ook op het tabblad Home).`,
        t`${code('/minimaatwerk digest [2026-10]')} toont het maandoverzicht (standaard: vorige maand); ${code('/minimaatwerk digest-kanaal #kanaal')} kiest waar het elke maand automatisch komt (beheerders).`,
        t`${code('/minimaatwerk categorie')} toont de categorieën; beheerders: ${code('categorie nieuw <naam>')}, ${code('categorie hernoem <code> <naam>')}, ${code('categorie verwijder <code>')} (niet als hij in gebruik is).`,
        t`${code('/minimaatwerk signalen')} toont de open signalen (terugkerende categorieën op weg naar een structurele oplossing) met hun effect; beheerders: ${code('signaal nieuw mondzorg')}, daarna ${code('signaal 3 besproken …')}, ${code('maatregel …')}, ${code('geevalueerd …')}, ${code('sluiten')}. ${code('/minimaatwerk signaal')} legt het uit.`,
        ['Geen namen of BSN van bewoners: gebruik een zaakreferentie.'],
      ],
    },
  ],
  en: [
    { k: 'p', parts: [strong("minimaatwerk: the team's small custom budget")] },
    {
      k: 'p',
      parts: t`${code('/minimaatwerk')} opens the request form; colleagues approve with ✅ (three, never the requester); ❌ or ✋ puts it on hold; the requester can edit, withdraw or close as "alternative found"; reminders after 2 working days, expiry after 14 days; ${code('/minimaatwerk budget 12000')} sets the annual budget; ${code('/minimaatwerk overzicht')} shows your overview; ${code('/minimaatwerk digest [2026-10]')} shows the monthly digest, ${code('digest-kanaal #channel')} picks where it is posted; ${code('/minimaatwerk categorie')} lists, adds (${code('nieuw')}), renames (${code('hernoem')}) and removes (${code('verwijder')}) categories; ${code('/minimaatwerk signalen')} lists the signals (recurring categories on their way to a structural solution), ${code('signaal')} explains them. No resident names or BSN: use a case reference.`,
    },
  ],
};

const teamsHelp: Message = {
  nl: [
    { k: 'p', parts: [strong('minimaatwerk: het minimaatwerkbudget van het team')] },
    {
      k: 'list',
      items: [
        t`${code('@minimaatwerk aanvraag')} in het teamkanaal: er komt een knop die het aanvraagformulier opent (bedrag, wat, leverancier, IBAN, categorie, zaakreferentie, waarom dit budget). Daarna staat de aanvraagkaart in het kanaal.`,
        t`Goedkeuren: druk op ${strong('Akkoord')} op de kaart of reageer met 👍. Drie collega's (niet de aanvrager) zijn nodig; dan wordt de betaling aan de leverancier vastgelegd. Elke persoon telt één keer.`,
        t`Bezwaar: druk op ${strong('Bezwaar')} of reageer met 😠. De aanvraag gaat in de wacht voor overleg (moreel beraad).`,
        t`${strong('Mijn stem intrekken')} haalt je akkoord of bezwaar weg (net als je 👍 weghalen) zolang er nog geen besluit is.`,
        ['De aanvrager kan wijzigen, de aanvraag intrekken of sluiten met "alternatief gevonden". Wijzig je bedrag, leverancier of IBAN, dan vervallen de goedkeuringen.'],
        ['Zonder besluit volgt na 2 werkdagen een herinnering; na 14 dagen verloopt de aanvraag.'],
        ['Geen namen of BSN van bewoners: gebruik een zaakreferentie.'],
        t`${code('budget 12000')} stelt het jaarbudget van het team in (beheerders); ${code('budget')} toont wat er over is.`,
        t`${code('overzicht')} (in je chat met minimaatwerk, of in het kanaal): je open aanvragen, wat op jouw akkoord wacht en het budget van je teams.`,
        t`${code('digest [JJJJ-MM]')}: het maandoverzicht; beheerders: ${code('digest-kanaal <link naar kanaal>')} kiest waar het maandoverzicht van dit team komt.`,
        t`${code('categorie')} toont de categorieën; beheerders: ${code('categorie nieuw <naam>')}, ${code('categorie hernoem <code> <naam>')}, ${code('categorie verwijder <code>')}.`,
        t`${code('signalen')} toont de open signalen met hun effect; beheerders: ${code('signaal nieuw mondzorg')}, daarna ${code('signaal 3 besproken …')}, ${code('maatregel …')}, ${code('geevalueerd …')}, ${code('sluiten')}. ${code('signaal')} legt het uit.`,
      ],
    },
  ],
  en: [
    {
      k: 'p',
      parts: t`minimaatwerk: ${code('@minimaatwerk aanvraag')} opens the request form; colleagues approve with ${strong('Akkoord')} or 👍 (three, never the requester); ${strong('Bezwaar')} or 😠 puts it on hold; ${strong('Mijn stem intrekken')} withdraws your vote; the requester can edit, withdraw or close as "alternative found". No resident names or BSN: use a case reference. ${code('overview')}: your requests, what waits for you, budgets; ${code('digest [YYYY-MM]')}: the monthly digest; ${code('categorie')}: the categories; ${code('signalen')}: the signals.`,
    },
  ],
};

const webHelp: Message = {
  nl: [
    { k: 'p', parts: [strong('minimaatwerk: oefenen met het minimaatwerkbudget')] },
    {
      k: 'list',
      items: [
        ['Kies bovenaan wie je bent. Met "Nieuwe aanvraag" vul je het formulier in; de aanvraagkaart verschijnt in het kanaal.'],
        t`Goedkeuren: kies een andere collega en druk op ${strong('Akkoord')}. Drie collega's (niet de aanvrager) zijn nodig.`,
        t`Bezwaar: ${strong('Bezwaar')} zet de aanvraag in de wacht voor overleg (moreel beraad). ${strong('Mijn stem intrekken')} haalt je stem weg.`,
        ['De aanvrager kan wijzigen, intrekken of sluiten met "alternatief gevonden"; financiën markeert goedgekeurde betalingen als betaald.'],
        t`Typ ${code('/minimaatwerk budget')}, ${code('overzicht')}, ${code('digest')} of ${code('categorie')} in het commandoveld, net als in Slack.`,
      ],
    },
  ],
  en: [
    {
      k: 'p',
      parts: t`minimaatwerk practice: choose who you are, file a request with "Nieuwe aanvraag", approve as three other colleagues with ${strong('Akkoord')}, object with ${strong('Bezwaar')}, mark paid as finance. Commands work as in Slack.`,
    },
  ],
};

export const help = (platform: Platform): Message => (platform === 'teams' ? teamsHelp : platform === 'web' ? webHelp : slackHelp);

export const unknownCommand = (word: string): Message =>
  msg(
    t`Dat commando ken ik niet ("${word.slice(0, 40)}"). Zo werkt het:`,
    `I don't know that command. This is how it works:`,
  );

/** Only in a team channel. */
export const onlyInChannel = (platform: Platform): Message =>
  msg(
    t`Een aanvraag doe je in het teamkanaal: typ daar ${code(`${PLATFORM_WORDS[platform].command} aanvraag`)}.`,
    t`Requests are made in the team channel: type ${code(`${PLATFORM_WORDS[platform].command} aanvraag`)} there.`,
  );


