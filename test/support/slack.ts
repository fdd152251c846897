// Shared steps for the Slack flow tests: open the form, submit a request, react on its card.
import { expect } from 'vitest';
import { plainText, radio, staticSelect } from './slackRequests.js';
import type { RunningBot } from './bot.js';
import { CHANNEL } from './bot.js';
import { requests } from '../../src/store/schema.js';
import { eq } from 'drizzle-orm';
import { settleOutbox, waitUntil } from './wait.js';
import { VALID_FORM } from './forms.js';

export interface FormValues {
  amount?: string;
  description?: string;
  supplierName?: string;
  supplierIban?: string;
  categorySlug?: string | null;
  caseRef?: string;
  reason?: string;
  reasonText?: string;
}

export { VALID_FORM };

export function formState(v: FormValues = {}) {
  const f = { ...VALID_FORM, ...v };
  return {
    amount: { value: plainText(f.amount) },
    description: { description_input: plainText(f.description) },
    supplierName: { supplier_input: plainText(f.supplierName) },
    supplierIban: { value: plainText(f.supplierIban) },
    categorySlug: { value: f.categorySlug ? staticSelect(f.categorySlug) : { type: 'static_select', selected_option: null } },
    caseRef: { value: plainText(f.caseRef) },
    reason: { value: f.reason ? radio(f.reason) : { type: 'radio_buttons', selected_option: null } },
    reasonText: { value: plainText(f.reasonText) },
  };
}

/** Submit the request form as `userId` in the team channel; returns Slack's HTTP answer. */
export async function submitForm(b: RunningBot, userId: string, v: FormValues = {}, meta: Record<string, unknown> = { channelId: CHANNEL }) {
  const res = await b.slack.viewSubmission({ userId, callbackId: 'request_submit', values: formState(v), privateMetadata: JSON.stringify(meta) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** Submit a valid request and wait for its card; returns the request id and the card's ts. */
export async function createRequest(b: RunningBot, requesterId = 'UREQ', v: FormValues = {}) {
  const before = b.double.callsTo('chat.postMessage').length;
  const res = await submitForm(b, requesterId, v);
  expect(res.status).toBe(200);
  expect(res.body).toBeNull();
  const call = await b.double.waitFor('chat.postMessage', (c) => !c.args.thread_ts && b.double.callsTo('chat.postMessage').indexOf(c) >= before);
  const ts = await waitUntil(() => b.store.db.select().from(requests).orderBy(requests.id).all().at(-1)?.messageTs ?? undefined);
  const row = b.store.db.select().from(requests).where(eq(requests.messageTs, ts)).get()!;
  return { id: row.id, ts, card: call };
}

export { waitUntil };

/** Wait until the slack outbox has sent everything that is due. */
export const settle = (b: RunningBot): Promise<void> => settleOutbox(b.store, b.bot.outbox, b.clock, 'slack');

export function cardTextOf(call: { args: Record<string, unknown> }): string {
  return JSON.stringify(call.args.blocks ?? call.args.text);
}

export const react = (b: RunningBot, userId: string, ts: string, reaction = 'white_check_mark', eventTs?: string) =>
  b.slack.reactionAdded({ userId, reaction, channelId: CHANNEL, ts, ...(eventTs ? { eventTs } : {}) });
export const unreact = (b: RunningBot, userId: string, ts: string, reaction = 'white_check_mark', eventTs?: string) =>
  b.slack.reactionRemoved({ userId, reaction, channelId: CHANNEL, ts, ...(eventTs ? { eventTs } : {}) });
