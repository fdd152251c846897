import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REGISTER_HEADER, registerCsv, type RegisterRow } from '../../src/core/register.js';

/**
 * Small RFC 4180 parser (separator ';'). Returns records of fields; a record ends at CRLF
 * outside quotes. Throws on a bare LF/CR outside quotes so that we notice wrong line ends.
 */
function parseCsv(text: string, sep = ';'): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let inQuotes = false;
  let fieldStarted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== sep && next !== '\r') throw new Error(`garbage after quote at ${i}`);
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (fieldStarted) throw new Error(`quote inside unquoted field at ${i}`);
      inQuotes = true;
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (c === sep) {
      record.push(field);
      field = '';
      fieldStarted = false;
      i += 1;
      continue;
    }
    if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
      i += 2;
      continue;
    }
    if (c === '\n') throw new Error(`bare LF at ${i}`);
    field += c;
    fieldStarted = true;
    i += 1;
  }
  if (inQuotes) throw new Error('unterminated quote');
  if (fieldStarted || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function row(over: Partial<RegisterRow> = {}): RegisterRow {
  return {
    requestId: 12,
    teamName: 'Buurtteam Noord',
    amountCents: 123456,
    supplierName: 'Witgoed Centrum B.V.',
    supplierIban: 'NL91ABNA0417164300',
    categoryLabel: 'Witgoed',
    caseRef: 'Z-2026-0042',
    description: 'Koelkast voor insuline',
    requesterId: 'U123',
    requesterName: 'Anna de Vries',
    approvers: ['Bram', 'Chris', 'Dewi'],
    createdAt: new Date('2026-03-10T09:00:00Z'),
    approvedAt: new Date('2026-03-10T13:30:00Z'),
    status: 'approved',
    exportedAt: null,
    paidAt: null,
    ...over,
  };
}

function parseBody(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parseCsv(csv.slice(1));
}

describe('registerCsv', () => {
  it('starts with a BOM and the Dutch header, separated by semicolons, CRLF line ends', () => {
    const csv = registerCsv([]);
    expect(csv).toBe(
      '\uFEFFAanvraag;Team;Bedrag;Leverancier;IBAN;Categorie;Zaakreferentie;Omschrijving;Aanvrager;' +
        'Goedkeurders;Aangevraagd;Goedgekeurd;Status;Geëxporteerd;Betaald\r\n',
    );
    expect(parseBody(csv)).toEqual([[...REGISTER_HEADER]]);
  });

  it('writes every field of a plain row', () => {
    const csv = registerCsv([
      row({ exportedAt: new Date('2026-03-11T08:00:00Z'), paidAt: new Date('2026-03-13T10:00:00Z'), status: 'paid' }),
    ]);
    const recs = parseBody(csv);
    expect(recs).toHaveLength(2);
    expect(recs[1]).toEqual([
      '12',
      'Buurtteam Noord',
      '1234,56',
      'Witgoed Centrum B.V.',
      'NL91ABNA0417164300',
      'Witgoed',
      'Z-2026-0042',
      'Koelkast voor insuline',
      'Anna de Vries',
      'Bram, Chris, Dewi',
      '2026-03-10',
      '2026-03-10',
      'paid',
      '2026-03-11',
      '2026-03-13',
    ]);
    // every line ends with CRLF, no bare LF anywhere
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('formats amounts with a decimal comma, two decimals and no thousands separator', () => {
    const amounts: [number, string][] = [
      [0, '0,00'],
      [1, '0,01'],
      [10, '0,10'],
      [8550, '85,50'],
      [50000, '500,00'],
      [123456789, '1234567,89'],
    ];
    const recs = parseBody(registerCsv(amounts.map(([c], i) => row({ requestId: i + 1, amountCents: c }))));
    expect(recs.slice(1).map((r) => r[2])).toEqual(amounts.map(([, s]) => s));
  });

  it('rejects non-integer cents', () => {
    expect(() => registerCsv([row({ amountCents: 12.5 })])).toThrow(RangeError);
  });

  it('quotes a description with ; and " and a newline, and it parses back unchanged', () => {
    const description = 'Sloten; "spoed"\nsleutel in de deur\r\nlaten zitten';
    const recs = parseBody(registerCsv([row({ description })]));
    expect(recs).toHaveLength(2);
    expect(recs[1]).toHaveLength(15);
    expect(recs[1]![7]).toBe(description);
    expect(recs[1]![8]).toBe('Anna de Vries');
  });

  it('guards text fields against formula injection, but not amounts', () => {
    const recs = parseBody(
      registerCsv([
        row({
          teamName: '=HYPERLINK("http://x","klik")',
          supplierName: '+31 Leverancier',
          description: '-2+3',
          caseRef: '@SUM(A1)',
          categoryLabel: '\tWitgoed',
          requesterName: '=cmd',
          approvers: ['-Bram', 'Chris'],
          status: '=1',
        }),
      ]),
    );
    const r = recs[1]!;
    expect(r[1]).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(r[2]).toBe('1234,56');
    expect(r[3]).toBe("'+31 Leverancier");
    expect(r[5]).toBe("'\tWitgoed");
    expect(r[6]).toBe("'@SUM(A1)");
    expect(r[7]).toBe("'-2+3");
    expect(r[8]).toBe("'=cmd");
    expect(r[9]).toBe("'-Bram, Chris");
    expect(r[12]).toBe("'=1");
  });

  it('falls back to the requester id when there is no (non-blank) name', () => {
    const { requesterName: _omit, ...noName } = row();
    const recs = parseBody(registerCsv([noName, row({ requesterName: '  ' })]));
    expect(recs[1]![8]).toBe('U123');
    expect(recs[2]![8]).toBe('U123');
  });

  it('leaves export and payment dates empty when missing', () => {
    const { exportedAt: _e, paidAt: _p, ...r } = row();
    const recs = parseBody(registerCsv([r, row({ exportedAt: null, paidAt: null })]));
    expect(recs[1]!.slice(13)).toEqual(['', '']);
    expect(recs[2]!.slice(13)).toEqual(['', '']);
  });

  it('writes calendar days in Europe/Amsterdam around the DST changes', () => {
    const cases: [string, string][] = [
      // spring forward 2026-03-29 01:00 UTC (CET +1 -> CEST +2)
      ['2026-03-28T22:59:59Z', '2026-03-28'],
      ['2026-03-28T23:00:00Z', '2026-03-29'], // 00:00 CET
      ['2026-03-29T21:59:59Z', '2026-03-29'], // 23:59:59 CEST
      ['2026-03-29T22:00:00Z', '2026-03-30'], // 00:00 CEST
      // fall back 2026-10-25 01:00 UTC (CEST +2 -> CET +1)
      ['2026-10-24T21:59:59Z', '2026-10-24'],
      ['2026-10-24T22:00:00Z', '2026-10-25'], // 00:00 CEST
      ['2026-10-25T22:59:59Z', '2026-10-25'], // 23:59:59 CET
      ['2026-10-25T23:00:00Z', '2026-10-26'],
      // New Year's Eve: already the next year in Amsterdam
      ['2026-12-31T23:30:00Z', '2027-01-01'],
    ];
    const rows = cases.map(([iso], i) =>
      row({ requestId: i + 1, createdAt: new Date(iso), approvedAt: new Date(iso), paidAt: new Date(iso) }),
    );
    const recs = parseBody(registerCsv(rows)).slice(1);
    expect(recs.map((r) => [r[10], r[11], r[14]])).toEqual(cases.map(([, d]) => [d, d, d]));
  });

  it('round-trips arbitrary text fields (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(text, { maxLength: 4 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (description, supplierName, approvers, amountCents) => {
          const recs = parseBody(registerCsv([row({ description, supplierName, approvers, amountCents })]));
          expect(recs).toHaveLength(2);
          const r = recs[1]!;
          expect(r).toHaveLength(15);
          expect(r[7]).toBe(guarded(description));
          expect(r[3]).toBe(guarded(supplierName));
          expect(r[9]).toBe(guarded(approvers.join(', ')));
          expect(r[2]).toBe(`${Math.trunc(amountCents / 100)},${String(amountCents % 100).padStart(2, '0')}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
