// The form's category suggestion learns from what the team filed after a suggestion: a requester
// who corrects the suggestion teaches it, for this team first and (weighted less) the workspace.
import { describe, expect, it } from 'vitest';
import { fileRequest, suggestInForm } from '../../src/app/fileRequest.js';
import { suggestCategory } from '../../src/core/category.js';
import { useTestStore } from '../support/db.js';
import { TestClock } from '../support/bot.js';
import { testCtx } from '../support/ctx.js';
import { VALID_FORM } from '../support/forms.js';

const t = useTestStore('mmw-suggest-');
const clock = new TestClock(new Date('2026-03-11T09:00:00Z'));
const team = (channelId: string, workspaceId = 'T0001') => ({ platform: 'slack' as const, workspaceId, channelId });
const PHRASE = 'WW-kleding voor start bij PostNL';

let filed = 0;

/** A request filed after the form suggested `suggested`, in category `chosen`. */
async function fileAs(channelId: string, chosen: string, suggested: string, workspaceId = 'T0001', description = PHRASE) {
  const caseRef = `WT-2026-${++filed}`;
  const o = await fileRequest(testCtx(t.store, clock), {
    actorId: 'UREQ',
    channel: team(channelId, workspaceId),
    form: { ...VALID_FORM, amount: '20', description, supplierName: description === PHRASE ? 'PostNL Kledingdepot' : 'GVB', categorySlug: chosen, caseRef },
    suggestedSlug: suggested,
    formId: null,
  });
  expect(o.ok).toBe(true);
}

const suggestion = (channelId: string, workspaceId = 'T0001') =>
  suggestInForm(testCtx(t.store, clock), { channel: team(channelId, workspaceId), values: { description: PHRASE, supplierName: 'PostNL Kledingdepot' } }).suggestion;

describe('the suggestion learns from corrections', () => {
  it('without corrections it is the keyword table; two corrections by the team overrule a decisive keyword, with the reason', async () => {
    const table = suggestCategory({ description: PHRASE, supplierName: 'PostNL Kledingdepot' }).slug;
    expect(table).toBe('kleding');
    expect(suggestion('C0A')?.slug).toBe('kleding');
    await fileAs('C0A', 'werk', 'kleding');
    expect(suggestion('C0A')?.slug).toBe('kleding'); // one correction against a decisive keyword: not yet
    await fileAs('C0A', 'werk', 'kleding');
    const s = suggestion('C0A');
    expect(s?.slug).toBe('werk');
    expect(s?.explanation).toContain('geleerd van');
  });

  it('the team that corrected learns first; another team of the workspace (weighted less) and another workspace keep the table', async () => {
    for (let i = 0; i < 3; i++) await fileAs('C0A', 'werk', 'kleding');
    await fileAs('C0B', 'vervoer', 'vervoer', 'T0001', 'Buskaart voor de eerste werkweek'); // team B exists, same workspace
    await fileAs('C0X', 'vervoer', 'vervoer', 'T0OTHER', 'Buskaart voor de eerste werkweek');
    expect(suggestion('C0A')?.slug).toBe('werk');
    expect(suggestion('C0B')?.slug).toBe('kleding');
    expect(suggestion('C0X', 'T0OTHER')?.slug).toBe('kleding');
  });
});
