// A digest asked for outside a team channel (a direct message, the Teams personal chat) covers the
// asker's own organisation only: never another Slack workspace's or Teams tenant's spending.
import { describe, expect, it } from 'vitest';
import { digestOnDemand } from '../../src/app/digest.js';
import { handleReaction } from '../../src/app/react.js';
import { fileRequest } from '../../src/app/fileRequest.js';
import { cardPosted } from '../../src/app/card.js';
import { toPlain } from '../../src/core/text.js';
import { setTeamEndpoint, teamByChannel } from '../../src/store/teams.js';
import { useTestStore } from '../support/db.js';
import { TestClock } from '../support/bot.js';
import { testCtx } from '../support/ctx.js';
import { VALID_FORM } from '../support/forms.js';

const t = useTestStore('mmw-scope-');
const clock = new TestClock(new Date('2026-10-12T09:00:00Z'));

/** An approved spend of `amount` in a team channel of `platform`/`workspaceId`. */
async function spend(platform: 'slack' | 'teams', workspaceId: string, channelId: string, amount: string, tenantId?: string) {
  const ctx = testCtx(t.store, clock, {}, platform);
  const o = await fileRequest(ctx, { actorId: 'UREQ', channel: { platform, workspaceId, channelId }, form: { ...VALID_FORM, amount }, suggestedSlug: null, formId: null });
  if (!o.ok) throw new Error(o.code);
  const id = o.value.requestId;
  if (tenantId) t.store.tx((tx) => setTeamEndpoint(tx, teamByChannel(tx, platform, channelId)!.id, 'https://smba.trafficmanager.net/emea/', tenantId));
  cardPosted(ctx, { requestId: id, messageId: `m${id}` });
  const emoji = platform === 'teams' ? 'like' : 'white_check_mark';
  for (const u of ['UA', 'UB', 'UC']) {
    await handleReaction(ctx, { platform, eventId: `${id}${u}`, eventTs: `1760000000.00000${id}`, channelId, messageTs: `m${id}`, userId: u, emoji, added: true }, ctx.directory);
  }
}

const digestIn = (platform: 'slack' | 'teams', workspaceId: string, channelId: string) => {
  const o = digestOnDemand({ store: t.store, clock: new TestClock(new Date('2026-11-03T09:00:00Z')) }, { channel: { platform, workspaceId, channelId }, monthText: '2026-10' });
  if (!o.ok) throw new Error(o.code);
  return toPlain(o.value.text);
};

describe('digest outside a team channel', () => {
  it('Slack: a direct message in workspace T1 shows T1’s teams only', async () => {
    await spend('slack', 'T1', 'C1', '101');
    await spend('slack', 'T2', 'C2', '202');
    const dm = digestIn('slack', 'T1', 'D0DM');
    expect(dm).toContain('€ 101,00');
    expect(dm).not.toContain('€ 202,00');
    expect(dm).not.toContain('€ 303,00');
  });

  it('Teams: the personal chat of tenant A shows tenant A’s teams only', async () => {
    await spend('teams', '19:teamA@thread.tacv2', '19:chanA@thread.tacv2', '111', 'tenant-a');
    await spend('teams', '19:teamB@thread.tacv2', '19:chanB@thread.tacv2', '222', 'tenant-b');
    const personal = digestIn('teams', 'tenant-a', 'a:personal-29:aad-x');
    expect(personal).toContain('€ 111,00');
    expect(personal).not.toContain('€ 222,00');
  });
});
