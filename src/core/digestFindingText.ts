// The digest's findings as text: one finding with its reason and numbers, a finding several teams
// share (once, with each team's figures), and the overall section's list of them.
import { isShared, type Digest, type DigestFinding, type SharedFinding } from './digest.js';
import { strong, typed, type Inline, type Line } from './text.js';

type Lang = 'nl' | 'en';

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A usual level: whole from 2 up ("ongeveer 3"), one decimal below ("ongeveer 0,7"). */
function formatUsual(x: number, lang: Lang): string {
  const s = x >= 2 ? String(Math.round(x)) : x.toFixed(1);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

const wholePct = (part: number, whole: number): string => `${whole > 0 ? Math.round((part / whole) * 100) : 0}%`;

export const labelIn = (x: { labelNl: string; labelEn: string }, lang: Lang): Inline => typed(lang === 'nl' ? x.labelNl : x.labelEn);

/** One finding with its reason and numbers, as a manager reads it. */
export function findingLine(f: DigestFinding, lang: Lang): Line {
  const also =
    f.alsoInTeams === 0
      ? ''
      : lang === 'nl'
        ? ` — ook in ${plural(f.alsoInTeams, 'ander team', 'andere teams')} van de gemeente`
        : ` — also in ${plural(f.alsoInTeams, 'other team', 'other teams')} of the municipality`;
  return [strong(labelIn(f, lang)), reasonOf(f, lang) + also];
}

/** "stijgt: 15× in de laatste 3 maanden, …" or ": 40% van de uitgaven van dit team …". */
function reasonOf(f: DigestFinding, lang: Lang): string {
  const nl = lang === 'nl';
  if (f.kind === 'rising') {
    const usual = formatUsual(f.usual, lang);
    return nl
      ? ` stijgt: ${f.count}× in de laatste ${f.recentMonths} maanden, gewoonlijk ongeveer ${usual}× (${f.monthCount}× deze maand)`
      : ` is rising: ${f.count} in the last ${f.recentMonths} months, usually about ${usual} (${f.monthCount} this month)`;
  }
  const team = wholePct(f.count, f.teamTotal);
  const rest = wholePct(f.referenceCount, f.referenceTotal);
  return nl
    ? `: ${team} van de uitgaven van dit team in de laatste ${f.months} maanden (${f.count} van ${f.teamTotal}), ${rest} in de rest van de gemeente`
    : `: ${team} of this team's spends in the last ${f.months} months (${f.count} of ${f.teamTotal}), ${rest} in the rest of the municipality`;
}

/** A team's figures in a shared finding: "Wijkteam Noord (15×, gewoonlijk ongeveer 3×)". */
function sharedFigures(f: DigestFinding, lang: Lang): string {
  const nl = lang === 'nl';
  if (f.kind === 'rising') return nl ? ` (${f.count}×, gewoonlijk ongeveer ${formatUsual(f.usual, lang)}×)` : ` (${f.count}, usually about ${formatUsual(f.usual, lang)})`;
  return nl ? ` (${wholePct(f.count, f.teamTotal)} van zijn uitgaven)` : ` (${wholePct(f.count, f.teamTotal)} of its spends)`;
}

/** A finding several teams share, once: "Mondzorg stijgt in 4 teams van deze gemeente: …". */
export function sharedLine(g: SharedFinding, oneMunicipality: boolean, lang: Lang): Line {
  const nl = lang === 'nl';
  const n = g.teams.length;
  const first = g.teams[0]?.finding;
  const where = nl ? (oneMunicipality ? 'van deze gemeente' : 'van één gemeente') : oneMunicipality ? 'of this municipality' : 'of one municipality';
  const what =
    g.kind === 'rising'
      ? nl
        ? ` stijgt in ${n} teams ${where} (laatste ${first?.kind === 'rising' ? first.recentMonths : 3} maanden): `
        : ` is rising in ${n} teams ${where} (last ${first?.kind === 'rising' ? first.recentMonths : 3} months): `
      : nl
        ? ` komt in ${n} teams ${where} duidelijk vaker voor dan in de rest van de gemeente: `
        : ` is clearly more frequent in ${n} teams ${where} than in the rest of the municipality: `;
  const names: Inline[] = [];
  g.teams.forEach((t, i) => {
    if (i > 0) names.push(', ');
    names.push(typed(t.name), sharedFigures(t.finding, lang));
  });
  return [strong(labelIn(g, lang)), what, ...names];
}

/** The lines of the overall section's findings: shared ones once, then each team's own. */
export function overallFindingLines(d: Digest, lang: Lang): Line[] {
  const one = d.municipalities <= 1;
  const lines: Line[] = d.shared.map((g) => sharedLine(g, one, lang));
  for (const t of d.teams) {
    for (const f of t.findings) if (!isShared(d, t.teamId as number, f)) lines.push([typed(t.name), ' — ', ...findingLine(f, lang)]);
  }
  return lines;
}
