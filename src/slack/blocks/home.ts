// The App Home tab: open requests, requests waiting for my approval, team budgets, last digest.
import type { HomeModel } from '../../app/home.js';
import { statusLabel } from '../../core/messages.js';
import { cents, formatEuro } from '../../core/money.js';
import { requestLabel } from '../../core/request.js';
import type { RequestRow } from '../../store/schema.js';
import { context, escapeMrkdwn, plain, section } from './text.js';

const line = (r: RequestRow) =>
  `• *${requestLabel(r.id)}* ${formatEuro(cents(r.amountCents))} — ${escapeMrkdwn(r.supplierName)} (${statusLabel(r.status).nl}) in <#${r.channelId}>`;

export function homeView(model: HomeModel, digestText: string | null): object {
  const blocks: object[] = [
    { type: 'header', text: plain('Minimaatwerkbudget') },
    section('*Mijn open aanvragen* / _My open requests_'),
    section(model.mine.length ? model.mine.map(line).join('\n') : 'Geen open aanvragen. / _No open requests._'),
    { type: 'divider' },
    section('*Wacht op mijn goedkeuring* / _Waiting for my approval_'),
    section(
      model.awaitingMe.length
        ? `${model.awaitingMe.map(line).join('\n')}\nReageer met ✅ op de kaart in het kanaal. / _React with ✅ on the card in the channel._`
        : 'Niets om goed te keuren. / _Nothing to approve._',
    ),
    { type: 'divider' },
    section('*Budget van mijn teams* / _My teams’ budgets_'),
  ];
  if (model.budgets.length === 0) blocks.push(section('Nog geen team. Gebruik `/minimaatwerk` in een teamkanaal. / _No team yet._'));
  for (const b of model.budgets) {
    const text =
      b.annualCents === null || b.leftCents === null
        ? `<#${b.team.channelId}>: geen jaarbudget ${b.year} ingesteld; gebruikt ${formatEuro(b.usedCents)}. / _no annual budget set; used ${formatEuro(b.usedCents)}._`
        : `<#${b.team.channelId}>: over ${formatEuro(b.leftCents)} van ${formatEuro(b.annualCents)} (${b.year}). / _left ${formatEuro(b.leftCents)} of ${formatEuro(b.annualCents)}._`;
    blocks.push(section(text));
  }
  if (digestText !== null) {
    blocks.push({ type: 'divider' }, section('*Laatste maandoverzicht* / _Last monthly digest_'), section(digestText));
  }
  blocks.push(context('`/minimaatwerk help` legt alles uit. / _explains everything._'));
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
