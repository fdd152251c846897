// Point 1 of the trust-boundary work: BSNs in the formats people type are refused, ordinary
// numbers (amounts, phone numbers, IBANs, dates, postcodes, invoice numbers, case references) are not.
import fc from 'fast-check';
import { composeIBAN, friendlyFormatIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { cents, formatEuro } from '../../src/core/money.js';
import { containsBsn, findBsn, passesElfproef } from '../../src/core/privacy.js';
import { foldForMatching } from '../../src/core/unicode.js';

describe('passesElfproef', () => {
  it.each<[string, boolean]>([
    ['111222333', true],
    ['123456782', true],
    ['999999990', true],
    ['012345672', true],
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
    ['١٢٣٤٥٦٧٨٢', false], // non-ASCII digits: findBsn folds them first
  ])('%j → %s', (input, expected) => {
    expect(passesElfproef(input)).toBe(expected);
  });
});

describe('foldForMatching', () => {
  it.each<[string, string]>([
    ['１２３４５６７８２', '123456782'], // full-width
    ['123\u00a0456\u2009782\u202f1\u30002', '123 456 782 1 2'], // nbsp, thin, narrow nbsp, ideographic space
    ['1\u200b2\u200c3\u200d4\u20605\ufeff6\u00ad7', '1234567'], // zero-width, word joiner, BOM, soft hyphen
    ['١٢٣٤٥٦٧٨٩٠', '1234567890'], // Arabic-Indic
    ['۱۲۳', '123'], // Extended Arabic-Indic (Persian, Urdu)
    ['१२३', '123'], // Devanagari
    ['𝟏𝟐𝟑', '123'], // mathematical bold (NFKC)
    ['１２３．４５６－７８２／＿', '123.456-782/_'],
    ['WT-2026-014 koelkast', 'WT-2026-014 koelkast'],
  ])('%j → %j', (input, expected) => {
    expect(foldForMatching(input)).toBe(expected);
  });
});

describe('findBsn: examples', () => {
  it.each<[string, string | null]>([
    // plain and embedded
    ['123456782', '123456782'],
    ['BSN 111222333', '111222333'],
    ['cliënt met bsn 999999990 heeft een koelkast nodig', '999999990'],
    ['nummer: 123456782.', '123456782'],
    ['(123456782)', '123456782'],
    ['bsn:123456782,', '123456782'],
    // separators, one or several, any kind
    ['123.456.782', '123456782'],
    ['1234.56.782', '123456782'], // as printed on the ID card
    ['123 456 782', '123456782'],
    ['1234-56-782', '123456782'],
    ['bsn 111.222.333 graag', '111222333'],
    ['12 34 56 782', '123456782'],
    ['123  456  782', '123456782'],
    ['123--456--782', '123456782'],
    ['123 / 456 / 782', '123456782'],
    ['123/456/782', '123456782'],
    ['123_456_782', '123456782'],
    ['123,456,782', '123456782'],
    ["123'456'782", '123456782'],
    ['123\\456\\782', '123456782'],
    ['123–456—782', '123456782'], // en and em dash
    ['123\u00a0456\u00a0782', '123456782'],
    ['123\u2009456\u2009782', '123456782'],
    ['123\u202f456\u202f782', '123456782'],
    ['1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8\u200b2', '123456782'],
    ['１２３４５６７８２', '123456782'],
    ['１２３ ４５６ ７８２', '123456782'],
    ['١٢٣٤٥٦٧٨٢', '123456782'],
    ['123\n456\n782', '123456782'],
    // eight digits: a BSN starting with 0, written without it
    ['12345672', '012345672'],
    ['bsn 1234 5672', '012345672'],
    ['012345672', '012345672'],
    ['0123\u00a0456\u00a072', '012345672'],
    // letters are non-digits: caught (over-detecting is the safe side)
    ['zaak123456782', '123456782'],
    ['123456782abc', '123456782'],
    ['WT/123/456/782', '123456782'],
    ['WT_111_222_333', '111222333'],
    // first passing number wins; failing ones are skipped
    ['123456789 en 111222333', '111222333'],
    ['111222333 en 123456782', '111222333'],
    // a 9-digit group inside a longer chunk
    ['0612345678 123456782', '123456782'],
    ['123456782-1', '123456782'],
    ['€ 85,50 / 123456782', '123456782'],
    // not BSNs
    ['123456789', null], // fails the elfproef
    ['12345678', null], // "012345678" fails
    ['000000000', null],
    ['01234567', null], // 8 digits starting with 0: would be a BSN starting with 00
    ['1234567820', null], // 10-digit run containing 123456782
    ['01234567820', null],
    ['', null],
    ['geen nummers hier', null],
    ['12.345.678-9', null], // 9 digits, fails
  ])('%j → %j', (text, expected) => {
    expect(findBsn(text)).toBe(expected);
    expect(containsBsn(text)).toBe(expected !== null);
  });
});

// ── Properties: any valid BSN, written in any way, is refused ───────────────────────────────────

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Eight digits and the check digit that makes the elfproef pass (computed here, not by the module). */
function withCheckDigit(eight: readonly number[]): string | null {
  const sum = eight.reduce((acc, d, i) => acc + d * (WEIGHTS[i] as number), 0);
  const check = sum % 11;
  if (check === 10 || sum - check <= 0) return null;
  return [...eight, check].join('');
}

const digit = fc.integer({ min: 0, max: 9 });
const validBsn = fc
  .array(digit, { minLength: 8, maxLength: 8 })
  .map(withCheckDigit)
  .filter((b): b is string => b !== null);
/** A valid BSN that starts with 0 (and not 00): people and spreadsheets drop that 0. */
const validBsnStartingWith0 = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.array(digit, { minLength: 6, maxLength: 6 }))
  .map(([second, rest]) => withCheckDigit([0, second, ...rest]))
  .filter((b): b is string => b !== null);

const SPACES = [' ', '\u00a0', '\u2009', '\u202f', '\u2007', '\u3000', '\t'];
const PUNCTUATION = ['.', '-', '/', '_', '\u2013', '\u2014', '\u2212', '．', '－', '／', '＿'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

/** One gap between two digits: nothing, or a run of separators, with invisible characters mixed in. */
const gap = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.array(fc.constantFrom(...SPACES, ...PUNCTUATION), { minLength: 1, maxLength: 3 }).map((a) => a.join('')) }),
  fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 2 }).map((a) => a.join('')),
  fc.boolean(),
);
/** How one digit is typed: ASCII, full-width, or Arabic-Indic. */
const digitStyle = fc.constantFrom('ascii', 'ascii', 'fullwidth', 'arabic');
const typeDigit = (d: string, style: string) =>
  style === 'fullwidth' ? String.fromCharCode(0xff10 + Number(d)) : style === 'arabic' ? String.fromCharCode(0x0660 + Number(d)) : d;

interface Written {
  text: string;
  /** The same digits and separators in ASCII, invisible characters left out: what the shapes below test. */
  ascii: string;
}

function writeDigits(digits: string): fc.Arbitrary<Written> {
  const n = digits.length;
  return fc
    .tuple(fc.array(gap, { minLength: n - 1, maxLength: n - 1 }), fc.array(digitStyle, { minLength: n, maxLength: n }))
    .map(([gaps, styles]) => {
      let text = '';
      let ascii = '';
      [...digits].forEach((d, i) => {
        text += typeDigit(d, styles[i] as string);
        ascii += d;
        const g = gaps[i];
        if (!g) return;
        const [sep, invisible, invisibleFirst] = g;
        text += invisibleFirst ? invisible + sep : sep + invisible;
        ascii += sep.normalize('NFKC').replace(/\s/g, ' ').replace(/[\u2013\u2014\u2212]/g, '-');
      });
      return { text, ascii };
    });
}

/**
 * Shapes the rule deliberately reads as something else (module comment, rule 3), written loosely
 * here (no day/month/year/hour ranges) so that a skipped case is never one the rule should catch.
 */
const READS_AS_OTHER = [
  /^\d{1,2}([-./])\d{1,2}\1\d{4}(?: +\d{1,2}\.\d{2})?$/, // date (and time)
  /^\d{4}([-./])\d{1,2}\1\d{1,2}(?: +\d{1,2}\.\d{2})?$/,
  /^\d{1,2}\.\d{2} *- *\d{1,2}\.\d{2}$/, // time range
  /^(?:19|20)\d\d\D+\d{4,5}$/, // year-numbered reference
];
const readsAsOther = (ascii: string) => READS_AS_OTHER.some((re) => re.test(ascii));

const before = fc.constantFrom('', 'bsn ', 'BSN: ', 'cliënt ', 'zaak ', '(', 'nr. ', 'WT/');
const after = fc.constantFrom('', ' graag', '.', ')', ', koelkast', '\n');

describe('findBsn: any valid BSN, written with any separators, is refused', () => {
  it('nine digits', () => {
    fc.assert(
      fc.property(
        validBsn.chain((bsn) => fc.tuple(fc.constant(bsn), writeDigits(bsn), before, after)),
        ([bsn, written, pre, post]) => {
          fc.pre(!readsAsOther(written.ascii));
          expect(findBsn(pre + written.text + post)).toBe(bsn);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('eight digits: a BSN starting with 0, its 0 dropped', () => {
    fc.assert(
      fc.property(
        validBsnStartingWith0.chain((bsn) => fc.tuple(fc.constant(bsn), writeDigits(bsn.slice(1)), before, after)),
        ([bsn, written, pre, post]) => {
          fc.pre(!readsAsOther(written.ascii));
          expect(findBsn(pre + written.text + post)).toBe(bsn);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the generators do produce BSNs (sanity check of the oracle above)', () => {
    fc.assert(fc.property(validBsn, (b) => passesElfproef(b)));
    fc.assert(fc.property(validBsnStartingWith0, (b) => b.startsWith('0') && passesElfproef(b)));
  });
});

// ── Ordinary numbers are accepted ───────────────────────────────────────────────────────────────

describe('findBsn: a catalogue of ordinary numbers is accepted', () => {
  it.each([
    // amounts
    '€ 1.250,00',
    '€ 1.250,00 voor de huur',
    '85,50',
    '€ 85,-',
    '€ 1.234.567,82',
    '1234567,82',
    'totaal 112,50 - 12,50 korting',
    // Dutch phone numbers
    '06-12345678',
    'bel 0612345678',
    '06 1234 5678',
    '06 12 34 56 78',
    '+31 6 1234 5678',
    '+31 (0)6 1234 5678',
    '+31 (0)6-12345678',
    '+316 12345678',
    '0031 6 12345678',
    '(06) 12345678',
    '020-1234567',
    '020 123 4567',
    '(020) 123 45 67',
    '+31 20 123 4567',
    '0575-123456',
    '0800-1234',
    '0900-1234567',
    // IBANs
    'NL91 ABNA 0417 1643 00',
    'NL91ABNA0417164300',
    'nl91 abna 0417 1643 00',
    'NL20 INGB 0001 2345 67',
    'NL02\u00a0ABNA\u00a00123\u00a04567\u00a089',
    'BE68 5390 0754 7034',
    'DE89 3704 0044 0532 0130 00',
    'FR14 2004 1010 0505 0001 3M02 606',
    'GB29 NWBK 6016 1331 9268 19',
    'IT60 X054 2811 1010 0000 0123 456',
    'ES91 2100 0418 4502 0005 1332',
    'AT61 1904 3002 3457 3201',
    'CH93 0076 2011 6238 5295 7',
    'LU28 0019 4006 4475 0000',
    'IE29 AIBK 9311 5212 3456 78',
    'PL61 1090 1014 0000 0712 1981 2874',
    // dates and times
    '12-03-2026',
    '2026-03-12',
    '12/03/2026',
    '12.03.2026',
    '1-3-2026 9.30',
    'op 12-03-2026 om 14.30',
    '12-03-2026 14.30',
    'afspraak 9.30-10.15',
    '14.00 – 15.30 uur',
    // postcodes and addresses
    '1234 AB',
    '1234AB',
    'Dorpsstraat 12, 1234 AB Amsterdam',
    // invoice numbers
    'factuur 2026-00123',
    'INV/2026/0042',
    'factuurnummer 2025.12345',
    'bon 111222334', // 9 digits failing the elfproef
    // case references
    'WT-2026-014',
    'WT-2026-0142',
    'wt/2026/7',
  ])('%j', (text) => {
    expect(findBsn(text)).toBeNull();
  });
});

describe('findBsn: every number of these kinds is accepted', () => {
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
  const check = <T>(arb: fc.Arbitrary<T>, write: (x: T) => string) =>
    fc.assert(
      fc.property(arb, (x) => {
        expect(findBsn(write(x))).toBeNull();
      }),
      { numRuns: 500 },
    );

  it('Dutch mobile numbers, in the ways people write them', () => {
    const formats = [
      (n: string) => `06-${n}`,
      (n: string) => `06 ${n}`,
      (n: string) => `06${n}`,
      (n: string) => `06 ${n.slice(0, 4)} ${n.slice(4)}`,
      (n: string) => `06 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`,
      (n: string) => `+31 6 ${n.slice(0, 4)} ${n.slice(4)}`,
      (n: string) => `+31 (0)6 ${n}`,
      (n: string) => `+31 (0) 6-${n}`,
      (n: string) => `+316${n}`,
      (n: string) => `0031 6 ${n}`,
      (n: string) => `(06) ${n}`,
      (n: string) => `tel. 06\u2013${n}`,
    ];
    check(fc.tuple(digits(8), fc.constantFrom(...formats)), ([n, f]) => f(n));
  });

  it('Dutch landline numbers (3- and 4-digit area codes)', () => {
    const number = fc.oneof(
      fc.tuple(fc.integer({ min: 10, max: 99 }), digits(7)).map(([a, s]) => [`0${a}`, s] as const),
      fc.tuple(fc.integer({ min: 100, max: 999 }), digits(6)).map(([a, s]) => [`0${a}`, s] as const),
    );
    const formats = [
      (a: string, s: string) => `${a}-${s}`,
      (a: string, s: string) => `${a} ${s}`,
      (a: string, s: string) => `${a}${s}`,
      (a: string, s: string) => `(${a}) ${s}`,
      (a: string, s: string) => `+31 ${a.slice(1)} ${s}`,
      (a: string, s: string) => `+31 (0)${a.slice(1)} ${s}`,
    ];
    check(fc.tuple(number, fc.constantFrom(...formats)), ([[a, s], f]) => f(a, s));
  });

  it('Dutch IBANs, electronic, grouped, lower case, with non-breaking spaces', () => {
    const bank = fc.constantFrom('ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'KNAB', 'BUNQ', 'RBRB');
    const iban = fc
      .tuple(bank, digits(10))
      .map(([b, n]) => composeIBAN({ countryCode: 'NL', bban: b + n }))
      .filter((x): x is string => typeof x === 'string');
    const formats = [
      (e: string) => e,
      (e: string) => friendlyFormatIBAN(e) ?? e,
      (e: string) => (friendlyFormatIBAN(e) ?? e).toLowerCase(),
      (e: string) => `IBAN: ${friendlyFormatIBAN(e, '\u00a0') ?? e} t.n.v. Witgoed Noord`,
      (e: string) => friendlyFormatIBAN(e, '-') ?? e,
    ];
    check(fc.tuple(iban, fc.constantFrom(...formats)), ([e, f]) => f(e));
  });

  it('dates, with or without a time, and time ranges', () => {
    const date = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true });
    const two = (n: number) => String(n).padStart(2, '0');
    const formats = [
      (d: Date) => `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`,
      (d: Date) => `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()}`,
      (d: Date) => `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
      (d: Date) => `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`,
      (d: Date) => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`,
      (d: Date) => `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()} ${d.getUTCHours()}.${two(d.getUTCMinutes())}`,
      (d: Date) => `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${two(d.getUTCHours())}.${two(d.getUTCMinutes())}`,
      (d: Date) => `${d.getUTCHours()}.${two(d.getUTCMinutes())}-${two((d.getUTCHours() + 1) % 24)}.${two(d.getUTCSeconds())}`,
      (d: Date) => `${two(d.getUTCHours())}.${two(d.getUTCMinutes())} – ${two(d.getUTCDate() % 24)}.${two(d.getUTCSeconds())} uur`,
    ];
    check(fc.tuple(date, fc.constantFrom(...formats)), ([d, f]) => f(d));
  });

  it('amounts up to € 10 million, alone or two in a row', () => {
    const amount = fc.integer({ min: 1, max: 999_999_999 }).map(cents);
    const plain = (c: number) => `${Math.trunc(c / 100)},${String(c % 100).padStart(2, '0')}`;
    const formats = [
      (a: number) => formatEuro(cents(a)),
      (a: number) => formatEuro(cents(a)).replace('€ ', ''),
      (a: number) => plain(a),
      (a: number, b: number) => `${formatEuro(cents(a)).replace('€ ', '')} - ${formatEuro(cents(b)).replace('€ ', '')}`,
      (a: number, b: number) => `${plain(a)}/${plain(b)}`,
    ];
    check(fc.tuple(amount, amount, fc.constantFrom(...formats)), ([a, b, f]) => f(a, b));
  });

  it('postcodes with a house number', () => {
    const pc = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 999 }), fc.constantFrom(' ', ''));
    check(pc, ([p, h, s]) => `Dorpsstraat ${h}, ${p}${s}AB Utrecht`);
  });

  it('invoice numbers and case references numbered by year', () => {
    const year = fc.integer({ min: 1990, max: 2099 });
    const sep = fc.constantFrom('-', '/', '.', ' ', '_', ' - ');
    const invoice = fc.tuple(year, sep, fc.integer({ min: 4, max: 5 }).chain(digits), fc.constantFrom('factuur ', 'INV', 'INV/', 'nr. '));
    check(invoice, ([y, s, n, pre]) => `${pre}${y}${s}${n}`);
    const caseRef = fc.tuple(year, fc.integer({ min: 1, max: 4 }).chain(digits), fc.constantFrom('WT-', 'wt-', 'BT/'));
    check(caseRef, ([y, n, pre]) => `${pre}${y}-${n}`);
  });
});

describe('findBsn: known limits, as documented in the module', () => {
  it('over-detection: an 8-digit number that passes with a 0 in front is refused (e.g. a KvK number)', () => {
    expect(passesElfproef('012345672')).toBe(true);
    expect(findBsn('KvK 12345672')).toBe('012345672');
  });
  it('under-detection: a BSN glued by a separator to another number is not caught', () => {
    expect(findBsn('123 456 782 2')).toBeNull();
    expect(findBsn('85,50 123 456 782')).toBeNull();
  });
});
