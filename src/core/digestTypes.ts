// The digest's data: what the store gives (DigestInput) and what the digest is (Digest), plain data.
import type { Cents } from './money.js';
import { DEFAULT_FINDINGS, findingMonths, type Finding, type FindingSettings } from './recurrence.js';

export type ClosedStatus = 'alternative' | 'withdrawn' | 'expired';

export interface DigestTeamRow {
  teamId: number;
  name: string;
  /** Teams of one municipality share this key (see the store); '' when unknown. */
  municipality?: string;
  /** When the team started (epoch ms); months before it are no history. Unknown: as old as the data. */
  createdAtMs?: number;
  /** The team's budget for the calendar year of the reported month; null when none was set. */
  annualBudgetCents: number | null;
  /** open + on_hold + approved + paid, created this calendar year up to the end of the month. */
  usedThisYearCents: number;
}

/** A team that is not shown but belongs to the municipality of one that is: compared with. */
export interface PeerTeamRow {
  teamId: number;
  municipality: string;
  createdAtMs?: number;
}

export interface SpendRow {
  teamId: number;
  month: string;
  categorySlug: string | null;
  count: number;
  totalCents: number;
}

export interface DigestInput {
  /** 'YYYY-MM', the reported month (Europe/Amsterdam). */
  month: string;
  /** When the digest is made; the pro-rata budget runs up to min(asOf, end of month). */
  asOf: Date;
  /** The teams shown, in the order shown. */
  teams: readonly DigestTeamRow[];
  /** The other teams of their municipalities (their spend rows are in `spend`). */
  peers?: readonly PeerTeamRow[];
  /** approved + paid, by approval month, for the reported month and the digestMonths() before it. */
  spend: readonly SpendRow[];
  /** Closed in the month. */
  closed: readonly { teamId: number; status: ClosedStatus; count: number }[];
  /** On hold now. */
  onHold: readonly { teamId: number; count: number }[];
  /** Awaiting approval now. */
  open: readonly { teamId: number; count: number; totalCents: number }[];
  /** Request → approval, one row per approval in the month. */
  approvalDurationsMs: readonly { teamId: number; ms: number }[];
  categories: readonly { slug: string; labelNl: string; labelEn: string }[];
  /** Requests approved in the month that had a suggested category, and how many kept it. Optional. */
  suggestions?: readonly { teamId: number; withSuggestion: number; kept: number }[];
}

/** How many months the trend (and the chart) covers, the reported month included. */
export const TREND_MONTHS = 6;

/** How many months of spend the digest needs (trend and findings), the reported month included. */
export function digestMonths(settings: FindingSettings = DEFAULT_FINDINGS): number {
  return Math.max(TREND_MONTHS, findingMonths(settings));
}

export interface CategoryLine {
  /** null: uncategorised. */
  slug: string | null;
  labelNl: string;
  labelEn: string;
  count: number;
  totalCents: Cents;
  /** Share of the month's approved total, in percent with one decimal; the shares add up to 100.0. */
  sharePct: number;
}

/** A finding with the category's labels, and how many other teams of the municipality share it. */
export type DigestFinding = Finding & { labelNl: string; labelEn: string; alsoInTeams: number };

/** The same finding in several teams of one municipality: reported once in the overall section. */
export interface SharedFinding {
  kind: Finding['kind'];
  slug: string;
  labelNl: string;
  labelEn: string;
  municipality: string;
  /** The teams shown that have it, in the digest's order, each with its own figures. */
  teams: { teamId: number; name: string; finding: DigestFinding }[];
}

export interface TrendPoint {
  month: string;
  count: number;
  totalCents: Cents;
}

export interface CategoryTrend {
  slug: string | null;
  labelNl: string;
  labelEn: string;
  /** Per month of `Digest.trend`, oldest first. */
  counts: number[];
  cents: Cents[];
}

export interface BudgetFigures {
  /** Used this calendar year (up to the end of the month) by all teams in the section. */
  usedCents: Cents;
  /** Sum of the annual budgets that were set; null when no team in the section has one. */
  annualCents: Cents | null;
  /** Used by the teams that have a budget: the figure the percentages compare. */
  budgetedUsedCents: Cents;
  /** Teams in the section without an annual budget (left out of the percentages). */
  teamsWithoutBudget: number;
  /** Elapsed fraction of the calendar year at min(asOf, end of month), 0..1. */
  elapsedFraction: number;
  /** annual × elapsed fraction, rounded to whole cents. */
  proRataCents: Cents | null;
  /** budgetedUsed / annual × 100, one decimal. */
  usedPctOfAnnual: number | null;
  /** budgetedUsed / (annual × elapsed fraction) × 100, one decimal: 100 is exactly on pace. */
  usedPctOfProRata: number | null;
}

export interface OutcomeFigures {
  approved: number;
  alternative: number;
  withdrawn: number;
  expired: number;
  /** On hold now. */
  onHold: number;
  /** alternative / (alternative + approved) × 100, one decimal; null when both are 0. */
  alternativeSharePct: number | null;
}

export interface ApprovalTime {
  /** Number of approvals measured. */
  count: number;
  /** Nearest-rank median and 90th percentile; null without approvals. */
  medianMs: number | null;
  p90Ms: number | null;
  /** The same in hours, one decimal. */
  medianHours: number | null;
  p90Hours: number | null;
}

export interface SuggestionFigures {
  withSuggestion: number;
  kept: number;
  /** kept / withSuggestion × 100, one decimal; null without suggestions. */
  keptPct: number | null;
}

export interface DigestSection {
  scope: 'team' | 'all';
  /** null for the overall section. */
  teamId: number | null;
  /** Team name, or 'Alle teams'. */
  name: string;
  /** No approved spends and no requests closed in the month. */
  isEmpty: boolean;
  approved: { count: number; totalCents: Cents };
  /** The month's categories, largest total first (ties: by count, then Dutch label). */
  categories: CategoryLine[];
  /** The team's findings, strongest first; for the overall section see Digest.shared. */
  findings: DigestFinding[];
  budget: BudgetFigures;
  outcomes: OutcomeFigures;
  approvalTime: ApprovalTime;
  /** Awaiting approval now. */
  open: { count: number; totalCents: Cents };
  /** Spends in the month without a category or in 'overig': a hint to improve the category list. */
  uncategorised: { count: number; totalCents: Cents };
  suggestion: SuggestionFigures;
}

export interface Digest {
  month: string;
  asOf: Date;
  /** overall.isEmpty: no approved spends and no closed requests in the month, in any team. */
  isEmpty: boolean;
  settings: FindingSettings;
  /** All teams together ('Alle teams'). */
  overall: DigestSection;
  /** One section per team, in the order of `input.teams` (teams only seen in other rows follow by id). */
  teams: DigestSection[];
  /** Findings shared by at least settings.minTeamsShared teams shown of one municipality. */
  shared: SharedFinding[];
  /** How many municipalities the teams shown belong to. */
  municipalities: number;
  /**
   * The primary section's spend over the previous TREND_MONTHS-1 months and this one, oldest first,
   * in all and per category (every category with spend in any of them, largest first): the text's
   * trend and the chart. Made for that section only: only it is shown (at national scale, trends
   * for every team cost as much as the rest of the digest).
   */
  trend: TrendPoint[];
  categoryTrend: CategoryTrend[];
}

export const OVERALL_NAME_NL = 'Alle teams';

/** The section the chart and the full text are about: the only team, or all teams together. */
export function primarySection(d: Digest): DigestSection {
  return d.teams.length === 1 && d.teams[0] ? d.teams[0] : d.overall;
}
