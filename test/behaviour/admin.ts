// The team's settings by command: the annual budget, the categories, the monthly digest on demand
// and where it is posted. Anyone may look; only a team admin may change.
import { describe, expect, it } from 'vitest';
import { amountError, budgetCommand, categoryMessage, digestChannelMessage, refusal } from '../../src/core/messages.js';
import { digestMonthMessage } from '../../src/core/digestText.js';
import { cents } from '../../src/core/money.js';
import { msg } from '../../src/core/text.js';
import { containing, type Driver, type Req, type Who } from '../support/drivers/driver.js';
import { audited } from './expected.js';

export function admin(d: Driver): void {
  const request = async (as: Who = 'requester', values: Parameters<Driver['file']>[1] = {}): Promise<Req> => {
    const f = await d.file(as, values);
    expect(f.errors).toEqual({});
    return f.request!;
  };

  describe('the annual budget', () => {
    it('is shown to anyone, set by an admin only, and what is left never goes below € 0,00', async () => {
      expect(await d.command('anna', 'budget')).toEqual([d.said(budgetCommand.show(2026, null, cents(0), null))]);
      expect(await d.command('anna', 'budget 12000')).toEqual([d.said(refusal.notAdmin)]);
      expect(await d.command('admin', 'budget twaalfduizend')).toEqual([d.said(amountError('AMOUNT.NOT_A_NUMBER'))]);
      expect(await d.command('anna', 'budget')).toEqual([d.said(budgetCommand.show(2026, null, cents(0), null))]);
      expect(d.trail()).toEqual([]);

      expect(await d.command('admin', 'budget 1.000')).toEqual([d.said(budgetCommand.set(2026, cents(100000), cents(100000)))]);
      await request('requester', { amount: '300' });
      expect(await d.command('anna', 'budget')).toEqual([d.said(budgetCommand.show(2026, cents(100000), cents(30000), cents(70000)))]);
      expect(await d.command('admin', 'budget 100')).toEqual([d.said(budgetCommand.set(2026, cents(10000), cents(0)))]);
      expect(await d.command('anna', 'budget')).toEqual([d.said(budgetCommand.show(2026, cents(10000), cents(30000), cents(0)))]);
      const set = d.trail().filter((t) => t.action === 'team.budget_set');
      expect(set.map((t) => [t.by, t.detail])).toEqual([
        [d.id('admin'), { year: 2026, amountCents: 100000, previousCents: null }],
        [d.id('admin'), { year: 2026, amountCents: 10000, previousCents: 100000 }],
      ]);
    });
  });

  describe('what the team budget counts', () => {
    it('open, approved and paid requests count; a withdrawn one does not', async () => {
      await d.command('admin', 'budget 1200');
      await request('requester', { amount: '300', caseRef: 'WT-1' });
      const approved = await request('requester', { amount: '200', caseRef: 'WT-2' });
      const paid = await request('requester', { amount: '250', caseRef: 'WT-3' });
      for (const r of [approved, paid]) for (const w of ['anna', 'bram', 'chris'] as const) await d.approve(w, r);
      await d.press('finance', paid, 'markPaid');
      const withdrawn = await request('requester', { amount: '400', caseRef: 'WT-4' });
      await d.press('requester', withdrawn, 'withdraw');
      expect(await d.command('anna', 'budget')).toEqual([d.said(budgetCommand.show(2026, cents(120000), cents(75000), cents(45000)))]);
      expect((await d.file('requester', { amount: '450,01', caseRef: 'WT-5' })).request).toBeNull();
      expect((await d.file('requester', { amount: '450', caseRef: 'WT-5' })).request).not.toBeNull();
    });
  });

  describe('categories', () => {
    it('lists the team’s categories with their codes, for anyone', async () => {
      const [list] = await d.command('requester', 'categorie');
      expect(list).toEqual(containing('Categorieën van dit team'));
      expect(list).toEqual(containing('• Mondzorg / tandarts (mondzorg)'));
      expect(list).toEqual(containing('• Overig (overig)'));
    });

    it('lets an admin add one (then in the form), refusing others, duplicates and bad names', async () => {
      expect(await d.command('requester', 'categorie nieuw Fietsen')).toEqual([d.said(categoryMessage.notAdmin)]);
      expect(await d.command('admin', 'categorie nieuw Fietsen')).toEqual([d.said(categoryMessage.added('Fietsen', 'fietsen'))]);
      expect(await d.command('admin', 'categorie nieuw Fiets-reparatie & onderhoud')).toEqual([d.said(categoryMessage.added('Fiets-reparatie & onderhoud', 'fiets_reparatie_onderhoud'))]);
      expect(await d.command('admin', 'categorie nieuw fietsen')).toEqual([d.said(categoryMessage.duplicate('Fietsen', 'fietsen'))]);
      expect(await d.command('admin', 'categorie nieuw  mondzorg / TANDARTS ')).toEqual([d.said(categoryMessage.duplicate('Mondzorg / tandarts', 'mondzorg'))]);
      expect(await d.command('admin', 'categorie nieuw Fiets@huis')).toEqual([d.said(categoryMessage.nameInvalid)]);
      expect(await d.command('admin', 'categorie nieuw')).toEqual([d.said(categoryMessage.nameMissing(d.platform))]);
      expect((await d.openForm('requester')).form?.categories).toContain('fietsen');
      expect((await d.command('requester', 'categorie'))[0]).toEqual(containing('Fietsen (fietsen) — eigen categorie'));
      expect(audited(d, null)).toEqual([
        ['category.added', d.id('admin')],
        ['category.added', d.id('admin')],
      ]);
    });

    it('lets an admin rename a team category, not a default one', async () => {
      await d.command('admin', 'categorie nieuw Fietsen');
      expect(await d.command('anna', 'categorie hernoem fietsen Tweewielers')).toEqual([d.said(categoryMessage.notAdmin)]);
      expect(await d.command('admin', 'categorie hernoem fietsen Fiets en scooter')).toEqual([d.said(categoryMessage.renamed('Fietsen', 'Fiets en scooter'))]);
      expect(await d.command('admin', 'categorie hernoem mondzorg Tanden')).toEqual([d.said(categoryMessage.isDefault(d.platform, 'Mondzorg / tandarts'))]);
      expect(await d.command('admin', 'categorie hernoem bestaatniet Iets')).toEqual([d.said(categoryMessage.unknown(d.platform, 'bestaatniet'))]);
      expect((await d.command('anna', 'categorie'))[0]).toEqual(containing('Fiets en scooter (fietsen) — eigen categorie'));
      expect(audited(d, null)).toEqual([
        ['category.added', d.id('admin')],
        ['category.renamed', d.id('admin')],
      ]);
    });

    it('lets an admin remove one no request uses; one in use stays', async () => {
      await d.command('admin', 'categorie nieuw Fietsen');
      await d.command('admin', 'categorie nieuw Zwemles');
      await request('requester', { categorySlug: 'fietsen' });
      expect(await d.command('admin', 'categorie verwijder fietsen')).toEqual([d.said(categoryMessage.inUse('Fietsen', 1))]);
      expect(await d.command('anna', 'categorie verwijder zwemles')).toEqual([d.said(categoryMessage.notAdmin)]);
      expect(await d.command('admin', 'categorie verwijder overig')).toEqual([d.said(categoryMessage.isDefault(d.platform, 'Overig'))]);
      expect(await d.command('admin', 'categorie verwijder zwemles')).toEqual([d.said(categoryMessage.removed('Zwemles'))]);
      expect(await d.command('admin', 'categorie verwijder zwemles')).toEqual([d.said(categoryMessage.unknown(d.platform, 'zwemles'))]);
      const { form } = await d.openForm('requester');
      expect(form?.categories).toContain('fietsen');
      expect(form?.categories).not.toContain('zwemles');
      // Adding it again brings it back.
      expect(await d.command('admin', 'categorie nieuw Zwemles')).toEqual([d.said(categoryMessage.added('Zwemles', 'zwemles'))]);
      expect((await d.openForm('requester')).form?.categories).toContain('zwemles');
      expect(audited(d, null).filter(([a]) => a === 'category.deactivated')).toEqual([['category.deactivated', d.id('admin')]]);
    });
  });

  describe('the monthly digest', () => {
    /** A request approved in October 2026; the test then runs on 10 November. */
    const octoberSpend = async () => {
      d.time('2026-10-20T09:00:00Z');
      const r = await request();
      for (const w of ['anna', 'bram', 'chris'] as const) await d.approve(w, r);
      d.time('2026-11-10T09:00:00Z');
    };

    it('shows last month by default, or the month asked for; a bad or future month is explained', async () => {
      await octoberSpend();
      const [october] = await d.command('requester', 'digest');
      expect(october).toEqual(containing('Maandoverzicht minimaatwerkbudget — oktober 2026'));
      expect(october).toEqual(containing('1 goedgekeurde uitgave, samen € 85,50'));
      expect(october).toEqual(containing('Witgoed en huishoudelijke apparaten: 1× · € 85,50 · 100,0%'));
      expect(await d.command('requester', 'digest 2026-10')).toEqual([october]);
      expect(await d.command('requester', 'digest 2026-09')).toEqual([containing('Geen uitgaven in september 2026 / No spends in September 2026')]);
      expect(await d.command('requester', 'digest 2026-13')).toEqual([d.said(msg(digestMonthMessage.invalid('2026-13').nl, digestMonthMessage.invalid('2026-13').en))]);
      expect(await d.command('requester', 'digest oktober')).toEqual([d.said(msg(digestMonthMessage.invalid('oktober').nl, digestMonthMessage.invalid('oktober').en))]);
      expect(await d.command('requester', 'digest 2026-12')).toEqual([d.said(msg(digestMonthMessage.future('2026-12').nl, digestMonthMessage.future('2026-12').en))]);
    });

    it('is posted where an admin says, in a channel the bot is in', async () => {
      const managers = d.otherChannel('managers');
      const closed = d.otherChannel('closed');
      expect(await d.command('anna', `digest-kanaal ${managers.named}`)).toEqual([d.said(digestChannelMessage.notAdmin)]);
      expect(await d.command('admin', `digest-kanaal ${closed.named}`)).toEqual([d.said(digestChannelMessage.botNotIn(d.platform, closed.id))]);
      expect(await d.command('admin', 'digest-kanaal managers')).toEqual([d.said(digestChannelMessage.usage(d.platform))]);
      expect(d.trail()).toEqual([]);
      expect(await d.command('admin', `digest-kanaal ${managers.named}`)).toEqual([d.said(digestChannelMessage.set(managers.id))]);
      expect(d.trail().map((t) => [t.action, t.by, t.detail])).toEqual([['team.digest_channel_set', d.id('admin'), { channelId: managers.id, previous: null }]]);
    });
  });
}
