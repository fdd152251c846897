// The App Home tab through a signed app_home_opened event.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startBot, CHANNEL, type RunningBot } from '../support/bot.js';
import { createRequest, react, settle } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  b = await startBot();
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UADMIN']);
});
afterEach(async () => {
  await b.close();
});

const openHome = async (userId: string) => {
  const before = b.double.callsTo('views.publish').length;
  const res = await b.slack.event({ type: 'app_home_opened', user: userId, channel: 'DHOME', tab: 'home', event_ts: '1800000000.000100' });
  expect(res.status).toBe(200);
  const call = b.double.callsTo('views.publish')[before];
  expect(call?.args.user_id).toBe(userId);
  return JSON.stringify(call?.args.view);
};

it('shows my open requests, what waits for my approval, and the team budget left', async () => {
  await b.slack.slashCommand({ userId: 'UADMIN', channelId: CHANNEL, text: 'budget 1000' });
  const first = await createRequest(b, 'UREQ', { amount: '85,50' });
  const second = await createRequest(b, 'UA', { amount: '20', caseRef: 'WT-2026-099' });
  await react(b, 'UB', second.ts);
  await settle(b);

  const req = await openHome('UREQ');
  expect(req).toContain(`#${first.id}* € 85,50`);
  expect(req).toContain(`#${second.id}* € 20,00`); // waits for UREQ's approval
  expect(req).toContain('over € 894,50 van € 1.000,00');

  const ub = await openHome('UB');
  expect(ub).not.toContain(`#${second.id}*`); // UB already approved it
  expect(ub).toContain(`#${first.id}*`);

  const outsider = await openHome('UOUT');
  expect(outsider).toContain('Niets om goed te keuren');
  expect(outsider).toContain('Nog geen team');
});

it('shows a manager the last monthly digest, and a team member not', async () => {
  const { ts } = await createRequest(b, 'UREQ', { amount: '120' });
  for (const u of ['UA', 'UB', 'UC']) await react(b, u, ts);
  await settle(b);
  b.clock.advance(31 * 24 * 3600_000); // the next month: the request's month is now the last digest
  const manager = await openHome('UADMIN');
  expect(manager).toContain('Laatste maandoverzicht');
  expect(manager).toContain('€ 120,00');
  const member = await openHome('UA');
  expect(member).not.toContain('Laatste maandoverzicht');
});
