// The digest's chart input: spend by category over the trend months, for the primary section.
// The largest named categories get their own colour; so does every flagged category (a finding),
// whatever its rank, so the chart shows what the text flags; the rest is one grey block.
import { REST_COLOR, monthShortNl, type SpendChartInput } from './chartSvg.js';
import { primarySection, type CategoryTrend, type Digest } from './digestTypes.js';
import { OTHER_SLUG } from './recurrence.js';

/** The chart shows at most this many named categories besides the flagged ones; the rest is grouped. */
export const CHART_MAX_CATEGORIES = 7;

/** Slug of the grouped rest in chart series ("Overig / zonder categorie"). */
export const CHART_REST_SLUG = '_rest';

/**
 * The chart input: the trend months, the flagged categories, the largest other
 * named categories up to CHART_MAX_CATEGORIES in all, and the rest (other categories, 'overig'
 * and uncategorised) as one series. Series are in order of size, largest at the bottom.
 */
export function chartInputFor(
  months: readonly string[],
  categoryTrend: readonly CategoryTrend[],
  lang: 'nl' | 'en',
  title: string,
  flagged: ReadonlySet<string> = new Set(),
): SpendChartInput {
  const named = categoryTrend.filter((t) => t.slug !== null && t.slug !== OTHER_SLUG);
  const room = Math.max(0, CHART_MAX_CATEGORIES - named.filter((t) => flagged.has(t.slug as string)).length);
  const unflagged = named.filter((t) => !flagged.has(t.slug as string)).slice(0, room);
  const own = named.filter((t) => flagged.has(t.slug as string) || unflagged.includes(t));
  const rest = categoryTrend.filter((t) => !own.includes(t));
  const series: SpendChartInput['series'] = own.map((t) => ({
    slug: t.slug as string,
    label: lang === 'nl' ? t.labelNl : t.labelEn,
    cents: [...t.cents],
    ...(flagged.has(t.slug as string) ? { flagged: true } : {}),
  }));
  if (rest.length > 0) {
    series.push({
      slug: CHART_REST_SLUG,
      label: lang === 'nl' ? 'Overig / zonder categorie' : 'Other / uncategorised',
      cents: months.map((_, i) => rest.reduce((s, t) => s + (t.cents[i] ?? 0), 0)),
      color: REST_COLOR,
    });
  }
  return { months: [...months], series, title };
}

/** The categories the digest flags for its primary section: the team's findings, or the shared ones. */
export function flaggedSlugs(d: Digest): Set<string> {
  const s = primarySection(d);
  return new Set(s.scope === 'team' ? s.findings.map((f) => f.slug) : d.shared.map((g) => g.slug));
}

/** The chart of the digest's primary section, titled in Dutch (or English). */
export function digestChartInput(d: Digest, lang: 'nl' | 'en' = 'nl'): SpendChartInput {
  const s = primarySection(d);
  const first = d.trend[0]?.month ?? d.month;
  const name = s.scope === 'all' && lang === 'en' ? 'All teams' : s.name;
  const title =
    lang === 'nl'
      ? `Uitgaven per categorie, ${monthShortNl(first)} t/m ${monthShortNl(d.month)} — ${name}`
      : `Spend by category, ${monthShortNl(first)} to ${monthShortNl(d.month)} — ${name}`;
  return chartInputFor(d.trend.map((t) => t.month), d.categoryTrend, lang, title, flaggedSlugs(d));
}
