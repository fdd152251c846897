import { describe, expect, it } from 'vitest';
import {
  addMonthsKey,
  addWorkingDays,
  atLocalTime,
  firstWorkingDayOfMonth,
  formatDateNl,
  formatDateTimeNl,
  isDutchPublicHoliday,
  isoDate,
  isWorkingDay,
  monthKey,
  monthLabelEn,
  monthLabelNl,
  monthRange,
  parseMonthKey,
  yearOf,
  yearRange,
  ZONE,
} from '../../src/core/time.js';

// DST in Amsterdam: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
const at = (iso: string): Date => new Date(iso);
const iso = (d: Date): string => d.toISOString();

it('ZONE', () => {
  expect(ZONE).toBe('Europe/Amsterdam');
});

describe('monthKey', () => {
  it.each([
    ['2026-10-31T23:30:00Z', '2026-11'], // 00:30 CET on 1 Nov
    ['2026-10-31T22:59:59.999Z', '2026-10'],
    ['2026-06-30T22:30:00Z', '2026-07'], // 00:30 CEST on 1 Jul
    ['2026-06-30T21:59:00Z', '2026-06'],
    ['2026-12-31T23:00:00Z', '2027-01'],
    ['2026-12-31T22:59:59.999Z', '2026-12'],
    ['2026-03-29T01:30:00Z', '2026-03'], // just after the spring switch
  ])('%s → %s', (instant, key) => {
    expect(monthKey(at(instant))).toBe(key);
  });
});

describe('parseMonthKey', () => {
  it.each<[string, string | null]>([
    ['2026-10', '2026-10'],
    ['2026-01', '2026-01'],
    ['2026-12', '2026-12'],
    ['2026-13', null],
    ['2026-00', null],
    ['26-10', null],
    ['2026-1', null],
    ['oktober', null],
    ['2026/10', null],
    [' 2026-10', null],
    ['2026-10-01', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseMonthKey(input)).toBe(expected);
  });
});

describe('monthRange', () => {
  it.each([
    ['2026-10', '2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'], // CEST start, CET end
    ['2026-03', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'], // CET start, CEST end
    ['2026-07', '2026-06-30T22:00:00.000Z', '2026-07-31T22:00:00.000Z'],
    ['2026-12', '2026-11-30T23:00:00.000Z', '2026-12-31T23:00:00.000Z'],
    ['2027-01', '2026-12-31T23:00:00.000Z', '2027-01-31T23:00:00.000Z'],
    ['2028-02', '2028-01-31T23:00:00.000Z', '2028-02-29T23:00:00.000Z'], // leap year
  ])('%s → [%s, %s)', (key, start, end) => {
    const r = monthRange(key);
    expect([iso(r.start), iso(r.end)]).toEqual([start, end]);
  });
  it('agrees with monthKey at both edges', () => {
    const r = monthRange('2026-10');
    expect(monthKey(r.start)).toBe('2026-10');
    expect(monthKey(new Date(r.end.getTime() - 1))).toBe('2026-10');
    expect(monthKey(r.end)).toBe('2026-11');
  });
  it('throws on an invalid key', () => {
    expect(() => monthRange('2026-13')).toThrow(RangeError);
  });
});

describe('addMonthsKey', () => {
  it.each<[string, number, string]>([
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-10', 0, '2026-10'],
    ['2026-10', -22, '2024-12'],
    ['2026-10', 27, '2029-01'],
    ['2026-10', -10, '2025-12'],
    ['2026-10', 12, '2027-10'],
  ])('(%s, %s) → %s', (key, n, expected) => {
    expect(addMonthsKey(key, n)).toBe(expected);
  });
  it('throws on a bad key or fractional n', () => {
    expect(() => addMonthsKey('oktober', 1)).toThrow(RangeError);
    expect(() => addMonthsKey('2026-10', 1.5)).toThrow(RangeError);
  });
});

describe('yearOf / yearRange', () => {
  it.each([
    ['2026-12-31T23:30:00Z', 2027],
    ['2026-12-31T22:59:00Z', 2026],
    ['2026-07-01T00:00:00Z', 2026],
  ])('yearOf(%s) = %s', (instant, year) => {
    expect(yearOf(at(instant))).toBe(year);
  });
  it('yearRange(2026)', () => {
    const r = yearRange(2026);
    expect([iso(r.start), iso(r.end)]).toEqual(['2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z']);
  });
});

describe('isDutchPublicHoliday', () => {
  // Instants at 10:00Z are 11:00 or 12:00 in Amsterdam, the same calendar day.
  it.each([
    // 2026: Easter 5 April
    ['2026-01-01', true, 'Nieuwjaarsdag'],
    ['2026-04-03', false, 'Goede Vrijdag is not a general day off'],
    ['2026-04-05', true, 'Eerste Paasdag'],
    ['2026-04-06', true, 'Tweede Paasdag'],
    ['2026-04-07', false, 'Tuesday after Easter'],
    ['2026-04-27', true, 'Koningsdag (Monday)'],
    ['2026-04-26', false, 'day before Koningsdag'],
    ['2026-05-05', false, 'Bevrijdingsdag, not a lustrum year'],
    ['2026-05-14', true, 'Hemelvaartsdag'],
    ['2026-05-24', true, 'Eerste Pinksterdag'],
    ['2026-05-25', true, 'Tweede Pinksterdag'],
    ['2026-12-24', false, 'Kerstavond'],
    ['2026-12-25', true, 'Eerste Kerstdag'],
    ['2026-12-26', true, 'Tweede Kerstdag'],
    ['2026-12-31', false, 'Oudejaarsdag'],
    // 2027: Easter 28 March
    ['2027-01-01', true, 'Nieuwjaarsdag'],
    ['2027-03-26', false, 'Goede Vrijdag'],
    ['2027-03-28', true, 'Eerste Paasdag'],
    ['2027-03-29', true, 'Tweede Paasdag'],
    ['2027-04-27', true, 'Koningsdag (Tuesday)'],
    ['2027-05-05', false, 'Bevrijdingsdag, not a lustrum year'],
    ['2027-05-06', true, 'Hemelvaartsdag'],
    ['2027-05-16', true, 'Eerste Pinksterdag'],
    ['2027-05-17', true, 'Tweede Pinksterdag'],
    ['2027-12-25', true, 'Eerste Kerstdag'],
    ['2027-12-26', true, 'Tweede Kerstdag'],
    // Koningsdag moves to 26 April when 27 April is a Sunday
    ['2025-04-26', true, 'Koningsdag 2025 (Saturday)'],
    ['2025-04-27', false, '27 April 2025 is a Sunday'],
    ['2031-04-26', true, 'Koningsdag 2031'],
    ['2031-04-27', false, '27 April 2031 is a Sunday'],
    // Bevrijdingsdag in lustrum years
    ['2025-05-05', true, 'Bevrijdingsdag 2025'],
    ['2030-05-05', true, 'Bevrijdingsdag 2030'],
    // Easter Monday over several years checks the Easter computation
    ['2019-04-22', true, 'Tweede Paasdag 2019'],
    ['2024-04-01', true, 'Tweede Paasdag 2024'],
    ['2025-04-21', true, 'Tweede Paasdag 2025'],
    ['2030-04-22', true, 'Tweede Paasdag 2030'],
    ['2038-04-26', true, 'Tweede Paasdag 2038 (late Easter)'],
    ['2024-05-09', true, 'Hemelvaartsdag 2024'],
    ['2025-05-29', true, 'Hemelvaartsdag 2025'],
    ['2025-06-09', true, 'Tweede Pinksterdag 2025'],
    ['2026-11-03', false, 'ordinary Tuesday'],
  ])('%s → %s (%s)', (day, expected) => {
    expect(isDutchPublicHoliday(at(`${day}T10:00:00Z`))).toBe(expected);
  });

  it.each([
    ['2026-12-31T23:30:00Z', true], // 00:30 on 1 Jan 2027 in Amsterdam
    ['2026-12-31T22:59:00Z', false], // 23:59 on 31 Dec
    ['2026-04-26T22:30:00Z', true], // 00:30 CEST on Koningsdag
    ['2026-04-27T22:30:00Z', false], // 00:30 CEST on 28 April
  ])('uses the Amsterdam calendar day: %s → %s', (instant, expected) => {
    expect(isDutchPublicHoliday(at(instant))).toBe(expected);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-11-02T10:00:00Z', true], // Monday
    ['2026-11-06T10:00:00Z', true], // Friday
    ['2026-10-31T10:00:00Z', false], // Saturday
    ['2026-11-01T10:00:00Z', false], // Sunday
    ['2026-04-27T10:00:00Z', false], // Koningsdag, Monday
    ['2026-04-03T10:00:00Z', true], // Goede Vrijdag is a working day
    ['2026-05-05T10:00:00Z', true], // Bevrijdingsdag 2026, Tuesday
    ['2025-05-05T10:00:00Z', false], // Bevrijdingsdag 2025, Monday
    ['2026-11-01T23:30:00Z', true], // Monday 00:30 in Amsterdam, Sunday in UTC
    ['2026-10-30T23:30:00Z', false], // Saturday 00:30 in Amsterdam, Friday in UTC
  ])('%s → %s', (instant, expected) => {
    expect(isWorkingDay(at(instant))).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each<[string, number, string, string]>([
    ['2026-11-06T09:00:00.000Z', 2, '2026-11-10T09:00:00.000Z', 'Fri 10:00 + 2 → Tue 10:00 across a weekend'],
    ['2026-11-02T09:00:00.000Z', 5, '2026-11-09T09:00:00.000Z', 'Mon + 5 → next Mon'],
    ['2026-11-02T09:00:00.000Z', 1, '2026-11-03T09:00:00.000Z', 'Mon + 1 → Tue'],
    ['2026-10-23T08:00:00.000Z', 2, '2026-10-27T09:00:00.000Z', 'Fri 10:00 CEST + 2 → Tue 10:00 CET (autumn DST)'],
    ['2026-03-27T09:00:00.000Z', 1, '2026-03-30T08:00:00.000Z', 'Fri 10:00 CET + 1 → Mon 10:00 CEST (spring DST)'],
    ['2026-04-03T08:00:00.000Z', 1, '2026-04-07T08:00:00.000Z', 'Goede Vrijdag + 1 skips Tweede Paasdag'],
    ['2026-04-24T07:00:00.000Z', 1, '2026-04-28T07:00:00.000Z', 'Fri + 1 skips weekend and Koningsdag'],
    ['2026-05-13T08:00:00.000Z', 1, '2026-05-15T08:00:00.000Z', 'Wed + 1 skips Hemelvaartsdag'],
    ['2026-12-24T14:00:00.000Z', 1, '2026-12-28T14:00:00.000Z', 'Thu + 1 skips Christmas and the weekend'],
    ['2026-12-31T11:00:00.000Z', 1, '2027-01-04T11:00:00.000Z', 'Thu 31 Dec + 1 skips Nieuwjaarsdag and weekend'],
    ['2026-10-31T11:00:00.000Z', 1, '2026-11-02T11:00:00.000Z', 'from a Saturday + 1 → Monday'],
    ['2026-11-06T23:30:00.000Z', 1, '2026-11-08T23:30:00.000Z', 'Sat 00:30 Amsterdam (Fri in UTC) + 1 → Mon 00:30'],
    ['2026-11-06T22:30:00.000Z', 1, '2026-11-09T22:30:00.000Z', 'Fri 23:30 + 1 → Mon 23:30'],
    ['2026-11-06T09:00:00.000Z', 0, '2026-11-06T09:00:00.000Z', 'n = 0 keeps the instant'],
    ['2026-10-31T11:00:00.000Z', 0, '2026-10-31T11:00:00.000Z', 'n = 0 keeps the instant on a weekend'],
    ['2026-11-09T09:00:00.000Z', -1, '2026-11-06T09:00:00.000Z', 'Mon - 1 → Fri'],
    ['2026-04-07T08:00:00.000Z', -1, '2026-04-03T08:00:00.000Z', 'Tue after Easter - 1 → Goede Vrijdag'],
    ['2026-10-27T09:00:00.000Z', -2, '2026-10-23T08:00:00.000Z', 'backwards across autumn DST'],
    ['2026-11-06T09:00:12.345Z', 1, '2026-11-09T09:00:12.345Z', 'keeps seconds and milliseconds'],
  ])('%s + %s → %s (%s)', (from, n, expected) => {
    expect(iso(addWorkingDays(at(from), n))).toBe(expected);
  });
  it('throws on fractional n', () => {
    expect(() => addWorkingDays(at('2026-11-06T09:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

describe('firstWorkingDayOfMonth', () => {
  it.each([
    ['2026-11', '2026-11-01T23:00:00.000Z'], // Sun 1 Nov → Mon 2 Nov 00:00 CET
    ['2027-01', '2027-01-03T23:00:00.000Z'], // Fri 1 Jan holiday, weekend → Mon 4 Jan
    ['2026-10', '2026-09-30T22:00:00.000Z'], // Thu 1 Oct 00:00 CEST
    ['2026-02', '2026-02-01T23:00:00.000Z'], // Sun 1 Feb → Mon 2 Feb
    ['2026-08', '2026-08-02T22:00:00.000Z'], // Sat 1 Aug → Mon 3 Aug 00:00 CEST
    ['2024-04', '2024-04-01T22:00:00.000Z'], // Mon 1 Apr 2024 is Tweede Paasdag → Tue 2 Apr
  ])('%s → %s', (key, expected) => {
    expect(iso(firstWorkingDayOfMonth(key))).toBe(expected);
  });
  it('throws on an invalid key', () => {
    expect(() => firstWorkingDayOfMonth('2026-1')).toThrow(RangeError);
  });
});

describe('atLocalTime', () => {
  it.each<[string, number, number | undefined, string]>([
    ['2026-11-03T12:00:00Z', 14, 5, '2026-11-03T13:05:00.000Z'],
    ['2026-07-01T12:00:00Z', 9, undefined, '2026-07-01T07:00:00.000Z'],
    ['2026-10-31T23:30:00Z', 9, 0, '2026-11-01T08:00:00.000Z'], // Amsterdam day is 1 Nov
    ['2026-11-03T23:59:00Z', 0, 0, '2026-11-03T23:00:00.000Z'], // Amsterdam day is 4 Nov
    ['2026-03-29T12:00:00Z', 1, 0, '2026-03-29T00:00:00.000Z'], // before the spring switch
    ['2026-03-29T12:00:00Z', 3, 0, '2026-03-29T01:00:00.000Z'], // after it
    ['2026-03-29T12:00:00Z', 2, 30, '2026-03-29T01:30:00.000Z'], // non-existent → 03:30 CEST
    ['2026-10-25T12:00:00Z', 1, 30, '2026-10-24T23:30:00.000Z'], // CEST
    ['2026-10-25T12:00:00Z', 2, 30, '2026-10-25T01:30:00.000Z'], // ambiguous → CET occurrence
    ['2026-10-25T12:00:00Z', 3, 0, '2026-10-25T02:00:00.000Z'], // CET
  ])('(%s, %s, %s) → %s', (day, hour, minute, expected) => {
    expect(iso(atLocalTime(at(day), hour, minute))).toBe(expected);
  });
  it.each<[number, number]>([
    [24, 0],
    [-1, 0],
    [1.5, 0],
    [9, 60],
    [9, -1],
  ])('throws on hour %s minute %s', (hour, minute) => {
    expect(() => atLocalTime(at('2026-11-03T12:00:00Z'), hour, minute)).toThrow(RangeError);
  });
});

describe('labels and formatting', () => {
  it.each([
    ['2026-10', 'oktober 2026', 'October 2026'],
    ['2026-03', 'maart 2026', 'March 2026'],
    ['2027-01', 'januari 2027', 'January 2027'],
    ['2026-12', 'december 2026', 'December 2026'],
  ])('%s → %j / %j', (key, labelNl, labelEn) => {
    expect(monthLabelNl(key)).toBe(labelNl);
    expect(monthLabelEn(key)).toBe(labelEn);
  });

  it.each([
    ['2026-11-03T13:05:00Z', '3 november 2026', '3 november 2026 14:05', '2026-11-03'],
    ['2026-10-31T23:30:00Z', '1 november 2026', '1 november 2026 00:30', '2026-11-01'],
    ['2026-07-01T07:05:00Z', '1 juli 2026', '1 juli 2026 09:05', '2026-07-01'],
    ['2026-03-28T23:30:00Z', '29 maart 2026', '29 maart 2026 00:30', '2026-03-29'],
    ['2026-03-29T01:00:00Z', '29 maart 2026', '29 maart 2026 03:00', '2026-03-29'], // first CEST instant
    ['2026-12-31T23:00:00Z', '1 januari 2027', '1 januari 2027 00:00', '2027-01-01'],
  ])('%s → %j, %j, %j', (instant, date, dateTime, isoDay) => {
    expect(formatDateNl(at(instant))).toBe(date);
    expect(formatDateTimeNl(at(instant))).toBe(dateTime);
    expect(isoDate(at(instant))).toBe(isoDay);
  });
});
