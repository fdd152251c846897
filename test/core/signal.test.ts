// The signal lifecycle as a state machine, the step checks, what `signaal …` means, and the pure
// effect computation.
import { describe, expect, it } from 'vitest';
import { checkStep, moveSignal, nextSteps, parseCalendarDate, scopeOfTeam, SIGNAL_STATUSES, SIGNAL_STEPS, type SignalStatus } from '../../src/core/signal.js';
import { parseSignalCommand } from '../../src/core/signalCommand.js';
import { effectMonths, medianCents, signalEffect } from '../../src/core/signalEffect.js';

describe('lifecycle', () => {
  it('allows exactly these moves', () => {
    const allowed: string[] = [];
    for (const from of SIGNAL_STATUSES) for (const step of SIGNAL_STEPS) {
      const r = moveSignal(from, step);
      if (r.ok) allowed.push(`${from} -${step}-> ${r.value}`);
    }
    expect(allowed).toEqual([
      'signalled -discuss-> discussed',
      'signalled -no_measure-> no_measure',
      'discussed -discuss-> discussed',
      'discussed -measure-> measure',
      'discussed -no_measure-> no_measure',
      'measure -evaluate-> evaluated',
      'evaluated -close-> closed',
    ]);
  });

  it('every status can be reached and the ends offer nothing further', () => {
    const reached = new Set<SignalStatus>(['signalled']);
    for (let i = 0; i < 5; i++) for (const s of [...reached]) for (const step of nextSteps(s)) reached.add((moveSignal(s, step) as { value: SignalStatus }).value);
    expect([...reached].sort()).toEqual([...SIGNAL_STATUSES].sort());
    expect(nextSteps('closed')).toEqual([]);
    expect(nextSteps('no_measure')).toEqual([]);
  });
});

describe('step details', () => {
  it('dates: ISO or Dutch order, real days only', () => {
    expect(parseCalendarDate('2026-11-20')).toBe('2026-11-20');
    expect(parseCalendarDate('20-11-2026')).toBe('2026-11-20');
    expect(parseCalendarDate('1/2/2027')).toBe('2027-02-01');
    expect(parseCalendarDate('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2026-13-01', '31-04-2026', '20-11-26', 'morgen', '1999-01-01']) expect(parseCalendarDate(bad)).toBeNull();
  });

  it('cleans text and refuses what is missing, too long or holds a BSN', () => {
    expect(checkStep({ step: 'measure', date: '2027-01-01', owner: '  wijk  coördinator ', text: 'korting\nvoor minima' })).toEqual({
      ok: true,
      value: { step: 'measure', date: '2027-01-01', owner: 'wijk coördinator', text: 'korting voor minima' },
    });
    expect(checkStep({ step: 'discuss', with: '', on: '2026-11-20' })).toEqual({ ok: false, error: { field: 'with', code: 'required' } });
    expect(checkStep({ step: 'evaluate', text: 'x'.repeat(301) })).toEqual({ ok: false, error: { field: 'text', code: 'too_long', max: 300 } });
    expect(checkStep({ step: 'no_measure', reason: 'zie zaak 123456782' })).toEqual({ ok: false, error: { field: 'reason', code: 'bsn' } });
    expect(checkStep({ step: 'close', note: '' })).toEqual({ ok: true, value: { step: 'close', note: '' } });
  });

  it('a Teams channel belongs to its tenant; a Slack channel to its workspace', () => {
    expect(scopeOfTeam({ platform: 'teams', workspaceId: '19:team', tenantId: 'tenant-1' })).toEqual({ platform: 'teams', workspaceId: 'tenant-1' });
    expect(scopeOfTeam({ platform: 'teams', workspaceId: '19:team', tenantId: null })).toEqual({ platform: 'teams', workspaceId: '19:team' });
    expect(scopeOfTeam({ platform: 'slack', workspaceId: 'T1', tenantId: 'x' })).toEqual({ platform: 'slack', workspaceId: 'T1' });
  });
});

describe('`signaal …`', () => {
  const p = (s: string) => parseSignalCommand(s, '2026-11-10');
  it('reads each form', () => {
    expect(p('')).toEqual({ kind: 'usage' });
    expect(p('help')).toEqual({ kind: 'usage' });
    expect(p('nieuw mondzorg')).toEqual({ kind: 'new', subject: { category: 'mondzorg' } });
    expect(p('nieuw Mondzorg / tandarts')).toEqual({ kind: 'new', subject: { category: 'Mondzorg / tandarts' } });
    expect(p('nieuw "werkkleding voor starters"')).toEqual({ kind: 'new', subject: { theme: 'werkkleding voor starters' } });
    expect(p('nieuw “werkkleding voor starters”')).toEqual({ kind: 'new', subject: { theme: 'werkkleding voor starters' } });
    expect(p('nieuw thema werkkleding voor starters')).toEqual({ kind: 'new', subject: { theme: 'werkkleding voor starters' } });
    expect(p('3')).toEqual({ kind: 'show', id: 3 });
    expect(p('S3')).toEqual({ kind: 'show', id: 3 });
    expect(p('lijst')).toEqual({ kind: 'list', all: false });
    expect(p('3 besproken tandartspraktijken Noord 2026-11-20')).toEqual({ kind: 'move', id: 3, input: { step: 'discuss', with: 'tandartspraktijken Noord', on: '2026-11-20' } });
    expect(p('3 besproken 20-11-2026 GGD')).toEqual({ kind: 'move', id: 3, input: { step: 'discuss', with: 'GGD', on: '20-11-2026' } });
    expect(p('3 besproken GGD')).toEqual({ kind: 'move', id: 3, input: { step: 'discuss', with: 'GGD', on: '2026-11-10' } });
    expect(p('3 maatregel 2027-01-01 wijkcoördinator: korting voor minima: bij De Kies')).toEqual({
      kind: 'move',
      id: 3,
      input: { step: 'measure', date: '2027-01-01', owner: 'wijkcoördinator', text: ' korting voor minima: bij De Kies' },
    });
    expect(p('#3 geëvalueerd minder kosten')).toEqual({ kind: 'move', id: 3, input: { step: 'evaluate', text: 'minder kosten' } });
    expect(p('3 sluiten')).toEqual({ kind: 'move', id: 3, input: { step: 'close', note: '' } });
    expect(p('3 geen-maatregel landelijke regel')).toEqual({ kind: 'move', id: 3, input: { step: 'no_measure', reason: 'landelijke regel' } });
    expect(p('3 geen maatregel landelijke regel')).toEqual({ kind: 'move', id: 3, input: { step: 'no_measure', reason: 'landelijke regel' } });
  });

  it('says what it did not understand', () => {
    expect(p('mondzorg')).toEqual({ kind: 'bad', id: null, word: 'mondzorg' });
    expect(p('3 opgelost')).toEqual({ kind: 'bad', id: 3, word: 'opgelost' });
    expect(p('nieuw')).toEqual({ kind: 'bad', id: null, word: 'nieuw' });
    expect(p('0')).toEqual({ kind: 'bad', id: null, word: '0' });
  });
});

describe('effect', () => {
  it('compares the 6 full months before with the 6 after', () => {
    expect(effectMonths('2027-01-01')).toEqual({
      before: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
      after: ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'],
    });
    expect(effectMonths('2027-01-02').after[0]).toBe('2027-02');
    expect(effectMonths('2027-01-02').before.at(-1)).toBe('2026-12');
  });

  it('medians in whole cents', () => {
    expect(medianCents([])).toBeNull();
    expect(medianCents([300, 100, 200])).toBe(200);
    expect(medianCents([100, 200])).toBe(150);
    expect(medianCents([100, 201])).toBe(151);
  });

  it('verdicts on the averages shown (one decimal), Europe/Amsterdam months', () => {
    const at = (iso: string) => new Date(iso);
    // Before: 1 a month for 6 months; after: 1 in each of the first two months → same.
    const before = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'].map((m) => ({ at: at(`${m}-15T10:00:00Z`), amountCents: 1000 }));
    const same = signalEffect('2027-01-01', '2027-02', [...before, { at: at('2027-01-15T10:00:00Z'), amountCents: 500 }, { at: at('2027-02-15T10:00:00Z'), amountCents: 500 }]);
    expect(same.verdict).toBe('same');
    expect(same.after).toMatchObject({ count: 2, averagePerMonth: 1, medianCents: 500 });
    // 31 January 23:30 UTC is 1 February in Amsterdam.
    const rose = signalEffect('2027-01-01', '2027-01', [...before, { at: at('2027-01-10T10:00:00Z'), amountCents: 1 }, { at: at('2027-01-11T10:00:00Z'), amountCents: 1 }, { at: at('2027-01-31T23:30:00Z'), amountCents: 1 }]);
    expect(rose.after).toMatchObject({ count: 2, averagePerMonth: 2 });
    expect(rose.verdict).toBe('rose');
    expect(signalEffect('2027-01-01', '2026-12', before).verdict).toBe('too_early');
  });
});
