// Filing a request: the form, every refusal of what was typed, the limits, the category suggestion,
// and a form submitted twice.
import { describe, expect, it } from 'vitest';
import { amountError, budgetError, confirm, field, formText } from '../../src/core/messages.js';
import type { AmountError } from '../../src/core/money.js';
import { cents } from '../../src/core/money.js';
import { canonical, type Driver } from '../support/drivers/driver.js';
import { VALID_FORM } from '../support/forms.js';
import { audited, cardSays, expectedCard, shownCard } from './expected.js';

const isCard = (text: string) => /^Aanvraag #\d+ · /.test(canonical(text));

export function filing(d: Driver): void {
  /** File and expect a card. */
  const filed = async (...args: Parameters<Driver['file']>) => {
    const f = await d.file(...args);
    expect(f.errors).toEqual({});
    expect(f.request).not.toBeNull();
    return f.request!;
  };

  describe('filing a request', () => {
    it('opens the form in the team channel: every field, the categories, nothing filled in', async () => {
      const { form, told } = await d.openForm('requester');
      expect(told).toEqual([]);
      expect(form?.kind).toBe('new');
      expect(form?.fields).toEqual(['amount', 'description', 'supplierName', 'supplierIban', 'categorySlug', 'caseRef', 'reason', 'reasonText']);
      expect(form?.categories).toEqual(expect.arrayContaining(['witgoed', 'mondzorg', 'overig']));
      expect(form?.category).toBeNull();
      expect(form?.values.amount).toBe('');
    });

    it('posts the card: number, amount, supplier and IBAN, category, why, requester, 0 of 3, and its buttons', async () => {
      const r = await filed('requester');
      expect(shownCard(d, r)).toBe(expectedCard(d, r));
      expect(d.buttons(r)).toEqual(expect.arrayContaining(['edit', 'withdraw', 'alternative']));
      expect(d.buttons(r)).not.toContain('markPaid');
      expect(d.channel().filter(isCard)).toHaveLength(1);
      expect(d.register()).toEqual([]);
      expect(audited(d, r)).toEqual([['request.created', d.id('requester')]]);
    });

    it('shows every field error under its field, Dutch first, and files nothing', async () => {
      const f = await d.file('requester', {
        amount: '85,505',
        description: 'x'.repeat(301),
        supplierName: ' ',
        supplierIban: 'NL91 ABNA 0417 1643 01',
        caseRef: 'Jansen',
        reason: null,
        reasonText: 'y'.repeat(501),
      });
      expect(f.request).toBeNull();
      expect(f.errors).toEqual({
        amount: d.said(amountError('AMOUNT.TOO_MANY_DECIMALS')),
        description: d.said(field.tooLong(300)),
        supplierName: d.said(field.required),
        supplierIban: d.said(field.ibanInvalid),
        caseRef: d.said(field.caseRefFormat),
        reason: d.said(field.reasonRequired),
        reasonText: d.said(field.tooLong(500)),
      });
      expect(d.channel().filter(isCard)).toEqual([]);
      expect(d.trail()).toEqual([]);
    });

    it.each<[string, AmountError]>([
      ['', 'AMOUNT.EMPTY'],
      ['0', 'AMOUNT.ZERO'],
      ['-5', 'AMOUNT.NEGATIVE'],
      ['vijftig', 'AMOUNT.NOT_A_NUMBER'],
    ])('refuses the amount %j with its error', async (amount, error) => {
      const f = await d.file('requester', { amount });
      expect(f.errors).toEqual({ amount: d.said(amountError(error)) });
      expect(d.channel().filter(isCard)).toEqual([]);
    });

    it('refuses a BSN in the description, the case reference or the explanation, and never shows it in the channel', async () => {
      const f = await d.file('requester', { description: 'koelkast voor bewoner 111222333', caseRef: '123456782', reasonText: 'bsn 111222333' });
      expect(f.errors).toEqual({ description: d.said(field.bsn), caseRef: d.said(field.bsn), reasonText: d.said(field.bsn) });
      expect(d.channel().filter(isCard)).toEqual([]);
      expect(d.privateTo('requester').join(' ')).not.toContain('111222333');
      expect(f.returned).toMatch(/\S/);
      expect(f.returned, 'the form shown again').not.toContain('111222333');
      expect(d.trail()).toEqual([]);
    });

    it('without a category and with a BSN: says what is wrong before suggesting, and never shows the BSN back', async () => {
      const f = await d.file('requester', { description: 'tandarts voor bewoner 111222333', supplierName: 'Tandartspraktijk Zuid', categorySlug: null });
      expect(f.request).toBeNull();
      expect(f.errors).toEqual({ description: d.said(field.bsn) });
      expect(f.returned).toMatch(/\S/);
      expect(f.returned, 'the form shown again').not.toContain('111222333');
      expect(d.privateTo('requester').join(' ')).not.toContain('111222333');
      expect(d.trail()).toEqual([]);
    });

    it('keeps a request below the limit per request: € 499,99 is filed, € 500,00 goes the regular route', async () => {
      const f = await d.file('requester', { amount: '500,00' });
      expect(f.errors).toEqual({ amount: d.said(budgetError({ code: 'BUDGET.AT_OR_ABOVE_LIMIT', limitCents: cents(50000) })) });
      const r = await filed('requester', { amount: '€ 499,99' });
      expect(cardSays(d, r, `Aanvraag #${r.id} · € 499,99`)).toBe(true);
    });

    it('keeps within the team budget: open requests count; too much names what is left', async () => {
      expect(await d.command('admin', 'budget 600')).toHaveLength(1);
      await filed('requester', { amount: '300', caseRef: 'WT-1' });
      const f = await d.file('anna', { amount: '300,01', caseRef: 'WT-2' });
      expect(f.errors).toEqual({ amount: d.said(budgetError({ code: 'BUDGET.EXCEEDS_TEAM_BUDGET', leftCents: cents(30000) })) });
      await filed('anna', { amount: '300', caseRef: 'WT-2' });
    });

    it('keeps within € 500 per household (case reference) per year', async () => {
      await filed('requester', { amount: '300', caseRef: 'WT-77' });
      const f = await d.file('anna', { amount: '250', caseRef: 'wt/77' });
      expect(f.errors).toEqual({ amount: d.said(budgetError({ code: 'BUDGET.EXCEEDS_HOUSEHOLD_CAP', leftCents: cents(20000), capCents: cents(50000) })) });
      await filed('anna', { amount: '200', caseRef: 'WT-77' });
      await filed('anna', { amount: '250', caseRef: 'WT-78' });
    });

    it('counts the household cap per calendar year in Amsterdam', async () => {
      d.time('2026-12-31T12:00:00Z');
      await filed('requester', { amount: '300', caseRef: 'WT-77' });
      d.time('2026-12-31T22:30:00Z'); // 23:30 in Amsterdam: still 2026
      expect((await d.file('requester', { amount: '250', caseRef: 'WT-77' })).errors).toEqual({
        amount: d.said(budgetError({ code: 'BUDGET.EXCEEDS_HOUSEHOLD_CAP', leftCents: cents(20000), capCents: cents(50000) })),
      });
      d.time('2026-12-31T23:30:00Z'); // 00:30 on 1 January 2027 in Amsterdam
      await filed('requester', { amount: '250', caseRef: 'WT-77' });
    });

    it('without a category, shows the suggested one to check; sending again files it, or the one chosen instead', async () => {
      const typed = { description: 'tandarts voor een kies', supplierName: 'Tandartspraktijk Zuid', categorySlug: null };
      const first = await d.file('requester', typed);
      expect(first.request).toBeNull();
      expect(first.errors).toEqual({});
      expect(first.form?.category).toBe('mondzorg');
      expect(first.form?.notice).toEqual(d.said(formText.checkSuggestion));
      expect(first.form?.values).toMatchObject({ description: 'tandarts voor een kies', amount: '85,50', caseRef: VALID_FORM.caseRef });
      expect(d.channel().filter(isCard)).toEqual([]);

      const kept = await d.submit('requester', first.form!);
      expect(kept.request).not.toBeNull();
      expect(shownCard(d, kept.request!)).toBe(expectedCard(d, kept.request!, { category: 'mondzorg', description: typed.description, supplierName: typed.supplierName }));

      const other = await d.file('requester', { ...typed, caseRef: 'WT-2026-015' });
      const changed = await d.submit('requester', other.form!, { categorySlug: 'overig' });
      expect(shownCard(d, changed.request!)).toBe(expectedCard(d, changed.request!, { category: 'overig', description: typed.description, supplierName: typed.supplierName }));
    });

    it('files one request when the same form is sent twice, at once or again later', async () => {
      const { form } = await d.openForm('requester');
      const both = await Promise.all([d.submit('requester', form!, VALID_FORM), d.submit('requester', form!, VALID_FORM)]);
      expect(both.map((f) => f.errors)).toEqual([{}, {}]);
      const again = await d.submit('requester', form!, VALID_FORM);
      expect(again.errors).toEqual({});
      const cards = d.channel().filter(isCard);
      expect(cards).toHaveLength(1);
      expect(d.trail().map((t) => t.action)).toEqual(['request.created']);
      const id = Number(/#(\d+)/.exec(cards[0]!)![1]);
      // Whoever says anything says it is posted; nothing else.
      for (const told of [...both, again].flatMap((f) => f.told)) expect(told).toEqual(d.said(confirm.created(id)));
    });
  });
}
