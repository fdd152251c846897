/**
 * Detection of BSNs (burgerservicenummers) in free text, so they can be kept out of chat and the
 * database. A BSN is 9 digits passing the elfproef (11-test).
 *
 * The rule, on the text folded by `foldForMatching` (NFKC: full-width digits and every Unicode
 * space become plain; zero-width and other invisible characters removed; digits of other scripts
 * read as ASCII digits):
 *
 * 1. A *chunk* is a maximal run of digit groups joined by separators: any whitespace, any dash,
 *    and `. , / \ _ ' ’ ( ) ·`, in runs of any length ("123 / 456 / 782"). Letters and other
 *    symbols end a chunk, so "zaak123456782" IS caught: over-detecting is the safe side.
 * 2. A chunk is a BSN when
 *    a. its digits total 9 and pass the elfproef ("123 456 782", "1234.56.782", "123_456_782");
 *    b. its digits total 8, do not start with 0, and pass with a 0 in front: a BSN that starts
 *       with 0 written without it ("12345672" for 012345672, as a spreadsheet shows it);
 *    c. or any single group in it is 9 digits that pass ("0612345678 123456782").
 * 3. Rules a and b skip a chunk that as a whole reads as something people write every day with
 *    8 or 9 digits: a date, optionally with a clock time ("12-03-2026", "2026-03-12",
 *    "1-3-2026 9.30": the same separator, a dash, `.` or `/`, twice; day, month and a year
 *    1900–2099 checked); a time range ("9.30-10.15"); amounts with a decimal comma
 *    ("1.234.567,89", "112,50 - 12,50"); or a year-numbered reference ("factuur 2026-00123",
 *    "INV/2026/0042": a year 1900–2099 and one group of 4 or 5 digits).
 *
 * Ordinary numbers stay out because of their digit count, not luck: an IBAN's digits are split
 * by its letters (NL91 ABNA 0417 1643 00: 2 and 10 digits); Dutch phone numbers have 10 digits
 * (06-12345678, 020-1234567) or 11+ with the country code (+31 6 1234 5678, "(0)" included,
 * since brackets join); postcodes 4; amounts with a decimal comma, dates and time ranges are
 * read as such (rule 3); case references like WT-2026-014 have 7.
 *
 * Known limits. Over-detection (refused though it is no BSN): about 1 in 11 of other standalone
 * 9-digit numbers, and of 8-digit numbers not starting with 0 (a KvK number, a customer number),
 * pass the elfproef; the person then leaves the number out. Under-detection: a BSN joined by a
 * separator to another number ("123 456 782 2", "85,50 123 456 782") makes one longer chunk and
 * is not caught (reading every 9-digit window instead would refuse about 1 in 11 phone numbers:
 * "+31 6 1234 5678" holds "6 1234 5678"); nor is a BSN written in exactly one of the shapes of
 * rule 3 ("2012-34567", "1.234.567,82"), an 8-digit form of a BSN starting with 00, or digits
 * written as words or look-alike letters ("O" for 0).
 */
import { foldForMatching } from './unicode.js';

/**
 * The BSN elfproef: exactly 9 ASCII digits d1..d9 with
 * 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 and greater than 0
 * (so 000000000 is not a BSN).
 */
export function passesElfproef(nineDigits: string): boolean {
  if (!/^[0-9]{9}$/.test(nineDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(nineDigits[i]) * (9 - i);
  sum -= Number(nineDigits[8]);
  return sum > 0 && sum % 11 === 0;
}

/** One separator character (see rule 1). */
const SEP = String.raw`[\s\p{Pd}\u2212.,/\\_'’()·]`;
const CHUNK = new RegExp(String.raw`[0-9]+(?:${SEP}+[0-9]+)*`, 'gu');
const SEPS = new RegExp(`${SEP}+`, 'gu');

const DMY = /^(\d{1,2})([\p{Pd}\u2212./])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2})\.(\d{2}))?$/u;
const YMD = /^(\d{4})([\p{Pd}\u2212./])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2})\.(\d{2}))?$/u;
const TIME_RANGE = /^(\d{1,2})\.(\d{2})\s*[\p{Pd}\u2212]\s*(\d{1,2})\.(\d{2})$/u;
const AMOUNT = String.raw`(?:\d{1,3}(?:\.\d{3})+|\d+),\d{2}`;
const AMOUNTS = new RegExp(String.raw`^${AMOUNT}(?:${SEP}+${AMOUNT})*$`, 'u');
const YEAR_REFERENCE = new RegExp(String.raw`^(?:19|20)\d{2}${SEP}+\d{4,5}$`, 'u');

const inRange = (s: string | undefined, lo: number, hi: number) => s === undefined || (Number(s) >= lo && Number(s) <= hi);

function isDate(day: string, month: string, year: string, hour?: string, minute?: string): boolean {
  return inRange(day, 1, 31) && inRange(month, 1, 12) && inRange(year, 1900, 2099) && inRange(hour, 0, 23) && inRange(minute, 0, 59);
}

/** Rule 3: the whole chunk reads as a date (and time), a time range, amounts or a year-numbered reference. */
function readsAsEverydayNumber(chunk: string): boolean {
  const dmy = DMY.exec(chunk);
  if (dmy) return isDate(dmy[1] as string, dmy[3] as string, dmy[4] as string, dmy[5], dmy[6]);
  const ymd = YMD.exec(chunk);
  if (ymd) return isDate(ymd[4] as string, ymd[3] as string, ymd[1] as string, ymd[5], ymd[6]);
  const range = TIME_RANGE.exec(chunk);
  if (range) return inRange(range[1], 0, 23) && inRange(range[2], 0, 59) && inRange(range[3], 0, 23) && inRange(range[4], 0, 59);
  return AMOUNTS.test(chunk) || YEAR_REFERENCE.test(chunk);
}

/**
 * The first BSN in `text` (rules in the module comment), as 9 plain digits, or null. A BSN
 * written without its leading 0 comes back with it ("12345672" → "012345672").
 */
export function findBsn(text: string): string | null {
  for (const match of foldForMatching(text).matchAll(CHUNK)) {
    const chunk = match[0];
    const groups = chunk.split(SEPS);
    const digits = groups.join('');
    if ((digits.length === 9 || (digits.length === 8 && digits[0] !== '0')) && !readsAsEverydayNumber(chunk)) {
      const nine = digits.padStart(9, '0');
      if (passesElfproef(nine)) return nine;
    }
    if (groups.length > 1) {
      for (const group of groups) if (group.length === 9 && passesElfproef(group)) return group;
    }
  }
  return null;
}

export function containsBsn(text: string): boolean {
  return findBsn(text) !== null;
}

/** What a form may show again of what someone typed: nothing of a text with a BSN in it. */
export const shownBack = (typed: string): string => (containsBsn(typed) ? '' : typed);
