// The bad-input catalogue (docs/bad-input.md): one test per row, asserting exactly the response the
// person gets and that nothing was half-stored (requests, audit_log, approvals, reactions,
// objections, payments unchanged). Rows handled elsewhere name their test file in the catalogue.
import { beforeAll, describe, expect, it } from 'vitest';
import { amountError, budgetError, field, help, ineligible, refusal, unknownCommand, type Message } from '../../src/core/messages.js';
import { inlinePlain as inline } from '../../src/core/text.js';
import { bilingual } from '../../src/slack/render.js';
import type { AmountError } from '../../src/core/money.js';
import { cents } from '../../src/core/money.js';
import { CHANNEL, useSlackBot } from '../support/bot.js';
import { plainText } from '../support/slackRequests.js';
import { createRequest, react, submitForm, type FormValues } from '../support/slack.js';
import { countRows } from './support.js';

// One bot for the file: each row checks that nothing was stored.
const b = useSlackBot({ members: ['UREQ', 'UA', 'UB', 'UC', 'UD'] }, { scope: 'file' });
let card: { id: number; ts: string };
beforeAll(async () => {
  b.double.setUser({ id: 'UBOT2', is_bot: true });
  card = await createRequest(b);
  await react(b, 'UD', card.ts, 'x'); // an objection, so the reason modal can be tried
});

const TABLES = ['requests', 'audit_log', 'approvals', 'reactions', 'objections', 'payments'] as const;
const snapshot = (tables: readonly string[]) => Object.fromEntries(tables.map((t) => [t, countRows(b.store, t as (typeof TABLES)[number])]));
/** Run `fn`, and check that no table grew or shrank. */
async function nothingStored<T>(fn: () => Promise<T>, tables: readonly string[] = TABLES): Promise<T> {
  const before = snapshot(tables);
  const out = await fn();
  expect(snapshot(tables)).toEqual(before);
  return out;
}

async function formErrors(v: FormValues, meta?: Record<string, unknown>) {
  const res = await nothingStored(() => submitForm(b, 'UREQ', v, meta));
  expect(res.status).toBe(200);
  expect(res.body?.response_action).toBe('errors');
  return res.body!.errors as Record<string, string>;
}

describe('the request form (one field wrong at a time)', () => {
  const amount: [string, AmountError][] = [
    ['', 'AMOUNT.EMPTY'],
    ['vijftig', 'AMOUNT.NOT_A_NUMBER'],
    ['85,505', 'AMOUNT.TOO_MANY_DECIMALS'],
    ['0', 'AMOUNT.ZERO'],
    ['-5', 'AMOUNT.NEGATIVE'],
    ['100000000', 'AMOUNT.TOO_LARGE'],
  ];
  it.each(amount)('amount %j → %s', async (value, code) => {
    expect(await formErrors({ amount: value })).toEqual({ amount: inline(amountError(code)) });
  });

  it('amount at the limit (500) → below-the-limit message', async () => {
    expect(await formErrors({ amount: '500' })).toEqual({ amount: inline(budgetError({ code: 'BUDGET.AT_OR_ABOVE_LIMIT', limitCents: cents(50000) } as never)) });
  });

  const fields: [string, FormValues, string, Message][] = [
    ['IBAN with a wrong check digit', { supplierIban: 'NL91ABNA0417164301' }, 'supplierIban', field.ibanInvalid],
    ['IBAN empty', { supplierIban: '' }, 'supplierIban', field.required],
    ['BSN in the description', { description: 'voor bewoner 111222333' }, 'description', field.bsn],
    ['BSN as case reference', { caseRef: '123456782' }, 'caseRef', field.bsn],
    ['BSN in the justification', { reasonText: 'bsn 111.222.333' }, 'reasonText', field.bsn],
    ['a name as case reference', { caseRef: 'Jansen' }, 'caseRef', field.caseRefFormat],
    ['description over 300 characters', { description: 'x'.repeat(301) }, 'description', field.tooLong(300)],
    ['supplier over 100 characters', { supplierName: 'x'.repeat(101) }, 'supplierName', field.tooLong(100)],
    ['justification over 500 characters', { reasonText: 'x'.repeat(501) }, 'reasonText', field.tooLong(500)],
    ['description empty', { description: '' }, 'description', field.required],
    ['unknown category', { categorySlug: 'bestaat-niet' }, 'categorySlug', field.categoryUnknown],
    ['no reason chosen', { reason: '' }, 'reason', field.reasonRequired],
  ];
  it.each(fields)('%s → field error', async (_name, v, key, msg) => {
    expect(await formErrors(v)).toEqual({ [key]: inline(msg) });
  });

  it('no team channel (opened from the shortcut, none picked) → channel error', async () => {
    expect(await formErrors({}, {})).toEqual({ channel: inline(field.channelRequired) });
  });
});

describe('reactions', () => {
  const ephemeralsTo = (user: string) => b.double.callsTo('chat.postEphemeral').filter((c) => c.args.user === user);

  it('✅ from someone outside the channel → ephemeral "only members count"', async () => {
    const res = await nothingStored(() => react(b, 'UOUTSIDE', card.ts));
    expect(res.status).toBe(200);
    expect(ephemeralsTo('UOUTSIDE').map((c) => c.args.text)).toEqual([bilingual(ineligible('not_member', card.id)!)]);
  });

  it('✅ from the requester on their own card → ephemeral "not your own"', async () => {
    await nothingStored(() => react(b, 'UREQ', card.ts));
    expect(ephemeralsTo('UREQ').map((c) => c.args.text)).toEqual([bilingual(ineligible('requester', card.id)!)]);
  });

  it('✅ from a bot → ignored, no message', async () => {
    await nothingStored(() => react(b, 'UBOT2', card.ts));
    expect(ephemeralsTo('UBOT2')).toHaveLength(0);
  });

  it('✅ on a message that is not a request card → ignored', async () => {
    const before = b.double.calls.length;
    const res = await nothingStored(() => react(b, 'UA', '1699999999.000001'));
    expect(res.status).toBe(200);
    expect(b.double.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });

  it('an emoji that means nothing (🎉) on a card → ignored', async () => {
    const before = b.double.calls.length;
    await nothingStored(() => react(b, 'UA', card.ts, 'tada'));
    expect(b.double.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });

  it('removing a ✅ that was never counted → no approval, no audit, no message', async () => {
    // (Its time is remembered in `reactions`, so an older "added" arriving late cannot count.)
    const before = b.double.calls.length;
    await nothingStored(
      () => b.slack.reactionRemoved({ userId: 'UB', reaction: 'white_check_mark', channelId: CHANNEL, ts: card.ts, eventTs: '1800000000.000500' }),
      TABLES.filter((t) => t !== 'reactions'),
    );
    await nothingStored(() => b.slack.reactionAdded({ userId: 'UB', reaction: 'white_check_mark', channelId: CHANNEL, ts: card.ts, eventTs: '1800000000.000400' }));
    expect(b.double.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });
});

describe('the objection reason', () => {
  const reason = async (userId: string, text: string) => {
    const res = await nothingStored(() =>
      b.slack.viewSubmission({ userId, callbackId: 'objection_reason_submit', values: { reason: { value: plainText(text) } }, privateMetadata: JSON.stringify({ requestId: card.id }) }),
    );
    return JSON.parse(await res.text()) as { response_action: string; errors: Record<string, string> };
  };
  it('with a BSN → field error', async () => {
    expect(await reason('UD', 'bewoner 111222333 kent dit al')).toEqual({ response_action: 'errors', errors: { reason: inline(field.bsn) } });
  });
  it('over 500 characters → field error', async () => {
    expect(await reason('UD', 'x'.repeat(501))).toEqual({ response_action: 'errors', errors: { reason: inline(field.tooLong(500)) } });
  });
  it('the reason button pressed by someone who did not object → ephemeral', async () => {
    await nothingStored(() => b.slack.blockAction({ userId: 'UA', actionId: 'objection_reason', value: String(card.id), channelId: CHANNEL, messageTs: card.ts }));
    expect(String(b.double.callsTo('chat.postEphemeral').at(-1)!.args.text)).toBe(bilingual(refusal.notObjector(card.id)));
  });
});

describe('the slash command', () => {
  const command = async (text: string) => {
    const res = await nothingStored(() => b.slack.slashCommand({ userId: 'UA', channelId: CHANNEL, text }));
    return JSON.parse(await res.text()) as { response_type: string; text: string };
  };
  it('an unknown word → "unknown command" and the help, ephemeral', async () => {
    expect(await command('koelkast')).toEqual({ response_type: 'ephemeral', text: bilingual({ nl: [...unknownCommand('koelkast').nl, ...help('slack').nl], en: [...unknownCommand('koelkast').en, ...help('slack').en] }) });
  });
  it('a BSN in the command text → refused without echoing it', async () => {
    expect(await command('aanvraag 111222333')).toEqual({ response_type: 'ephemeral', text: bilingual(refusal.bsnInCommand) });
  });
});

describe('a button on a request that does not exist', () => {
  it('→ ignored (acknowledged, nothing sent or stored)', async () => {
    const before = b.double.calls.length;
    const res = await nothingStored(() => b.slack.blockAction({ userId: 'UREQ', actionId: 'request_withdraw', value: '99999', channelId: CHANNEL, messageTs: card.ts }));
    expect(res.status).toBe(200);
    expect(b.double.calls.slice(before).filter((c) => c.method.startsWith('chat.') || c.method.startsWith('views.'))).toHaveLength(0);
  });
});
