/**
 * Unicode folding for *matching* what people type (BSN detection, case-reference keys); never for
 * what is stored or shown. The same digits and spaces can be typed in many ways: full-width
 * digits from a Japanese keyboard layout, non-breaking or thin spaces from a word processor,
 * zero-width characters from a copy out of a web page.
 */

/** Invisible format characters (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks). */
const FORMAT = /\p{Cf}/gu;
/** Combining marks left over after NFKC (e.g. an underline typed over digits). */
const MARK = /\p{M}/gu;
const DECIMAL_DIGIT = /\p{Nd}/u;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
/** ASCII is its own fold (no compatibility forms, format characters, marks or other digits). */
const ASCII = /^[\x00-\x7f]*$/;

/**
 * A decimal digit of any script as its ASCII digit. Unicode encodes every script's decimal digits
 * as contiguous runs 0..9 (some scripts several runs back to back), so the value is the number of
 * digits right before it in the run, modulo 10.
 */
function asciiDigit(ch: string): string {
  let cp = ch.codePointAt(0) ?? 0;
  let before = 0;
  while (cp > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(cp - 1))) {
    before++;
    cp--;
  }
  return String(before % 10);
}

/**
 * NFKC (full-width digits and letters, superscripts, and every Unicode space become their plain
 * form: U+00A0, U+2009, U+202F, U+3000 → " "), then invisible format characters and stray
 * combining marks removed, then the decimal digits of other scripts (Arabic-Indic, Devanagari …)
 * as ASCII digits.
 */
export function foldForMatching(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFKC').replace(FORMAT, '').replace(MARK, '').replace(NON_ASCII_DIGIT, asciiDigit);
}
