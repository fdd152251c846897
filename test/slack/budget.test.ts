// Who is a team admin on Slack: configured ids, and also the workspace's own admins and owners
// (read from users.info). The budget commands on every platform: test/behaviour/.
import { describe, expect, it } from 'vitest';
import { teamBudgets } from '../../src/store/schema.js';
import { CHANNEL, useSlackBot } from '../support/bot.js';

const b = useSlackBot({ members: ['UREQ', 'UA', 'UWSADMIN'] });

const command = async (userId: string, text: string) => {
  const res = await b.slack.slashCommand({ userId, channelId: CHANNEL, text });
  expect(res.status).toBe(200);
  return (await res.json()) as { response_type?: string; text: string };
};

describe('/minimaatwerk budget by a workspace admin', () => {
  it('sets the budget; a second set replaces the first', async () => {
    b.double.setUser({ id: 'UWSADMIN', is_admin: true });
    expect((await command('UWSADMIN', 'budget 12000')).text).toContain('Jaarbudget 2026 ingesteld op € 12.000,00');
    await command('UWSADMIN', 'budget € 8.000,50');
    expect(b.store.db.select().from(teamBudgets).all()).toEqual([expect.objectContaining({ amountCents: 800_050, setBy: 'UWSADMIN' })]);
  });

  it('a workspace owner is an admin too; a member is not', async () => {
    b.double.setUser({ id: 'UWSADMIN', is_owner: true });
    expect((await command('UWSADMIN', 'budget 100')).text).toContain('ingesteld');
    expect((await command('UA', 'budget 100')).text).toContain('Alleen een teambeheerder');
  });
});
