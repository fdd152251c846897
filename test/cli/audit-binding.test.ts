// The binding of payments to audit rows holds for what the app itself writes: requests made,
// edited, approved and paid through the Slack flow verify intact and export, so the contract in
// src/store/auditBinding.ts matches src/app/*.ts (and breaks this test when an audit detail changes).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { CHANNEL, startBot, type RunningBot } from '../support/bot.js';
import { createRequest, formState, react, settle } from '../support/slack.js';

let b: RunningBot;
beforeEach(async () => {
  b = await startBot({ financeUserIds: ['UFIN'] });
  b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UFIN']);
});
afterEach(async () => {
  await b.close();
});

describe('audit binding on the real flow', () => {
  it('a request edited, approved, and another approved and paid by the button, verify intact; export sepa takes the unpaid one', async () => {
    const edited = await createRequest(b, 'UREQ', { amount: '120' });
    await b.slack.viewSubmission({
      userId: 'UREQ',
      callbackId: 'request_edit_submit',
      values: formState({ amount: '95,50', supplierIban: 'NL20INGB0001234567', supplierName: 'Slotenmaker Snel' }),
      privateMetadata: JSON.stringify({ channelId: CHANNEL, requestId: edited.id }),
    });
    for (const u of ['UA', 'UB', 'UC']) await react(b, u, edited.ts);
    const paid = await createRequest(b, 'UREQ');
    for (const u of ['UA', 'UB', 'UC']) await react(b, u, paid.ts);
    await settle(b);
    expect((await b.slack.blockAction({ userId: 'UFIN', actionId: 'payment_mark_paid', value: String(paid.id), channelId: CHANNEL, messageTs: paid.ts })).status).toBe(200);
    await settle(b);

    const now = b.clock.now();
    const verify = await runCli(['audit', 'verify', '--db', b.dbPath], {}, now);
    expect(verify).toEqual({ exitCode: 0, output: expect.stringContaining('2 betaling(en) kloppen met hun auditregels') });
    const sepa = await runCli(
      ['export', 'sepa', '--db', b.dbPath, '--by', 'UFIN', '--execution-date', '2026-11-12', '--debtor-iban', 'NL57BNGH0285123456', '--debtor-name', 'Gemeente', '--out', `${b.dbPath}.xml`],
      { FINANCE_USER_IDS: 'UFIN' },
      now,
    );
    expect(sepa.exitCode).toBe(0);
    expect(sepa.output).toContain('1 betaling(en), totaal € 95,50');
    expect(sepa.output).not.toContain('Overgeslagen');
    expect((await runCli(['audit', 'verify', '--db', b.dbPath], {}, now)).exitCode).toBe(0);
  });
});
