// A signal: a recurring category (or a theme) that a manager takes up, from noticing it to a
// structural solution whose effect is looked at. The lifecycle as an explicit state machine:
//
//   signalled ──discuss──▶ discussed ──measure──▶ measure ──evaluate──▶ evaluated ──close──▶ closed
//   signalled | discussed ──no_measure──▶ no_measure        (with the reason)
//   discussed ──discuss──▶ discussed                         (another conversation)
//
// A signal holds no person's data: a category or a theme, figures, and text about the measure.
import { containsBsn } from './privacy.js';
import { err, ok, type Result } from './result.js';

export const SIGNAL_STATUSES = ['signalled', 'discussed', 'measure', 'evaluated', 'closed', 'no_measure'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export const SIGNAL_STEPS = ['discuss', 'measure', 'evaluate', 'close', 'no_measure'] as const;
export type SignalStep = (typeof SIGNAL_STEPS)[number];

const TRANSITIONS: Readonly<Record<SignalStep, Partial<Record<SignalStatus, SignalStatus>>>> = {
  discuss: { signalled: 'discussed', discussed: 'discussed' },
  measure: { discussed: 'measure' },
  evaluate: { measure: 'evaluated' },
  close: { evaluated: 'closed' },
  no_measure: { signalled: 'no_measure', discussed: 'no_measure' },
};

export type SignalTransitionError = 'SIGNAL.NOT_ALLOWED_IN_STATUS';

/** The status after `step`, or why the step is not allowed now. */
export function moveSignal(from: SignalStatus, step: SignalStep): Result<SignalStatus, SignalTransitionError> {
  const to = TRANSITIONS[step][from];
  return to ? ok(to) : err('SIGNAL.NOT_ALLOWED_IN_STATUS');
}

/** The steps that can follow `status` (what the answer offers next). */
export function nextSteps(status: SignalStatus): SignalStep[] {
  return SIGNAL_STEPS.filter((s) => TRANSITIONS[s][status] !== undefined);
}

/** Still being worked on: shown in the overview and the digest. */
export const isOpenSignal = (s: SignalStatus): boolean => s !== 'closed' && s !== 'no_measure';

export const OPEN_SIGNAL_STATUSES: readonly SignalStatus[] = SIGNAL_STATUSES.filter(isOpenSignal);

/** A measure's date is known from this status on: its effect can be shown. */
export const hasMeasure = (s: SignalStatus): boolean => s === 'measure' || s === 'evaluated' || s === 'closed';

/** Signal numbers as people see and type them. */
export const signalLabel = (id: number): string => `S${id}`;

export const SIGNAL_LIMITS = {
  theme: 80,
  discussedWith: 120,
  owner: 80,
  measure: 300,
  evaluation: 300,
  reason: 300,
} as const;

/** A theme or category is at least this long (one letter is no theme). */
export const SIGNAL_THEME_MIN = 3;

/** The details of one step, as typed. */
export type SignalStepInput =
  | { step: 'discuss'; with: string; on: string }
  | { step: 'measure'; text: string; owner: string; date: string }
  | { step: 'evaluate'; text: string }
  | { step: 'close'; note: string }
  | { step: 'no_measure'; reason: string };

export type SignalField = 'with' | 'on' | 'text' | 'owner' | 'date' | 'note' | 'reason' | 'theme';

export type SignalFieldError =
  | { field: SignalField; code: 'required' }
  | { field: SignalField; code: 'too_long'; max: number }
  | { field: SignalField; code: 'bsn' }
  | { field: SignalField; code: 'date' };

/** One line of text: spaces collapsed, trimmed. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Check one free-text field: required (unless optional), length, no BSN. */
export function checkText(field: SignalField, raw: string, max: number, optional = false): Result<string, SignalFieldError> {
  const v = oneLine(raw);
  if (v === '') return optional ? ok('') : err({ field, code: 'required' });
  if (v.length > max) return err({ field, code: 'too_long', max });
  if (containsBsn(v)) return err({ field, code: 'bsn' });
  return ok(v);
}

/**
 * A calendar date as people type it: 2026-11-20, 20-11-2026 or 20/11/2026 (a real day between
 * 2000 and 2099), as YYYY-MM-DD; null otherwise.
 */
export function parseCalendarDate(s: string): string | null {
  const t = s.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Check a step's details: every field cleaned, or the first field that is wrong. */
export function checkStep(input: SignalStepInput): Result<SignalStepInput, SignalFieldError> {
  switch (input.step) {
    case 'discuss': {
      const withWhom = checkText('with', input.with, SIGNAL_LIMITS.discussedWith);
      if (!withWhom.ok) return withWhom;
      const on = parseCalendarDate(input.on);
      if (on === null) return err({ field: 'on', code: 'date' });
      return ok({ step: 'discuss', with: withWhom.value, on });
    }
    case 'measure': {
      const date = parseCalendarDate(input.date);
      if (date === null) return err({ field: 'date', code: 'date' });
      const owner = checkText('owner', input.owner, SIGNAL_LIMITS.owner);
      if (!owner.ok) return owner;
      const text = checkText('text', input.text, SIGNAL_LIMITS.measure);
      if (!text.ok) return text;
      return ok({ step: 'measure', date, owner: owner.value, text: text.value });
    }
    case 'evaluate': {
      const text = checkText('text', input.text, SIGNAL_LIMITS.evaluation);
      return text.ok ? ok({ step: 'evaluate', text: text.value }) : text;
    }
    case 'close': {
      const note = checkText('note', input.note, SIGNAL_LIMITS.reason, true);
      return note.ok ? ok({ step: 'close', note: note.value }) : note;
    }
    case 'no_measure': {
      const reason = checkText('reason', input.reason, SIGNAL_LIMITS.reason);
      return reason.ok ? ok({ step: 'no_measure', reason: reason.value }) : reason;
    }
  }
}

/** Where a signal belongs: a Slack workspace, or a Microsoft Teams tenant (a municipality). */
export interface SignalScope {
  platform: 'slack' | 'teams' | 'web';
  workspaceId: string;
}

/** A team's scope: Teams channels of one tenant belong together even across Teams teams. */
export function scopeOfTeam(team: { platform: SignalScope['platform']; workspaceId: string; tenantId: string | null }): SignalScope {
  return { platform: team.platform, workspaceId: team.platform === 'teams' && team.tenantId ? team.tenantId : team.workspaceId };
}

export const sameScope = (a: SignalScope, b: SignalScope): boolean => a.platform === b.platform && a.workspaceId === b.workspaceId;

/** A stable key for grouping teams by scope. */
export const scopeKey = (s: SignalScope): string => `${s.platform}:${s.workspaceId}`;
