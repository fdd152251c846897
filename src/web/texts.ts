// The practice channel's own words (page chrome), Dutch first. The bot's texts come from the
// catalogue (src/core/texts) as on every platform.
import { code, msg, strong, t } from '../core/text.js';

export const webText = {
  banner: msg(
    t`${strong('Oefenomgeving')}: niet verbonden met Slack of Teams. Alles hier is oefendata; er wordt niets echt betaald.`,
    t`${strong('Practice environment')}: not connected to Slack or Teams. Everything here is practice data; nothing is really paid.`,
  ),
  skip: msg('Naar de inhoud', 'Skip to content'),
  who: msg('Je bent', 'You are'),
  switchWho: msg('Wissel', 'Switch'),
  nav: msg('Menu', 'Menu'),
  channel: msg('Kanaal', 'Channel'),
  newRequest: msg('Nieuwe aanvraag', 'New request'),
  overview: msg('Mijn overzicht', 'My overview'),
  digest: msg('Maandoverzicht', 'Monthly digest'),
  help: msg('Hulp', 'Help'),
  members: msg('Leden', 'Members'),
  command: msg('Commando', 'Command'),
  commandHint: msg(
    t`Zoals in Slack, bijvoorbeeld ${code('/minimaatwerk budget')}, ${code('overzicht')}, ${code('digest 2026-10')} of ${code('categorie')}.`,
    t`As in Slack, e.g. ${code('/minimaatwerk budget')}, ${code('overview')}, ${code('digest 2026-10')} or ${code('categorie')}.`,
  ),
  send: msg('Versturen', 'Send'),
  onlyYou: msg('Alleen jij ziet dit.', 'Only you can see this.'),
  cards: msg('Aanvragen in het kanaal', 'Requests in the channel'),
  noCards: msg('Nog geen aanvragen. Begin met "Nieuwe aanvraag".', 'No requests yet. Start with "Nieuwe aanvraag".'),
  older: msg('Oudere aanvragen', 'Older requests'),
  newer: msg('Nieuwste aanvragen', 'Newest requests'),
  thread: msg('Draad', 'Thread'),
  suggest: msg('Categorie voorstellen', 'Suggest a category'),
  errorsTitle: msg('Controleer het formulier', 'Please check the form'),
  back: msg('Terug naar het kanaal', 'Back to the channel'),
  month: msg('Maand', 'Month'),
  show: msg('Tonen', 'Show'),
  chartCaption: msg('Uitgaven per categorie, laatste 6 maanden', 'Spend by category, last 6 months'),
  personMessages: msg('Berichten voor jou', 'Messages for you'),
  noPersonMessages: msg('Geen berichten.', 'No messages.'),
  notFound: msg('Deze pagina bestaat niet.', 'This page does not exist.'),
  forbidden: msg(
    'Dit formulier is verlopen of kwam niet van deze pagina. Laad de pagina opnieuw en probeer het nog eens.',
    'This form has expired or did not come from this page. Reload the page and try again.',
  ),
  unknownPerson: msg('Kies een van de oefencollega’s.', 'Choose one of the practice colleagues.'),
  tooLarge: msg('Dat is te veel tekst.', 'That is too much text.'),
  you: msg('jij', 'you'),
};
