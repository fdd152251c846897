/**
 * Money as integer euro cents. The brand keeps plain numbers (and floats) out:
 * the only way in is `cents()` (checked) or `parseAmount()` (user input).
 */
import { err, ok, type Result } from './result.js';

export type Cents = number & { readonly __brand: 'Cents' };

/** Brand an integer number of cents. Throws RangeError unless it is a safe integer. */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`cents: expected a safe integer, got ${String(n)}`);
  }
  // Normalise -0 to 0 so formatting and equality never see a negative zero.
  return (n === 0 ? 0 : n) as Cents;
}

export const ZERO: Cents = cents(0);

export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

export function subCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function sumCents(list: readonly Cents[]): Cents {
  let total = 0;
  for (const c of list) total = cents(total + c);
  return cents(total);
}

export type AmountError =
  | 'AMOUNT.EMPTY'
  | 'AMOUNT.NOT_A_NUMBER'
  | 'AMOUNT.ZERO'
  | 'AMOUNT.NEGATIVE'
  | 'AMOUNT.TOO_MANY_DECIMALS'
  | 'AMOUNT.TOO_LARGE';

/** Amounts must stay below this many euros (100 million). */
const MAX_EUROS = 100_000_000;

const SIGN = /^[-\u2212\u2013]\s*/; // hyphen-minus, unicode minus, en dash
const CURRENCY_PREFIX = /^(?:€|eur(?:o)?(?![a-z]))\s*/i;
const CURRENCY_SUFFIX = /\s*(?:€|euros?|eur)$/i;
const WHOLE_EUROS_DASH = /[,.][-\u2013]{1,2}$/; // "85,-", "85,--", "85.-"

/**
 * Parse an amount typed by a Dutch user into cents. Never uses parseFloat.
 *
 * Accepted shapes (after trimming, an optional sign, and an optional `€`/`EUR`/`euro`
 * before or `€`/`EUR`/`euro(s)` after the number):
 *  - `85`, `085`, `85,-`, `85,--`
 *  - comma decimals with 1–2 digits: `85,5`, `85,50`
 *  - dot thousands separators in strict groups of three: `1.250`, `1.250.000`, `1.250,00`
 *  - a single dot followed by 1–2 digits is a decimal point: `85.5`, `85.50`
 *
 * Decisions:
 *  - More than two digits after a comma (`85,505`, also `1,250`) → TOO_MANY_DECIMALS;
 *    a lone dot followed by 3 digits is a thousands separator (`85.505` = € 85.505,00),
 *    except after a leading `0` (`0.505` → TOO_MANY_DECIMALS).
 *  - English `1,250.00` (comma then dot) is ambiguous → NOT_A_NUMBER. So are `8.5.0`,
 *    `85,50,1`, spaces inside the number (`12 345`), a missing integer part (`,50`) and `+5`.
 *  - Error precedence: EMPTY, NOT_A_NUMBER, TOO_MANY_DECIMALS, ZERO, NEGATIVE, TOO_LARGE
 *    (so `-0` → ZERO and `-85,505` → TOO_MANY_DECIMALS).
 *  - Amounts of € 100.000.000,00 and more → TOO_LARGE.
 */
export function parseAmount(input: string): Result<Cents, AmountError> {
  let s = input.trim();
  if (s === '') return err('AMOUNT.EMPTY');

  let negative = false;
  const takeSign = (): void => {
    const m = SIGN.exec(s);
    if (m) {
      if (negative) return; // a second sign is left in place and fails the number check
      negative = true;
      s = s.slice(m[0].length);
    }
  };

  takeSign();
  const prefix = CURRENCY_PREFIX.exec(s);
  if (prefix) s = s.slice(prefix[0].length);
  takeSign(); // "€ -5" as well as "-€ 5"
  if (!prefix) {
    const suffix = CURRENCY_SUFFIX.exec(s);
    if (suffix) s = s.slice(0, s.length - suffix[0].length);
  }
  if (WHOLE_EUROS_DASH.test(s)) s = s.replace(WHOLE_EUROS_DASH, '');

  const parsed = parseUnsigned(s);
  if (!parsed.ok) return parsed;
  const { euroDigits, fraction } = parsed.value;

  if (fraction.length > 2) return err('AMOUNT.TOO_MANY_DECIMALS');

  const significant = euroDigits.replace(/^0+/, '');
  const fractionCents = Number((fraction + '00').slice(0, 2));
  if (significant === '' && fractionCents === 0) return err('AMOUNT.ZERO');
  if (negative) return err('AMOUNT.NEGATIVE');
  // Length check first so Number() never sees a number beyond safe-integer range.
  if (significant.length > String(MAX_EUROS).length) return err('AMOUNT.TOO_LARGE');
  const euros = significant === '' ? 0 : Number(significant);
  if (euros >= MAX_EUROS) return err('AMOUNT.TOO_LARGE');
  return ok(cents(euros * 100 + fractionCents));
}

type Unsigned = { euroDigits: string; fraction: string };

const COMMA_DECIMAL = /^(\d+|[1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/;
const DOT_DECIMAL = /^(\d+)\.(\d{1,2})$/;
const LEADING_ZERO_DOT = /^(0+)\.(\d{3,})$/; // "0.505": not a thousands group

function parseUnsigned(s: string): Result<Unsigned, AmountError> {
  const comma = COMMA_DECIMAL.exec(s);
  if (comma) {
    return ok({ euroDigits: (comma[1] ?? '').replace(/\./g, ''), fraction: comma[2] ?? '' });
  }
  const dot = DOT_DECIMAL.exec(s);
  if (dot) return ok({ euroDigits: dot[1] ?? '', fraction: dot[2] ?? '' });
  const zeroDot = LEADING_ZERO_DOT.exec(s);
  if (zeroDot) return ok({ euroDigits: zeroDot[1] ?? '', fraction: zeroDot[2] ?? '' });
  return err('AMOUNT.NOT_A_NUMBER');
}

function splitCents(c: Cents): { sign: string; euros: string; rest: string } {
  const abs = Math.abs(c);
  return {
    sign: c < 0 ? '-' : '',
    euros: String(Math.floor(abs / 100)),
    rest: String(abs % 100).padStart(2, '0'),
  };
}

/** "€ 1.234,56", "€ 0,05", "€ 85,00", negative "-€ 12,50" (ASCII space after €). */
export function formatEuro(c: Cents): string {
  const { sign, euros, rest } = splitCents(c);
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${grouped},${rest}`;
}

/** For prefilling a form field: "1234,56", "85" for whole euros, "85,50"; negative "-12,50". */
export function formatEuroInput(c: Cents): string {
  const { sign, euros, rest } = splitCents(c);
  return rest === '00' ? `${sign}${euros}` : `${sign}${euros},${rest}`;
}
