import { describe, expect, it } from 'vitest';
import { formatIban, ibanCountry, isSepaIban, parseIban, type IbanError } from '../../src/core/iban.js';

describe('parseIban: accepted', () => {
  it.each<[string, string]>([
    ['NL91ABNA0417164300', 'NL91ABNA0417164300'],
    ['nl91 abna 0417 1643 00', 'NL91ABNA0417164300'],
    ['NL91 ABNA 0417 1643 00', 'NL91ABNA0417164300'],
    ['  NL91ABNA0417164300  ', 'NL91ABNA0417164300'],
    ['NL91-ABNA-0417-1643-00', 'NL91ABNA0417164300'],
    ['NL91\u00a0ABNA\u00a00417\u00a01643\u00a000', 'NL91ABNA0417164300'],
    ['NL20INGB0001234567', 'NL20INGB0001234567'],
    ['BE68 5390 0754 7034', 'BE68539007547034'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
  ])('%j → %j', (input, expected) => {
    expect(parseIban(input)).toEqual({ ok: true, value: expected });
  });
});

describe('parseIban: rejected', () => {
  it.each<[string, IbanError]>([
    ['', 'IBAN.EMPTY'],
    ['   ', 'IBAN.EMPTY'],
    ['NL92ABNA0417164300', 'IBAN.INVALID'], // checksum
    ['NL91ABNA0417164301', 'IBAN.INVALID'], // checksum
    ['NL91ABNA041716430', 'IBAN.INVALID'], // too short
    ['NL91ABNA04171643000', 'IBAN.INVALID'], // too long
    ['XX91ABNA0417164300', 'IBAN.INVALID'], // unknown country
    ['NL9112340417164300', 'IBAN.INVALID'], // bank code must be letters
    ['0417164300', 'IBAN.INVALID'], // bare account number
    ['abc', 'IBAN.INVALID'],
    ['NL91.ABNA.0417.1643.00', 'IBAN.INVALID'],
  ])('%j → %s', (input, expected) => {
    expect(parseIban(input)).toEqual({ ok: false, error: expected });
  });
});

describe('formatIban', () => {
  it.each<[string, string]>([
    ['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00'],
    ['BE68539007547034', 'BE68 5390 0754 7034'],
    ['DE89370400440532013000', 'DE89 3704 0044 0532 0130 00'],
  ])('%j → %j', (input, expected) => {
    expect(formatIban(input)).toBe(expected);
  });

  it('round-trips with parseIban', () => {
    const parsed = parseIban(formatIban('NL91ABNA0417164300'));
    expect(parsed).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
  });
});

describe('point 3: only SEPA-area accounts (isSepaIban)', () => {
  it.each([
    'NL91ABNA0417164300',
    'BE68539007547034',
    'DE89370400440532013000',
    'GB29NWBK60161331926819', // SEPA, not EU
    'CH9300762011623852957',
    'NO9386011117947',
    'SM86U0322509800000000270100',
    'MC5811222000010123456789030',
  ])('%s is in the SEPA area', (iban) => {
    expect(parseIban(iban).ok).toBe(true);
    expect(isSepaIban(iban)).toBe(true);
  });
  it.each([
    ['BR1800360305000010009795493C1', 'BR'],
    ['PK36SCBL0000001123456702', 'PK'],
    ['TR330006100519786457841326', 'TR'],
    ['AE070331234567890123456', 'AE'],
    ['UA213223130000026007233566001', 'UA'],
  ])('%s is a valid IBAN outside it (%s)', (iban, country) => {
    expect(parseIban(iban).ok).toBe(true);
    expect(isSepaIban(iban)).toBe(false);
    expect(ibanCountry(iban)).toBe(country);
  });
});
