// Point 2 of the trust-boundary work: the household cap counts one household however its case
// reference is typed (case, spaces, separators, full-width), on a real SQLite file with the real
// migrations, through the use cases.
import { beforeEach, describe, expect, it } from 'vitest';
import { checkRequestBudget } from '../../src/app/budgetCheck.js';
import { fileRequest } from '../../src/app/fileRequest.js';
import { budgetError } from '../../src/core/messages.js';
import { cents } from '../../src/core/money.js';
import type { RequestFormInput } from '../../src/core/requestForm.js';
import { budgetUsage } from '../../src/store/requests.js';
import { getTeam, type ChannelRef } from '../../src/store/teams.js';
import { useTestStore } from '../support/db.js';
import { TestClock } from '../support/bot.js';
import { testCtx } from '../support/ctx.js';
import { toPlain } from '../../src/core/text.js';
import { VALID_FORM } from '../support/forms.js';
import { countRows } from '../robustness/support.js';

const CHANNEL: ChannelRef = { platform: 'slack', workspaceId: 'T0001', channelId: 'C0HOUSE' };
/** The default household cap of a new team (schema default) is € 500 per year. */
const CAP = cents(50_000);

describe('point 2: the household cap does not depend on how the case reference is typed', () => {
  const t = useTestStore('mmw-household-');
  let clock: TestClock;
  const submit = (amount: string, caseRef: string, requesterId = 'UREQ') =>
    fileRequest(testCtx(t.store, clock), {
      actorId: requesterId,
      channel: CHANNEL,
      form: { ...VALID_FORM, amount, caseRef } satisfies RequestFormInput,
      suggestedSlug: null,
      formId: null,
    });

  beforeEach(() => {
    clock = new TestClock(new Date('2026-03-11T09:00:00Z'));
  });

  it('€ 400 under WT-2026-7, then € 400 under wt-2026-7: the second is refused by the cap', async () => {
    const first = await submit('400', 'WT-2026-7');
    expect(first.ok).toBe(true);
    const rows = { requests: countRows(t.store, 'requests'), audit: countRows(t.store, 'audit_log'), outbox: countRows(t.store, 'outbox') };

    const second = await submit('400', 'wt-2026-7', 'UOTHER');
    expect(second.ok).toBe(false);
    expect(!second.ok && second.fields).toEqual({ amount: budgetError({ code: 'BUDGET.EXCEEDS_HOUSEHOLD_CAP', capCents: CAP, leftCents: cents(10_000) }) });
    // Nothing half-stored.
    expect({ requests: countRows(t.store, 'requests'), audit: countRows(t.store, 'audit_log'), outbox: countRows(t.store, 'outbox') }).toEqual(rows);
  });

  it.each(['wt-2026-7', 'WT/2026/7', 'Wt_2026_7', 'wt.2026.7'])('%j counts as WT-2026-7 (what the form lets through)', async (other) => {
    expect((await submit('400', 'WT-2026-7')).ok).toBe(true);
    const second = await submit('100,01', other);
    expect(!second.ok && toPlain(second.fields!.amount!.nl)).toContain('per huishouden');
    expect((await submit('100', other)).ok).toBe(true); // exactly up to the cap
  });

  it('spaces and full-width characters count too (checkRequestBudget, as submit and edit use it)', async () => {
    expect((await submit('400', 'WT-2026-7')).ok).toBe(true);
    const team = t.store.tx((tx) => getTeam(tx, 1));
    for (const caseRef of ['wt 2026 7', ' WT - 2026 - 7 ', 'ＷＴ－２０２６－７', 'WT\u200b-2026-7']) {
      const check = t.store.tx((tx) => checkRequestBudget(tx, team, { amountCents: cents(20_000), caseRef, at: clock.now() }));
      expect(check).toEqual({ ok: false, error: { code: 'BUDGET.EXCEEDS_HOUSEHOLD_CAP', capCents: CAP, leftCents: cents(10_000) } });
    }
  });

  it('other households and other teams are not counted', async () => {
    expect((await submit('400', 'WT-2026-7')).ok).toBe(true);
    expect((await submit('400', 'WT-2026-8')).ok).toBe(true);
    expect((await submit('400', 'WT-2026-70')).ok).toBe(true);
    const other = await fileRequest(testCtx(t.store, clock), { actorId: 'UREQ', channel: { ...CHANNEL, channelId: 'C0OTHER' }, form: { ...VALID_FORM, amount: '400', caseRef: 'wt-2026-7' }, suggestedSlug: null, formId: null });
    expect(other.ok).toBe(true);
  });

  it('the reference is stored as typed; budgetUsage sums by key', async () => {
    expect((await submit('150', 'wt/2026/7')).ok).toBe(true);
    expect((await submit('120', 'WT-2026-7')).ok).toBe(true);
    expect(t.store.sqlite.prepare('SELECT case_ref FROM requests ORDER BY id').pluck().all()).toEqual(['wt/2026/7', 'WT-2026-7']);
    const usage = t.store.tx((tx) => budgetUsage(tx, { teamId: 1, start: new Date('2026-01-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z'), caseRef: 'Wt 2026 7' }));
    expect(usage).toBe(27_000);
  });
});
