// Point 4 of the trust-boundary work: every batch buildPain001 makes validates against the EPC
// pain.001.001.09 schema (EPC132-08 2023 implementation guidelines; test/fixtures/README.md),
// checked by xmllint (Debian libxml2-utils). Without xmllint these tests fail; they never skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPain001, remittanceText, SEPA_MAX_AMOUNT_CENTS, type SepaBatchInput, type SepaPayment } from '../../src/core/sepa.js';

const SCHEMA = fileURLToPath(new URL('../fixtures/pain.001.001.09.xsd', import.meta.url));

let dir: string;
let files = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mmw-pain001-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** xmllint's verdict on one document: ok, or its messages. Throws when xmllint cannot run. */
function validate(xml: string): { valid: boolean; output: string } {
  const file = join(dir, `batch-${++files}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (run.error) {
    throw new Error(
      `xmllint could not run (${run.error.message}). The SEPA schema test needs it: install the Debian package libxml2-utils (apt-get install libxml2-utils; .ci/run does).`,
    );
  }
  const output = `${run.stdout}${run.stderr}`.trim();
  return { valid: run.status === 0, output };
}

function expectValid(input: SepaBatchInput): string {
  const r = buildPain001(input);
  if (!r.ok) throw new Error(`buildPain001 refused the batch: ${r.error} ${r.detail ?? ''}`);
  const { valid, output } = validate(r.value.xml);
  expect(output, output).toMatch(/ validates$/);
  expect(valid).toBe(true);
  return r.value.xml;
}

function payment(requestId: number, over: Partial<SepaPayment> = {}): SepaPayment {
  return {
    requestId,
    amountCents: 8550,
    creditorName: 'Slotenmaker Jansen',
    creditorIban: 'NL20INGB0001234567',
    remittance: remittanceText(requestId, 'Nieuw slot'),
    ...over,
  };
}

function batch(over: Partial<SepaBatchInput> = {}): SepaBatchInput {
  return {
    messageId: 'MMW-20260311091530-12',
    createdAt: new Date('2026-03-11T09:15:30.123Z'),
    executionDate: '2026-03-12',
    debtor: { name: 'Gemeente Leiden', iban: 'NL91ABNA0417164300' },
    payments: [payment(12)],
    ...over,
  };
}

describe('point 4: the SEPA batch validates against the EPC pain.001.001.09 schema', () => {
  it('the check can fail: xmllint refuses a document the schema does not allow', () => {
    const r = buildPain001(batch());
    if (!r.ok) throw new Error(r.error);
    const broken = r.value.xml.replace('<InstdAmt Ccy="EUR">85.50</InstdAmt>', '<InstdAmt Ccy="EUR">85.505</InstdAmt>');
    expect(broken).not.toBe(r.value.xml);
    const { valid, output } = validate(broken);
    expect(valid).toBe(false);
    expect(output).toContain('InstdAmt');
  });

  it('a plain batch', () => {
    expectValid(batch());
  });

  it('awkward supplier names', () => {
    const names = [
      'Bäckerei & Söhne GmbH',
      'Ørsted A/S',
      'Łódź Sp. z o.o.',
      'Straße 12 — Café Ñandú',
      `O'Brien <Plumbing> "Ltd" & Co`,
      'Fietsenmaker 🚲 Jansen',
      '株式会社 Tanaka',
      'Naam\u0000\u0007met\tstuurtekens\nen regels',
      '   spaties   rondom   ',
      'Witgoedhandel Noord '.repeat(10), // cut to 70
      'X',
      '‘Aanhalingstekens’ „anders” «zo» ‹zo›',
      'Ⅻ ﬁrma ＦＵＬＬＷＩＤＴＨ',
      'Ελληνικά Alpha', // Greek letters become spaces
    ];
    expectValid(batch({ payments: names.map((creditorName, i) => payment(100 + i, { creditorName })) }));
  });

  it('remittance texts with characters outside the SEPA set, long and empty', () => {
    const texts = [
      'Factuur #123 — 50% korting ✓ €12,50 <b>vet</b> & "zo"',
      'Koelkast voor insuline, € 499,99; bon @ winkel [x] {y} |z| ~ ^ = * _ ! ; %',
      'ä'.repeat(300), // cut to 140
      '✓✓✓', // nothing left: no RmtInf
      '',
      'Regel 1\r\nRegel 2\u2028Regel 3',
      'Zero\u200bwidth\u00adsoft',
    ];
    expectValid(batch({ payments: texts.map((t, i) => payment(200 + i, { remittance: t })) }));
    expectValid(batch({ payments: texts.map((t, i) => payment(300 + i, { remittance: remittanceText(300 + i, t) })) }));
  });

  it('amounts at the edges: the smallest, the largest, and every number of cents', () => {
    const amounts = [1, 9, 10, 99, 100, 101, 8550, 49_999, 1_000_000, SEPA_MAX_AMOUNT_CENTS];
    const xml = expectValid(batch({ payments: amounts.map((amountCents, i) => payment(400 + i, { amountCents })) }));
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.01</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">999999999.99</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.10</InstdAmt>');
  });

  it('a debtor with a BIC (8 and 11 characters) and an address, and one without', () => {
    expectValid(batch({ debtor: { name: 'Gemeente Leiden', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' } }));
    expectValid(
      batch({
        debtor: {
          name: 'Gemeente ’s-Hertogenbosch — Sociaal Domein & Werk',
          iban: 'NL91 ABNA 0417 1643 00',
          bic: 'abna nl2a xxx',
          address: { country: 'nl', townName: '’s-Hertogenbosch', postCode: '5211 HG', streetName: 'Wolvenhoek', buildingNumber: '1' },
        },
      }),
    );
    expectValid(batch({ debtor: { name: 'Gemeente Leiden', iban: 'NL91ABNA0417164300', address: { country: 'NL' } } }));
    const without = expectValid(batch({ debtor: { name: 'Gemeente Leiden', iban: 'NL91ABNA0417164300' } }));
    expect(without).toContain('<Id>NOTPROVIDED</Id>');
  });

  it('creditors across the SEPA area', () => {
    const ibans = ['NL91ABNA0417164300', 'BE68 5390 0754 7034', 'DE89370400440532013000', 'GB29NWBK60161331926819', 'CH9300762011623852957', 'FR1420041010050500013M02606', 'MT84MALT011000012345MTLCAST001S'];
    expectValid(batch({ payments: ibans.map((creditorIban, i) => payment(500 + i, { creditorIban })) }));
  });

  it('any batch of arbitrary text and amounts', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 });
    const pay = fc.record({
      amountCents: fc.integer({ min: 1, max: SEPA_MAX_AMOUNT_CENTS }),
      creditorName: text.map((s) => `Leverancier ${s}`),
      creditorIban: fc.constantFrom('NL20INGB0001234567', 'BE68539007547034', 'DE89370400440532013000'),
      remittance: text,
    });
    fc.assert(
      fc.property(fc.array(pay, { minLength: 1, maxLength: 8 }), fc.option(fc.constantFrom('ABNANL2A', 'INGBNL2AXXX')), text, (pays, bic, debtorName) => {
        const payments = pays.map((p, i) => ({ ...p, requestId: i + 1 }));
        expectValid(batch({ payments, debtor: { name: `Gemeente ${debtorName}`, iban: 'NL91ABNA0417164300', ...(bic ? { bic } : {}) } }));
      }),
      { numRuns: 40 },
    );
  });
});
