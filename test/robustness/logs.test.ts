// Privacy of logs: a full flow at LOG_LEVEL debug — request, approvals, an objection with a
// reason, an edit, an alternative/withdrawal, a bad input, a Web API fault — leaves no log line
// with text anyone typed (description, supplier, IBAN, case reference, justification, reasons,
// command text). Log lines carry request numbers, ids, codes and counts.
import { expect, it } from 'vitest';
import { CHANNEL, useSlackBot } from '../support/bot.js';
import { plainText } from '../support/slackRequests.js';
import { createRequest, formState, react, settle, submitForm, unreact } from '../support/slack.js';

const b = useSlackBot({ members: ['UREQ', 'UA', 'UB', 'UC', 'UD', 'UADMIN'] });

const TYPED = {
  description: 'Wasmachine Zonnebloemstraat familie Pietersen',
  supplierName: 'Kringloop Vergeetmenietje',
  supplierIban: 'NL91 ABNA 0417 1643 00',
  caseRef: 'ZK-4711-Pietersen',
  reasonText: 'Moeder alleenstaand met drie kinderen',
};
const OBJECTION_REASON = 'Eerst bellen met Stichting Leergeld Oost';
const EDIT_DESCRIPTION = 'Tweedehands wasmachine voor gezin Vermeulen';
const ALTERNATIVE_REASON = 'Betaald door Fonds Bijzondere Noden Hengelo';
const COMMAND_TEXT = 'budgetteer Jansen graag';

it('no log line contains text a user typed', async () => {
  // Bad input first: over-long text and a wrong IBAN (field errors, nothing stored).
  await submitForm(b, 'UREQ', { ...TYPED, supplierIban: 'NL00 FOUT 1234 5678 90', description: `${TYPED.description} ${'x'.repeat(400)}` });
  const { id, ts } = await createRequest(b, 'UREQ', TYPED);
  b.double.injectFault('chat.update', { kind: 'status', status: 500 });
  await react(b, 'UA', ts);
  await react(b, 'UB', ts, '+1');
  await unreact(b, 'UB', ts, '+1');
  await react(b, 'UD', ts, 'x');
  await b.slack.blockAction({ userId: 'UD', actionId: 'objection_reason', value: String(id), channelId: CHANNEL, messageTs: ts });
  await b.slack.viewSubmission({ userId: 'UD', callbackId: 'objection_reason_submit', values: { reason: { value: plainText(OBJECTION_REASON) } }, privateMetadata: JSON.stringify({ requestId: id }) });
  await unreact(b, 'UD', ts, 'x');
  await b.slack.viewSubmission({ userId: 'UREQ', callbackId: 'request_edit_submit', values: formState({ ...TYPED, description: EDIT_DESCRIPTION }), privateMetadata: JSON.stringify({ channelId: CHANNEL, requestId: id }) });
  await b.slack.slashCommand({ userId: 'UA', channelId: CHANNEL, text: COMMAND_TEXT });
  // A second request closed as "alternative found" with a reason, a third withdrawn.
  const second = await createRequest(b, 'UREQ', { ...TYPED, caseRef: 'ZK-4712-Pietersen' });
  await b.slack.viewSubmission({
    userId: 'UREQ',
    callbackId: 'request_alternative_submit',
    values: { kind: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'x' }, value: 'charity_fund' } } }, reason: { value: plainText(ALTERNATIVE_REASON) } },
    privateMetadata: JSON.stringify({ requestId: second.id }),
  });
  await b.slack.blockAction({ userId: 'UREQ', actionId: 'request_withdraw', value: String(id), channelId: CHANNEL, messageTs: ts });
  b.clock.advance(10_000);
  await settle(b);

  // The flow really happened.
  const statusOf = (rid: number) => (b.store.sqlite.prepare('select status from requests where id = ?').get(rid) as { status: string }).status;
  expect(statusOf(id)).toBe('withdrawn');
  expect(statusOf(second.id)).toBe('alternative');
  expect(b.store.sqlite.prepare('select reason from objections').all()).toEqual([]); // removed again
  expect((b.store.sqlite.prepare("select count(*) n from audit_log where action like 'objection.%'").get() as { n: number }).n).toBeGreaterThanOrEqual(2);
  expect(b.logLines.length).toBeGreaterThan(10);
  expect(b.logLines.some((l) => l.includes(`"requestId":${id}`))).toBe(true);
  const secrets = [
    ...Object.values(TYPED),
    'NL91ABNA0417164300',
    OBJECTION_REASON,
    EDIT_DESCRIPTION,
    ALTERNATIVE_REASON,
    COMMAND_TEXT,
  ];
  // Whole values and each distinctive word of them (a name must not leak in a fragment either).
  const needles = new Set(secrets.flatMap((s) => [s, ...s.split(/\s+/).filter((w) => w.length >= 7 && !/^\d+$/.test(w))]));
  for (const line of b.logLines) {
    for (const needle of needles) expect(line, `log line leaks "${needle}"`).not.toContain(needle);
    // Only known shapes: JSON with an event name.
    expect(JSON.parse(line)).toHaveProperty('event');
  }
});
