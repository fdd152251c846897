// Trust boundary 8 — "Ghost requests". A request whose card can never be posted must not wait
// unseen and hold budget: when Slack says channel_not_found, not_in_channel (and joining fails) or
// is_archived, or the Bot Connector answers 403/404, the request ends as not_posted (audited), the
// requester is told why in a direct message (Slack) or their 1:1 chat (Teams), and the team budget
// and household cap are free again. A card that keeps failing for a passing reason stays open
// without a card: the stale handling expires it and tells the requester.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processStaleRequests } from '../../src/app/staleRequests.js';
import { auditLog, outbox, requests } from '../../src/store/schema.js';
import type { Store } from '../../src/store/db.js';
import { CHANNEL, startBot, type RunningBot } from '../support/bot.js';
import { settle, submitForm } from '../support/slack.js';
import { CHANNEL as TEAMS_CHANNEL, PEOPLE, VALID_TEAMS_FORM, messageActivity, personalConversationId, settle as settleTeams, taskSubmit } from '../support/teamsBot.js';
import { startSecureTeamsBot, type SecureTeamsBot } from './teamsHarness.js';

const NOT_POSTED_NL = 'kon niet in het teamkanaal geplaatst worden';
const NOT_POSTED_EN = 'could not be posted in the team channel';

const requestRows = (store: Store) => store.db.select().from(requests).orderBy(requests.id).all();
const auditOf = (store: Store, id: number) => store.db.select().from(auditLog).where(eq(auditLog.requestId, id)).all();

// € 450 under one case reference: a second one only fits when the first counts against nothing
// (team budget € 600, household cap € 500).
const BIG = { amount: '450', caseRef: 'WT-2026-777' };

describe('8. Ghost requests', () => {
  describe('Slack', () => {
    let b: RunningBot;
    beforeEach(async () => {
      b = await startBot();
      b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UADMIN']);
      await b.slack.slashCommand({ userId: 'UADMIN', channelId: CHANNEL, text: 'budget 600' });
    });
    afterEach(async () => {
      await b.close();
    });

    const dmsTo = (user: string) => b.double.callsTo('chat.postMessage').filter((c) => c.args.channel === user && !c.fault);
    const cardsIn = () => b.double.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL && !c.args.thread_ts && !c.fault);

    async function fileAndSettle(v = BIG) {
      const res = await submitForm(b, 'UREQ', v);
      await settle(b);
      return res;
    }

    /** The request ended as not posted, audited with the reason, the requester told, budget and cap free. */
    async function expectGhostHandled(reason: string) {
      const [first] = requestRows(b.store);
      expect(first!.status).toBe('not_posted');
      expect(first!.messageTs).toBeNull();
      const audit = auditOf(b.store, first!.id).find((a) => a.action === 'request.not_posted');
      expect(audit?.actorId).toBe('system');
      expect(JSON.parse(audit!.detail ?? '{}')).toMatchObject({ reason });
      const dm = dmsTo('UREQ');
      expect(dm).toHaveLength(1);
      expect(String(dm[0]!.args.text)).toContain(NOT_POSTED_NL);
      expect(String(dm[0]!.args.text)).toContain(NOT_POSTED_EN);
      expect(String(dm[0]!.args.text)).toContain(`#${first!.id}`);
      expect(b.store.db.select().from(outbox).all().every((o) => o.doneAt !== null)).toBe(true);
      // Budget and household cap are free again: the same € 450 for the same household fits.
      const again = await fileAndSettle();
      expect(again.body).toBeNull();
      const second = requestRows(b.store)[1]!;
      expect(second.status).toBe('open');
      expect(second.messageTs).not.toBeNull();
      // ... and an open request does count (the control): € 100 more for that household does not fit.
      const over = await fileAndSettle({ ...BIG, amount: '100' });
      expect(JSON.stringify(over.body)).toContain('per huishouden per jaar');
      expect(requestRows(b.store)).toHaveLength(2);
    }

    it('channel_not_found: not posted, the requester gets a direct message, nothing counts', async () => {
      b.double.injectFault('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
      expect((await fileAndSettle()).body).toBeNull();
      await expectGhostHandled('channel_not_found');
    });

    it('not_in_channel and joining fails: not posted, the requester gets a direct message, nothing counts', async () => {
      b.double.injectFault('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
      b.double.injectFault('conversations.join', { kind: 'error', error: 'method_not_supported_for_channel_type' });
      await fileAndSettle();
      expect(b.double.callsTo('conversations.join')).toHaveLength(1);
      await expectGhostHandled('method_not_supported_for_channel_type');
    });

    it('not_in_channel, joined, and still not_in_channel: not posted', async () => {
      b.double.injectFault('chat.postMessage', { kind: 'error', error: 'not_in_channel' }, 2);
      await fileAndSettle();
      await expectGhostHandled('not_in_channel');
    });

    it('is_archived: not posted, the requester gets a direct message, nothing counts', async () => {
      b.double.injectFault('chat.postMessage', { kind: 'error', error: 'is_archived' });
      await fileAndSettle();
      await expectGhostHandled('is_archived');
    });

    it('not_in_channel and joining works: the card is posted (the control)', async () => {
      b.double.injectFault('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
      await fileAndSettle();
      expect(requestRows(b.store)[0]!.status).toBe('open');
      expect(cardsIn()).toHaveLength(1);
      expect(dmsTo('UREQ')).toHaveLength(0);
    });

    it('stale handling covers an open request without a card: it expires, the requester is told, no card appears later', async () => {
      // The channel keeps failing for a reason that may pass (so the request stays open meanwhile).
      let failing = true;
      const cardsPosted: unknown[] = [];
      b.double.respondWith('chat.postMessage', (c) => {
        if (c.args.channel !== CHANNEL) return { ok: true, channel: c.args.channel, ts: '1800000000.000001' };
        if (failing) return { ok: false, error: 'internal_error' };
        cardsPosted.push(c.args);
        return { ok: true, channel: c.args.channel, ts: `1800000000.${String(cardsPosted.length + 1).padStart(6, '0')}` };
      });
      await fileAndSettle();
      const [first] = requestRows(b.store);
      expect(first!.status).toBe('open');
      expect(first!.messageTs).toBeNull();

      b.clock.advance(15 * 24 * 3600 * 1000);
      const done = processStaleRequests({ store: b.store, clock: b.clock, outboxWake: () => b.bot.outbox.wake() });
      expect(done).toEqual({ reminded: [], expired: [first!.id] });
      await settle(b);
      expect(requestRows(b.store)[0]!.status).toBe('expired');
      expect(auditOf(b.store, first!.id).map((a) => a.action)).toContain('request.expired');
      const dm = dmsTo('UREQ');
      expect(dm).toHaveLength(1);
      expect(String(dm[0]!.args.text)).toContain(`#${first!.id}`);
      // When the channel works again, the expired request does not turn up as a card.
      failing = false;
      b.clock.advance(3600 * 1000);
      await settle(b);
      expect(cardsPosted).toHaveLength(0);
      // Its budget is free.
      await fileAndSettle();
      expect(requestRows(b.store)[1]!.status).toBe('open');
    });
  });

  describe('Teams', () => {
    let b: SecureTeamsBot;
    beforeEach(async () => {
      b = await startSecureTeamsBot();
      await b.post(messageActivity(b, PEOPLE.admin, 'budget 600'));
    });
    afterEach(async () => {
      await b.close();
    });

    const NEW = { dialog: 'new', suggestedSlug: null, ...VALID_TEAMS_FORM, ...BIG };
    const postsCard = (method: string, path: string) => method === 'POST' && decodeURIComponent(path) === `/v3/conversations/${TEAMS_CHANNEL}/activities`;
    const personalTexts = () => b.double.posts(personalConversationId(PEOPLE.req)).map((c) => String(c.body.text ?? ''));

    it.each([403, 404])('the Bot Connector answers %i to the card: not posted, the requester is told in their 1:1 chat, nothing counts', async (status) => {
      b.failWhen((method, path) => (postsCard(method, path) ? status : null));
      const res = await b.post(taskSubmit(b, PEOPLE.req, { ...NEW, formId: 'ghost-1' }));
      expect(JSON.stringify(res.body)).toContain('is geplaatst');
      await settleTeams(b);
      expect(b.failed.map((f) => f.status)).toEqual([status]);
      const [first] = requestRows(b.store);
      expect(first!.status).toBe('not_posted');
      const audit = auditOf(b.store, first!.id).find((a) => a.action === 'request.not_posted');
      expect(JSON.parse(audit!.detail ?? '{}')).toMatchObject({ reason: `http_${status}` });
      expect(personalTexts()).toHaveLength(1);
      expect(personalTexts()[0]).toContain(NOT_POSTED_NL);
      expect(personalTexts()[0]).toContain(`#${first!.id}`);

      // Free again: the same € 450 for the same household fits, and its card is posted.
      b.failWhen(null);
      expect(JSON.stringify((await b.post(taskSubmit(b, PEOPLE.req, { ...NEW, formId: 'ghost-2' }))).body)).toContain('is geplaatst');
      await settleTeams(b);
      const second = requestRows(b.store)[1]!;
      expect(second.status).toBe('open');
      expect(second.messageTs).not.toBeNull();
      // An open request counts (the control).
      const over = await b.post(taskSubmit(b, PEOPLE.req, { ...NEW, amount: '100', formId: 'ghost-3' }));
      expect(JSON.stringify(over.body)).toContain('per huishouden per jaar');
      expect(requestRows(b.store)).toHaveLength(2);
    });

    it('stale handling covers an open request without a card: it expires, the requester is told in their 1:1 chat, no card appears later', async () => {
      let failing = true;
      b.failWhen((method, path) => (failing && postsCard(method, path) ? 503 : null));
      await b.post(taskSubmit(b, PEOPLE.req, { ...NEW, formId: 'stale-1' }));
      await settleTeams(b);
      const [first] = requestRows(b.store);
      expect(first!.status).toBe('open');
      expect(first!.messageTs).toBeNull();
      expect(b.failed.length).toBeGreaterThan(0);

      b.clock.advance(15 * 24 * 3600 * 1000);
      expect(processStaleRequests({ store: b.store, clock: b.clock, outboxWake: () => b.bot.outbox.wake() }).expired).toEqual([first!.id]);
      await settleTeams(b);
      expect(requestRows(b.store)[0]!.status).toBe('expired');
      expect(personalTexts()).toHaveLength(1);
      // (Teams keeps a line from starting with `#`: the request number shows as ＃1 there.)
      expect(personalTexts()[0]).toMatch(new RegExp(`[#＃]${first!.id} is verlopen`));
      failing = false;
      b.clock.advance(3600 * 1000);
      await settleTeams(b);
      expect(b.double.posts(TEAMS_CHANNEL)).toHaveLength(0);
    });

    it('a passing failure (503) is retried, not a ghost: the card is posted once the Bot Connector answers again', async () => {
      let failures = 0;
      b.failWhen((method, path) => (postsCard(method, path) && failures++ < 1 ? 503 : null));
      await b.post(taskSubmit(b, PEOPLE.req, { ...NEW, formId: 'retry-1' }));
      await settleTeams(b);
      b.clock.advance(5_000);
      await settleTeams(b);
      const [first] = requestRows(b.store);
      expect(first!.status).toBe('open');
      expect(first!.messageTs).not.toBeNull();
      expect(personalTexts()).toHaveLength(0);
    });
  });
});
