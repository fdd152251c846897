// Guarantee 6: request authenticity, through the real HTTP receiver. A forged signature, missing
// headers, a timestamp more than 5 minutes old (or ahead), and a replay of an identical signed
// request are refused with 401 and change nothing. A Slack retry is a new request (re-signed with
// a new timestamp) and is accepted; its event_id makes it change nothing twice.
import { beforeEach, expect, it } from 'vitest';
import { CHANNEL, SIGNING_SECRET, useSlackBot } from '../support/bot.js';
import { sign } from '../support/slackRequests.js';
import { createRequest } from '../support/slack.js';
import { countRows, signedReaction } from './support.js';

const b = useSlackBot({ members: ['UREQ', 'UA', 'UB', 'UC'] });
let ts: string;
let eventTs: string;
beforeEach(async () => {
  ts = (await createRequest(b)).ts;
  eventTs = `${Math.floor(Date.now() / 1000)}.000100`;
});

const nowSec = () => Math.floor(Date.now() / 1000);
const approval = (eventId: string, at = nowSec()) =>
  signedReaction(SIGNING_SECRET, { type: 'reaction_added', eventId, userId: 'UA', reaction: 'white_check_mark', channelId: CHANNEL, ts, eventTs }, at);
const state = () => ({ approvals: countRows(b.store, 'approvals'), audit: countRows(b.store, 'audit_log'), reactions: countRows(b.store, 'reactions') });

it('accepts a correctly signed event (the control)', async () => {
  const { body, headers } = approval('EvOK');
  expect((await b.slack.raw(body, headers)).status).toBe(200);
  expect(state().approvals).toBe(1);
});

it('refuses a forged signature', async () => {
  const { body, headers } = approval('EvForged');
  const before = state();
  const forged = { ...headers, ...sign('not-the-secret', body) };
  expect((await b.slack.raw(body, forged)).status).toBe(401);
  // The body changed after signing is forged too.
  const tampered = body.replace('"UA"', '"UB"');
  expect((await b.slack.raw(tampered, headers)).status).toBe(401);
  expect(state()).toEqual(before);
});

it.each([['x-slack-signature'], ['x-slack-request-timestamp']])('refuses a request without %s', async (missing) => {
  const { body, headers } = approval('EvNoHeader');
  const before = state();
  const h: Record<string, string> = { ...headers };
  delete h[missing];
  expect((await b.slack.raw(body, h)).status).toBe(401);
  expect((await b.slack.raw(body, { 'content-type': 'application/json' })).status).toBe(401);
  expect(state()).toEqual(before);
});

it('refuses a timestamp older than 5 minutes, and one more than 5 minutes ahead', async () => {
  const before = state();
  const old = approval('EvOld', nowSec() - 5 * 60 - 5);
  expect((await b.slack.raw(old.body, old.headers)).status).toBe(401);
  const ahead = approval('EvAhead', nowSec() + 5 * 60 + 30);
  expect((await b.slack.raw(ahead.body, ahead.headers)).status).toBe(401);
  expect(state()).toEqual(before);
  const recent = approval('EvRecent', nowSec() - 4 * 60);
  expect((await b.slack.raw(recent.body, recent.headers)).status).toBe(200);
});

it('refuses a replay: the identical signed request a second time', async () => {
  const { body, headers } = approval('EvReplay');
  expect((await b.slack.raw(body, headers)).status).toBe(200);
  const after = state();
  expect((await b.slack.raw(body, headers)).status).toBe(401);
  expect((await b.slack.raw(body, { ...headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(401);
  expect(state()).toEqual(after);
  // Also an interactive payload (a button) replayed: refused.
  const slash = new URLSearchParams({ command: '/minimaatwerk', text: 'help', user_id: 'UA', channel_id: CHANNEL, team_id: 'T0001', trigger_id: 't', response_url: b.double.responseUrl + 'x' }).toString();
  const h = { 'content-type': 'application/x-www-form-urlencoded', ...sign(SIGNING_SECRET, slash) };
  expect((await b.slack.raw(slash, h)).status).toBe(200);
  expect((await b.slack.raw(slash, h)).status).toBe(401);
});

it('concurrent identical requests: one accepted, the others refused', async () => {
  const { body, headers } = approval('EvRace');
  const statuses = (await Promise.all(Array.from({ length: 5 }, () => b.slack.raw(body, headers)))).map((r) => r.status).sort();
  expect(statuses).toEqual([200, 401, 401, 401, 401]);
  expect(state().approvals).toBe(1);
});

it('a Slack retry (same event, re-signed with a new timestamp) is accepted and changes nothing twice', async () => {
  const first = approval('EvRetry', nowSec() - 2);
  expect((await b.slack.raw(first.body, first.headers)).status).toBe(200);
  const after = state();
  const retry = approval('EvRetry', nowSec());
  expect(retry.body).toBe(first.body);
  expect((await b.slack.raw(retry.body, { ...retry.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
  expect(state()).toEqual(after);
});
