import { describe, expect, it } from 'vitest';
import {
  addCents,
  cents,
  formatEuro,
  formatEuroInput,
  parseAmount,
  subCents,
  sumCents,
  ZERO,
  type AmountError,
} from '../../src/core/money.js';

describe('cents', () => {
  it.each([0, 1, -1, 8550, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])('accepts %s', (n) => {
    expect(cents(n)).toBe(n);
  });
  it.each([0.5, 85.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 1])('rejects %s with RangeError', (n) => {
    expect(() => cents(n)).toThrow(RangeError);
  });
  it('normalises -0 to 0', () => {
    expect(Object.is(cents(-0), 0)).toBe(true);
  });
});

describe('arithmetic', () => {
  it.each([
    [100, 250, 350, -150],
    [0, 0, 0, 0],
    [-500, 200, -300, -700],
  ])('%s and %s: sum %s, difference %s', (a, b, sum, diff) => {
    expect(addCents(cents(a), cents(b))).toBe(sum);
    expect(subCents(cents(a), cents(b))).toBe(diff);
  });
  it('ZERO is 0', () => {
    expect(ZERO).toBe(0);
  });
  it.each([
    [[], 0],
    [[8550], 8550],
    [[1, 2, 3, -4], 2],
    [[125000, 50, 5], 125055],
  ])('sumCents(%j) = %s', (list, total) => {
    expect(sumCents(list.map(cents))).toBe(total);
  });
  it('throws when a sum leaves safe-integer range', () => {
    expect(() => addCents(cents(Number.MAX_SAFE_INTEGER), cents(1))).toThrow(RangeError);
  });
});

describe('parseAmount: accepted', () => {
  it.each<[string, number]>([
    ['85', 8500],
    ['85,50', 8550],
    ['85,5', 8550],
    ['85,05', 8505],
    ['0,05', 5],
    ['0,5', 50],
    ['085', 8500],
    ['€ 85,50', 8550],
    ['€85', 8500],
    ['€ 85', 8500],
    ['EUR 85', 8500],
    ['eur 85', 8500],
    ['EUR85', 8500],
    ['euro 12,50', 1250],
    ['85 euro', 8500],
    ['85 euros', 8500],
    ['85euro', 8500],
    ['85 EUR', 8500],
    ['85 €', 8500],
    ['85€', 8500],
    ['85,- ', 8500],
    ['85,-', 8500],
    ['85,--', 8500],
    ['85.-', 8500],
    ['€ 85,-', 8500],
    ['85,- euro', 8500],
    ['1.250', 125000],
    ['1.250,00', 125000],
    ['1.250,5', 125050],
    ['1.250.000', 125000000],
    ['1.250.000,99', 125000099],
    ['85.505', 8550500],
    ['85.50', 8550],
    ['85.5', 8550],
    ['1250.50', 125050],
    [' 85 ', 8500],
    ['\t85,50\n', 8550],
    ['\u00a085\u00a0', 8500],
    ['€\u00a085,50', 8550],
    ['99999999,99', 9999999999],
    ['99.999.999,99', 9999999999],
    ['0,01', 1],
  ])('%j → %s cents', (input, expected) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: expected });
  });
});

describe('parseAmount: rejected', () => {
  it.each<[string, AmountError]>([
    ['', 'AMOUNT.EMPTY'],
    ['   ', 'AMOUNT.EMPTY'],
    ['\n\t', 'AMOUNT.EMPTY'],
    ['abc', 'AMOUNT.NOT_A_NUMBER'],
    ['€', 'AMOUNT.NOT_A_NUMBER'],
    ['EUR', 'AMOUNT.NOT_A_NUMBER'],
    ['85,50,1', 'AMOUNT.NOT_A_NUMBER'],
    ['1,250.00', 'AMOUNT.NOT_A_NUMBER'], // English notation: ambiguous
    ['8.5.0', 'AMOUNT.NOT_A_NUMBER'],
    ['1.25.000', 'AMOUNT.NOT_A_NUMBER'],
    ['1.2345', 'AMOUNT.NOT_A_NUMBER'],
    ['1250.000,00', 'AMOUNT.NOT_A_NUMBER'], // a thousands group must follow 1-3 leading digits
    ['12 345', 'AMOUNT.NOT_A_NUMBER'],
    [',50', 'AMOUNT.NOT_A_NUMBER'],
    ['85,', 'AMOUNT.NOT_A_NUMBER'],
    ['+5', 'AMOUNT.NOT_A_NUMBER'],
    ['--5', 'AMOUNT.NOT_A_NUMBER'],
    ['85 euro 50', 'AMOUNT.NOT_A_NUMBER'],
    ['€ 85 euro', 'AMOUNT.NOT_A_NUMBER'],
    ['1e3', 'AMOUNT.NOT_A_NUMBER'],
    ['0x10', 'AMOUNT.NOT_A_NUMBER'],
    ['Infinity', 'AMOUNT.NOT_A_NUMBER'],
    ['٨٥', 'AMOUNT.NOT_A_NUMBER'], // Arabic-Indic digits are not \d
    ['0', 'AMOUNT.ZERO'],
    ['0,00', 'AMOUNT.ZERO'],
    ['0,0', 'AMOUNT.ZERO'],
    ['000', 'AMOUNT.ZERO'],
    ['€ 0,-', 'AMOUNT.ZERO'],
    ['-0', 'AMOUNT.ZERO'],
    ['-5', 'AMOUNT.NEGATIVE'],
    ['- 5', 'AMOUNT.NEGATIVE'],
    ['\u22125', 'AMOUNT.NEGATIVE'],
    ['\u2013 5', 'AMOUNT.NEGATIVE'],
    ['-€ 12,50', 'AMOUNT.NEGATIVE'],
    ['€ -12,50', 'AMOUNT.NEGATIVE'],
    ['-1.250,00', 'AMOUNT.NEGATIVE'],
    ['85,505', 'AMOUNT.TOO_MANY_DECIMALS'],
    ['85,500', 'AMOUNT.TOO_MANY_DECIMALS'],
    ['1,250', 'AMOUNT.TOO_MANY_DECIMALS'],
    ['0.505', 'AMOUNT.TOO_MANY_DECIMALS'],
    ['-85,505', 'AMOUNT.TOO_MANY_DECIMALS'],
    ['100000000', 'AMOUNT.TOO_LARGE'],
    ['100.000.000', 'AMOUNT.TOO_LARGE'],
    ['100.000.000,00', 'AMOUNT.TOO_LARGE'],
    ['€ 250.000.000', 'AMOUNT.TOO_LARGE'],
    ['99999999999999999999999', 'AMOUNT.TOO_LARGE'],
  ])('%j → %s', (input, expected) => {
    expect(parseAmount(input)).toEqual({ ok: false, error: expected });
  });
});

describe('formatEuro', () => {
  it.each<[number, string]>([
    [123456, '€ 1.234,56'],
    [5, '€ 0,05'],
    [0, '€ 0,00'],
    [8500, '€ 85,00'],
    [8550, '€ 85,50'],
    [-1250, '-€ 12,50'],
    [-5, '-€ 0,05'],
    [100000, '€ 1.000,00'],
    [99999, '€ 999,99'],
    [123456789012, '€ 1.234.567.890,12'],
  ])('%s → %j', (c, expected) => {
    expect(formatEuro(cents(c))).toBe(expected);
  });
});

describe('formatEuroInput', () => {
  it.each<[number, string]>([
    [123456, '1234,56'],
    [8500, '85'],
    [8550, '85,50'],
    [5, '0,05'],
    [0, '0'],
    [-1250, '-12,50'],
    [125000000, '1250000'],
  ])('%s → %j', (c, expected) => {
    expect(formatEuroInput(cents(c))).toBe(expected);
  });

  it.each([1, 5, 50, 99, 100, 8550, 123456, 9999999999])('parseAmount(formatEuroInput(%s)) round-trips', (c) => {
    expect(parseAmount(formatEuroInput(cents(c)))).toEqual({ ok: true, value: c });
  });
});
