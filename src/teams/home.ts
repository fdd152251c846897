// The App-Home-like overview for Teams (a personal chat command): my open requests, what waits for
// my approval, my teams' budgets left, and for managers the last monthly digest.
import type { HomeModel } from '../app/home.js';
import { digestForMonth, resolveDigestMonth } from '../app/digest.js';
import type { AppDeps } from '../app/deps.js';
import { statusLabel } from '../core/messages.js';
import { cents, formatEuro } from '../core/money.js';
import { requestLabel } from '../core/request.js';
import { eq } from 'drizzle-orm';
import type { Store } from '../store/db.js';
import { teams, type RequestRow, type Team } from '../store/schema.js';
import type { AdaptiveCard } from './cards.js';
import { slackToTeamsMarkdown } from './texts.js';
import { toPlain } from '../core/text.js';
import { escapeMrkdwn } from '../slack/blocks/text.js';

const textBlock = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
const heading = (nl: string, en: string) => textBlock(`**${nl}** / _${en}_`, { size: 'Medium', spacing: 'Large', separator: true });

/** The channel's name as stored when the team was first seen, or a neutral word. */
const channelName = (team: Team | undefined) => (team?.name ? team.name : 'teamkanaal');

export function homeCard(model: HomeModel, teamById: (id: number) => Team | undefined, digestText: string | null): AdaptiveCard {
  const line = (r: RequestRow) =>
    `- **${requestLabel(r.id)}** ${formatEuro(cents(r.amountCents))} — ${r.supplierName} (${statusLabel(r.status).nl}) in ${channelName(teamById(r.teamId))}`;
  const body: object[] = [
    textBlock('Minimaatwerkbudget', { size: 'Large', weight: 'Bolder' }),
    heading('Mijn open aanvragen', 'My open requests'),
    textBlock(model.mine.length ? model.mine.map(line).join('\n') : 'Geen open aanvragen. / _No open requests._'),
    heading('Wacht op mijn goedkeuring', 'Waiting for my approval'),
    textBlock(
      model.awaitingMe.length
        ? `${model.awaitingMe.map(line).join('\n')}\n\nKeur goed met **Akkoord** of 👍 op de kaart in het kanaal. / _Approve with **Akkoord** or 👍 on the card in the channel._`
        : 'Niets om goed te keuren. / _Nothing to approve._',
    ),
    heading('Budget van mijn teams', 'My teams’ budgets'),
  ];
  if (model.budgets.length === 0) body.push(textBlock('Nog geen team. Typ `@minimaatwerk aanvraag` in een teamkanaal. / _No team yet._'));
  const facts = model.budgets.map((b) => ({
    title: channelName(b.team),
    value:
      b.annualCents === null || b.leftCents === null
        ? `geen jaarbudget ${b.year} ingesteld; gebruikt ${formatEuro(b.usedCents)} / no annual budget set; used ${formatEuro(b.usedCents)}`
        : `over ${formatEuro(b.leftCents)} van ${formatEuro(b.annualCents)} (${b.year}) / left ${formatEuro(b.leftCents)} of ${formatEuro(b.annualCents)}`,
  }));
  if (facts.length > 0) body.push({ type: 'FactSet', facts });
  if (digestText !== null) {
    body.push(heading('Laatste maandoverzicht', 'Last monthly digest'), textBlock(digestText, { size: 'Small' }));
  }
  body.push(textBlock('`@minimaatwerk help` legt alles uit. / _explains everything._', { isSubtle: true, size: 'Small', spacing: 'Large' }));
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}

/**
 * What a manager sees under "Laatste maandoverzicht": the previous month's digest of the Teams
 * teams (admins are tenant-wide, as ADMIN_USER_IDS), as Teams markdown; null without Teams teams.
 */
export function lastDigestForManagers(deps: Pick<AppDeps, 'store' | 'clock'>): string | null {
  const teamIds = teamsTeamIds(deps.store);
  if (teamIds.length === 0) return null;
  const month = resolveDigestMonth('', deps.clock.now());
  if (!month.ok) return null;
  return slackToTeamsMarkdown(escapeMrkdwn(toPlain(digestForMonth(deps, month.value, { chart: false, teamIds }).text)));
}

function teamsTeamIds(store: Store): number[] {
  return store.db.select({ id: teams.id }).from(teams).where(eq(teams.platform, 'teams')).all().map((t) => t.id);
}
