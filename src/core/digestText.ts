// The monthly digest as a message structure (core/text.ts): Dutch first with an English summary
// after it, or all English. Team names and category labels are typed text, so every platform's
// renderer shows them literally. Plus the chart's figures as plain text for screen readers.
import { cents, formatEuro, type Cents } from './money.js';
import { monthLabelEn, monthLabelNl } from './time.js';
import { monthShortNl } from './chartSvg.js';
import { digestChartInput } from './digestChart.js';
import { primarySection, type Digest, type DigestSection } from './digest.js';
import { findingLine, labelIn, overallFindingLines, plural } from './digestFindingText.js';
import { em, list, msg, p, plainLine, rule, strong, t, typed, type Block, type Inline, type Line, type Message, type Text } from './text.js';

export { findingLine, sharedLine } from './digestFindingText.js';

type Lang = 'nl' | 'en';

/** Teams listed one line each under the overall section; the rest is counted. */
export const MAX_TEAM_LINES = 50;
/** Findings listed under the overall section; the rest is counted. */
export const MAX_FINDING_LINES = 30;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** 12.5 → "12,5%" (nl) or "12.5%" (en). */
export function formatPct(p: number, lang: Lang): string {
  const s = p.toFixed(1);
  return `${lang === 'nl' ? s.replace('.', ',') : s}%`;
}

/**
 * A duration rounded to whole hours: "5 uur", "1 dag", "1 dag 3 uur", "2 dagen 4 uur";
 * under half an hour in minutes ("40 min", "0 min").
 */
export function formatDuration(ms: number, lang: Lang): string {
  if (ms < 30 * MINUTE_MS) return `${Math.round(ms / MINUTE_MS)} min`;
  const totalHours = Math.round(ms / HOUR_MS);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  const parts: string[] = [];
  if (lang === 'nl') {
    if (days > 0) parts.push(`${days} ${days === 1 ? 'dag' : 'dagen'}`);
    if (hours > 0 || days === 0) parts.push(`${hours} uur`);
  } else {
    if (days > 0) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
    if (hours > 0 || days === 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  }
  return parts.join(' ');
}

function sectionName(s: DigestSection, lang: Lang): Inline {
  return s.scope === 'all' ? (lang === 'en' ? 'All teams' : s.name) : typed(s.name);
}

/** The digest as a message structure; Dutch with an English summary after it (default), or all English. */
export function digestText(d: Digest, lang: Lang = 'nl'): Text {
  const nl = lang === 'nl';
  const main = primarySection(d);
  const out: Block[] = [
    p(strong(nl ? `Maandoverzicht minimaatwerkbudget — ${monthLabelNl(d.month)}` : `Monthly digest minimaatwerkbudget — ${monthLabelEn(d.month)}`)),
    p(em(sectionName(main, lang))),
  ];
  if (d.isEmpty) {
    out.push(p(nl ? `Geen uitgaven in ${monthLabelNl(d.month)} / No spends in ${monthLabelEn(d.month)}` : `No spends in ${monthLabelEn(d.month)}`));
    if (main.open.count > 0) out.push(openBlock(main, lang));
    return out;
  }
  out.push(...sectionBlocks(d, main, lang));
  if (main.scope === 'all' && d.teams.length > 1) out.push(...teamBlocks(d, lang));
  if (nl) out.push(rule, ...englishSummary(d));
  return out;
}

function openBlock(s: DigestSection, lang: Lang): Block {
  if (s.open.count === 0) return p(strong(lang === 'nl' ? 'Wacht op goedkeuring:' : 'Awaiting approval:'), lang === 'nl' ? ' geen' : ' none');
  return lang === 'nl'
    ? p(strong('Wacht op goedkeuring:'), ` ${plural(s.open.count, 'aanvraag', 'aanvragen')}, samen ${formatEuro(s.open.totalCents)}`)
    : p(strong('Awaiting approval:'), ` ${plural(s.open.count, 'request', 'requests')}, ${formatEuro(s.open.totalCents)} in total`);
}

/** The findings of the section: the team's own, or (all teams) the shared ones once and each team's own. */
function findingBlocks(d: Digest, s: DigestSection, lang: Lang): Block[] {
  const nl = lang === 'nl';
  const lines = s.scope === 'team' || d.teams.length <= 1 ? s.findings.map((f) => findingLine(f, lang)) : overallFindingLines(d, lang);
  const head = p(strong(nl ? 'Opvallende categorieën' : 'Categories that stand out'));
  if (lines.length === 0) return [head, p(nl ? 'Niets dat duidelijk afwijkt van het gewone patroon.' : 'Nothing clearly out of the ordinary.')];
  const shown = lines.slice(0, MAX_FINDING_LINES);
  const more = lines.length - shown.length;
  return [head, list(shown), ...(more > 0 ? [p(nl ? `… en ${more} meer` : `… and ${more} more`)] : [])];
}

function sectionBlocks(d: Digest, s: DigestSection, lang: Lang): Block[] {
  const nl = lang === 'nl';
  const out: Block[] = [
    nl
      ? p(strong('Uitgaven:'), ` ${plural(s.approved.count, 'goedgekeurde uitgave', 'goedgekeurde uitgaven')}, samen ${formatEuro(s.approved.totalCents)}`)
      : p(strong('Spends:'), ` ${plural(s.approved.count, 'approved spend', 'approved spends')}, ${formatEuro(s.approved.totalCents)} in total`),
  ];
  if (s.categories.length > 0) {
    out.push(
      p(strong(nl ? 'Per categorie' : 'By category')),
      list(s.categories.map((c) => [labelIn(c, lang), `: ${c.count}× · ${formatEuro(c.totalCents)} · ${formatPct(c.sharePct, lang)}`])),
    );
  }
  out.push(...findingBlocks(d, s, lang));
  if (s.uncategorised.count > 0) {
    out.push(
      nl
        ? p(strong("Zonder categorie of 'overig':"), ` ${plural(s.uncategorised.count, 'uitgave', 'uitgaven')}, samen ${formatEuro(s.uncategorised.totalCents)}. Mist er een categorie in de lijst?`)
        : p(strong("Uncategorised or 'other':"), ` ${plural(s.uncategorised.count, 'spend', 'spends')}, ${formatEuro(s.uncategorised.totalCents)} in total. Is a category missing from the list?`),
    );
  }
  const sg = s.suggestion;
  if (sg.keptPct !== null) {
    out.push(
      nl
        ? p(strong('Voorgestelde categorie overgenomen:'), ` ${sg.kept} van ${sg.withSuggestion} keer (${formatPct(sg.keptPct, lang)})`)
        : p(strong('Suggested category kept:'), ` ${sg.kept} of ${sg.withSuggestion} times (${formatPct(sg.keptPct, lang)})`),
    );
  }
  out.push(
    p(strong(nl ? `Verloop, laatste ${d.trend.length} maanden` : `Trend, last ${d.trend.length} months`)),
    list(d.trend.map((t) => [`${nl ? monthLabelNl(t.month) : monthLabelEn(t.month)}: ${formatEuro(t.totalCents)} (${t.count}×)`])),
    p(strong(nl ? 'Budget dit jaar' : 'Budget this year')),
    ...budgetLines(s, lang).map((line) => p(line)),
  );
  const o = s.outcomes;
  const alt =
    o.alternativeSharePct === null
      ? ''
      : nl
        ? ` (${formatPct(o.alternativeSharePct, lang)} van alternatief + goedgekeurd)`
        : ` (${formatPct(o.alternativeSharePct, lang)} of alternative + approved)`;
  out.push(
    p(strong(nl ? 'Uitkomsten deze maand' : 'Outcomes this month')),
    list([
      [nl ? `Alternatief gevonden: ${o.alternative}${alt}` : `Alternative found: ${o.alternative}${alt}`],
      [nl ? `Ingetrokken: ${o.withdrawn}` : `Withdrawn: ${o.withdrawn}`],
      [nl ? `Verlopen: ${o.expired}` : `Expired: ${o.expired}`],
      [nl ? `Nu in de wacht: ${o.onHold}` : `On hold now: ${o.onHold}`],
    ]),
  );
  const t = s.approvalTime;
  out.push(p(strong(nl ? 'Tijd tot goedkeuring' : 'Time to approval')));
  if (t.medianMs === null || t.p90Ms === null) out.push(p(nl ? 'Geen goedkeuringen deze maand.' : 'No approvals this month.'));
  else
    out.push(
      p(
        nl
          ? `Mediaan ${formatDuration(t.medianMs, lang)}, 90% binnen ${formatDuration(t.p90Ms, lang)} (${plural(t.count, 'goedkeuring', 'goedkeuringen')})`
          : `Median ${formatDuration(t.medianMs, lang)}, 90% within ${formatDuration(t.p90Ms, lang)} (${plural(t.count, 'approval', 'approvals')})`,
      ),
    );
  out.push(openBlock(s, lang));
  return out;
}

function budgetLines(s: DigestSection, lang: Lang): string[] {
  const nl = lang === 'nl';
  const b = s.budget;
  if (b.annualCents === null) {
    return [nl ? `Gebruikt: ${formatEuro(b.usedCents)} (geen jaarbudget ingesteld)` : `Used: ${formatEuro(b.usedCents)} (no annual budget set)`];
  }
  const out: string[] = [];
  const pctAnnual = b.usedPctOfAnnual === null ? '' : ` (${formatPct(b.usedPctOfAnnual, lang)})`;
  out.push(
    nl
      ? `Gebruikt: ${formatEuro(b.budgetedUsedCents)} van ${formatEuro(b.annualCents)}${pctAnnual}`
      : `Used: ${formatEuro(b.budgetedUsedCents)} of ${formatEuro(b.annualCents)}${pctAnnual}`,
  );
  if (b.proRataCents !== null && b.usedPctOfProRata !== null) {
    const yearPct = formatPct(Math.round(b.elapsedFraction * 1000) / 10, lang);
    const pace = b.usedPctOfProRata > 100 ? (nl ? 'boven' : 'above') : nl ? 'binnen' : 'within';
    out.push(
      nl
        ? `Naar rato (${yearPct} van het jaar verstreken): ${formatEuro(b.proRataCents)}; gebruikt is ${formatPct(b.usedPctOfProRata, lang)} daarvan (${pace} schema)`
        : `Pro rata (${yearPct} of the year elapsed): ${formatEuro(b.proRataCents)}; used is ${formatPct(b.usedPctOfProRata, lang)} of that (${pace} pace)`,
    );
  }
  if (b.teamsWithoutBudget > 0) {
    out.push(
      nl
        ? `${plural(b.teamsWithoutBudget, 'team', 'teams')} zonder jaarbudget niet meegeteld; alle teams samen gebruikten ${formatEuro(b.usedCents)}`
        : `${plural(b.teamsWithoutBudget, 'team', 'teams')} without an annual budget left out; all teams together used ${formatEuro(b.usedCents)}`,
    );
  }
  return out;
}

/** One line per team with spends: its figures (its findings are under 'Opvallende categorieën'). */
function teamBlocks(d: Digest, lang: Lang): Block[] {
  const nl = lang === 'nl';
  const active = d.teams.filter((t) => !t.isEmpty);
  const quiet = d.teams.length - active.length;
  const lines: Line[] = active.slice(0, MAX_TEAM_LINES).map((t) => {
    const parts = [`${t.approved.count}× ${formatEuro(t.approved.totalCents)}`];
    if (t.budget.usedPctOfAnnual !== null) parts.push(`budget ${formatPct(t.budget.usedPctOfAnnual, lang)}`);
    if (t.budget.usedPctOfProRata !== null) parts.push(`${nl ? 'naar rato' : 'pro rata'} ${formatPct(t.budget.usedPctOfProRata, lang)}`);
    if (t.outcomes.alternative > 0) parts.push(`${nl ? 'alternatief' : 'alternative'} ${t.outcomes.alternative}`);
    const line: Inline[] = [strong(typed(t.name)), `: ${parts.join(' · ')}`];
    return line;
  });
  const out: Block[] = [p(strong(nl ? 'Per team' : 'By team'))];
  if (lines.length > 0) out.push(list(lines));
  const hidden = active.length - Math.min(active.length, MAX_TEAM_LINES);
  if (hidden > 0) out.push(p(nl ? `… en ${plural(hidden, 'team', 'teams')} meer` : `… and ${plural(hidden, 'more team', 'more teams')}`));
  if (quiet > 0) out.push(p(nl ? `${plural(quiet, 'team', 'teams')} zonder uitgaven deze maand` : `${plural(quiet, 'team', 'teams')} without spends this month`));
  return out;
}

/** The short English block after the Dutch text. */
function englishSummary(d: Digest): Block[] {
  const s = primarySection(d);
  const out: Block[] = [
    p(strong(`Summary in English — ${monthLabelEn(d.month)}`)),
    p(sectionName(s, 'en'), `: ${plural(s.approved.count, 'approved spend', 'approved spends')}, ${formatEuro(s.approved.totalCents)} in total.`),
  ];
  if (s.categories.length > 0) {
    const top: Inline[] = ['Largest categories: '];
    s.categories.slice(0, 3).forEach((c, i) => top.push(...(i > 0 ? [', '] : []), typed(c.labelEn), ` ${formatPct(c.sharePct, 'en')}`));
    out.push(p(...top, '.'));
  }
  const findings = s.scope === 'team' || d.teams.length <= 1 ? s.findings.map((f) => findingLine(f, 'en')) : overallFindingLines(d, 'en');
  if (findings.length > 0) out.push(p('Categories that stand out:'), list(findings.slice(0, MAX_FINDING_LINES)));
  const b = s.budget;
  if (b.usedPctOfAnnual !== null) {
    const pace = b.usedPctOfProRata === null ? '' : `, ${formatPct(b.usedPctOfProRata, 'en')} of pro rata`;
    out.push(p(`Budget: ${formatPct(b.usedPctOfAnnual, 'en')} of the annual budget used${pace}.`));
  }
  const o = s.outcomes;
  const share = o.alternativeSharePct === null ? '' : ` (${formatPct(o.alternativeSharePct, 'en')})`;
  out.push(p(`Alternative found: ${o.alternative}${share}; withdrawn ${o.withdrawn}; expired ${o.expired}; on hold ${o.onHold}.`));
  if (s.approvalTime.medianMs !== null && s.approvalTime.p90Ms !== null) {
    out.push(p(`Time to approval: median ${formatDuration(s.approvalTime.medianMs, 'en')}, 90th percentile ${formatDuration(s.approvalTime.p90Ms, 'en')}.`));
  }
  if (s.open.count > 0) out.push(p(`Awaiting approval: ${s.open.count} (${formatEuro(s.open.totalCents)}).`));
  return out;
}

/**
 * The chart's figures as plain text for screen readers (Dutch): a title line, the flagged
 * categories and why, then one line per category per month, then the month totals.
 */
export function digestAltText(d: Digest): string {
  const chart = digestChartInput(d, 'nl');
  const lines: string[] = [chart.title];
  const s = primarySection(d);
  const findings = s.scope === 'team' || d.teams.length <= 1 ? s.findings.map((f) => findingLine(f, 'nl')) : overallFindingLines(d, 'nl');
  for (const line of findings) lines.push(`Opvallend: ${plainLine(line)}`);
  for (const series of chart.series) {
    chart.months.forEach((m, i) => {
      lines.push(`${series.label}, ${monthShortNl(m)}: ${formatEuro(cents(series.cents[i] ?? 0))}`);
    });
  }
  chart.months.forEach((m, i) => {
    const total: Cents = cents(chart.series.reduce((sum, x) => sum + (x.cents[i] ?? 0), 0));
    lines.push(`Totaal, ${monthShortNl(m)}: ${formatEuro(total)}`);
  });
  if (chart.series.length === 0) lines.push('Geen uitgaven in deze periode.');
  return lines.join('\n');
}

/** What the digest command and CLI say about a month they cannot report. */
export const digestMonthMessage = {
  invalid: (text: string): Message =>
    msg(t`"${text.slice(0, 20)}" is geen maand. Schrijf de maand als JJJJ-MM, bijvoorbeeld 2026-10.`, t`"${text.slice(0, 20)}" is not a month. Write the month as YYYY-MM, e.g. 2026-10.`),
  future: (month: string): Message =>
    msg(`${monthLabelNl(month)} is nog niet begonnen; er is nog geen overzicht.`, `${monthLabelEn(month)} has not started yet; there is no digest yet.`),
};

/** The audit trail's anchor under the managers' digest, with what to do with it. */
export function digestAnchorText(anchor: string): Block[] {
  return [
    rule,
    p(em('Controle audittrail: anker ', { k: 'code', text: anchor }, '. Bewaar het buiten de database; ', { k: 'code', text: `npm run cli -- audit verify --anchor ${anchor}` }, ' toont later dat er niets is weggehaald of herschreven.')),
    p(em('Audit trail anchor ', { k: 'code', text: anchor }, ': keep it outside the database; ', { k: 'code', text: `audit verify --anchor ${anchor}` }, ' later shows nothing was removed or rewritten.')),
  ];
}
