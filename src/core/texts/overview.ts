// The personal overview (Slack's App Home, Teams' overview card, the practice page): my open
// requests, what waits for my approval, my teams' budgets, and for managers the last digest.
import type { Cents } from '../money.js';
import { formatEuro } from '../money.js';
import type { RequestStatus } from '../request.js';
import { requestLabel } from '../request.js';
import { channel, code, em, msg, p, rule, strong, t, type Block, type Line, type Text } from '../text.js';
import { statusWords } from './requests.js';
import { effectVerdict, signalHeadline, type SignalView } from './signals.js';
import { PLATFORM_WORDS, type Platform } from './words.js';

export interface OverviewRequest {
  id: number;
  amountCents: Cents;
  supplierName: string;
  status: RequestStatus;
  channelId: string;
}

export interface OverviewBudget {
  channelId: string;
  year: number;
  annualCents: Cents | null;
  usedCents: Cents;
  leftCents: Cents | null;
}

export interface Overview {
  mine: readonly OverviewRequest[];
  awaitingMe: readonly OverviewRequest[];
  budgets: readonly OverviewBudget[];
  /** The last monthly digest, for managers; null for everyone else. */
  digest: Text | null;
  /** The open signals with their status and effect, for managers; null (or absent) for everyone else. */
  signals?: readonly SignalView[] | null;
}

const heading = (nl: string, en: string): Block => p(strong(nl), ' / ', em(en));

const requestLine = (r: OverviewRequest): Line =>
  t`${strong(requestLabel(r.id))} ${formatEuro(r.amountCents)} — ${r.supplierName} (${statusWords(r.status, 'nl')}) in ${channel(r.channelId)}`;

const budgetLine = (b: OverviewBudget): Line =>
  b.annualCents === null || b.leftCents === null
    ? t`${channel(b.channelId)}: geen jaarbudget ${b.year} ingesteld; gebruikt ${formatEuro(b.usedCents)}. / ${em(`no annual budget set; used ${formatEuro(b.usedCents)}.`)}`
    : t`${channel(b.channelId)}: over ${formatEuro(b.leftCents)} van ${formatEuro(b.annualCents)} (${b.year}). / ${em(`left ${formatEuro(b.leftCents)} of ${formatEuro(b.annualCents)}.`)}`;

/** The overview as one bilingual text: headings, lists, a rule between the parts. */
export function overviewText(o: Overview, platform: Platform): Text {
  const w = PLATFORM_WORDS[platform];
  const out: Block[] = [
    heading('Mijn open aanvragen', 'My open requests'),
    o.mine.length ? { k: 'list', items: o.mine.map(requestLine) } : p('Geen open aanvragen. / ', em('No open requests.')),
    rule,
    heading('Wacht op mijn goedkeuring', 'Waiting for my approval'),
  ];
  if (o.awaitingMe.length) {
    out.push({ k: 'list', items: o.awaitingMe.map(requestLine) }, p(`${capital(w.approveNl)}. / `, em(`${capital(w.approveEn)}.`)));
  } else out.push(p('Niets om goed te keuren. / ', em('Nothing to approve.')));
  out.push(rule, heading('Budget van mijn teams', 'My teams’ budgets'));
  out.push(
    o.budgets.length
      ? { k: 'list', items: o.budgets.map(budgetLine) }
      : p(...t`Nog geen team. Gebruik ${code(`${w.command} aanvraag`)} in een teamkanaal. / ${em('No team yet.')}`),
  );
  if (o.signals) {
    out.push(rule, heading('Open signalen', 'Open signals'));
    out.push(
      o.signals.length
        ? { k: 'list', items: o.signals.map(signalOverviewLine) }
        : p(...t`Geen open signalen. Maak er een met ${code(`${w.command} signaal nieuw <categorie>`)}. / ${em('No open signals.')}`),
    );
  }
  if (o.digest !== null) out.push(rule, heading('Laatste maandoverzicht', 'Last monthly digest'), ...o.digest);
  out.push(rule, p(...t`${code(`${w.command} help`)} legt alles uit. / ${em('explains everything.')}`));
  return out;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One open signal: its headline and, with a measure, whether the category's spends fell. */
const signalOverviewLine = (v: SignalView): Line => [...signalHeadline(v), ...(v.effect ? [' · effect: ', effectVerdict(v.effect, 'nl')] : [])];

/** Where the overview went when it could not be shown to the asker alone (Teams has no ephemeral messages). */
export const overviewMessage = {
  sent: msg('Je overzicht staat in je persoonlijke chat met minimaatwerk.', 'Your overview is in your personal chat with minimaatwerk.'),
  failed: msg(
    t`Ik kon je geen persoonlijk bericht sturen. Open de chat met minimaatwerk (Apps → minimaatwerk) en typ daar ${code('overzicht')}.`,
    t`I could not send you a personal message. Open the chat with minimaatwerk (Apps → minimaatwerk) and type ${code('overview')} there.`,
  ),
  digestWhere: msg(
    t`Typ ${code('digest')} in een teamkanaal of in je chat met minimaatwerk.`,
    t`Type ${code('digest')} in a team channel or in your chat with minimaatwerk.`,
  ),
};
