// What a manager types after `signaal` (and `signalen`), read into a command. Pure: the use case
// (src/app/signals.ts) checks who asks and stores it.
//
//   signaal                                  → how it works
//   signaal nieuw mondzorg                   → a signal for a category (its code or its name)
//   signaal nieuw "werkkleding voor starters" → a signal for a theme (quoted, or: nieuw thema …)
//   signaal 3                                → one signal, with its effect
//   signaal 3 besproken <met wie> [datum]    → discussed (today when no date)
//   signaal 3 maatregel <datum> <eigenaar>: <wat> → the structural solution
//   signaal 3 geevalueerd <conclusie>        → evaluated
//   signaal 3 sluiten [notitie]              → closed
//   signaal 3 geen-maatregel <reden>         → no measure possible
//   signalen [alle]                          → the open signals (alle: closed ones too)
import type { SignalStepInput } from './signal.js';

export type SignalSubject = { category: string } | { theme: string };

export type SignalCommand =
  | { kind: 'usage' }
  | { kind: 'list'; all: boolean }
  | { kind: 'new'; subject: SignalSubject }
  | { kind: 'show'; id: number }
  | { kind: 'move'; id: number; input: SignalStepInput }
  /** Not understood: `id` when a signal number was read, `word` what did not fit. */
  | { kind: 'bad'; id: number | null; word: string };

const STEP_WORDS: Readonly<Record<string, SignalStepInput['step']>> = {
  besproken: 'discuss',
  bespreken: 'discuss',
  discussed: 'discuss',
  discuss: 'discuss',
  maatregel: 'measure',
  measure: 'measure',
  geevalueerd: 'evaluate',
  'geëvalueerd': 'evaluate',
  evalueren: 'evaluate',
  evaluatie: 'evaluate',
  evaluated: 'evaluate',
  evaluate: 'evaluate',
  sluiten: 'close',
  sluit: 'close',
  gesloten: 'close',
  close: 'close',
  'geen-maatregel': 'no_measure',
  geenmaatregel: 'no_measure',
  'no-measure': 'no_measure',
};

const QUOTED = /^["“”„'‘’](.*)["“”'‘’]$/su;

/** "3", "#3", "S3": a signal number; null otherwise. */
export function parseSignalId(word: string): number | null {
  const m = /^[#sS]?(\d{1,9})$/.exec(word.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n : null;
}

/** The subject of `signaal nieuw …`: a quoted text or `thema …` is a theme, anything else names a category. */
export function parseSubject(text: string): SignalSubject | null {
  const t = text.trim();
  if (t === '') return null;
  const quoted = QUOTED.exec(t);
  if (quoted) return { theme: quoted[1] ?? '' };
  const theme = /^(?:thema|theme)\s+(.+)$/isu.exec(t);
  if (theme) return { theme: theme[1] ?? '' };
  return { category: t };
}

/** `signaal …` after the word `signaal`; `today` (YYYY-MM-DD) is the date of a discussion without one. */
export function parseSignalCommand(arg: string, today: string): SignalCommand {
  const text = arg.trim();
  const [first = '', ...rest] = text.split(/\s+/);
  const word = first.toLowerCase();
  if (word === '' || word === 'help' || word === 'hulp' || word === 'uitleg') return { kind: 'usage' };
  if (word === 'lijst' || word === 'list' || word === 'alle' || word === 'all') return { kind: 'list', all: word === 'alle' || word === 'all' };
  if (word === 'nieuw' || word === 'new') {
    const subject = parseSubject(text.slice(first.length));
    return subject ? { kind: 'new', subject } : { kind: 'bad', id: null, word: first };
  }
  const id = parseSignalId(first);
  if (id === null) return { kind: 'bad', id: null, word: first };
  if (rest.length === 0) return { kind: 'show', id };
  let stepWord = (rest[0] ?? '').toLowerCase();
  let words = rest.slice(1);
  // "geen maatregel <reden>" in two words.
  if (stepWord === 'geen' && (words[0] ?? '').toLowerCase() === 'maatregel') {
    stepWord = 'geen-maatregel';
    words = words.slice(1);
  }
  const step = STEP_WORDS[stepWord];
  if (!step) return { kind: 'bad', id, word: rest[0] ?? '' };
  // The words after the step word (the use case collapses spacing anyway).
  const after = words.join(' ');
  switch (step) {
    case 'discuss': {
      const last = words.at(-1) ?? '';
      const firstWord = words[0] ?? '';
      if (words.length > 1 && isDateLike(last)) return move(id, { step, with: words.slice(0, -1).join(' '), on: last });
      if (words.length > 1 && isDateLike(firstWord)) return move(id, { step, with: words.slice(1).join(' '), on: firstWord });
      return move(id, { step, with: after, on: today });
    }
    case 'measure': {
      const [date = '', ...more] = words;
      const body = more.join(' ');
      const colon = body.indexOf(':');
      return colon < 0 ? move(id, { step, date, owner: '', text: body }) : move(id, { step, date, owner: body.slice(0, colon), text: body.slice(colon + 1) });
    }
    case 'evaluate':
      return move(id, { step, text: after });
    case 'close':
      return move(id, { step, note: after });
    case 'no_measure':
      return move(id, { step, reason: after });
  }
}

const move = (id: number, input: SignalStepInput): SignalCommand => ({ kind: 'move', id, input });

/** Looks like a date (the use case checks that it is a real one). */
const isDateLike = (w: string): boolean => /^\d{4}-\d{1,2}-\d{1,2}$/.test(w) || /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(w);
