// Edit and "alternative found" on Slack, where Slack differs: workspace admins, modals submitted
// without their button, reactions left from before an edit, typed text that must not ping anyone.
// Editing, withdrawing and closing on every platform: test/behaviour/.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useSlackBot, CHANNEL } from '../support/bot.js';
import { plainText, radio } from '../support/slackRequests.js';
import { approvals, requests } from '../../src/store/schema.js';
import { createRequest, formState, react, settle, unreact, type FormValues } from '../support/slack.js';

const b = useSlackBot({ members: ['UREQ', 'UA', 'UB', 'UC', 'UD', 'UADMIN'] });

const rowOf = (id: number) => b.store.db.select().from(requests).where(eq(requests.id, id)).get()!;
const approverIds = (id: number) => b.store.db.select().from(approvals).where(eq(approvals.requestId, id)).all().map((a) => a.approverId).sort();
const threadTexts = (ts: string) => b.double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts).map((c) => String(c.args.text));

const press = (userId: string, actionId: string, id: number, ts: string) =>
  b.slack.blockAction({ userId, actionId, value: String(id), channelId: CHANNEL, messageTs: ts });

const body = async (res: Response) => {
  const text = await res.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
};
const submitEdit = async (userId: string, id: number, v: FormValues = {}) =>
  body(await b.slack.viewSubmission({ userId, callbackId: 'request_edit_submit', values: formState(v), privateMetadata: JSON.stringify({ channelId: CHANNEL, requestId: id }) }));
const submitAlternative = async (userId: string, id: number, kind: string | null, reason: string) =>
  body(
    await b.slack.viewSubmission({
      userId,
      callbackId: 'request_alternative_submit',
      values: { kind: { value: kind ? radio(kind) : { type: 'radio_buttons', selected_option: null } }, reason: { value: plainText(reason) } },
      privateMetadata: JSON.stringify({ requestId: id }),
    }),
  );

async function approvedBy(ts: string, users: string[]) {
  for (const u of users) await react(b, u, ts);
}

describe('who may edit', () => {
  it('a workspace admin may edit too', async () => {
    b.double.setUser({ id: 'UWSADMIN', is_admin: true });
    const { id, ts } = await createRequest(b);
    await press('UWSADMIN', 'request_edit', id, ts);
    expect((await b.double.waitFor('views.open')).args.view).toMatchObject({ callback_id: 'request_edit_submit' });
  });

  it('a colleague submitting an edit form (without its button) is refused', async () => {
    const { id } = await createRequest(b);
    const res = await submitEdit('UA', id, { amount: '10' });
    expect(res?.response_action).toBe('errors');
    expect(rowOf(id).amountCents).toBe(8550);
  });
});

describe('reactions after an edit', () => {
  it('an old approval removed after the reset does not touch the new count', async () => {
    const { id, ts } = await createRequest(b);
    await approvedBy(ts, ['UA', 'UB']);
    await submitEdit('UREQ', id, { amount: '90' });
    await react(b, 'UC', ts);
    await unreact(b, 'UA', ts); // removing a v1 approval
    expect(approverIds(id)).toEqual(['UC']);
  });
});

describe('alternative found', () => {
  it('the reason cannot ping the channel from the thread', async () => {
    const { ts, id } = await createRequest(b);
    await submitAlternative('UREQ', id, 'other', 'opgelost <!here>');
    await settle(b);
    const post = threadTexts(ts).find((t) => t.includes('alternatief gevonden'))!;
    expect(post).not.toContain('<!here>');
    expect(post).toContain('opgelost &lt;!here&gt;');
  });

  it('someone else submitting the modal (without its button) is refused', async () => {
    const { id } = await createRequest(b);
    const res = await submitAlternative('UA', id, 'charity_fund', 'fonds');
    expect(res?.response_action).toBe('errors');
    expect(rowOf(id).status).toBe('open');
  });
});

describe('typed text in chat', () => {
  it('a supplier name cannot ping the channel from the card text or the approval message', async () => {
    const { ts } = await createRequest(b, 'UREQ', { supplierName: '<!channel> Witgoed' });
    await approvedBy(ts, ['UA', 'UB', 'UC']);
    await settle(b);
    const sent = [...b.double.callsTo('chat.postMessage'), ...b.double.callsTo('chat.update')].map((c) => JSON.stringify(c.args));
    expect(sent.length).toBeGreaterThan(2);
    for (const s of sent) expect(s).not.toContain('<!channel>');
    expect(threadTexts(ts).find((t) => t.includes('goedgekeurd'))).toContain('&lt;!channel&gt; Witgoed');
  });
});
