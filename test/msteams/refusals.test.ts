// Teams has no ephemeral messages: a 👍 that does not count (the requester's own, or someone
// outside the team) is answered in that person's 1:1 chat with the bot, never in the channel.
import { describe, expect, it } from 'vitest';
import { approvals } from '../../src/store/schema.js';
import { CHANNEL, PEOPLE, TENANT, createTeamsRequest, personalConversationId, reaction, settle, useTeamsBot } from '../support/teamsBot.js';

const b = useTeamsBot();

const personalTexts = (p: { aadObjectId: string; name: string }) => b.double.posts(personalConversationId(p)).map((c) => String(c.body.text ?? ''));

describe('a reaction that does not count', () => {
  it('tells the requester in a 1:1 chat (created through the Bot Connector), once per reaction, and counts nothing', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    await settle(b);
    const channelPostsBefore = b.double.posts().filter((c) => c.conversationId.startsWith(CHANNEL)).length;
    expect((await b.post(reaction(b, PEOPLE.req, cardId, 'like'))).status).toBe(200);
    const created = b.double.createdConversations();
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toMatchObject({ isGroup: false, members: [{ id: `29:${PEOPLE.req.aadObjectId}` }], tenantId: TENANT, channelData: { tenant: { id: TENANT } } });
    expect(personalTexts(PEOPLE.req)).toHaveLength(1);
    expect(personalTexts(PEOPLE.req)[0]).toMatch(new RegExp(`^Je kunt je eigen aanvraag #${id} niet goedkeuren of blokkeren; drie collega's beslissen\\.\\n\\n_You cannot approve`));
    // The objection emoji too; the 1:1 conversation is reused.
    await b.post(reaction(b, PEOPLE.req, cardId, 'angry'));
    expect(b.double.createdConversations()).toHaveLength(1);
    expect(personalTexts(PEOPLE.req)).toHaveLength(2);
    // Nothing in the channel or the card's thread; nothing counted.
    await settle(b);
    expect(b.double.posts().filter((c) => c.conversationId.startsWith(CHANNEL))).toHaveLength(channelPostsBefore);
    expect(b.store.db.select().from(approvals).all()).toHaveLength(0);
  });

  it('tells someone outside the team; says nothing to a colleague whose 👍 counts, nor for removing or ignored reactions', async () => {
    const { id, cardId } = await createTeamsRequest(b);
    await b.post(reaction(b, PEOPLE.outsider, cardId, 'like'));
    expect(personalTexts(PEOPLE.outsider)).toEqual([expect.stringMatching(new RegExp(`^Alleen leden van het teamkanaal tellen mee voor #${id}\\.`))]);
    await b.post(reaction(b, PEOPLE.outsider, cardId, 'like', false)); // removing: silent
    await b.post(reaction(b, PEOPLE.req, cardId, 'heart')); // not an approval emoji: silent
    await b.post(reaction(b, PEOPLE.a, cardId, 'like'));
    expect(personalTexts(PEOPLE.outsider)).toHaveLength(1);
    expect(b.double.createdConversations()).toHaveLength(1);
    expect(b.store.db.select().from(approvals).all()).toHaveLength(1);
  });

  it('when Teams refuses the 1:1 chat, the reaction is still not counted and only a code is logged', async () => {
    const { cardId } = await createTeamsRequest(b);
    b.double.failCreateConversation(1, 403);
    expect((await b.post(reaction(b, PEOPLE.req, cardId, 'like'))).status).toBe(200);
    expect(b.store.db.select().from(approvals).all()).toHaveLength(0);
    const failed = b.logLines.filter((l) => l.includes('teams.personal.failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('403');
    expect(b.logLines.join('\n')).not.toContain('niet goedkeuren');
  });
});
