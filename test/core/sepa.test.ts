import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  buildPain001,
  formatSepaAmount,
  isoAmsterdam,
  PAIN_001_001_09_NS,
  remittanceText,
  toSepaText,
  type SepaBatchInput,
  type SepaPayment,
} from '../../src/core/sepa.js';

const SEPA_CHARSET = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = any;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'CdtTrfTxInf' || name === 'PmtInf',
});

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  ignoreDeclaration: true,
});

function parse(xml: string): Node {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

/** Tag names of the children of the element reached by path (first match at every step). */
function childOrder(xml: string, path: readonly string[]): string[] {
  let nodes: Node[] = orderedParser.parse(xml);
  for (const name of path) {
    const hit = nodes.find((n) => Object.keys(n).includes(name));
    if (!hit) throw new Error(`no ${name} in path ${path.join('/')}`);
    nodes = hit[name];
  }
  return nodes.flatMap((n) => Object.keys(n).filter((k) => k !== ':@' && k !== '#text'));
}

/** "585.50" -> 58550 without floats. */
function decimalToCents(s: string): number {
  expect(s).toMatch(/^\d+\.\d{2}$/);
  return Number(s.replace('.', ''));
}

function payment(over: Partial<SepaPayment> = {}): SepaPayment {
  return {
    requestId: 12,
    amountCents: 8550,
    creditorName: 'Slotenmaker Jansen',
    creditorIban: 'NL20INGB0001234567',
    remittance: 'Minimaatwerk 12 Nieuw slot',
    ...over,
  };
}

function input(over: Partial<SepaBatchInput> = {}): SepaBatchInput {
  return {
    messageId: 'MMW-20260311-001',
    createdAt: new Date('2026-03-11T09:15:30.123Z'),
    executionDate: '2026-03-12',
    debtor: { name: 'Gemeente Leiden', iban: 'NL91ABNA0417164300' },
    payments: [
      payment({ requestId: 12, amountCents: 8550 }),
      payment({
        requestId: 13,
        amountCents: 49999,
        creditorName: 'Witgoed & Co — Zuid',
        creditorIban: 'DE89 3704 0044 0532 0130 00',
        remittance: remittanceText(13, 'Koelkast voor insuline, € 499,99'),
      }),
      payment({ requestId: 14, amountCents: 1, creditorName: 'Gemeente Leiden Burgerzaken', creditorIban: 'BE68539007547034' }),
    ],
    ...over,
  };
}

function ok(i: SepaBatchInput) {
  const r = buildPain001(i);
  if (!r.ok) throw new Error(`expected ok, got ${r.error} ${r.detail ?? ''}`);
  return r.value;
}

describe('buildPain001: content', () => {
  it('builds a document in the pain.001.001.09 namespace with group header and one batch', () => {
    const v = ok(input());
    expect(v.numberOfTransactions).toBe(3);
    expect(v.controlSumCents).toBe(58550);
    expect(v.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);

    const doc = parse(v.xml).Document;
    expect(doc['@_xmlns']).toBe(PAIN_001_001_09_NS);
    expect(PAIN_001_001_09_NS).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
    const init = doc.CstmrCdtTrfInitn;
    const hdr = init.GrpHdr;
    expect(hdr.MsgId).toBe('MMW-20260311-001');
    expect(hdr.CreDtTm).toBe('2026-03-11T10:15:30+01:00');
    expect(hdr.NbOfTxs).toBe('3');
    expect(hdr.CtrlSum).toBe('585.50');
    expect(hdr.InitgPty.Nm).toBe('Gemeente Leiden');

    expect(init.PmtInf).toHaveLength(1);
    const pi = init.PmtInf[0];
    expect(pi.PmtInfId).toBe('MMW-20260311-001');
    expect(pi.PmtMtd).toBe('TRF');
    expect(pi.BtchBookg).toBe('true');
    expect(pi.NbOfTxs).toBe('3');
    expect(pi.CtrlSum).toBe('585.50');
    expect(pi.PmtTpInf.SvcLvl.Cd).toBe('SEPA');
    expect(pi.ReqdExctnDt.Dt).toBe('2026-03-12');
    expect(pi.Dbtr.Nm).toBe('Gemeente Leiden');
    expect(pi.Dbtr.PstlAdr).toBeUndefined();
    expect(pi.DbtrAcct.Id.IBAN).toBe('NL91ABNA0417164300');
    expect(pi.DbtrAgt.FinInstnId.Othr.Id).toBe('NOTPROVIDED');
    expect(pi.DbtrAgt.FinInstnId.BICFI).toBeUndefined();
    expect(pi.ChrgBr).toBe('SLEV');

    const txs = pi.CdtTrfTxInf as Node[];
    expect(txs.map((t) => t.PmtId.EndToEndId)).toEqual(['MMW-12', 'MMW-13', 'MMW-14']);
    expect(txs.map((t) => t.Amt.InstdAmt['#text'])).toEqual(['85.50', '499.99', '0.01']);
    expect(txs.map((t) => t.Amt.InstdAmt['@_Ccy'])).toEqual(['EUR', 'EUR', 'EUR']);
    expect(txs.map((t) => t.Cdtr.Nm)).toEqual([
      'Slotenmaker Jansen',
      'Witgoed + Co - Zuid',
      'Gemeente Leiden Burgerzaken',
    ]);
    // IBANs in electronic format, even when given with spaces
    expect(txs.map((t) => t.CdtrAcct.Id.IBAN)).toEqual(['NL20INGB0001234567', 'DE89370400440532013000', 'BE68539007547034']);
    expect(txs[1].RmtInf.Ustrd).toBe('Minimaatwerk 13 Koelkast voor insuline, EUR 499,99');

    // control sum equals the sum of the instructed amounts (integer cents)
    const sum = txs.reduce((acc: number, t: Node) => acc + decimalToCents(t.Amt.InstdAmt['#text']), 0);
    expect(sum).toBe(decimalToCents(hdr.CtrlSum));
    expect(sum).toBe(58550);
  });

  it('keeps the element order of the pain.001.001.09 schema', () => {
    const v = ok(
      input({
        debtor: {
          name: 'Gemeente Leiden',
          iban: 'NL91ABNA0417164300',
          bic: 'ABNANL2A',
          address: { country: 'nl', townName: 'Leiden', postCode: '2311 EZ', streetName: 'Stadhuisplein', buildingNumber: '1' },
        },
      }),
    );
    const base = ['Document', 'CstmrCdtTrfInitn'];
    expect(childOrder(v.xml, ['Document'])).toEqual(['CstmrCdtTrfInitn']);
    expect(childOrder(v.xml, base)).toEqual(['GrpHdr', 'PmtInf']);
    expect(childOrder(v.xml, [...base, 'GrpHdr'])).toEqual(['MsgId', 'CreDtTm', 'NbOfTxs', 'CtrlSum', 'InitgPty']);
    expect(childOrder(v.xml, [...base, 'PmtInf'])).toEqual([
      'PmtInfId',
      'PmtMtd',
      'BtchBookg',
      'NbOfTxs',
      'CtrlSum',
      'PmtTpInf',
      'ReqdExctnDt',
      'Dbtr',
      'DbtrAcct',
      'DbtrAgt',
      'ChrgBr',
      'CdtTrfTxInf',
      'CdtTrfTxInf',
      'CdtTrfTxInf',
    ]);
    expect(childOrder(v.xml, [...base, 'PmtInf', 'ReqdExctnDt'])).toEqual(['Dt']);
    expect(childOrder(v.xml, [...base, 'PmtInf', 'Dbtr'])).toEqual(['Nm', 'PstlAdr']);
    expect(childOrder(v.xml, [...base, 'PmtInf', 'Dbtr', 'PstlAdr'])).toEqual(['StrtNm', 'BldgNb', 'PstCd', 'TwnNm', 'Ctry']);
    expect(childOrder(v.xml, [...base, 'PmtInf', 'DbtrAgt', 'FinInstnId'])).toEqual(['BICFI']);
    expect(childOrder(v.xml, [...base, 'PmtInf', 'CdtTrfTxInf'])).toEqual(['PmtId', 'Amt', 'Cdtr', 'CdtrAcct', 'RmtInf']);
    expect(childOrder(v.xml, [...base, 'PmtInf', 'CdtTrfTxInf', 'RmtInf'])).toEqual(['Ustrd']);

    const pi = parse(v.xml).Document.CstmrCdtTrfInitn.PmtInf[0];
    expect(pi.Dbtr.PstlAdr).toEqual({
      StrtNm: 'Stadhuisplein',
      BldgNb: '1',
      PstCd: '2311 EZ',
      TwnNm: 'Leiden',
      Ctry: 'NL',
    });
    expect(pi.DbtrAgt.FinInstnId.BICFI).toBe('ABNANL2A');
  });

  it('writes only the address parts that are given', () => {
    const v = ok(input({ debtor: { name: 'Gemeente Leiden', iban: 'NL91ABNA0417164300', address: { country: 'NL' } } }));
    expect(parse(v.xml).Document.CstmrCdtTrfInitn.PmtInf[0].Dbtr.PstlAdr).toEqual({ Ctry: 'NL' });
  });

  it('writes CreDtTm as Amsterdam local time with the offset of the day (winter +01:00, summer +02:00)', () => {
    expect(isoAmsterdam(new Date('2026-01-15T12:00:00Z'))).toBe('2026-01-15T13:00:00+01:00');
    expect(isoAmsterdam(new Date('2026-07-01T22:30:05.999Z'))).toBe('2026-07-02T00:30:05+02:00');
    expect(isoAmsterdam(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(isoAmsterdam(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(isoAmsterdam(new Date('2026-10-25T00:59:59Z'))).toBe('2026-10-25T02:59:59+02:00');
    expect(isoAmsterdam(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00+01:00');
    const v = ok(input({ createdAt: new Date('2026-07-01T08:00:00Z'), executionDate: '2026-07-01' }));
    expect(parse(v.xml).Document.CstmrCdtTrfInitn.GrpHdr.CreDtTm).toBe('2026-07-01T10:00:00+02:00');
  });

  it('transliterates names and remittance to the SEPA character set and respects the lengths', () => {
    const longName = 'Stichting Fietsenmakerij Ééndracht & Zonen ' + 'x'.repeat(80);
    const v = ok(
      input({
        payments: [
          payment({
            requestId: 7,
            creditorName: longName,
            remittance: remittanceText(7, 'Fiets <reparatie> "snel" voor werk; kosten ' + 'ë'.repeat(200)),
          }),
        ],
      }),
    );
    const tx = parse(v.xml).Document.CstmrCdtTrfInitn.PmtInf[0].CdtTrfTxInf[0];
    expect(tx.Cdtr.Nm.length).toBeLessThanOrEqual(70);
    expect(tx.Cdtr.Nm).toMatch(SEPA_CHARSET);
    expect(tx.Cdtr.Nm.startsWith('Stichting Fietsenmakerij Eendracht + Zonen x')).toBe(true);
    expect(tx.RmtInf.Ustrd.length).toBeLessThanOrEqual(140);
    expect(tx.RmtInf.Ustrd).toMatch(SEPA_CHARSET);
    expect(tx.RmtInf.Ustrd.startsWith('Minimaatwerk 7 Fiets reparatie snel voor werk kosten eeee')).toBe(true);
  });

  it('escapes XML special characters', () => {
    // an apostrophe is in the SEPA set and must still produce well-formed XML
    const v = ok(
      input({
        messageId: "MMW-'A'-1",
        debtor: { name: "Gemeente 's-Hertogenbosch", iban: 'NL91ABNA0417164300' },
        payments: [payment({ creditorName: "O'Brien <Tools> & \"Co\"", remittance: "it's <b>&amp;</b>" })],
      }),
    );
    expect(v.xml).not.toMatch(/<b>|&(?!amp;|lt;|gt;|quot;|apos;)/);
    const doc = parse(v.xml).Document.CstmrCdtTrfInitn;
    expect(v.xml).toContain('<MsgId>MMW-&apos;A&apos;-1</MsgId>');
    expect(doc.GrpHdr.MsgId).toBe("MMW-'A'-1");
    expect(doc.GrpHdr.InitgPty.Nm).toBe("Gemeente 's-Hertogenbosch");
    expect(doc.PmtInf[0].CdtTrfTxInf[0].Cdtr.Nm).toBe("O'Brien Tools + Co");
    expect(doc.PmtInf[0].CdtTrfTxInf[0].RmtInf.Ustrd).toBe("it's b +amp /b");
  });

  it('omits RmtInf when the remittance text is empty', () => {
    const v = ok(input({ payments: [payment({ remittance: '  ###  ' })] }));
    const tx = parse(v.xml).Document.CstmrCdtTrfInitn.PmtInf[0].CdtTrfTxInf[0];
    expect(tx.RmtInf).toBeUndefined();
  });

  it('control sum and amounts are exact for any set of payments (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 1, maxLength: 30 }), (amounts) => {
        const v = ok(input({ payments: amounts.map((a, i) => payment({ requestId: i + 1, amountCents: a })) }));
        const expected = amounts.reduce((s, a) => s + a, 0);
        expect(v.controlSumCents).toBe(expected);
        expect(v.numberOfTransactions).toBe(amounts.length);
        const init = parse(v.xml).Document.CstmrCdtTrfInitn;
        expect(decimalToCents(init.GrpHdr.CtrlSum)).toBe(expected);
        expect(decimalToCents(init.PmtInf[0].CtrlSum)).toBe(expected);
        expect(init.GrpHdr.NbOfTxs).toBe(String(amounts.length));
        const txs = init.PmtInf[0].CdtTrfTxInf as Node[];
        expect(txs.map((t) => decimalToCents(t.Amt.InstdAmt['#text']))).toEqual(amounts);
        expect(txs.map((t) => t.PmtId.EndToEndId)).toEqual(amounts.map((_, i) => `MMW-${i + 1}`));
      }),
      { numRuns: 100 },
    );
  });
});

describe('buildPain001: errors', () => {
  it('rejects an empty batch', () => {
    expect(buildPain001(input({ payments: [] }))).toMatchObject({ ok: false, error: 'SEPA.NO_PAYMENTS' });
  });

  it.each(['NL91ABNA0417164301', 'NL91', '', 'not an iban', 'US64SVBKUS6S3300958879'])(
    'rejects debtor IBAN %j',
    (iban) => {
      const r = buildPain001(input({ debtor: { name: 'Gemeente Leiden', iban } }));
      expect(r).toMatchObject({ ok: false, error: 'SEPA.DEBTOR_IBAN_INVALID' });
    },
  );

  it.each(['NL20INGB0001234568', 'US64SVBKUS6S3300958879', 'XX00'])('rejects creditor IBAN %j', (iban) => {
    const r = buildPain001(input({ payments: [payment(), payment({ requestId: 99, creditorIban: iban })] }));
    expect(r).toMatchObject({ ok: false, error: 'SEPA.CREDITOR_IBAN_INVALID' });
    if (!r.ok) expect(r.detail).toContain('#99');
  });

  it.each(['2026-02-30', '03-11-2026', '2026-3-11', '2026-13-01', '2026-03-11T00:00:00', '', '2026-03-10'])(
    'rejects execution date %j',
    (executionDate) => {
      // createdAt is 2026-03-11 in Amsterdam, so 2026-03-10 lies in the past
      expect(buildPain001(input({ executionDate }))).toMatchObject({ ok: false, error: 'SEPA.EXECUTION_DATE_INVALID' });
    },
  );

  it('accepts execution on the creation day and on a leap day', () => {
    expect(buildPain001(input({ executionDate: '2026-03-11' })).ok).toBe(true);
    expect(
      buildPain001(input({ createdAt: new Date('2028-02-28T10:00:00Z'), executionDate: '2028-02-29' })).ok,
    ).toBe(true);
  });

  it.each([0, -100, 12.5, Number.NaN, 100_000_000_000])('rejects amount %j', (amountCents) => {
    const r = buildPain001(input({ payments: [payment({ amountCents })] }));
    expect(r).toMatchObject({ ok: false, error: 'SEPA.AMOUNT_INVALID' });
  });

  it('throws on programming errors: duplicate request, bad message id', () => {
    expect(() => buildPain001(input({ payments: [payment(), payment()] }))).toThrow(/twice/);
    expect(() => buildPain001(input({ messageId: 'X'.repeat(36) }))).toThrow(RangeError);
    expect(() => buildPain001(input({ messageId: 'MMW#1' }))).toThrow(RangeError);
    expect(() => buildPain001(input({ messageId: '' }))).toThrow(RangeError);
  });
});

describe('toSepaText', () => {
  it('transliterates to the SEPA character set', () => {
    expect(toSepaText('Café Ëlla', 70)).toBe('Cafe Ella');
    expect(toSepaText('Straße', 70)).toBe('Strasse');
    expect(toSepaText('€ 50', 70)).toBe('EUR 50');
    expect(toSepaText('Jansen & Zn.', 70)).toBe('Jansen + Zn.');
    expect(toSepaText('Kosten #12; 50% "korting"', 70)).toBe('Kosten 12 50 korting');
    expect(toSepaText("ʼs-Gravenhage / 's-Hertogenbosch (a) ? :", 70)).toBe("s-Gravenhage / 's-Hertogenbosch (a) ? :");
    expect(toSepaText('  veel    spaties \n\t en regels  ', 70)).toBe('veel spaties en regels');
    expect(toSepaText('Ørsted Æble Œuvre Łódź', 70)).toBe('Orsted AEble OEuvre Lodz');
    expect(toSepaText('日本語', 70)).toBe('');
  });

  it('truncates to max without a trailing space', () => {
    expect(toSepaText('abcdef', 3)).toBe('abc');
    expect(toSepaText('ab cdef', 3)).toBe('ab');
    expect(toSepaText('ßßß', 5)).toBe('sssss');
    expect(toSepaText('abc', 0)).toBe('');
  });

  it('always yields SEPA characters within the limit (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 0, max: 140 }), (s, max) => {
        const out = toSepaText(s, max);
        expect(out).toMatch(SEPA_CHARSET);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/^ | $| {2}/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('remittanceText', () => {
  it('prefixes the request number', () => {
    expect(remittanceText(12, 'Koelkast voor insuline')).toBe('Minimaatwerk 12 Koelkast voor insuline');
    expect(remittanceText(12, '')).toBe('Minimaatwerk 12');
  });

  it('stays within 140 SEPA characters', () => {
    const t = remittanceText(123456, 'Rijbewijs & ID-kaart — € 95,00 ' + 'é'.repeat(300));
    expect(t.length).toBe(140);
    expect(t).toMatch(SEPA_CHARSET);
    expect(t.startsWith('Minimaatwerk 123456 Rijbewijs + ID-kaart - EUR 95,00 eee')).toBe(true);
  });
});

describe('formatSepaAmount', () => {
  it('formats integer cents with a dot and two decimals', () => {
    expect(formatSepaAmount(58550)).toBe('585.50');
    expect(formatSepaAmount(1)).toBe('0.01');
    expect(formatSepaAmount(10)).toBe('0.10');
    expect(formatSepaAmount(99_999_999_999)).toBe('999999999.99');
    expect(() => formatSepaAmount(0.5)).toThrow(RangeError);
  });
});
