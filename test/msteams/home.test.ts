// The App-Home-like overview in Teams, through the real surface: `overzicht` in the personal chat
// answers with a card; in a channel the card goes to the person's 1:1 chat (Teams has no ephemeral).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../support/bot.js';
import type { ConnectorCall } from '../support/botConnectorDouble.js';
import {
  CHANNEL,
  PEOPLE,
  TENANT,
  cardAction,
  createTeamsRequest,
  messageActivity,
  personalConversationId,
  personalMessage,
  settle,
  startTeamsBot,
  type Person,
  type RunningTeamsBot,
} from '../support/teamsBot.js';

let b: RunningTeamsBot;
beforeEach(async () => {
  b = await startTeamsBot({ clock: new TestClock(new Date('2026-10-20T09:00:00Z')) });
});
afterEach(async () => {
  await b.close();
});

type Block = { type: string; text?: string; separator?: boolean };
const bodyOf = (c: ConnectorCall | undefined): Block[] => ((c?.body.attachments as { content: { body: Block[] } }[] | undefined)?.[0]?.content.body ?? []);
/** The text under a heading of the overview card: the blocks after it, up to the next separated part. */
const section = (blocks: Block[], heading: string) => {
  const i = blocks.findIndex((x) => x.text?.startsWith(`**${heading}**`));
  if (i < 0) return null;
  const end = blocks.findIndex((x, j) => j > i && x.separator);
  return { text: blocks.slice(i + 1, end < 0 ? undefined : end).map((x) => x.text ?? '').join('\n\n') };
};

async function overview(p: Person): Promise<Block[]> {
  const before = b.double.posts(personalConversationId(p)).length;
  const res = await b.post(personalMessage(b, p, 'overzicht'));
  expect(res.status).toBe(200);
  const posts = b.double.posts(personalConversationId(p));
  expect(posts).toHaveLength(before + 1);
  return bodyOf(posts.at(-1));
}

describe('overzicht in the personal chat', () => {
  it('shows my open requests, what waits for my approval, and my teams’ budget left', async () => {
    await b.post(messageActivity(b, PEOPLE.admin, 'budget 1200'));
    const mine = await createTeamsRequest(b, PEOPLE.req);
    const theirs = await createTeamsRequest(b, PEOPLE.a, { amount: '40', supplierName: 'Fietsenmaker Oost', description: 'Fietsreparatie', categorySlug: 'vervoer' });
    await b.post(cardAction(b, PEOPLE.b, theirs.cardId, 'approve', theirs.id));
    await settle(b);

    const req = await overview(PEOPLE.req);
    expect(section(req, 'Mijn open aanvragen')?.text).toBe(`- **#${mine.id}** € 85,50 — Witgoedhandel Noord (Wacht op goedkeuring) in Wijkteam Noord`);
    expect(section(req, 'Wacht op mijn goedkeuring')?.text).toContain(`- **#${theirs.id}** € 40,00 — Fietsenmaker Oost (Wacht op goedkeuring) in Wijkteam Noord`);
    expect(section(req, 'Wacht op mijn goedkeuring')?.text).not.toContain(`#${mine.id}`);
    // 1.200,00 − 85,50 − 40,00 (open requests count against the budget)
    expect(section(req, 'Budget van mijn teams')?.text).toBe('- Wijkteam Noord: over € 1.074,50 van € 1.200,00 (2026). / _left € 1.074,50 of € 1.200,00._');
    expect(req.some((x) => x.text?.includes('Laatste maandoverzicht'))).toBe(false); // not a manager

    // Bram approved #theirs already: only the requester's own request is left for him.
    const bram = await overview(PEOPLE.b);
    expect(section(bram, 'Mijn open aanvragen')?.text).toContain('Geen open aanvragen');
    expect(section(bram, 'Wacht op mijn goedkeuring')?.text).toContain(`#${mine.id}`);
    expect(section(bram, 'Wacht op mijn goedkeuring')?.text).not.toContain(`#${theirs.id}`);

    // Someone outside the team sees no team, nothing to approve.
    const out = await overview(PEOPLE.outsider);
    expect(section(out, 'Wacht op mijn goedkeuring')?.text).toContain('Niets om goed te keuren');
    expect(section(out, 'Budget van mijn teams')?.text).toContain('Nog geen team');
  });

  it('shows managers the last monthly digest of the Teams teams, in Teams markdown', async () => {
    const r = await createTeamsRequest(b, PEOPLE.req);
    for (const p of [PEOPLE.a, PEOPLE.b, PEOPLE.c]) await b.post(cardAction(b, p, r.cardId, 'approve', r.id));
    await settle(b);
    b.clock.t = new Date('2026-11-10T09:00:00Z');
    const admin = await overview(PEOPLE.admin);
    const digest = section(admin, 'Laatste maandoverzicht')?.text ?? '';
    expect(digest).toContain('**Maandoverzicht minimaatwerkbudget — oktober 2026**');
    expect(digest).toContain('1 goedgekeurde uitgave, samen € 85,50');
    expect(digest).not.toMatch(/(^|[^*])\*[^*\s]/); // no Slack single-star bold left
    const member = await overview(PEOPLE.a);
    expect(member.some((x) => x.text?.includes('Laatste maandoverzicht'))).toBe(false);
  });
});

describe('overzicht in a channel', () => {
  it('sends the card to the person’s 1:1 chat (created through the Bot Connector) and says so in the channel', async () => {
    await createTeamsRequest(b, PEOPLE.req);
    const res = await b.post(messageActivity(b, PEOPLE.req, 'overzicht'));
    expect(res.status).toBe(200);
    const created = b.double.createdConversations();
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toMatchObject({ isGroup: false, members: [{ id: `29:${PEOPLE.req.aadObjectId}` }], tenantId: TENANT });
    const card = b.double.posts(personalConversationId(PEOPLE.req));
    expect(card).toHaveLength(1);
    expect(JSON.stringify(bodyOf(card[0]))).toContain('Witgoedhandel Noord');
    const inChannel = b.double.posts().filter((c) => c.conversationId.startsWith(CHANNEL) && String(c.body.text ?? '').includes('overzicht'));
    expect(inChannel).toHaveLength(1);
    expect(String(inChannel[0]!.body.text)).toMatch(/^Je overzicht staat in je persoonlijke chat met minimaatwerk\./);
    // Nothing of the overview in the channel.
    expect(b.double.posts().filter((c) => c.conversationId.startsWith(CHANNEL) && JSON.stringify(c.body).includes('Mijn open aanvragen'))).toEqual([]);
    // A second time reuses the 1:1 conversation.
    await b.post(messageActivity(b, PEOPLE.req, 'overview'));
    expect(b.double.createdConversations()).toHaveLength(1);
    expect(b.double.posts(personalConversationId(PEOPLE.req))).toHaveLength(2);
  });

  it('says where to ask when Teams refuses the 1:1 chat, and shows nothing in the channel', async () => {
    b.double.failCreateConversation(1, 403);
    await b.post(messageActivity(b, PEOPLE.req, 'overzicht'));
    const reply = b.double.posts().filter((c) => c.conversationId.startsWith(CHANNEL)).at(-1)!;
    expect(String(reply.body.text)).toMatch(/^Ik kon je geen persoonlijk bericht sturen\. Open de chat met minimaatwerk/);
    expect(b.double.posts().some((c) => JSON.stringify(c.body).includes('Mijn open aanvragen'))).toBe(false);
    expect(b.logLines.some((l) => l.includes('teams.personal.failed') && l.includes('403'))).toBe(true);
  });
});
