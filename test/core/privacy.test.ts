import { describe, expect, it } from 'vitest';
import { containsBsn, findBsn, passesElfproef } from '../../src/core/privacy.js';

describe('passesElfproef', () => {
  it.each<[string, boolean]>([
    ['111222333', true],
    ['123456782', true],
    ['999999990', true],
    ['000000000', false], // sum 0 is excluded
    ['000000012', false], // 2*1 - 2 = 0, also excluded
    ['123456789', false],
    ['111222334', false],
    ['999999999', false],
    ['12345678', false], // 8 digits
    ['1234567820', false], // 10 digits
    ['12345678a', false],
    ['123 456 782', false], // separators are findBsn's job
    ['', false],
    ['١٢٣٤٥٦٧٨٢', false], // non-ASCII digits
  ])('%j → %s', (input, expected) => {
    expect(passesElfproef(input)).toBe(expected);
  });
});

describe('findBsn', () => {
  it.each<[string, string | null]>([
    // plain and embedded
    ['123456782', '123456782'],
    ['BSN 111222333', '111222333'],
    ['cliënt met bsn 999999990 heeft een koelkast nodig', '999999990'],
    ['nummer: 123456782.', '123456782'],
    ['(123456782)', '123456782'],
    ['bsn:123456782,', '123456782'],
    // separators
    ['123.456.782', '123456782'],
    ['123 456 782', '123456782'],
    ['1234-56-782', '123456782'],
    ['bsn 111.222.333 graag', '111222333'],
    ['12 34 56 782', '123456782'],
    // letters are non-digits: caught (decision)
    ['zaak123456782', '123456782'],
    ['123456782abc', '123456782'],
    // first passing number wins; failing ones are skipped
    ['123456789 en 111222333', '111222333'],
    ['111222333 en 123456782', '111222333'],
    // a lone 9-digit group inside a longer chunk
    ['0612345678 123456782', '123456782'],
    ['123456782-1', '123456782'],
    // not BSNs
    ['123456789', null], // fails the elfproef
    ['000000000', null],
    ['bel 0612345678', null], // 10-digit phone
    ['bel 06-12345678', null],
    ['bel 06 123 456 78', null],
    ['bel +31 6 12345678', null],
    ['bel 020 123 4567', null],
    ['IBAN NL91ABNA0417164300', null],
    ['IBAN NL91 ABNA 0417 1643 00', null],
    ['1234567820', null], // 10-digit run containing 123456782
    ['01234567820', null],
    ['postcode 1012 AB Amsterdam', null],
    ['op 12-03-2026 om 14.30', null],
    ['12-03-2026 14.30', null],
    ['€ 1.250,00 voor de huur', null],
    ['123  456  782', null], // double spaces are not a single separator
    ['123--456--782', null],
    ['123/456/782', null], // slash is not a separator
    ['', null],
    ['geen nummers hier', null],
    // 9 digits total across groups, but failing elfproef
    ['12.345.678-9', null],
  ])('%j → %j', (text, expected) => {
    expect(findBsn(text)).toBe(expected);
    expect(containsBsn(text)).toBe(expected !== null);
  });
});
