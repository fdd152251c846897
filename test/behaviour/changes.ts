// The requester's buttons (edit, withdraw, alternative found) and finance's (mark paid): who may,
// what changes, what the channel and the person are told.
import { describe, expect, it } from 'vitest';
import { budgetError, field, finance, refusal, thread } from '../../src/core/messages.js';
import type { RequestStatus } from '../../src/core/request.js';
import { cents } from '../../src/core/money.js';
import type { Driver, FormValues, Req, Who } from '../support/drivers/driver.js';
import { VALID_FORM } from '../support/forms.js';
import { audited, expectedCard, shownCard } from './expected.js';

export function changes(d: Driver): void {
  const request = async (as: Who = 'requester', values: FormValues = {}): Promise<Req> => {
    const f = await d.file(as, values);
    expect(f.errors).toEqual({});
    return f.request!;
  };
  const approveBy = async (r: Req, ...who: Who[]) => {
    for (const w of who) await d.approve(w, r);
  };
  const ids = (...who: Who[]) => who.map((w) => d.id(w));

  describe('editing', () => {
    it.each<Who>(['requester', 'admin'])('opens the form filled in with the request, for %s', async (who) => {
      const r = await request('requester', { amount: '120,50', reasonText: 'dringend' });
      const { form, told } = await d.press(who, r, 'edit');
      expect(told).toEqual([]);
      expect(form?.kind).toBe('edit');
      expect(form?.values).toEqual({
        amount: '120,50',
        description: VALID_FORM.description,
        supplierName: VALID_FORM.supplierName,
        supplierIban: 'NL91ABNA0417164300',
        caseRef: VALID_FORM.caseRef,
        reason: 'no_provision',
        reasonText: 'dringend',
      });
      expect(form?.category).toBe('witgoed');
    });

    it('refuses a colleague, telling only them', async () => {
      const r = await request();
      const { form, told } = await d.press('anna', r, 'edit');
      expect(form).toBeNull();
      expect(told).toEqual([d.said(refusal.notRequester(r.id))]);
      const submitted = await d.press('anna', r, 'edit', { amount: '10' });
      expect(submitted.told).toEqual([d.said(refusal.notRequester(r.id))]);
      expect(shownCard(d, r)).toBe(expectedCard(d, r));
      expect(audited(d, r)).toEqual([['request.created', d.id('requester')]]);
    });

    it.each<[string, FormValues, { amountCents?: number; supplierName?: string; supplierIban?: string }]>([
      ['amount', { amount: '90' }, { amountCents: 9000 }],
      ['supplier', { supplierName: 'Witgoed Zuid' }, { supplierName: 'Witgoed Zuid' }],
      ['IBAN', { supplierIban: 'NL02ABNA0123456789' }, { supplierIban: 'NL02ABNA0123456789' }],
    ])('a change of %s resets the approvals: the old votes no longer count, new ones do', async (_, change, changed) => {
      const r = await request();
      await approveBy(r, 'anna', 'bram');
      const edited = await d.press('requester', r, 'edit', change);
      expect(edited.errors).toEqual({});
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { ...changed, version: 2 }));
      expect(d.thread(r)).toContainEqual(d.said(thread.editedReset(r.id, d.id('requester'))));
      expect(audited(d, r).at(-1)).toEqual(['request.edited.approvals_reset', d.id('requester')]);
      await d.approve('chris', r);
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { ...changed, version: 2, approvers: ['chris'] }));
      await approveBy(r, 'anna', 'bram');
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { ...changed, version: 2, status: 'approved', decidedBy: ['chris', 'anna', 'bram'] }));
      expect(d.register()).toEqual([expect.objectContaining({ amountCents: 8550, supplierName: VALID_FORM.supplierName, supplierIban: 'NL91ABNA0417164300', ...changed })]);
    });

    it('a change of the description only keeps the approvals', async () => {
      const r = await request();
      await approveBy(r, 'anna', 'bram');
      expect((await d.press('requester', r, 'edit', { description: 'Koelkast met vriesvak' })).errors).toEqual({});
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { description: 'Koelkast met vriesvak', approvers: ['anna', 'bram'] }));
      expect(d.thread(r)).toContainEqual(d.said(thread.edited(r.id, d.id('requester'))));
      expect(audited(d, r).at(-1)).toEqual(['request.edited', d.id('requester')]);
      await d.approve('chris', r);
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { description: 'Koelkast met vriesvak', status: 'approved', decidedBy: ['anna', 'bram', 'chris'] }));
    });

    it('shows bad input under the fields and changes nothing', async () => {
      const r = await request();
      const limit = await d.press('requester', r, 'edit', { amount: '500' });
      expect(limit.errors).toEqual({ amount: d.said(budgetError({ code: 'BUDGET.AT_OR_ABOVE_LIMIT', limitCents: cents(50000) })) });
      const bad = await d.press('requester', r, 'edit', { description: 'voor 111222333', supplierIban: 'NL91ABNA0417164301' });
      expect(bad.errors).toEqual({ description: d.said(field.bsn), supplierIban: d.said(field.ibanInvalid) });
      expect(shownCard(d, r)).toBe(expectedCard(d, r));
      expect(d.thread(r)).toEqual([]);
      expect(audited(d, r)).toEqual([['request.created', d.id('requester')]]);
    });

    it('checks a higher amount against the team budget, not counting the request itself', async () => {
      await d.command('admin', 'budget 500');
      const r = await request('requester', { amount: '300', caseRef: 'WT-1' });
      await request('requester', { amount: '100', caseRef: 'WT-2' });
      const tooMuch = await d.press('requester', r, 'edit', { amount: '400,01', caseRef: 'WT-1' });
      expect(tooMuch.errors).toEqual({ amount: d.said(budgetError({ code: 'BUDGET.EXCEEDS_TEAM_BUDGET', leftCents: cents(40000) })) });
      expect((await d.press('requester', r, 'edit', { amount: '400', caseRef: 'WT-1' })).errors).toEqual({});
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { amountCents: 40000, version: 2 }));
    });
  });

  describe('withdrawing the request', () => {
    it.each<Who>(['requester', 'admin'])('is for the requester or an admin (%s): the card says withdrawn, the thread says who', async (who) => {
      const r = await request();
      const other = await d.press('anna', r, 'withdraw');
      expect(other.told).toEqual([d.said(refusal.notRequester(r.id))]);
      expect(shownCard(d, r)).toBe(expectedCard(d, r));
      await d.press(who, r, 'withdraw');
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'withdrawn' }));
      expect(d.thread(r)).toContainEqual(d.said(thread.withdrawn(r.id, d.id(who))));
      expect(d.buttons(r)).toEqual([]);
      expect(audited(d, r)).toEqual([
        ['request.created', d.id('requester')],
        ['request.withdrawn', d.id(who)],
      ]);
    });

    it('works while on hold; taking the objection back afterwards changes nothing', async () => {
      const r = await request();
      await d.object('dewi', r);
      await d.press('requester', r, 'withdraw');
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'withdrawn' }));
      await d.withdrawVote('dewi', r);
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'withdrawn' }));
      expect(d.thread(r)).not.toContainEqual(d.said(thread.objectionsCleared(r.id)));
    });

    it('frees the budget it held', async () => {
      const r = await request('requester', { amount: '300', caseRef: 'WT-77' });
      expect((await d.file('anna', { amount: '450', caseRef: 'WT-77' })).request).toBeNull();
      await d.press('requester', r, 'withdraw');
      expect((await d.file('anna', { amount: '450', caseRef: 'WT-77' })).request).not.toBeNull();
    });
  });

  describe('closing with an alternative found', () => {
    it('asks the kind and a reason without a BSN, then closes: the card and the thread say which alternative', async () => {
      const r = await request();
      const other = await d.press('anna', r, 'alternative', { kind: 'charity_fund', reason: 'fonds' });
      expect(other.told).toEqual([d.said(refusal.notRequester(r.id))]);
      const noKind = await d.press('requester', r, 'alternative', { kind: null, reason: 'gratis opgelost' });
      expect(Object.values(noKind.errors)).toEqual([d.said(field.required)]);
      const noReason = await d.press('requester', r, 'alternative', { kind: 'other', reason: '  ' });
      expect(Object.values(noReason.errors)).toEqual([d.said(field.required)]);
      const bsn = await d.press('requester', r, 'alternative', { kind: 'free_solution', reason: 'bewoner 111222333' });
      expect(Object.values(bsn.errors)).toEqual([d.said(field.bsn)]);
      expect(bsn.returned).toMatch(/\S/);
      expect(bsn.returned, 'the form shown again').not.toContain('111222333');
      expect(shownCard(d, r)).toBe(expectedCard(d, r));

      const reason = 'Stichting Urgente Noden betaalt';
      const closed = await d.press('requester', r, 'alternative', { kind: 'charity_fund', reason });
      expect(closed.errors).toEqual({});
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'alternative', closed: { kind: 'charity_fund', reason } }));
      expect(d.thread(r)).toContainEqual(d.said(thread.alternative(r.id, d.id('requester'), 'charity_fund', reason)));
      expect(d.channel().join(' ')).not.toContain('111222333');
      expect(audited(d, r)).toEqual([
        ['request.created', d.id('requester')],
        ['request.alternative', d.id('requester')],
      ]);
      expect(d.trail().at(-1)?.detail).toMatchObject({ kind: 'charity_fund' });
    });
  });

  describe('a decided request', () => {
    it.each<[RequestStatus, (r: Req) => Promise<unknown>]>([
      ['withdrawn', (r) => d.press('requester', r, 'withdraw')],
      ['approved', (r) => approveBy(r, 'anna', 'bram', 'chris')],
    ])('when %s, refuses editing, closing and withdrawing', async (status, decide) => {
      const r = await request();
      await decide(r);
      const card = shownCard(d, r);
      const trail = d.trail();
      const answers = [
        await d.press('requester', r, 'edit', { amount: '10' }),
        await d.press('requester', r, 'alternative', { kind: 'charity_fund', reason: 'fonds' }),
        await d.press('requester', r, 'withdraw'),
      ];
      for (const a of answers) expect(a.told).toEqual([d.said(refusal.alreadyDecided(r.id, status))]);
      expect(shownCard(d, r)).toBe(card);
      expect(d.trail()).toEqual(trail);
    });
  });

  describe('marking paid', () => {
    it('is for finance, never for an approver or the requester; the card and the thread say who paid', async () => {
      const r = await request();
      const early = await d.press('finance', r, 'markPaid');
      expect(early.told).toEqual([d.said(finance.notApproved(r.id, 'open'))]);
      await approveBy(r, 'anna', 'bram', 'chris');
      expect(d.buttons(r)).toEqual(['markPaid']);

      expect((await d.press('bram', r, 'markPaid')).told).toEqual([d.said(finance.notFinance)]);
      expect((await d.press('anna', r, 'markPaid')).told).toEqual([d.said(finance.approverMayNot(r.id))]);
      expect((await d.press('requester', r, 'markPaid')).told).toEqual([d.said(finance.requesterMayNot(r.id))]);
      expect(d.register()).toEqual([expect.objectContaining({ request: r.id, paid: false })]);
      expect(d.trail().filter((t) => t.action === 'payment.paid')).toEqual([]);

      await d.press('finance', r, 'markPaid');
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'paid', decidedBy: ['anna', 'bram', 'chris'] }));
      expect(d.thread(r)).toContainEqual(d.said(finance.paidThread(r.id, d.id('finance'), cents(8550), VALID_FORM.supplierName)));
      expect(d.buttons(r)).toEqual([]);
      expect(d.register()).toEqual([expect.objectContaining({ request: r.id, paid: true, approvers: ids('anna', 'bram', 'chris') })]);

      expect((await d.press('finance', r, 'markPaid')).told).toEqual([d.said(finance.alreadyPaid(r.id))]);
      expect(d.trail().filter((t) => t.action === 'payment.paid').map((t) => [t.by, t.request])).toEqual([[d.id('finance'), r.id]]);
    });
  });
}
