// Trust boundary 1 — "Filing into any channel". Whoever files or edits a request must be a member
// of the team's channel, on every path: Slack's slash command form, the global shortcut's channel
// picker, the edit button and its form; Teams' dialog (opening and submitting) and the edit dialog.
// A refusal says why, and nothing is stored: no request, no audit row, no outbox item.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, outbox, requests } from '../../src/store/schema.js';
import { CHANNEL, startBot, type RunningBot } from '../support/bot.js';
import { conversationsSelect } from '../support/slackRequests.js';
import { createRequest, formState, settle, submitForm } from '../support/slack.js';
import {
  CHANNEL as TEAMS_CHANNEL,
  PEOPLE,
  VALID_TEAMS_FORM,
  createTeamsRequest,
  startTeamsBot,
  taskFetch,
  taskSubmit,
  type RunningTeamsBot,
} from '../support/teamsBot.js';
import type { Store } from '../../src/store/db.js';

const NOT_MEMBER_NL = 'Je bent geen lid van dit teamkanaal';
const NOT_MEMBER_EN = 'You are not a member of this team channel';

const counts = (store: Store) => ({
  requests: store.db.select().from(requests).all().length,
  audit: store.db.select().from(auditLog).all().length,
  outbox: store.db.select().from(outbox).all().length,
});

describe('1. Filing into any channel', () => {
  describe('Slack', () => {
    let b: RunningBot;
    beforeEach(async () => {
      b = await startBot();
      b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC']);
      b.double.setChannelMembers('C0OTHER', ['UX', 'UY']);
    });
    afterEach(async () => {
      await b.close();
    });

    it('the global shortcut’s channel picker: a channel the requester is not a member of is refused under the picker, nothing stored', async () => {
      await b.slack.globalShortcut({ userId: 'UREQ', callbackId: 'minimaatwerk_request' });
      const view = (await b.double.waitFor('views.open')).args.view as { private_metadata: string };
      const before = counts(b.store);
      const res = await b.slack.viewSubmission({ userId: 'UREQ', callbackId: 'request_submit', values: { channel: { value: conversationsSelect('C0OTHER') }, ...formState() }, privateMetadata: view.private_metadata });
      const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(Object.keys(body.errors)).toEqual(['channel']);
      expect(body.errors.channel).toContain(NOT_MEMBER_NL);
      expect(body.errors.channel).toContain(NOT_MEMBER_EN);
      await settle(b);
      expect(counts(b.store)).toEqual(before);
      expect(b.double.callsTo('chat.postMessage')).toHaveLength(0);
      // The same form with a channel they are in files (the control).
      const ok = await b.slack.viewSubmission({ userId: 'UREQ', callbackId: 'request_submit', values: { channel: { value: conversationsSelect(CHANNEL) }, ...formState() }, privateMetadata: view.private_metadata });
      expect(await ok.text()).toBe('');
      expect(counts(b.store).requests).toBe(1);
    });

    it('the slash command form: someone who is not (or no longer) a member is refused, nothing stored', async () => {
      const before = counts(b.store);
      const res = await submitForm(b, 'UOUT');
      expect(res.status).toBe(200);
      expect(res.body?.response_action).toBe('errors');
      expect(JSON.stringify(res.body)).toContain(NOT_MEMBER_NL);
      await settle(b);
      expect(counts(b.store)).toEqual(before);
      expect(b.double.callsTo('chat.postMessage')).toHaveLength(0);
    });

    it('editing: a requester who left the channel cannot open the edit form nor submit an edit; the request stays as it was', async () => {
      const { id, ts } = await createRequest(b);
      await settle(b);
      b.double.setChannelMembers(CHANNEL, ['UA', 'UB', 'UC']);
      await b.slack.event({ type: 'member_left_channel', user: 'UREQ', channel: CHANNEL, channel_type: 'C', team: 'T0001', event_ts: String(Date.now() / 1000) });
      const row = () => b.store.db.select().from(requests).where(eq(requests.id, id)).get()!;
      const before = { ...counts(b.store), row: row() };

      await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_edit', value: String(id), channelId: CHANNEL, messageTs: ts });
      expect(b.double.callsTo('views.open')).toHaveLength(0);
      const eph = b.double.callsTo('chat.postEphemeral').at(-1)!;
      expect(eph.args.user).toBe('UREQ');
      expect(String(eph.args.text)).toContain(NOT_MEMBER_NL);

      // A form opened before leaving, submitted after.
      const res = await b.slack.viewSubmission({ userId: 'UREQ', callbackId: 'request_edit_submit', values: formState({ amount: '10', supplierName: 'Andere Leverancier' }), privateMetadata: JSON.stringify({ requestId: id, channelId: CHANNEL }) });
      const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(Object.values(body.errors).join(' ')).toContain(NOT_MEMBER_NL);
      // Withdrawing is refused the same way.
      await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_withdraw', value: String(id), channelId: CHANNEL, messageTs: ts });
      await settle(b);
      expect({ ...counts(b.store), row: row() }).toEqual(before);
    });
  });

  describe('Teams', () => {
    let b: RunningTeamsBot;
    beforeEach(async () => {
      b = await startTeamsBot();
    });
    afterEach(async () => {
      await b.close();
    });

    const NEW = { dialog: 'new', suggestedSlug: null, ...VALID_TEAMS_FORM };

    it('the dialog: someone outside the team cannot open it, and a submission of it is refused with the reason; nothing stored', async () => {
      const before = counts(b.store);
      const opened = await b.post(taskFetch(b, PEOPLE.outsider, { dialog: 'new' }));
      expect(opened.status).toBe(200);
      expect(JSON.stringify(opened.body)).toContain(NOT_MEMBER_NL);
      expect(JSON.stringify(opened.body)).not.toContain('Input.Text');

      const submitted = await b.post(taskSubmit(b, PEOPLE.outsider, { ...NEW, formId: 'form-outsider' }));
      expect(submitted.status).toBe(200);
      const json = JSON.stringify(submitted.body);
      expect(json).toContain(NOT_MEMBER_NL);
      expect(json).toContain(NOT_MEMBER_EN);
      await b.bot.outbox.drain();
      const after = counts(b.store);
      expect({ requests: after.requests, audit: after.audit, outbox: after.outbox }).toEqual(before);
      expect(b.double.posts(TEAMS_CHANNEL)).toHaveLength(0);
    });

    it('the edit dialog: a requester who left the team can neither open nor submit it; the request stays as it was', async () => {
      const { id, cardId } = await createTeamsRequest(b);
      const row = () => b.store.db.select().from(requests).where(eq(requests.id, id)).get()!;
      b.double.setMembers(TEAMS_CHANNEL, Object.values(PEOPLE).filter((p) => p !== PEOPLE.outsider && p !== PEOPLE.req));
      // Teams announces the departure (conversationUpdate); the cached roster follows it.
      const { name: _n, value: _v, ...base } = taskSubmit(b, PEOPLE.admin, {});
      await b.post({ ...base, type: 'conversationUpdate', membersRemoved: [{ id: `29:${PEOPLE.req.aadObjectId}`, aadObjectId: PEOPLE.req.aadObjectId }] });
      const before = { ...counts(b.store), row: row() };

      const opened = await b.post(taskFetch(b, PEOPLE.req, { dialog: 'edit', requestId: id }, cardId));
      expect(JSON.stringify(opened.body)).toContain(NOT_MEMBER_NL);
      expect(JSON.stringify(opened.body)).not.toContain('Input.Text');
      const submitted = await b.post(taskSubmit(b, PEOPLE.req, { dialog: 'edit', requestId: id, ...VALID_TEAMS_FORM, amount: '10', supplierName: 'Andere Leverancier' }));
      expect(JSON.stringify(submitted.body)).toContain(NOT_MEMBER_NL);
      await b.bot.outbox.drain();
      expect({ ...counts(b.store), row: row() }).toEqual(before);
    });
  });
});
