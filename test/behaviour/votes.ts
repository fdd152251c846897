// Approving and objecting: three colleagues decide, never the requester or someone outside the
// team; an objection holds the request until it is taken back; a vote can be taken back.
import { describe, expect, it } from 'vitest';
import { field, ineligible, refusal, statusLabel, thread } from '../../src/core/messages.js';
import { cents } from '../../src/core/money.js';
import type { Driver, Req, Via, Who } from '../support/drivers/driver.js';
import { VALID_FORM } from '../support/forms.js';
import { audited, cardSays, expectedCard, shownCard, words } from './expected.js';

export function votes(d: Driver): void {
  const request = async (as: Who = 'requester'): Promise<Req> => {
    const f = await d.file(as);
    expect(f.errors).toEqual({});
    return f.request!;
  };
  const approveBy = async (r: Req, ...who: Who[]) => {
    for (const w of who) await d.approve(w, r);
  };

  describe('approving', () => {
    it('decides at the third colleague: the card says who approved, one payment is recorded, the thread says so', async () => {
      const r = await request();
      await approveBy(r, 'anna', 'bram');
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { approvers: ['anna', 'bram'] }));
      expect(d.register()).toEqual([]);
      await d.approve('chris', r);
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'approved', decidedBy: ['anna', 'bram', 'chris'] }));
      expect(d.thread(r)).toContainEqual(d.said(thread.approved(r.id, cents(8550), VALID_FORM.supplierName, ['anna', 'bram', 'chris'].map((w) => d.id(w as Who)))));
      expect(d.register()).toEqual([
        { request: r.id, amountCents: 8550, supplierName: VALID_FORM.supplierName, supplierIban: 'NL91ABNA0417164300', approvers: ['anna', 'bram', 'chris'].map((w) => d.id(w as Who)), paid: false },
      ]);
      expect(d.buttons(r)).toEqual(['markPaid']);
      const [anna, bram, chris] = ['anna', 'bram', 'chris'].map((w) => d.id(w as Who));
      expect(audited(d, r).slice(1)).toEqual([
        ['approval.added', anna],
        ['approval.added', bram],
        ['approval.added', chris],
        ['request.approved', chris],
        ['payment.recorded', chris],
      ]);
    });

    it('changes nothing after the decision: a fourth vote or a vote taken back', async () => {
      const r = await request();
      await approveBy(r, 'anna', 'bram', 'chris');
      const decided = shownCard(d, r);
      await d.approve('dewi', r);
      await d.withdrawVote('anna', r);
      await d.object('bram', r);
      expect(shownCard(d, r)).toBe(decided);
      expect(d.register()).toHaveLength(1);
      expect(d.register()[0]!.approvers).toHaveLength(3);
    });

    it('counts a person once, however often they approve, by the platform’s way or by reaction', async () => {
      const r = await request();
      await d.approve('anna', r);
      await d.approve('anna', r);
      await d.approve('anna', r, 'reaction');
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { approvers: ['anna'] }));
      await d.approve('bram', r, 'reaction');
      await d.approve('chris', r);
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'approved', decidedBy: ['anna', 'bram', 'chris'] }));
    });

    it.each<Via>(['default', 'reaction'])('does not count the requester’s own vote (%s), and tells only them', async (via) => {
      const r = await request();
      const approve = await d.approve('requester', r, via);
      expect(approve.told).toEqual([d.said(ineligible('requester', r.id)!)]);
      const object = await d.object('requester', r, via);
      expect(object.told).toEqual([d.said(ineligible('requester', r.id)!)]);
      expect(shownCard(d, r)).toBe(expectedCard(d, r));
      expect(d.channel()).not.toContainEqual(d.said(ineligible('requester', r.id)!));
      expect(audited(d, r)).toEqual([['request.created', d.id('requester')]]);
    });

    it.each<Via>(['default', 'reaction'])('does not count a vote from outside the team (%s), and tells only them', async (via) => {
      const r = await request();
      const { told } = await d.approve('outsider', r, via);
      expect(told).toEqual([d.said(ineligible('not_member', r.id)!)]);
      expect(shownCard(d, r)).toBe(expectedCard(d, r));
      expect(d.channel()).not.toContainEqual(d.said(ineligible('not_member', r.id)!));
      expect(audited(d, r)).toEqual([['request.created', d.id('requester')]]);
    });

    it.each<Via>(['default', 'reaction'])('takes back my approval before the decision (%s)', async (via) => {
      const r = await request();
      await d.approve('anna', r, via);
      await d.approve('bram', r);
      await d.withdrawVote('anna', r, via);
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { approvers: ['bram'] }));
      await approveBy(r, 'chris', 'dewi');
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'approved', decidedBy: ['bram', 'chris', 'dewi'] }));
      expect(d.register()[0]!.approvers).toEqual(['bram', 'chris', 'dewi'].map((w) => d.id(w as Who)));
    });
  });

  describe('objecting', () => {
    it('puts the request on hold, asks the reason in the thread, records it from the objector only, and reopens when the vote is taken back', async () => {
      const r = await request();
      await d.object('dewi', r);
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'on_hold', objections: [{ who: 'dewi', reason: null }] }));
      expect(d.thread(r)).toContainEqual(d.said(thread.objectionAsk(d.id('dewi'))));

      expect((await d.giveReason('anna', r, 'ik ook')).told).toEqual([d.said(refusal.notObjector(r.id))]);
      expect((await d.giveReason('dewi', r, '   ')).errors).toEqual({ reason: d.said(field.required) });
      const bsn = await d.giveReason('dewi', r, 'bewoner 111222333 heeft al hulp');
      expect(bsn.errors).toEqual({ reason: d.said(field.bsn) });
      expect(bsn.returned).toMatch(/\S/);
      expect(bsn.returned, 'the form shown again').not.toContain('111222333');
      expect(d.channel().join(' ')).not.toContain('111222333');

      const given = await d.giveReason('dewi', r, 'Eerst het fonds proberen');
      expect(given.errors).toEqual({});
      expect(d.thread(r)).toContainEqual(d.said(thread.objectionReason(d.id('dewi'), 'Eerst het fonds proberen')));
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'on_hold', objections: [{ who: 'dewi', reason: 'Eerst het fonds proberen' }] }));

      await d.withdrawVote('dewi', r);
      expect(shownCard(d, r)).toBe(expectedCard(d, r));
      expect(d.thread(r)).toContainEqual(d.said(thread.objectionsCleared(r.id)));
      const dewi = d.id('dewi');
      expect(audited(d, r).slice(1)).toEqual([
        ['objection.added', dewi],
        ['request.on_hold', dewi],
        ['objection.reason_given', dewi],
        ['objection.removed', dewi],
        ['request.reopened', dewi],
      ]);
    });

    it('holds against three approvals; taking the objection back then approves at once', async () => {
      const r = await request();
      await d.object('dewi', r);
      await approveBy(r, 'anna', 'bram', 'chris');
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'on_hold', approvers: ['anna', 'bram', 'chris'], objections: [{ who: 'dewi', reason: null }] }));
      expect(d.register()).toEqual([]);
      await d.withdrawVote('dewi', r);
      expect(shownCard(d, r)).toBe(expectedCard(d, r, { status: 'approved', decidedBy: ['anna', 'bram', 'chris'] }));
      expect(d.register()).toHaveLength(1);
    });

    it('stays on hold until every objector has taken theirs back', async () => {
      const r = await request();
      await d.object('dewi', r);
      await d.object('chris', r, 'reaction');
      await d.withdrawVote('dewi', r);
      expect(cardSays(d, r, words(statusLabel('on_hold')))).toBe(true);
      await d.withdrawVote('chris', r, 'reaction');
      expect(shownCard(d, r)).toBe(expectedCard(d, r));
    });
  });
}
