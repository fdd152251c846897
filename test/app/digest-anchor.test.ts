// The managers' monthly digest carries the audit trail's anchor; kept outside the database, it makes
// a later truncation or rewrite of the chain visible to `audit verify --anchor`.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DigestPort } from '../../src/app/digest.js';
import { runCli } from '../../src/cli/main.js';
import { toPlain, type Text } from '../../src/core/text.js';
import { runMonthlyDigest } from '../../src/jobs/monthlyDigest.js';
import { createLog } from '../../src/log.js';
import { appendAudit } from '../../src/store/audit.js';
import { teams } from '../../src/store/schema.js';
import { useTestStore } from '../support/db.js';
import { TestClock } from '../support/bot.js';

const t = useTestStore('mmw-anchor-');
beforeEach(() => {
  t.store.db.insert(teams).values({ platform: 'slack', workspaceId: 'T', channelId: 'CNOORD', name: 'Wijkteam Noord', createdAt: new Date('2026-01-01T00:00:00Z') }).run();
  for (let i = 0; i < 5; i++) t.store.tx((tx) => appendAudit(tx, { at: new Date('2026-10-05T09:00:00Z'), actorId: 'UADMIN', action: 'team.budget_set', teamId: 1, detail: { year: 2026, amountCents: 1000 + i } }));
});

describe('the audit anchor in the managers’ digest', () => {
  it('is posted with the digest, verifies now, and reports the chain cut short later', async () => {
    const texts: Text[] = [];
    const port: DigestPort = { platform: 'slack', postText: async (_c, t) => void texts.push(t), uploadChart: async () => {} };
    const clock = new TestClock(new Date('2026-11-02T08:00:00Z'));
    const r = await runMonthlyDigest({ store: t.store, clock }, { defaultChannelId: 'CMGR', ports: [port] }, createLog('error', () => {}));
    expect(r.posted).toHaveLength(1);
    const anchor = /anker (\d+:[0-9a-f]{16})/.exec(toPlain(texts[0]!))?.[1];
    expect(anchor).toBeDefined();
    const db = t.path;
    // digest.posted is audited after the post: the anchor names the chain as it stood then.
    expect((await runCli(['audit', 'verify', '--anchor', anchor!, '--db', db], { INIT_CWD: t.dir })).exitCode).toBe(0);
    t.store.sqlite.exec('DELETE FROM audit_log WHERE id >= 5');
    const cut = await runCli(['audit', 'verify', '--anchor', anchor!, '--db', db], { INIT_CWD: t.dir });
    expect(cut.exitCode).toBe(1);
  });
});
