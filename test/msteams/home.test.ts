// The overview in Teams where Teams differs: asked in a channel, the card goes to the person's 1:1
// chat (Teams has no ephemeral messages), created through the Bot Connector, or the person is told
// where to ask. The overview itself on every platform: test/behaviour/.
import { describe, expect, it } from 'vitest';
import { TestClock } from '../support/bot.js';
import type { ConnectorCall } from '../support/botConnectorDouble.js';
import { CHANNEL, PEOPLE, TENANT, createTeamsRequest, messageActivity, personalConversationId, useTeamsBot } from '../support/teamsBot.js';

const b = useTeamsBot(() => ({ clock: new TestClock(new Date('2026-10-20T09:00:00Z')) }));

type Block = { type: string; text?: string; separator?: boolean };
const bodyOf = (c: ConnectorCall | undefined): Block[] => ((c?.body.attachments as { content: { body: Block[] } }[] | undefined)?.[0]?.content.body ?? []);

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
