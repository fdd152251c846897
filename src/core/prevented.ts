// What a spend (or the alternative found instead) prevented, recorded with one click: a fixed list,
// never free text about a person. The digest counts them per category; an estimate of avoided
// costs appears only for outcomes the municipality gave a unit cost itself (with its source).

export const PREVENTED_OUTCOMES = ['eviction', 'utility_cutoff', 'job', 'debt_settlement', 'school_dropout', 'health', 'other', 'unknown'] as const;
export type PreventedOutcome = (typeof PREVENTED_OUTCOMES)[number];

export const isPreventedOutcome = (s: unknown): s is PreventedOutcome => typeof s === 'string' && (PREVENTED_OUTCOMES as readonly string[]).includes(s);

/** The request statuses after which the outcome can be recorded: paid, or closed with an alternative. */
export const PREVENTED_STATUSES = ['paid', 'alternative'] as const;

export const canRecordPrevented = (status: string): boolean => (PREVENTED_STATUSES as readonly string[]).includes(status);

/** A unit cost the municipality set for one outcome, with where the figure comes from. */
export interface UnitCost {
  outcome: PreventedOutcome;
  cents: number;
  source: string;
}

/** The most a unit cost may be (EUR 10 million): a typo, not an estimate, beyond it. */
export const UNIT_COST_MAX_CENTS = 1_000_000_000;
export const UNIT_COST_SOURCE_MAX = 200;
