// One database, two platforms: a request approved in Slack and one approved in Teams both count.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestForMonth } from '../../src/app/digest.js';
import { loadDigestInput } from '../../src/store/digestQueries.js';
import { payments, requests } from '../../src/store/schema.js';
import { CHANNEL as SLACK_CHANNEL, startBot, TestClock } from '../support/bot.js';
import { createRequest, react, settle as settleSlack } from '../support/slack.js';
import { PEOPLE, cardAction, createTeamsRequest, reaction, settle, startTeamsBot } from '../support/teamsBot.js';
import { toPlain } from '../../src/core/text.js';

describe('Slack and Teams on the same database', () => {
  it('the digest counts a request approved in Slack and one approved in Teams', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mmw-both-'));
    const clock = new TestClock(new Date('2026-11-10T09:00:00Z'));
    const slack = await startBot({ dir, clock });
    const teams = await startTeamsBot({ dir, clock });
    try {
      expect(teams.dbPath).toBe(slack.dbPath);
      slack.double.setChannelMembers(SLACK_CHANNEL, ['UREQ', 'UA', 'UB', 'UC']);
      const s = await createRequest(slack, 'UREQ');
      for (const u of ['UA', 'UB', 'UC']) await react(slack, u, s.ts);
      await settleSlack(slack);

      const t = await createTeamsRequest(teams, PEOPLE.req, { amount: '120', supplierName: 'Fietsenmaker Oost', description: 'Fiets om naar het werk te gaan', categorySlug: 'vervoer' });
      await teams.post(reaction(teams, PEOPLE.a, t.cardId, 'like'));
      await teams.post(cardAction(teams, PEOPLE.b, t.cardId, 'approve', t.id));
      await teams.post(reaction(teams, PEOPLE.c, t.cardId, 'like'));
      await settle(teams);

      const rows = teams.store.db.select().from(requests).all();
      expect(rows.map((r) => r.status)).toEqual(['approved', 'approved']);
      expect(teams.store.db.select().from(payments).all().map((p) => p.amountCents).sort((x, y) => x - y)).toEqual([8550, 12000]);
      // Each platform's outbox only sent its own cards.
      expect(slack.double.callsTo('chat.postMessage').some((c) => String(c.args.text).includes('Fietsenmaker'))).toBe(false);
      expect(teams.double.posts().some((c) => JSON.stringify(c.body).includes('Witgoedhandel'))).toBe(false);

      const input = loadDigestInput(slack.store, '2026-11', clock.now());
      const approved = input.spend.filter((x) => x.month === '2026-11');
      expect(approved.reduce((n, x) => n + x.count, 0)).toBe(2);
      expect(approved.reduce((n, x) => n + x.totalCents, 0)).toBe(20550);
      expect(new Set(approved.map((x) => x.teamId)).size).toBe(2);
      const digest = digestForMonth({ store: teams.store, clock }, '2026-11', { chart: false });
      expect(toPlain(digest.text)).toContain('€ 205,50');
    } finally {
      await teams.close();
      await slack.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
