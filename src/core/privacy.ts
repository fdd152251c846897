/**
 * Detection of BSNs (burgerservicenummers) in free text, so they can be kept out of chat
 * and the database. A BSN is 9 digits passing the elfproef (11-test).
 */

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

/**
 * A "chunk" is a maximal run of digit groups joined by single separators (space, dot,
 * dash), bounded by non-digits. Letters count as non-digits, so "zaak123456782" IS
 * caught: over-detecting is the safe side for privacy.
 */
const CHUNK = /[0-9]+(?:[ .\-][0-9]+)*/g;

/**
 * The first 9-digit number in `text` that passes the elfproef, as 9 plain digits
 * (separators removed), or null.
 *
 * Candidates, per chunk from left to right:
 *  - the whole chunk when its digits total exactly 9: "123456782", "123 456 782",
 *    "123.456.782", "1234-56-782";
 *  - otherwise each single group of exactly 9 digits ("0612345678 123456782" yields
 *    "123456782").
 * Digit runs longer than 9 (IBAN "NL91ABNA0417164300", phone "0612345678") and chunks of
 * several short groups totalling more than 9 ("+31 6 12345678", "12-03-2026 14.30") are
 * ignored. Known limit: a grouped BSN glued by a single separator to another number
 * ("123 456 782 2") is not caught.
 */
export function findBsn(text: string): string | null {
  for (const match of text.matchAll(CHUNK)) {
    const groups = match[0].split(/[ .\-]/);
    const whole = groups.join('');
    if (whole.length === 9) {
      if (passesElfproef(whole)) return whole;
      continue;
    }
    for (const group of groups) {
      if (group.length === 9 && passesElfproef(group)) return group;
    }
  }
  return null;
}

export function containsBsn(text: string): boolean {
  return findBsn(text) !== null;
}
