// What a person asks the bot for themselves: the overview, help, and what happens with a word the
// bot does not know or a BSN in a command.
import { describe, expect, it } from 'vitest';
import { field, help, overviewText, unknownCommand, type Overview } from '../../src/core/messages.js';
import { cents } from '../../src/core/money.js';
import { plainText, type Driver, type Req, type Who } from '../support/drivers/driver.js';
import { containing } from '../support/drivers/driver.js';

export function people(d: Driver): void {
  const request = async (as: Who, values: Parameters<Driver['file']>[1] = {}): Promise<Req> => {
    const f = await d.file(as, values);
    expect(f.errors).toEqual({});
    return f.request!;
  };

  describe('the overview', () => {
    it('shows my open requests, what waits for my approval, and my teams’ budget left', async () => {
      await d.command('admin', 'budget 1000');
      const mine = await request('requester');
      const theirs = await request('anna', { amount: '20', supplierName: 'Fietsenmaker Oost', caseRef: 'WT-2026-099' });
      await d.approve('bram', theirs);
      const line = (r: Req, amount: number, supplierName: string) => ({ id: r.id, amountCents: cents(amount), supplierName, status: 'open' as const, channelId: d.channelId });
      const budgets = [{ channelId: d.channelId, year: 2026, annualCents: cents(100000), usedCents: cents(10550), leftCents: cents(89450) }];
      const overview = (o: Partial<Overview>) => d.shows(overviewText({ mine: [], awaitingMe: [], budgets, digest: null, ...o }, d.platform));

      expect(await d.overview('requester')).toEqual(overview({ mine: [line(mine, 8550, 'Witgoedhandel Noord')], awaitingMe: [line(theirs, 2000, 'Fietsenmaker Oost')] }));
      // Bram approved Anna's request already: only the requester's is left for him.
      expect(await d.overview('bram')).toEqual(overview({ awaitingMe: [line(mine, 8550, 'Witgoedhandel Noord')] }));
      // Outside the team: no team, nothing to approve.
      expect(await d.overview('outsider')).toEqual(overview({ budgets: [] }));
    });

    it('shows a team admin last month’s digest, and a member not', async () => {
      d.time('2026-10-20T09:00:00Z');
      const r = await request('requester', { amount: '120' });
      for (const w of ['anna', 'bram', 'chris'] as const) await d.approve(w, r);
      d.time('2026-11-10T09:00:00Z');
      const manager = await d.overview('admin');
      expect(manager).toEqual(containing('Laatste maandoverzicht'));
      expect(manager).toEqual(containing('Maandoverzicht minimaatwerkbudget — oktober 2026'));
      expect(manager).toEqual(containing('1 goedgekeurde uitgave, samen € 120,00'));
      expect(await d.overview('anna')).not.toEqual(containing('Laatste maandoverzicht'));
    });

    it('answers `overzicht` in the channel to the asker alone', async () => {
      const mine = await request('requester');
      const answers = await d.command('requester', 'overzicht');
      const expected = overviewText(
        {
          mine: [{ id: mine.id, amountCents: cents(8550), supplierName: 'Witgoedhandel Noord', status: 'open', channelId: d.channelId }],
          awaitingMe: [],
          budgets: [{ channelId: d.channelId, year: 2026, annualCents: null, usedCents: cents(8550), leftCents: null }],
          digest: null,
        },
        d.platform,
      );
      expect(answers).toContainEqual(containing(plainText(expected, d.names)));
      expect(d.channel()).not.toContainEqual(containing('Mijn open aanvragen'));
    });
  });

  describe('help and unknown words', () => {
    it.each(['help', 'hulp', 'HELP', 'Hulp  '])('%j explains the platform’s gestures, Dutch first', async (text) => {
      expect(await d.command('anna', text)).toEqual([d.said(help(d.platform))]);
    });

    it('answers a word it does not know with the help, not silence', async () => {
      const m = unknownCommand('koelkast');
      const both = { nl: [...m.nl, ...help(d.platform).nl], en: [...m.en, ...help(d.platform).en] };
      expect(await d.command('anna', 'koelkast graag')).toEqual([d.said(both)]);
    });

    it('refuses a BSN in a command without repeating it', async () => {
      const answers = await d.command('anna', 'aanvraag voor 111222333');
      expect(answers).toEqual([d.said(field.bsn)]);
      expect([...d.channel(), ...d.privateTo('anna')].join(' ')).not.toContain('111222333');
    });
  });
}
