// The request form, field by field: every error, BSN checks, case references, and edits.
import { toPlain } from '../../src/core/text.js';
import { describe, expect, it } from 'vitest';
import { field, LIMITS } from '../../src/core/messages.js';
import type { RequestFormInput } from '../../src/core/requestForm.js';
import { caseRefKey, editResetsApprovals, validateRequestForm } from '../../src/core/requestForm.js';
import { cents } from '../../src/core/money.js';
import { VALID_FORM } from '../support/forms.js';

const CATS = ['witgoed', 'mondzorg', 'overig'];
const VALID: RequestFormInput = VALID_FORM;
const BSN = '111222333'; // passes the elfproef

const errorsOf = (patch: Partial<RequestFormInput>) => {
  const r = validateRequestForm({ ...VALID, ...patch }, CATS);
  if (r.ok) throw new Error('expected errors');
  return r.error;
};

describe('a valid form', () => {
  it('is normalised: cents, compact IBAN, trimmed text', () => {
    const r = validateRequestForm({ ...VALID, description: '  koelkast ', supplierName: ' Noord ', reasonText: ' snel nodig ' }, CATS);
    expect(r).toEqual({
      ok: true,
      value: {
        amountCents: 8550,
        description: 'koelkast',
        supplierName: 'Noord',
        supplierIban: 'NL91ABNA0417164300',
        categorySlug: 'witgoed',
        caseRef: 'WT-2026-014',
        reason: 'no_provision',
        reasonText: 'snel nodig',
      },
    });
  });
  it.each([['85', 8500], ['€ 85,50', 8550], ['85 euro', 8500], ['1.250', 125000], ['85.50', 8550]])('amount %j → %i cents', (amount, c) => {
    const r = validateRequestForm({ ...VALID, amount }, CATS);
    expect(r.ok && r.value.amountCents).toBe(c);
  });
});

describe('each field error', () => {
  it.each([
    ['', 'Vul een bedrag in'],
    ['0', 'meer dan € 0'],
    ['-5', 'negatief'],
    ['vijftig', 'geen bedrag'],
    ['85,505', 'twee cijfers'],
  ])('amount %j', (amount, text) => {
    expect(toPlain(errorsOf({ amount }).amount!.nl)).toContain(text);
  });
  it('description required and at most 300 characters', () => {
    expect(errorsOf({ description: '   ' }).description).toEqual(field.required);
    expect(errorsOf({ description: 'x'.repeat(LIMITS.description + 1) }).description).toEqual(field.tooLong(LIMITS.description));
    expect(validateRequestForm({ ...VALID, description: 'x'.repeat(LIMITS.description) }, CATS).ok).toBe(true);
  });
  it('supplier required and at most 100 characters', () => {
    expect(errorsOf({ supplierName: '' }).supplierName).toEqual(field.required);
    expect(errorsOf({ supplierName: 'x'.repeat(LIMITS.supplierName + 1) }).supplierName).toEqual(field.tooLong(LIMITS.supplierName));
  });
  it('IBAN required and valid', () => {
    expect(errorsOf({ supplierIban: '' }).supplierIban).toEqual(field.required);
    expect(errorsOf({ supplierIban: 'NL91ABNA0417164301' }).supplierIban).toEqual(field.ibanInvalid);
    expect(errorsOf({ supplierIban: 'geen iban' }).supplierIban).toEqual(field.ibanInvalid);
  });
  it('category required and from the list', () => {
    expect(errorsOf({ categorySlug: null }).categorySlug).toEqual(field.required);
    expect(errorsOf({ categorySlug: 'bestaat_niet' }).categorySlug).toEqual(field.categoryUnknown);
  });
  it('reason chosen from the codes', () => {
    expect(errorsOf({ reason: null }).reason).toEqual(field.reasonRequired);
    expect(errorsOf({ reason: 'because' }).reason).toEqual(field.reasonRequired);
    expect(validateRequestForm({ ...VALID, reason: 'too_slow' }, CATS).ok).toBe(true);
  });
  it('reasonText optional, at most 500', () => {
    expect(errorsOf({ reasonText: 'x'.repeat(LIMITS.reasonText + 1) }).reasonText).toEqual(field.tooLong(LIMITS.reasonText));
  });
  it('case reference required and at most 40', () => {
    expect(errorsOf({ caseRef: '' }).caseRef).toEqual(field.required);
    expect(errorsOf({ caseRef: `WT-${'1'.repeat(LIMITS.caseRef)}` }).caseRef).toEqual(field.tooLong(LIMITS.caseRef));
  });
  it('reports all errors at once', () => {
    expect(Object.keys(errorsOf({ amount: '', description: '', supplierIban: 'x', categorySlug: null, caseRef: 'Jansen', reason: null })).sort()).toEqual(
      ['amount', 'caseRef', 'categorySlug', 'description', 'reason', 'supplierIban'].sort(),
    );
  });
});

describe('no BSN anywhere', () => {
  it.each(['description', 'supplierName', 'caseRef', 'reasonText'] as const)('in %s', (f) => {
    expect(errorsOf({ [f]: f === 'caseRef' ? BSN : `voor bewoner ${BSN}` })[f]).toEqual(field.bsn);
  });
  it('also grouped with spaces or dots', () => {
    expect(errorsOf({ description: 'bsn 111 222 333' }).description).toEqual(field.bsn);
    expect(errorsOf({ reasonText: 'nr 111.222.333' }).reasonText).toEqual(field.bsn);
  });
  it('nine digits that fail the elfproef are fine', () => {
    expect(validateRequestForm({ ...VALID, description: 'bon 111222334' }, CATS).ok).toBe(true);
  });
});

describe('point 1: no BSN in the formats people type, in any free-text field or the case reference', () => {
  const written = ['111 222 333', '111/222/333', '111_222_333', '111\u00a0222\u2009333', '１１１２２２３３３', '1\u200b1\u200b1222333', '12345672'];
  it.each(['description', 'supplierName', 'reasonText'] as const)('%s', (f) => {
    for (const bsn of written) expect(errorsOf({ [f]: `voor bewoner ${bsn}` })[f]).toEqual(field.bsn);
  });
  it('case reference, whose format allows / and _', () => {
    for (const caseRef of ['WT/111/222/333', 'WT_111_222_333', '111/222/333', 'zaak_111_222_333', 'WT-1234-5672']) {
      expect(errorsOf({ caseRef }).caseRef).toEqual(field.bsn);
    }
  });
  it('ordinary numbers in the description are fine', () => {
    const description = 'Koelkast € 1.250,00, bel 06-12345678 of +31 6 1234 5678; IBAN NL91 ABNA 0417 1643 00; factuur 2026-00123 van 12-03-2026, 1234 AB';
    expect(validateRequestForm({ ...VALID, description }, CATS).ok).toBe(true);
  });
});

describe('point 2: caseRefKey, one household whatever the case, spaces or separators', () => {
  it.each(['WT-2026-7', 'wt-2026-7', 'wt 2026 7', 'WT/2026/7', 'Wt_2026_7', 'wt.2026.7', ' WT - 2026 - 7 ', 'ＷＴ－２０２６－７', 'WT\u200b-2026-7', 'WT2026\u00a07'])('%j → "wt20267"', (ref) => {
    expect(caseRefKey(ref)).toBe('wt20267');
  });
  it.each([['WT-2026-7', 'WT-2026-8'], ['WT-2026-7', 'WT-2026-07'], ['WT-2026-7', 'BT-2026-7']])('%j and %j are different households', (a, b) => {
    expect(caseRefKey(a)).not.toBe(caseRefKey(b));
  });
  it('the form keeps the reference as typed', () => {
    const r = validateRequestForm({ ...VALID, caseRef: ' wt/2026/7 ' }, CATS);
    expect(r.ok && r.value.caseRef).toBe('wt/2026/7');
  });
});

describe('point 3: only SEPA-area IBANs are accepted at the form', () => {
  it.each([
    ['BR1800360305000010009795493C1', 'BR'],
    ['br18 0036 0305 0000 1000 9795 493c 1', 'BR'],
    ['PK36SCBL0000001123456702', 'PK'],
    ['TR33 0006 1005 1978 6457 8413 26', 'TR'],
  ])('%j is refused with its country named', (supplierIban, country) => {
    expect(errorsOf({ supplierIban }).supplierIban).toEqual(field.ibanOutsideSepa(country));
  });
  it('the message, Dutch first', () => {
    const m = field.ibanOutsideSepa('BR');
    expect({ nl: toPlain(m.nl), en: toPlain(m.en) }).toEqual({
      nl: 'Dit IBAN is van een rekening buiten het SEPA-gebied (BR); minimaatwerk betaalt alleen naar SEPA-rekeningen.',
      en: 'This IBAN belongs to an account outside the SEPA area (BR); minimaatwerk only pays to SEPA accounts.',
    });
  });
  it.each(['NL91 ABNA 0417 1643 00', 'BE68 5390 0754 7034', 'GB29 NWBK 6016 1331 9268 19', 'CH93 0076 2011 6238 5295 7'])('%j (SEPA) is accepted', (supplierIban) => {
    expect(validateRequestForm({ ...VALID, supplierIban }, CATS).ok).toBe(true);
  });
  it('an invalid IBAN still gets the invalid-IBAN text, not the SEPA one', () => {
    expect(errorsOf({ supplierIban: 'BR1800360305000010009795493C2' }).supplierIban).toEqual(field.ibanInvalid);
  });
});

describe('case reference must be pseudonymous', () => {
  it.each(['Jansen', 'mevrouw de Vries', 'WT-abc'])('a name without digits (%j) is refused', (caseRef) => {
    expect(errorsOf({ caseRef }).caseRef).toEqual(field.caseRefFormat);
  });
  it.each(['WT-2026-014', '2026/14', 'zaak_7', 'A1'])('%j passes', (caseRef) => {
    expect(validateRequestForm({ ...VALID, caseRef }, CATS).ok).toBe(true);
  });
  it('spaces or odd characters are refused', () => {
    expect(errorsOf({ caseRef: 'WT 2026' }).caseRef).toEqual(field.caseRefFormat);
    expect(errorsOf({ caseRef: '-2026' }).caseRef).toEqual(field.caseRefFormat);
  });
});

describe('editResetsApprovals', () => {
  const before = { amountCents: cents(8550), supplierName: 'Noord', supplierIban: 'NL91ABNA0417164300' };
  it('unchanged money fields keep the approvals', () => {
    expect(editResetsApprovals(before, { ...before })).toBe(false);
  });
  it.each([
    ['amount', { amountCents: cents(8551) }],
    ['supplier', { supplierName: 'Zuid' }],
    ['IBAN', { supplierIban: 'NL02ABNA0123456789' }],
  ])('a change of %s resets them', (_, patch) => {
    expect(editResetsApprovals(before, { ...before, ...patch })).toBe(true);
  });
});
