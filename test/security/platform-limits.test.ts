// Block Kit and Adaptive Card limits: every message, card, form and view the bot sends is checked
// against the platform's published limits after flows with extreme inputs — a 1,000-character
// supplier name, every text field at its limit and full of characters that grow when escaped,
// objections with the longest reasons, 100+ categories with the longest names, a long team name,
// 60 open requests in the overview, the monthly digest. On Slack a payload over a limit is refused
// (`invalid_blocks`) and the card is lost; on Teams a card outside the schema is not shown.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { categorySlug } from '../../src/app/categories.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { createLog } from '../../src/log.js';
import { requests } from '../../src/store/schema.js';
import { CHANNEL, SIGNING_SECRET, TestClock, startBot, type RunningBot } from '../support/bot.js';
import { plainText, radio } from '../support/slackRequests.js';
import { formState, react, settle, unreact, type FormValues } from '../support/slack.js';
import { CHANNEL as TEAMS_CHANNEL, PEOPLE, VALID_TEAMS_FORM, cardAction, messageActivity, personalMessage, settle as settleTeams, taskFetch, taskSubmit } from '../support/teamsBot.js';
import { answerViolations, callViolations, carriesContent } from './blockKit.js';
import { cardErrors, cardsIn, connectorCallErrors } from './adaptiveCards.js';
import { startSecureTeamsBot, type SecureTeamsBot } from './teamsHarness.js';

// Texts at their limits, made of characters that grow when escaped (`&` becomes `&amp;`).
const AT_LIMIT = {
  description: '&<>*_'.repeat(60), // 300
  supplierName: '&'.repeat(100), // 100
  caseRef: `WT-2026-${'A1'.repeat(16)}`, // 40
  reasonText: '<&>'.repeat(166) + '&&', // 500
};
const HUGE = 'Ä&<'.repeat(334).slice(0, 1000); // 1,000 characters: over every limit
const REASON = '&'.repeat(500);
const CLOSE_REASON = '&'.repeat(300);
const LONG_TEAM = 'wijkteam-noord-oost-'.repeat(4); // 80, Slack's longest channel name
const categoryName = (i: number) => `Zeer lange categorienaam voor de grenswaardentest nummer ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`.padEnd(60, 'x');

describe('Block Kit and Adaptive Card limits', () => {
  let slack: RunningBot | undefined;
  let teams: SecureTeamsBot | undefined;
  afterEach(async () => {
    await slack?.close();
    await teams?.close();
    slack = teams = undefined;
  });

  it('Slack: every recorded Web API call and every HTTP answer stays within Block Kit’s limits', { timeout: 120_000 }, async () => {
    const b = (slack = await startBot({ financeUserIds: ['UFIN'], clock: new TestClock(new Date('2026-10-20T09:00:00Z')) }));
    b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UFIN', 'UADMIN']);
    const answers: { where: string; body: unknown }[] = [];
    const keep = async (where: string, res: Response) => {
      const text = await res.text();
      const body: unknown = text ? (text.startsWith('{') ? JSON.parse(text) : text) : null;
      answers.push({ where, body });
      return body as Record<string, unknown> | null;
    };
    const command = (user: string, text: string) => b.slack.slashCommand({ userId: user, channelId: CHANNEL, text }).then((r) => keep(`/minimaatwerk ${text.slice(0, 20)}`, r));
    const submit = (user: string, v: FormValues, callbackId = 'request_submit', meta: object = { channelId: CHANNEL }) =>
      b.slack.viewSubmission({ userId: user, callbackId, values: formState(v), privateMetadata: JSON.stringify(meta) }).then((r) => keep(callbackId, r));
    const lastRequest = () => b.store.db.select().from(requests).orderBy(requests.id).all().at(-1)!;

    // The team is first seen with Slack's longest channel name (a signed command, by hand).
    const body = new URLSearchParams({ command: '/minimaatwerk', text: 'budget 100000', user_id: 'UADMIN', channel_id: CHANNEL, channel_name: LONG_TEAM, team_id: 'T0001', trigger_id: 't1', response_url: `${b.double.responseUrl}x` }).toString();
    const ts = Math.floor(Date.now() / 1000);
    await keep('budget', await b.slack.raw(body, { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}` }));
    for (let i = 0; i < 100; i++) await command('UADMIN', `categorie nieuw ${categoryName(i)}`);
    await command('UREQ', 'categorie');
    await command('UREQ', 'help');
    await command('UREQ', HUGE.replace(/\s/g, '_'));
    const custom = categorySlug(categoryName(0));

    // The form: opened, a suggestion asked with a 1,000-character supplier, refused, then filed at the limits.
    await command('UREQ', '');
    const opened = await b.double.waitFor('views.open');
    await b.slack.blockAction({
      userId: 'UREQ',
      actionId: 'supplier_input',
      viewId: 'VFORM',
      view: { private_metadata: (opened.args.view as { private_metadata: string }).private_metadata, state: { values: formState({ supplierName: HUGE, description: HUGE }) } },
    });
    await b.double.waitFor('views.update');
    expect((await submit('UREQ', { supplierName: HUGE, description: HUGE, reasonText: HUGE }))?.response_action).toBe('errors');
    expect(await submit('UREQ', { ...AT_LIMIT, categorySlug: custom })).toBeNull();
    await settle(b);
    const first = lastRequest();
    expect(first.messageTs).not.toBeNull();

    // A colleague may not edit it (an ephemeral refusal); three objections with the longest reasons, lifted; approved; paid.
    await b.slack.blockAction({ userId: 'UA', actionId: 'request_edit', value: String(first.id), channelId: CHANNEL, messageTs: first.messageTs! });
    for (const u of ['UA', 'UB', 'UC']) await react(b, u, first.messageTs!, 'x');
    for (const u of ['UA', 'UB', 'UC']) {
      await b.slack.viewSubmission({ userId: u, callbackId: 'objection_reason_submit', values: { reason: { value: plainText(REASON) } }, privateMetadata: JSON.stringify({ requestId: first.id }) }).then((r) => keep('objection', r));
    }
    await settle(b);
    for (const u of ['UA', 'UB', 'UC']) await unreact(b, u, first.messageTs!, 'x');
    for (const u of ['UA', 'UB', 'UC']) await react(b, u, first.messageTs!);
    await settle(b);
    await b.slack.blockAction({ userId: 'UFIN', actionId: 'payment_mark_paid', value: String(first.id), channelId: CHANNEL, messageTs: first.messageTs! });
    await settle(b);
    expect(lastRequest().status).toBe('paid');

    // Another one, edited at the limits and closed with the longest reason.
    await submit('UREQ', { ...AT_LIMIT, caseRef: 'WT-2026-2', categorySlug: custom });
    await settle(b);
    const second = lastRequest();
    await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_edit', value: String(second.id), channelId: CHANNEL, messageTs: second.messageTs! });
    await submit('UREQ', { ...AT_LIMIT, amount: '499,99', caseRef: 'WT-2026-2', supplierName: '<'.repeat(100), categorySlug: custom }, 'request_edit_submit', { requestId: second.id, channelId: CHANNEL });
    await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_alternative', value: String(second.id), channelId: CHANNEL, messageTs: second.messageTs! });
    await b.slack.viewSubmission({ userId: 'UREQ', callbackId: 'request_alternative_submit', values: { kind: { value: radio('charity_fund') }, reason: { value: plainText(CLOSE_REASON) } }, privateMetadata: JSON.stringify({ requestId: second.id }) }).then((r) => keep('alternative', r));
    await settle(b);
    expect(lastRequest().status).toBe('alternative');

    // 60 open requests, then the App Home overview and the digest.
    for (let i = 0; i < 60; i++) await submit('UREQ', { ...AT_LIMIT, amount: '1', caseRef: `WT-2026-${100 + i}`, categorySlug: custom });
    await settle(b);
    await b.slack.event({ type: 'app_home_opened', user: 'UREQ', channel: 'D0HOME', tab: 'home', event_ts: String(Date.now() / 1000) });
    const home = JSON.stringify((await b.double.waitFor('views.publish')).args.view);
    // Nothing cut off: every open request is on the Home tab.
    for (const r of b.store.db.select().from(requests).all().filter((x) => x.status === 'open')) expect(home).toContain(`*#${r.id}*`);
    expect(JSON.stringify(await command('UREQ', 'digest 2026-10'))).toContain('Maandoverzicht');
    await command('UREQ', 'overzicht');
    await command('UOUT', ''); // refused by response_url: not a member
    await b.double.waitFor('response_url');

    const checked = b.double.calls.filter(carriesContent);
    for (const m of ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'views.open', 'views.update', 'views.publish', 'response_url']) {
      expect(checked.some((c) => c.method === m), m).toBe(true);
    }
    expect(checked.length).toBeGreaterThan(80);
    expect(answers.length).toBeGreaterThan(100);
    expect(checked.flatMap(callViolations)).toEqual([]);
    expect(answers.flatMap((a) => answerViolations(a.where, a.body))).toEqual([]);
    // Nothing was refused for its content (the double would not know; Slack would).
    expect(b.logLines.filter((l) => /invalid_blocks|msg_too_long|outbox.dropped/.test(l))).toEqual([]);
  });

  it('the Block Kit checker finds what is over a limit (the control)', () => {
    const card = { method: 'chat.postMessage', at: 0, args: { text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }, { type: 'section', text: { type: 'mrkdwn', text: '' } }] } };
    expect(callViolations(card)).toHaveLength(2);
    const tooMany = { method: 'chat.update', at: 0, args: { text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) } };
    expect(callViolations(tooMany).join()).toContain('51 blocks, over 50');
    const modal = { method: 'views.open', at: 0, args: { view: { type: 'modal', title: { type: 'plain_text', text: 'Een titel die te lang is voor Slack' }, blocks: [{ type: 'input', label: { type: 'plain_text', text: 'x' }, element: { type: 'static_select', options: Array.from({ length: 101 }, (_, i) => ({ text: { type: 'plain_text', text: `o${i}` }, value: `v${i}` })) } }] } } };
    const found = callViolations(modal).join('\n');
    for (const what of ['over 24', '101 options', 'needs a submit']) expect(found).toContain(what);
  });

  it('Teams: every card the Bot Connector double records and every dialog is valid against the Adaptive Card 1.5 schema (subset), and every message is within the size limit', { timeout: 120_000 }, async () => {
    const b = (teams = await startSecureTeamsBot({ financeUserIds: [PEOPLE.d.aadObjectId], clock: new TestClock(new Date('2026-10-20T09:00:00Z')) }));
    const answers: unknown[] = [];
    const post = async (activity: Record<string, unknown>) => {
      const res = await b.post(activity);
      expect(res.status).toBe(200);
      answers.push(res.body);
      return res.body;
    };
    const form = (extra: Record<string, unknown>) => ({ dialog: 'new', suggestedSlug: null, ...VALID_TEAMS_FORM, ...extra });
    const lastRequest = () => b.store.db.select().from(requests).orderBy(requests.id).all().at(-1)!;

    // The team is first seen with a long channel name.
    const first = messageActivity(b, PEOPLE.admin, 'budget 100000');
    await post({ ...first, channelData: { ...first.channelData, channel: { id: TEAMS_CHANNEL, name: 'Wijkteam '.repeat(25) } } });
    for (let i = 0; i < 100; i++) await post(messageActivity(b, PEOPLE.admin, `categorie nieuw ${categoryName(i)}`));
    for (const text of ['categorie', 'help', 'aanvraag', HUGE]) await post(messageActivity(b, PEOPLE.req, text));
    const custom = categorySlug(categoryName(0));

    await post(taskFetch(b, PEOPLE.req, { dialog: 'new' }));
    expect(JSON.stringify(await post(taskSubmit(b, PEOPLE.req, form({ supplierName: HUGE, description: HUGE, reasonText: HUGE, formId: 'f0' }))))).toContain('Maximaal');
    await post(taskSubmit(b, PEOPLE.req, form({ ...AT_LIMIT, categorySlug: custom, formId: 'f1' })));
    await settleTeams(b);
    const req1 = lastRequest();
    expect(req1.messageTs).not.toBeNull();

    for (const p of [PEOPLE.a, PEOPLE.b, PEOPLE.c]) await post(cardAction(b, p, req1.messageTs!, 'object', req1.id));
    await settleTeams(b);
    for (const p of [PEOPLE.a, PEOPLE.b, PEOPLE.c]) {
      await post(taskFetch(b, p, { dialog: 'objection', requestId: req1.id }, req1.messageTs!));
      await post(taskSubmit(b, p, { dialog: 'objection', requestId: req1.id, reason: REASON }));
    }
    await settleTeams(b);
    for (const p of [PEOPLE.a, PEOPLE.b, PEOPLE.c]) await post(cardAction(b, p, req1.messageTs!, 'unvote', req1.id));
    for (const p of [PEOPLE.a, PEOPLE.b, PEOPLE.c]) await post(cardAction(b, p, req1.messageTs!, 'approve', req1.id));
    await settleTeams(b);
    await post(cardAction(b, PEOPLE.d, req1.messageTs!, 'markPaid', req1.id));
    await settleTeams(b);
    expect(lastRequest().status).toBe('paid');

    await post(taskSubmit(b, PEOPLE.req, form({ ...AT_LIMIT, caseRef: 'WT-2026-2', categorySlug: custom, formId: 'f2' })));
    await settleTeams(b);
    const req2 = lastRequest();
    await post(taskFetch(b, PEOPLE.req, { dialog: 'edit', requestId: req2.id }, req2.messageTs!));
    await post(taskSubmit(b, PEOPLE.req, { dialog: 'edit', requestId: req2.id, ...VALID_TEAMS_FORM, ...AT_LIMIT, amount: '499,99', caseRef: 'WT-2026-2', supplierName: '<'.repeat(100), categorySlug: custom }));
    await post(taskFetch(b, PEOPLE.req, { dialog: 'alternative', requestId: req2.id }, req2.messageTs!));
    await post(taskSubmit(b, PEOPLE.req, { dialog: 'alternative', requestId: req2.id, kind: 'charity_fund', reason: CLOSE_REASON }));
    await settleTeams(b);
    expect(lastRequest().status).toBe('alternative');

    for (let i = 0; i < 60; i++) await post(taskSubmit(b, PEOPLE.req, form({ ...AT_LIMIT, amount: '1', caseRef: `WT-2026-${100 + i}`, categorySlug: custom, formId: `bulk-${i}` })));
    await settleTeams(b);
    await post(personalMessage(b, PEOPLE.req, 'overzicht'));
    await post(personalMessage(b, PEOPLE.admin, 'overzicht'));

    // The monthly digest (text and chart card) in November, for October.
    await post(messageActivity(b, PEOPLE.admin, 'digest-kanaal hier'));
    b.clock.t = new Date('2026-11-02T08:00:00Z');
    await createScheduler({ store: b.store, clock: b.clock, outboxWake: () => {} }, createLog('error', () => {}), { digest: { defaultChannelId: undefined, ports: [b.bot.digest] } }).tick();
    await post(messageActivity(b, PEOPLE.req, 'digest 2026-10'));

    const sent = b.double.calls.filter((c) => c.method !== 'GET');
    const cards = sent.flatMap((c) => cardsIn(c.body));
    const dialogs = answers.flatMap(cardsIn);
    expect(cards.length).toBeGreaterThan(70);
    expect(dialogs.length).toBeGreaterThan(5);
    const kinds = new Set([...cards, ...dialogs].flatMap((c) => JSON.stringify(c).match(/"type":"(TextBlock|FactSet|Image|Input\.Text|Input\.ChoiceSet|Action\.Submit|Action\.Execute)"/g) ?? []));
    expect(kinds.size).toBe(7);
    expect(sent.flatMap((c) => connectorCallErrors(c).map((e) => `${c.method} ${c.conversationId}: ${e}`))).toEqual([]);
    expect(dialogs.flatMap((c, i) => cardErrors(c).map((e) => `dialog ${i}: ${e}`))).toEqual([]);
    expect(b.logLines.filter((l) => /outbox.dropped|http_400|http_413/.test(l))).toEqual([]);
  });

  it('the Adaptive Card schema refuses what Teams would not show (the control)', () => {
    const ok = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', size: 'Large', weight: 'Bolder' }], actions: [{ type: 'Action.Execute', title: 'Akkoord', verb: 'approve', style: 'positive' }] };
    expect(cardErrors(ok)).toEqual([]);
    expect(cardErrors({ ...ok, version: undefined })).not.toEqual([]);
    expect(cardErrors({ ...ok, body: [{ type: 'TextBlock' }] })).not.toEqual([]);
    expect(cardErrors({ ...ok, body: [{ type: 'TextBlock', text: 'x', size: 'Huge' }] })).not.toEqual([]);
    expect(cardErrors({ ...ok, body: [{ type: 'Input.Text', label: 'geen id' }] })).not.toEqual([]);
    expect(cardErrors({ ...ok, body: [{ type: 'Input.ChoiceSet', id: 'c', choices: [{ title: 'zonder waarde' }] }] })).not.toEqual([]);
    expect(cardErrors({ ...ok, body: [{ type: 'FactSet', facts: [{ title: 'x' }] }] })).not.toEqual([]);
    expect(cardErrors({ ...ok, body: [{ type: 'Table', rows: [] }] })).not.toEqual([]);
    expect(cardErrors({ ...ok, actions: [{ type: 'Action.Execute', style: 'danger' }] })).not.toEqual([]);
    expect(cardErrors({ ...ok, actions: [{ type: 'Action.OpenUrl', url: 'https://evil.example' }] })).not.toEqual([]);
  });
});
