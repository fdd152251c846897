// The monthly digest as Slack mrkdwn: Dutch first with an English summary after it, or all
// English. Plus a plain-text version of the chart's figures for screen readers.
import { cents, formatEuro, type Cents } from './money.js';
import { monthLabelEn, monthLabelNl } from './time.js';
import { monthShortNl } from './chartSvg.js';
import {
  digestChartInput,
  primarySection,
  type Digest,
  type DigestSection,
  type RecurrenceReason,
  type RecurringCategory,
} from './digest.js';

type Lang = 'nl' | 'en';

/** Teams listed one line each under the overall section; the rest is counted. */
export const MAX_TEAM_LINES = 50;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Slack mrkdwn control characters in user-provided text (team names, category labels). */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

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

const fmtNum = (n: number, lang: Lang): string => (lang === 'nl' ? String(n).replace('.', ',') : String(n));

/** One reason a category was flagged, with the numbers. */
export function reasonText(r: RecurrenceReason, lang: Lang): string {
  switch (r.rule) {
    case 'count':
      return lang === 'nl' ? `${r.count} keer deze maand (drempel ${r.threshold})` : `${r.count} times this month (threshold ${r.threshold})`;
    case 'months':
      return lang === 'nl'
        ? `in ${r.monthsPresent} van de laatste ${r.windowMonths} maanden`
        : `in ${r.monthsPresent} of the last ${r.windowMonths} months`;
    case 'growth': {
      const avg = r.previousAverage.toFixed(1);
      if (r.previousAverage === 0) {
        return lang === 'nl'
          ? `nieuw: ${r.count} keer, de vorige 3 maanden niet`
          : `new: ${r.count} times, none in the previous 3 months`;
      }
      const factorNl = r.factor === 2 ? 'verdubbeld' : `${fmtNum(r.factor, 'nl')} keer zo vaak`;
      const factorEn = r.factor === 2 ? 'doubled' : `${r.factor} times as often`;
      return lang === 'nl'
        ? `${factorNl} t.o.v. gemiddelde vorige 3 maanden (${r.count} tegen ${avg.replace('.', ',')})`
        : `${factorEn} compared with the average of the previous 3 months (${r.count} vs ${avg})`;
    }
  }
}

function monthLabel(key: string, lang: Lang): string {
  return lang === 'nl' ? monthLabelNl(key) : monthLabelEn(key);
}

function sectionName(s: DigestSection, lang: Lang): string {
  return s.scope === 'all' && lang === 'en' ? 'All teams' : escapeMrkdwn(s.name);
}

function recurringLine(r: RecurringCategory, lang: Lang): string {
  const label = escapeMrkdwn(lang === 'nl' ? r.labelNl : r.labelEn);
  const reasons = r.reasons.map((x) => reasonText(x, lang)).join('; ');
  return `• *${label}* (${r.count}×, ${formatEuro(r.totalCents)}): ${reasons}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Slack mrkdwn; Dutch with an English summary after it (default), or all English. */
export function digestText(d: Digest, lang: Lang = 'nl'): string {
  const main = primarySection(d);
  const heading =
    lang === 'nl'
      ? `*Maandoverzicht minimaatwerkbudget — ${monthLabelNl(d.month)}*`
      : `*Monthly digest minimaatwerkbudget — ${monthLabelEn(d.month)}*`;
  const lines: string[] = [heading, `_${sectionName(main, lang)}_`, ''];

  if (d.isEmpty) {
    lines.push(
      lang === 'nl'
        ? `Geen uitgaven in ${monthLabelNl(d.month)} / No spends in ${monthLabelEn(d.month)}`
        : `No spends in ${monthLabelEn(d.month)}`,
    );
    const open = openLine(main, lang);
    if (open) lines.push(open);
    return lines.join('\n');
  }

  lines.push(...sectionLines(main, lang));
  if (main.scope === 'all' && d.teams.length > 1) lines.push('', ...teamLines(d, lang));
  if (lang === 'nl') lines.push('', '───', ...englishSummary(d));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

function openLine(s: DigestSection, lang: Lang): string | null {
  if (s.open.count === 0) return null;
  return lang === 'nl'
    ? `*Wacht op goedkeuring:* ${plural(s.open.count, 'aanvraag', 'aanvragen')}, samen ${formatEuro(s.open.totalCents)}`
    : `*Awaiting approval:* ${plural(s.open.count, 'request', 'requests')}, ${formatEuro(s.open.totalCents)} in total`;
}

function sectionLines(s: DigestSection, lang: Lang): string[] {
  const nl = lang === 'nl';
  const out: string[] = [];

  out.push(
    nl
      ? `*Uitgaven:* ${plural(s.approved.count, 'goedgekeurde uitgave', 'goedgekeurde uitgaven')}, samen ${formatEuro(s.approved.totalCents)}`
      : `*Spends:* ${plural(s.approved.count, 'approved spend', 'approved spends')}, ${formatEuro(s.approved.totalCents)} in total`,
  );

  if (s.categories.length > 0) {
    out.push('', nl ? '*Per categorie*' : '*By category*');
    for (const c of s.categories) {
      const label = escapeMrkdwn(nl ? c.labelNl : c.labelEn);
      out.push(`• ${label}: ${c.count}× · ${formatEuro(c.totalCents)} · ${formatPct(c.sharePct, lang)}`);
    }
  }

  out.push('', nl ? '*Terugkerende categorieën*' : '*Recurring categories*');
  if (s.recurring.length === 0) out.push(nl ? 'Geen deze maand.' : 'None this month.');
  else for (const r of s.recurring) out.push(recurringLine(r, lang));

  if (s.uncategorised.count > 0) {
    out.push(
      '',
      nl
        ? `*Zonder categorie of 'overig':* ${plural(s.uncategorised.count, 'uitgave', 'uitgaven')}, samen ${formatEuro(s.uncategorised.totalCents)}. Mist er een categorie in de lijst?`
        : `*Uncategorised or 'other':* ${plural(s.uncategorised.count, 'spend', 'spends')}, ${formatEuro(s.uncategorised.totalCents)} in total. Is a category missing from the list?`,
    );
  }

  const sg = s.suggestion;
  if (sg.keptPct !== null) {
    out.push(
      '',
      nl
        ? `*Voorgestelde categorie overgenomen:* ${sg.kept} van ${sg.withSuggestion} keer (${formatPct(sg.keptPct, lang)})`
        : `*Suggested category kept:* ${sg.kept} of ${sg.withSuggestion} times (${formatPct(sg.keptPct, lang)})`,
    );
  }

  out.push('', nl ? `*Verloop, laatste ${s.trend.length} maanden*` : `*Trend, last ${s.trend.length} months*`);
  for (const t of s.trend) {
    out.push(`• ${monthLabel(t.month, lang)}: ${formatEuro(t.totalCents)} (${t.count}×)`);
  }

  out.push('', nl ? '*Budget dit jaar*' : '*Budget this year*');
  out.push(...budgetLines(s, lang));

  const o = s.outcomes;
  out.push('', nl ? '*Uitkomsten deze maand*' : '*Outcomes this month*');
  const alt =
    o.alternativeSharePct === null
      ? ''
      : nl
        ? ` (${formatPct(o.alternativeSharePct, lang)} van alternatief + goedgekeurd)`
        : ` (${formatPct(o.alternativeSharePct, lang)} of alternative + approved)`;
  out.push(
    nl ? `• Alternatief gevonden: ${o.alternative}${alt}` : `• Alternative found: ${o.alternative}${alt}`,
    nl ? `• Ingetrokken: ${o.withdrawn}` : `• Withdrawn: ${o.withdrawn}`,
    nl ? `• Verlopen: ${o.expired}` : `• Expired: ${o.expired}`,
    nl ? `• Nu in de wacht: ${o.onHold}` : `• On hold now: ${o.onHold}`,
  );

  const t = s.approvalTime;
  out.push('', nl ? '*Tijd tot goedkeuring*' : '*Time to approval*');
  if (t.medianMs === null || t.p90Ms === null) out.push(nl ? 'Geen goedkeuringen deze maand.' : 'No approvals this month.');
  else
    out.push(
      nl
        ? `Mediaan ${formatDuration(t.medianMs, lang)}, 90% binnen ${formatDuration(t.p90Ms, lang)} (${plural(t.count, 'goedkeuring', 'goedkeuringen')})`
        : `Median ${formatDuration(t.medianMs, lang)}, 90% within ${formatDuration(t.p90Ms, lang)} (${plural(t.count, 'approval', 'approvals')})`,
    );

  const open = openLine(s, lang);
  out.push('', open ?? (nl ? '*Wacht op goedkeuring:* geen' : '*Awaiting approval:* none'));
  return out;
}

function budgetLines(s: DigestSection, lang: Lang): string[] {
  const nl = lang === 'nl';
  const b = s.budget;
  if (b.annualCents === null) {
    return [
      nl
        ? `Gebruikt: ${formatEuro(b.usedCents)} (geen jaarbudget ingesteld)`
        : `Used: ${formatEuro(b.usedCents)} (no annual budget set)`,
    ];
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

function teamLines(d: Digest, lang: Lang): string[] {
  const nl = lang === 'nl';
  const out: string[] = [nl ? '*Per team*' : '*By team*'];
  const active = d.teams.filter((t) => !t.isEmpty);
  const quiet = d.teams.length - active.length;
  for (const t of active.slice(0, MAX_TEAM_LINES)) {
    const parts = [`${t.approved.count}× ${formatEuro(t.approved.totalCents)}`];
    if (t.budget.usedPctOfAnnual !== null) {
      parts.push(nl ? `budget ${formatPct(t.budget.usedPctOfAnnual, lang)}` : `budget ${formatPct(t.budget.usedPctOfAnnual, lang)}`);
    }
    if (t.budget.usedPctOfProRata !== null) {
      parts.push(nl ? `naar rato ${formatPct(t.budget.usedPctOfProRata, lang)}` : `pro rata ${formatPct(t.budget.usedPctOfProRata, lang)}`);
    }
    if (t.outcomes.alternative > 0) parts.push(nl ? `alternatief ${t.outcomes.alternative}` : `alternative ${t.outcomes.alternative}`);
    if (t.recurring.length > 0) {
      const names = t.recurring.map((r) => escapeMrkdwn(nl ? r.labelNl : r.labelEn)).join(', ');
      parts.push(nl ? `terugkerend: ${names}` : `recurring: ${names}`);
    }
    out.push(`• *${escapeMrkdwn(t.name)}*: ${parts.join(' · ')}`);
  }
  const hidden = active.length - Math.min(active.length, MAX_TEAM_LINES);
  if (hidden > 0) out.push(nl ? `… en ${plural(hidden, 'team', 'teams')} meer` : `… and ${plural(hidden, 'more team', 'more teams')}`);
  if (quiet > 0) {
    out.push(
      nl ? `${plural(quiet, 'team', 'teams')} zonder uitgaven deze maand` : `${plural(quiet, 'team', 'teams')} without spends this month`,
    );
  }
  return out;
}

/** The short English block after the Dutch text. */
function englishSummary(d: Digest): string[] {
  const s = primarySection(d);
  const out: string[] = [`*Summary in English — ${monthLabelEn(d.month)}*`];
  out.push(
    `${sectionName(s, 'en')}: ${plural(s.approved.count, 'approved spend', 'approved spends')}, ${formatEuro(s.approved.totalCents)} in total.`,
  );
  if (s.categories.length > 0) {
    const top = s.categories
      .slice(0, 3)
      .map((c) => `${escapeMrkdwn(c.labelEn)} ${formatPct(c.sharePct, 'en')}`)
      .join(', ');
    out.push(`Largest categories: ${top}.`);
  }
  if (s.recurring.length > 0) {
    out.push('Recurring categories:');
    for (const r of s.recurring) {
      out.push(`• ${escapeMrkdwn(r.labelEn)}: ${r.reasons.map((x) => reasonText(x, 'en')).join('; ')}`);
    }
  }
  const b = s.budget;
  if (b.usedPctOfAnnual !== null) {
    const pace = b.usedPctOfProRata === null ? '' : `, ${formatPct(b.usedPctOfProRata, 'en')} of pro rata`;
    out.push(`Budget: ${formatPct(b.usedPctOfAnnual, 'en')} of the annual budget used${pace}.`);
  }
  const o = s.outcomes;
  const share = o.alternativeSharePct === null ? '' : ` (${formatPct(o.alternativeSharePct, 'en')})`;
  out.push(`Alternative found: ${o.alternative}${share}; withdrawn ${o.withdrawn}; expired ${o.expired}; on hold ${o.onHold}.`);
  if (s.approvalTime.medianMs !== null && s.approvalTime.p90Ms !== null) {
    out.push(
      `Time to approval: median ${formatDuration(s.approvalTime.medianMs, 'en')}, 90th percentile ${formatDuration(s.approvalTime.p90Ms, 'en')}.`,
    );
  }
  if (s.open.count > 0) out.push(`Awaiting approval: ${s.open.count} (${formatEuro(s.open.totalCents)}).`);
  return out;
}

/**
 * The chart's figures as plain text for screen readers (Dutch): a title line, then one line
 * per category per month, then the month totals.
 */
export function digestAltText(d: Digest): string {
  const chart = digestChartInput(d, 'nl');
  const lines: string[] = [chart.title];
  for (const s of chart.series) {
    chart.months.forEach((m, i) => {
      lines.push(`${s.label}, ${monthShortNl(m)}: ${formatEuro(cents(s.cents[i] ?? 0))}`);
    });
  }
  chart.months.forEach((m, i) => {
    const total: Cents = cents(chart.series.reduce((sum, s) => sum + (s.cents[i] ?? 0), 0));
    lines.push(`Totaal, ${monthShortNl(m)}: ${formatEuro(total)}`);
  });
  if (chart.series.length === 0) lines.push('Geen uitgaven in deze periode.');
  return lines.join('\n');
}

/** What the digest command and CLI say about a month they cannot report. */
export const digestMonthMessage = {
  invalid: (text: string) => ({
    nl: `"${text.slice(0, 20)}" is geen maand. Schrijf de maand als JJJJ-MM, bijvoorbeeld 2026-10.`,
    en: `"${text.slice(0, 20)}" is not a month. Write the month as YYYY-MM, e.g. 2026-10.`,
  }),
  future: (month: string) => ({
    nl: `${monthLabelNl(month)} is nog niet begonnen; er is nog geen overzicht.`,
    en: `${monthLabelEn(month)} has not started yet; there is no digest yet.`,
  }),
};
