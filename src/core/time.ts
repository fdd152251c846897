/**
 * Calendar logic in Europe/Amsterdam. Instants are plain JS `Date`s (UTC underneath);
 * calendar questions (which month, which day, working day?) are answered in Amsterdam.
 * Months are keys 'YYYY-MM'. Functions that take a month key throw RangeError on an
 * invalid key (check user input with `parseMonthKey` first).
 */
import { TZDate, tz, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { nl } from 'date-fns/locale/nl';

export const ZONE = 'Europe/Amsterdam';

const inZone = tz(ZONE);

/** A calendar day; month is 1-12. */
type Ymd = { y: number; m: number; d: number };

type LocalParts = Ymd & { h: number; mi: number; s: number; ms: number; dow: number };

function local(at: Date): LocalParts {
  const t = new TZDate(at.getTime(), ZONE);
  return {
    y: t.getFullYear(),
    m: t.getMonth() + 1,
    d: t.getDate(),
    h: t.getHours(),
    mi: t.getMinutes(),
    s: t.getSeconds(),
    ms: t.getMilliseconds(),
    dow: t.getDay(),
  };
}

/**
 * The instant of a wall-clock time in Amsterdam. A time that does not exist (the hour
 * skipped on the last Sunday of March) moves forward by an hour (02:30 → 03:30 CEST); an
 * ambiguous time (the repeated hour on the last Sunday of October) resolves to the
 * second, winter-time occurrence. Resolved here with `tzOffset` rather than left to
 * `TZDate`, whose choice for ambiguous times depends on the host's time zone.
 */
function instant({ y, m, d }: Ymd, h = 0, mi = 0, s = 0, ms = 0): Date {
  const wall = Date.UTC(y, m - 1, d, h, mi, s, ms);
  const HALF_DAY = 12 * 60 * 60 * 1000;
  const before = tzOffset(ZONE, new Date(wall - HALF_DAY));
  const after = tzOffset(ZONE, new Date(wall + HALF_DAY));
  const fits = (offset: number): number | null => {
    const t = wall - offset * 60_000;
    return tzOffset(ZONE, new Date(t)) === offset ? t : null;
  };
  const candidates = [fits(before), fits(after)].filter((t): t is number => t !== null);
  // Gap: no offset fits; reading the wall time with the offset before the switch moves it forward.
  const t = candidates.length > 0 ? Math.max(...candidates) : wall - before * 60_000;
  return new Date(t);
}

/** Pure calendar arithmetic (no time zone involved): the day `n` days after `day`. */
function addDaysYmd({ y, m, d }: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
function dayOfWeek({ y, m, d }: Ymd): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function keyOf(y: number, m: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}`;
}

function splitKey(key: string): { y: number; m: number } {
  if (parseMonthKey(key) === null) throw new RangeError(`invalid month key: ${JSON.stringify(key)}`);
  return { y: Number(key.slice(0, 4)), m: Number(key.slice(5, 7)) };
}

/** The month in Amsterdam of an instant: 2026-10-31T23:30Z → '2026-11'. */
export function monthKey(at: Date): string {
  const { y, m } = local(at);
  return keyOf(y, m);
}

/** '2026-10' → '2026-10'; '2026-13', '26-10', 'oktober', '2026-1' → null. */
export function parseMonthKey(s: string): string | null {
  return /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(s) ? s : null;
}

/** Local midnight on the 1st of the month, and of the 1st of the next month (end exclusive). */
export function monthRange(key: string): { start: Date; end: Date } {
  const { y, m } = splitKey(key);
  const next = splitKey(addMonthsKey(key, 1));
  return { start: instant({ y, m, d: 1 }), end: instant({ y: next.y, m: next.m, d: 1 }) };
}

/** ('2026-01', -1) → '2025-12'. */
export function addMonthsKey(key: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addMonthsKey: n must be an integer, got ${n}`);
  const { y, m } = splitKey(key);
  const index = y * 12 + (m - 1) + n;
  return keyOf(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1);
}

/** Calendar year in Amsterdam. */
export function yearOf(at: Date): number {
  return local(at).y;
}

/** Local midnight on 1 January of `year`, and of the next year (end exclusive). */
export function yearRange(year: number): { start: Date; end: Date } {
  return { start: instant({ y: year, m: 1, d: 1 }), end: instant({ y: year + 1, m: 1, d: 1 }) };
}

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
function easterSunday(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/**
 * Dutch public holidays (general days off) of a year. Goede Vrijdag is left out: it is not
 * a general day off in the Netherlands. Bevrijdingsdag (5 May) only counts in lustrum
 * years (year divisible by 5: 2025, 2030), as in most collective agreements.
 */
function holidays(y: number): Ymd[] {
  const easter = easterSunday(y);
  const kingsDay: Ymd = dayOfWeek({ y, m: 4, d: 27 }) === 0 ? { y, m: 4, d: 26 } : { y, m: 4, d: 27 };
  const list: Ymd[] = [
    { y, m: 1, d: 1 }, // Nieuwjaarsdag
    easter, // Eerste Paasdag
    addDaysYmd(easter, 1), // Tweede Paasdag
    kingsDay, // Koningsdag
    addDaysYmd(easter, 39), // Hemelvaartsdag
    addDaysYmd(easter, 49), // Eerste Pinksterdag
    addDaysYmd(easter, 50), // Tweede Pinksterdag
    { y, m: 12, d: 25 }, // Eerste Kerstdag
    { y, m: 12, d: 26 }, // Tweede Kerstdag
  ];
  if (y % 5 === 0) list.push({ y, m: 5, d: 5 }); // Bevrijdingsdag
  return list;
}

function isHolidayYmd(day: Ymd): boolean {
  return holidays(day.y).some((h) => h.m === day.m && h.d === day.d);
}

function isWorkingDayYmd(day: Ymd): boolean {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6 && !isHolidayYmd(day);
}

/** Whether the Amsterdam calendar day of `at` is a Dutch public holiday. */
export function isDutchPublicHoliday(at: Date): boolean {
  return isHolidayYmd(local(at));
}

/** Monday–Friday in Amsterdam and not a public holiday. */
export function isWorkingDay(at: Date): boolean {
  return isWorkingDayYmd(local(at));
}

/**
 * The same Amsterdam wall-clock time `n` working days later (Friday 10:00 + 2 → Tuesday
 * 10:00), skipping weekends and holidays, DST-correct. Negative `n` counts backwards;
 * `n` = 0 returns the same instant, even on a non-working day.
 */
export function addWorkingDays(from: Date, n: number): Date {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
  if (n === 0) return new Date(from.getTime());
  const p = local(from);
  const step = n > 0 ? 1 : -1;
  let day: Ymd = { y: p.y, m: p.m, d: p.d };
  for (let left = Math.abs(n); left > 0; ) {
    day = addDaysYmd(day, step);
    if (isWorkingDayYmd(day)) left--;
  }
  return instant(day, p.h, p.mi, p.s, p.ms);
}

/** Local 00:00 of the first working day of the month ('2027-01' → 4 Jan 2027 00:00). */
export function firstWorkingDayOfMonth(key: string): Date {
  const { y, m } = splitKey(key);
  let day: Ymd = { y, m, d: 1 };
  while (!isWorkingDayYmd(day)) day = addDaysYmd(day, 1);
  return instant(day);
}

/** hh:mm Amsterdam time on the Amsterdam calendar day of `day`. */
export function atLocalTime(day: Date, hour: number, minute = 0): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour out of range: ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`minute out of range: ${minute}`);
  }
  return instant(local(day), hour, minute);
}

function firstOfMonth(key: string): TZDate {
  const { y, m } = splitKey(key);
  return new TZDate(y, m - 1, 1, ZONE);
}

/** '2026-10' → 'oktober 2026'. */
export function monthLabelNl(key: string): string {
  return format(firstOfMonth(key), 'LLLL yyyy', { locale: nl, in: inZone });
}

/** '2026-10' → 'October 2026'. */
export function monthLabelEn(key: string): string {
  return format(firstOfMonth(key), 'LLLL yyyy', { locale: enUS, in: inZone });
}

/** '3 november 2026' (Amsterdam). */
export function formatDateNl(at: Date): string {
  return format(at, 'd MMMM yyyy', { locale: nl, in: inZone });
}

/** '3 november 2026 14:05' (Amsterdam, 24-hour clock). */
export function formatDateTimeNl(at: Date): string {
  return format(at, 'd MMMM yyyy HH:mm', { locale: nl, in: inZone });
}

/** '2026-11-03' (Amsterdam calendar day). */
/** The Europe/Amsterdam calendar day of an instant, YYYY-MM-DD: the one place this is computed. */
export function isoDate(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('invalid date');
  return format(at, 'yyyy-MM-dd', { in: inZone });
}

/** Local Amsterdam time with its UTC offset, whole seconds: 2026-03-11T10:15:00+01:00. */
export function isoDateTime(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('invalid date');
  return format(at, "yyyy-MM-dd'T'HH:mm:ssxxx", { in: inZone });
}
