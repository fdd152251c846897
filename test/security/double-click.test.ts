// Trust boundary 6 — "A double click files twice". The same form submitted twice — one after the
// other, and at once — makes one request and one card (Slack: the same view id; Teams: the same
// formId in the dialog's data), and both submissions get the same answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, requests } from '../../src/store/schema.js';
import { CHANNEL, startBot, type RunningBot } from '../support/bot.js';
import { formState, settle } from '../support/slack.js';
import { CHANNEL as TEAMS_CHANNEL, PEOPLE, VALID_TEAMS_FORM, settle as settleTeams, startTeamsBot, taskFetch, taskSubmit, type RunningTeamsBot } from '../support/teamsBot.js';
import type { Store } from '../../src/store/db.js';

const filed = (store: Store) => ({
  requests: store.db.select().from(requests).all().length,
  created: store.db.select().from(auditLog).all().filter((a) => a.action === 'request.created').length,
});

describe('6. A double click files twice', () => {
  describe('Slack: the same view id', () => {
    let b: RunningBot;
    beforeEach(async () => {
      b = await startBot();
      b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC']);
    });
    afterEach(async () => {
      await b.close();
    });

    const submit = (viewId: string) =>
      b.slack.viewSubmission({ userId: 'UREQ', callbackId: 'request_submit', values: formState(), privateMetadata: JSON.stringify({ channelId: CHANNEL }), viewId });
    const cards = () => b.double.callsTo('chat.postMessage').filter((c) => !c.args.thread_ts && c.args.channel === CHANNEL);

    it('one after the other: one request, one card', async () => {
      const first = await submit('VDOUBLE1');
      const second = await submit('VDOUBLE1');
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([await first.text(), await second.text()]).toEqual(['', '']);
      await settle(b);
      expect(filed(b.store)).toEqual({ requests: 1, created: 1 });
      expect(cards()).toHaveLength(1);
    });

    it('at once (Promise.all): one request, one card', async () => {
      const answers = await Promise.all([submit('VDOUBLE2'), submit('VDOUBLE2'), submit('VDOUBLE2')]);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      await settle(b);
      expect(filed(b.store)).toEqual({ requests: 1, created: 1 });
      expect(cards()).toHaveLength(1);
    });

    it('two different forms are two requests (the control)', async () => {
      await Promise.all([submit('VONE'), submit('VTWO')]);
      await settle(b);
      expect(filed(b.store).requests).toBe(2);
      expect(cards()).toHaveLength(2);
    });
  });

  describe('Teams: the same formId in the dialog’s data', () => {
    let b: RunningTeamsBot;
    beforeEach(async () => {
      b = await startTeamsBot();
    });
    afterEach(async () => {
      await b.close();
    });

    /** The formId the dialog carries in its submit action's data, as Teams sends it back. */
    async function openDialog(): Promise<string> {
      const res = await b.post(taskFetch(b, PEOPLE.req, { dialog: 'new' }));
      const json = JSON.stringify(res.body);
      const formId = /"formId":"([^"]+)"/.exec(json)?.[1];
      expect(formId).toBeTruthy();
      return formId!;
    }
    const submit = (formId: string) => b.post(taskSubmit(b, PEOPLE.req, { dialog: 'new', suggestedSlug: null, ...VALID_TEAMS_FORM, formId }));
    const cards = () => b.double.posts(TEAMS_CHANNEL);

    it('one after the other: one request, one card, the same answer twice', async () => {
      const formId = await openDialog();
      const first = await submit(formId);
      const second = await submit(formId);
      expect(JSON.stringify(first.body)).toContain('is geplaatst');
      expect(second.body).toEqual(first.body);
      await settleTeams(b);
      expect(filed(b.store)).toEqual({ requests: 1, created: 1 });
      expect(cards()).toHaveLength(1);
    });

    it('at once (Promise.all): one request, one card', async () => {
      const formId = await openDialog();
      const answers = await Promise.all([submit(formId), submit(formId), submit(formId)]);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      for (const a of answers) expect(JSON.stringify(a.body)).toContain('is geplaatst');
      await settleTeams(b);
      expect(filed(b.store)).toEqual({ requests: 1, created: 1 });
      expect(cards()).toHaveLength(1);
    });

    it('each opened dialog has its own formId: two dialogs are two requests (the control)', async () => {
      const [one, two] = [await openDialog(), await openDialog()];
      expect(one).not.toBe(two);
      await Promise.all([submit(one), submit(two)]);
      await settleTeams(b);
      expect(filed(b.store).requests).toBe(2);
      expect(cards()).toHaveLength(2);
    });

    it('a form shown again after a refusal keeps its formId, so fixing and submitting twice still files once', async () => {
      const formId = await openDialog();
      const refused = await b.post(taskSubmit(b, PEOPLE.req, { dialog: 'new', suggestedSlug: null, ...VALID_TEAMS_FORM, amount: 'veel', formId }));
      expect(JSON.stringify(refused.body)).toContain(`"formId":"${formId}"`);
      await Promise.all([submit(formId), submit(formId)]);
      await settleTeams(b);
      expect(filed(b.store)).toEqual({ requests: 1, created: 1 });
      expect(cards()).toHaveLength(1);
    });
  });
});
