// Signals and "what it prevented" on Slack through signed HTTP: `/minimaatwerk signaal …` and
// `signalen`, the digest's "make a signal" button, the select on a paid card, and the choice in the
// "alternative found" modal; checked on the Web API double and the database.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { createLog } from '../../src/log.js';
import { slackDigestPort } from '../../src/slack/digest.js';
import { auditLog, requests, signals, signalTeams, teams } from '../../src/store/schema.js';
import { startBot, CHANNEL, SIGNING_SECRET, TEAM, TestClock, type RunningBot } from '../support/bot.js';
import { plainText, radio, sign, staticSelect } from '../support/slackRequests.js';
import { addSpends, addTeam } from '../app/learningSeed.js';
import { cardTextOf, createRequest, react, settle } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  b = await startBot({ clock: new TestClock(new Date('2026-11-10T09:00:00Z')), financeUserIds: ['UFIN'] });
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UFIN', 'UADMIN']);
});
afterEach(async () => {
  await b.close();
});

const command = async (userId: string, text: string, channelId = CHANNEL) => {
  const res = await b.slack.slashCommand({ userId, channelId, text });
  expect(res.status).toBe(200);
  return (await res.json()) as { response_type?: string; text: string };
};
const signalRows = () => b.store.db.select().from(signals).all();
const ephemeralsTo = (user: string) => b.double.callsTo('chat.postEphemeral').filter((c) => c.args.user === user).map((c) => String(c.args.text));

/** A block_actions payload with a static select, signed like Slack signs it. */
async function select(userId: string, actionId: string, value: string, messageTs: string) {
  const payload = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0001',
    token: 'verification-token',
    trigger_id: '1000.2000.abc',
    team: { id: TEAM, domain: 'team' },
    enterprise: null,
    is_enterprise_install: false,
    container: { type: 'message', message_ts: messageTs, channel_id: CHANNEL, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'wijkteam' },
    message: { type: 'message', user: 'UBOT', ts: messageTs, text: '', blocks: [] },
    state: { values: {} },
    response_url: `${b.double.responseUrl}actions/${TEAM}/1/x`,
    actions: [{ type: 'static_select', action_id: actionId, block_id: 'prevented:x', selected_option: { text: { type: 'plain_text', text: value, emoji: true }, value }, action_ts: '1700000000.000001' }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return b.slack.raw(body, { 'content-type': 'application/x-www-form-urlencoded', ...sign(SIGNING_SECRET, body) });
}

describe('/minimaatwerk signaal and signalen', () => {
  it('an admin takes a category from signal to measure; answers are ephemeral and Dutch first; a colleague reads but cannot move', async () => {
    await command('UREQ', 'categorie'); // the channel becomes a team on first use
    const created = await command('UADMIN', 'signaal nieuw mondzorg');
    expect(created.response_type).toBe('ephemeral');
    expect(created.text).toMatch(/^Signaal \*S1\* aangemaakt: Mondzorg \/ tandarts — /);
    expect(created.text).toContain('_Signal S1 created: Mondzorg / tandarts._');
    const team = b.store.db.select().from(teams).where(eq(teams.channelId, CHANNEL)).get()!;
    expect(b.store.db.select().from(signalTeams).all()).toEqual([{ signalId: 1, teamId: team.id }]);

    expect((await command('UREQ', 'signaal 1 besproken GGD')).text).toMatch(/^Alleen een teambeheerder kan signalen maken of verder zetten\./);
    expect((await command('UADMIN', 'signaal 1 besproken tandartspraktijken Noord 2026-11-20')).text).toContain('Besproken met tandartspraktijken Noord op 20 november 2026.');
    const measure = await command('UADMIN', 'signaal 1 maatregel 2027-01-01 wijkcoördinator: korting voor minima bij praktijk <De Kies>');
    // What was typed is shown literally (no markup, no link).
    expect(measure.text).toContain('korting voor minima bij praktijk &lt;De Kies&gt;');
    expect(signalRows()[0]).toMatchObject({ status: 'measure', measureText: 'korting voor minima bij praktijk <De Kies>' });

    const list = await command('UREQ', 'signalen');
    expect(list.text).toContain('*Open signalen* (1)');
    expect(list.text).toContain('*S1* Mondzorg / tandarts (`mondzorg`)');
    expect(list.text).toContain('_maatregel genomen_');
    expect(list.text).toContain('*Effect:* nog geen volle maand na de maatregel');

    const wrong = await command('UADMIN', 'signaal 1 evalueer');
    expect(wrong.text).toMatch(/^Dat begrijp ik niet \("evalueer"\)\./);
    expect(wrong.text).toContain('/minimaatwerk signaal 3 besproken tandartspraktijken Noord 2026-11-20');
    expect(b.store.db.select().from(auditLog).all().filter((a) => a.action.startsWith('signal.')).map((a) => a.action)).toEqual(['signal.created', 'signal.discuss', 'signal.measure']);
  });

  it('the help names the commands', async () => {
    expect((await command('UREQ', 'help')).text).toContain('/minimaatwerk signalen');
    expect((await command('UREQ', 'signaal')).text).toContain('Geen namen of BSN van bewoners');
  });
});

describe('the digest’s button', () => {
  it('proposes a shared signal for a category recurring in 3 teams; an admin’s click makes it, once', async () => {
    const teamIds = ['CNOORD', 'CZUID', 'COOST'].map((channelId, i) => addTeam(b.store, { channelId, name: ['Wijkteam Noord', 'Buurtteam Zuid', 'Wijkteam Oost'][i]!, workspaceId: TEAM }));
    for (const id of teamIds) addSpends(b.store, id, { '2026-10': [8000, 8000, 8000, 8000] });
    b.clock.t = new Date('2026-11-02T08:00:00Z'); // Monday 2 November 09:00 Amsterdam
    const scheduler = createScheduler({ store: b.store, clock: b.clock, outboxWake: () => {} }, createLog('error', () => {}), {
      digest: { defaultChannelId: 'CMGR', ports: [slackDigestPort(b.bot.app.client)] },
    });
    await scheduler.tick();
    const posts = b.double.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CMGR');
    expect(String(posts[0]!.args.text)).toContain('*Mondzorg / tandarts* in 3 teams: Wijkteam Noord 4× € 320,00; Buurtteam Zuid 4× € 320,00; Wijkteam Oost 4× € 320,00');
    const withButtons = posts.find((c) => JSON.stringify(c.args.blocks ?? '').includes('signal_from_digest'))!;
    const buttons = (withButtons.args.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[]).find((x) => x.type === 'actions')!.elements!;
    expect(buttons.map((x) => [x.action_id, x.text.text, JSON.parse(x.value)])).toEqual([
      ['signal_from_digest:0', 'Signaal: Mondzorg / tandarts (3 teams)', { s: 'mondzorg', t: teamIds, m: '2026-10' }],
    ]);
    // Posted once: the next tick posts nothing more.
    await scheduler.tick();
    expect(b.double.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CMGR')).toHaveLength(posts.length);

    const press = (userId: string) => b.slack.blockAction({ userId, actionId: buttons[0]!.action_id, value: buttons[0]!.value, channelId: 'CMGR', messageTs: '1700000001.000100' });
    expect((await press('UREQ')).status).toBe(200);
    expect(ephemeralsTo('UREQ').at(-1)).toMatch(/^Alleen een teambeheerder/);
    expect(signalRows()).toEqual([]);
    await press('UADMIN');
    expect(ephemeralsTo('UADMIN').at(-1)).toMatch(/^Signaal \*S1\* aangemaakt: Mondzorg \/ tandarts — Wijkteam Noord, Buurtteam Zuid, Wijkteam Oost\./);
    expect(signalRows()).toMatchObject([{ source: 'digest', month: '2026-10', categorySlug: 'mondzorg' }]);
    await press('UADMIN');
    expect(ephemeralsTo('UADMIN').at(-1)).toMatch(/^Er is al een open signaal \*S1\*/);
    expect(signalRows()).toHaveLength(1);
  });
});

describe('what it prevented', () => {
  it('a select on the paid card: the requester’s choice is stored, audited and shown on the card', async () => {
    const { id, ts } = await createRequest(b);
    for (const u of ['UA', 'UB', 'UC']) await react(b, u, ts);
    await settle(b);
    expect(cardTextOf(b.double.callsTo('chat.update').at(-1)!)).not.toContain('request_prevented');
    await b.slack.blockAction({ userId: 'UFIN', actionId: 'payment_mark_paid', value: String(id), channelId: CHANNEL, messageTs: ts });
    await settle(b);
    const paidCard = JSON.stringify(b.double.callsTo('chat.update').at(-1)!.args.blocks);
    expect(paidCard).toContain('"action_id":"request_prevented"');
    expect(paidCard).toContain('Huisuitzetting voorkomen / Eviction prevented');

    expect((await select('UA', 'request_prevented', `${id}:job`, ts)).status).toBe(200);
    expect(ephemeralsTo('UA').at(-1)).toMatch(/^Alleen de aanvrager of een teambeheerder legt vast/);
    await select('UREQ', 'request_prevented', `${id}:job`, ts);
    await settle(b);
    expect(b.store.db.select().from(requests).where(eq(requests.id, id)).get()!.prevented).toBe('job');
    expect(ephemeralsTo('UREQ').at(-1)).toMatch(new RegExp(`^Vastgelegd bij #${id}: werk behouden of gevonden\\.`));
    const card = b.double.callsTo('chat.update').at(-1)!;
    expect(cardTextOf(card)).toContain('*Voorkomen:* Werk behouden of gevonden');
    expect(JSON.stringify(card.args.blocks)).toContain(`"initial_option":{"text":{"type":"plain_text","text":"Werk behouden of gevonden / Job kept or found","emoji":true},"value":"${id}:job"}`);
    expect(b.store.db.select().from(auditLog).all().filter((a) => a.action === 'request.prevented').map((a) => [a.actorId, JSON.parse(a.detail)])).toEqual([['UREQ', { outcome: 'job', previous: null }]]);
  });

  it('the "alternative found" modal offers the resident’s network and what it prevented', async () => {
    const { id, ts } = await createRequest(b);
    await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_alternative', value: String(id), channelId: CHANNEL, messageTs: ts });
    const view = (await b.double.waitFor('views.open')).args.view as { blocks: { block_id?: string; optional?: boolean; element: { options: { value: string }[] } }[] };
    expect(view.blocks.find((x) => x.block_id === 'kind')!.element.options.map((o) => o.value)).toEqual(['charity_fund', 'other_provision', 'free_solution', 'network', 'other']);
    const prevented = view.blocks.find((x) => x.block_id === 'prevented')!;
    expect(prevented.optional).toBe(true);
    expect(prevented.element.options.map((o) => o.value)).toEqual(['eviction', 'utility_cutoff', 'job', 'debt_settlement', 'school_dropout', 'health', 'other', 'unknown']);

    const res = await b.slack.viewSubmission({
      userId: 'UREQ',
      callbackId: 'request_alternative_submit',
      privateMetadata: JSON.stringify({ requestId: id }),
      values: { kind: { value: radio('network') }, reason: { value: plainText('de buurvrouw leent haar koelkast uit') }, prevented: { value: staticSelect('health') } },
    });
    expect(res.status).toBe(200);
    await settle(b);
    expect(b.store.db.select().from(requests).where(eq(requests.id, id)).get()).toMatchObject({ status: 'alternative', closedKind: 'network', prevented: 'health' });
    expect(cardTextOf(b.double.callsTo('chat.update').at(-1)!)).toContain('netwerk van de bewoner');
    const audit = b.store.db.select().from(auditLog).all().find((a) => a.action === 'request.alternative')!;
    expect(JSON.parse(audit.detail)).toEqual({ from: 'open', kind: 'network', prevented: 'health' });
  });
});
