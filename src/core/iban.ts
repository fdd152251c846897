/** IBAN parsing and formatting on top of the maintained `ibantools` library. */
import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidIBAN } from 'ibantools';
import { err, ok, type Result } from './result.js';

export type IbanError = 'IBAN.EMPTY' | 'IBAN.INVALID';

/**
 * Accepts user input with spaces/dashes and any case ("nl91 abna 0417 1643 00") and
 * returns the electronic format "NL91ABNA0417164300". Unknown country, wrong length,
 * wrong BBAN format or checksum → IBAN.INVALID.
 */
export function parseIban(input: string): Result<string, IbanError> {
  // ibantools strips only ASCII spaces and dashes; also drop tabs/non-breaking spaces.
  const compact = input.replace(/\s+/g, '');
  if (compact === '') return err('IBAN.EMPTY');
  const electronic = electronicFormatIBAN(compact);
  if (electronic === null || !isValidIBAN(electronic)) return err('IBAN.INVALID');
  return ok(electronic);
}

/** "NL91ABNA0417164300" → "NL91 ABNA 0417 1643 00". */
export function formatIban(electronic: string): string {
  return friendlyFormatIBAN(electronic) ?? electronic;
}

/** The country code of an IBAN in electronic format: "BR15…" → "BR". */
export function ibanCountry(electronic: string): string {
  return electronic.slice(0, 2);
}

/**
 * True when the account is in the SEPA area (EU/EEA, CH, GB, SM, VA, AD, MC …, per ibantools):
 * minimaatwerk pays by SEPA credit transfer only, so one foreign account would block a batch.
 */
export function isSepaIban(electronic: string): boolean {
  return isSEPACountry(ibanCountry(electronic));
}
