// Retention reaches the chats: purging blanks the free text in the database AND redraws the cards
// in Slack and Teams, so a purged description or reason no longer shows on either platform.
import { afterEach, describe, expect, it } from 'vitest';
import { purgeBefore } from '../../src/app/purge.js';
import { PURGED_TEXT } from '../../src/core/request.js';
import { startBot, type RunningBot } from '../support/bot.js';
import { cardTextOf, createRequest, settle as settleSlack } from '../support/slack.js';
import { cardAction, cardJson, createTeamsRequest, settle as settleTeams, startTeamsBot, PEOPLE, type RunningTeamsBot } from '../support/teamsBot.js';

const SECRET = 'Nieuwe koelkast voor mevrouw met insuline';
let slack: RunningBot | undefined;
let teams: RunningTeamsBot | undefined;
afterEach(async () => {
  await slack?.close();
  await teams?.close();
  slack = teams = undefined;
});

describe('purge redraws the cards with [verwijderd]', () => {
  it('on Slack: the withdrawn request’s card no longer shows its description', async () => {
    slack = await startBot();
    const b = slack;
    b.double.setChannelMembers('C0TEAM', ['UREQ', 'UA', 'UB', 'UC']);
    const { id, ts } = await createRequest(b, 'UREQ', { description: SECRET });
    await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_withdraw', value: String(id), channelId: 'C0TEAM', messageTs: ts });
    await settleSlack(b);
    b.clock.advance(40 * 86_400_000);
    const before = b.double.callsTo('chat.update').length;
    const r = purgeBefore({ store: b.store, clock: b.clock, outboxWake: () => b.bot.outbox.wake() }, { before: '2026-12-01', by: 'UADMIN' });
    expect(r.ok).toBe(true);
    await settleSlack(b);
    const updates = b.double.callsTo('chat.update').slice(before);
    expect(updates).toHaveLength(1);
    expect(cardTextOf(updates[0]!)).toContain(PURGED_TEXT);
    expect(cardTextOf(updates[0]!)).not.toContain('insuline');
  });

  it('on Teams: the withdrawn request’s card no longer shows its description', async () => {
    teams = await startTeamsBot();
    const b = teams;
    const { id, cardId } = await createTeamsRequest(b, PEOPLE.req, { description: SECRET });
    await b.post(cardAction(b, PEOPLE.req, cardId, 'withdraw', id));
    await settleTeams(b);
    b.clock.advance(40 * 86_400_000);
    const r = purgeBefore({ store: b.store, clock: b.clock, outboxWake: () => b.bot.outbox.wake() }, { before: '2026-12-01', by: 'aad-admin' });
    expect(r.ok).toBe(true);
    await settleTeams(b);
    const card = cardJson(b.double.updates(cardId).at(-1));
    expect(card).toContain(PURGED_TEXT);
    expect(card).not.toContain('insuline');
  });
});
