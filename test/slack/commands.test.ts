// The slash command and the global shortcut through signed HTTP, where Slack differs: what reaches
// the log, channel checks (direct messages, private channels), the channel picker, and the category
// suggestion in Block Kit. Help and unknown words on every platform: test/behaviour/.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useSlackBot, CHANNEL } from '../support/bot.js';
import { conversationsSelect } from '../support/slackRequests.js';
import { categories, requests } from '../../src/store/schema.js';
import { formState, settle, type FormValues } from '../support/slack.js';

const b = useSlackBot({ members: ['UREQ', 'UA', 'UB', 'UC'] });

const command = async (text: string, channelId = CHANNEL) => {
  const res = await b.slack.slashCommand({ userId: 'UREQ', channelId, text });
  expect(res.status).toBe(200);
  const body = await res.text();
  return body ? (JSON.parse(body) as { response_type?: string; text?: string }) : null;
};

type View = { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: Record<string, unknown> }[] };

describe('command text and the log', () => {
  it('a BSN in the command text is refused without echoing it, and not logged', async () => {
    const reply = await command('aanvraag voor 111222333');
    expect(reply?.response_type).toBe('ephemeral');
    expect(reply?.text).toContain('burgerservicenummers');
    expect(JSON.stringify(reply)).not.toContain('111222333');
    expect(b.double.callsTo('views.open')).toHaveLength(0);
    expect(b.logLines.join('\n')).not.toContain('111222333');
  });

  it('an unknown word is echoed only shortened, and never logged', async () => {
    await command('geheim-woord-van-de-bewoner');
    expect(b.logLines.join('\n')).not.toContain('geheim-woord');
  });
});

describe('where /minimaatwerk is used', () => {
  it('in a DM: a clear message via response_url, no form', async () => {
    b.double.respondWith('conversations.info', (c) => ({ ok: true, channel: { id: c.args.channel, is_im: true, is_member: true } }));
    expect(await command('', 'D0DM')).toBeNull();
    const msg = await b.double.waitFor('response_url');
    expect(msg.args.text).toContain('Gebruik /minimaatwerk in het teamkanaal');
    expect(msg.args.response_type).toBe('ephemeral');
    expect(b.double.callsTo('views.open')).toHaveLength(0);
  });

  it('in a private channel the bot is not in (Slack says channel_not_found): invite me', async () => {
    b.double.injectFault('conversations.info', { kind: 'error', error: 'channel_not_found' });
    expect(await command('', 'G0PRIV')).toBeNull();
    const msg = await b.double.waitFor('response_url');
    expect(msg.args.text).toContain('/invite @minimaatwerk');
    expect(b.double.callsTo('views.open')).toHaveLength(0);
  });

  it('in a private channel reported with is_member false: invite me', async () => {
    b.double.respondWith('conversations.info', (c) => ({ ok: true, channel: { id: c.args.channel, is_private: true, is_member: false } }));
    await command('', 'G0PRIV');
    expect((await b.double.waitFor('response_url')).args.text).toContain('Ik ben nog geen lid van dit kanaal');
    expect(b.double.callsTo('views.open')).toHaveLength(0);
  });

  it('asks Slack about the channel once; a join or leave there (the bot removed) makes it ask again', async () => {
    await command('');
    await b.double.waitFor('views.open');
    await command('');
    await b.double.waitFor('views.open', (c) => c !== b.double.callsTo('views.open')[0]);
    expect(b.double.callsTo('conversations.info')).toHaveLength(1);

    b.double.respondWith('conversations.info', (c) => ({ ok: true, channel: { id: c.args.channel, is_private: true, is_member: false } }));
    const left = await b.slack.event({ type: 'member_left_channel', user: 'UBOT', channel: CHANNEL, channel_type: 'G', team: 'T0001', event_ts: String(Date.now() / 1000) });
    expect(left.status).toBe(200);
    await command('');
    expect((await b.double.waitFor('response_url')).args.text).toContain('Ik ben nog geen lid van dit kanaal');
    expect(b.double.callsTo('conversations.info')).toHaveLength(2);
    expect(b.double.callsTo('views.open')).toHaveLength(2);
  });

  it.each(['', 'aanvraag', 'nieuw', 'new'])('%j in the team channel opens the form', async (text) => {
    await command(text);
    expect((await b.double.waitFor('views.open')).args.view).toMatchObject({ callback_id: 'request_submit' });
  });
});

describe('the global shortcut', () => {
  it('opens the form with a channel picker; submitting with the picked channel posts the card there', async () => {
    const res = await b.slack.globalShortcut({ userId: 'UREQ', callbackId: 'minimaatwerk_request' });
    expect(res.status).toBe(200);
    const view = (await b.double.waitFor('views.open')).args.view as View;
    expect(view.callback_id).toBe('request_submit');
    const picker = view.blocks.find((bl) => bl.block_id === 'channel');
    expect(picker?.element?.type).toBe('conversations_select');
    expect(JSON.parse(view.private_metadata)).not.toHaveProperty('channelId');

    const submit = await b.slack.viewSubmission({
      userId: 'UREQ',
      callbackId: 'request_submit',
      values: { channel: { value: conversationsSelect(CHANNEL) }, ...formState() },
      privateMetadata: view.private_metadata,
    });
    expect(await submit.text()).toBe('');
    await settle(b);
    const row = b.store.db.select().from(requests).get()!;
    expect(row.channelId).toBe(CHANNEL);
    const card = b.double.callsTo('chat.postMessage').find((c) => !c.args.thread_ts)!;
    expect(card.args.channel).toBe(CHANNEL);
    expect(row.messageTs).not.toBeNull();
  });

  it('submitting without a picked channel is a field error on the channel', async () => {
    const submit = await b.slack.viewSubmission({ userId: 'UREQ', callbackId: 'request_submit', values: formState(), privateMetadata: '{}' });
    const body = (await submit.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.channel).toContain('Kies het teamkanaal');
    expect(b.store.db.select().from(requests).all()).toHaveLength(0);
  });
});

describe('the category suggestion', () => {
  const submit = async (values: Record<string, unknown>, privateMetadata: string) => {
    const res = await b.slack.viewSubmission({ userId: 'UREQ', callbackId: 'request_submit', values: values as never, privateMetadata });
    const text = await res.text();
    return text ? (JSON.parse(text) as { response_action: string; view: View; errors?: Record<string, string> }) : null;
  };
  const noCategory: FormValues = { description: 'tandarts voor kies', supplierName: 'Tandartspraktijk Zuid', categorySlug: null };

  it('no category: the form comes back with the suggestion pre-selected; submitting again stores it as suggested', async () => {
    const first = await submit(formState(noCategory), JSON.stringify({ channelId: CHANNEL }));
    expect(first?.response_action).toBe('update');
    const view = first!.view;
    const block = view.blocks.find((bl) => String(bl.block_id).startsWith('categorySlug'))!;
    expect(block.block_id).toBe('categorySlug:mondzorg');
    expect((block.element?.initial_option as { value: string }).value).toBe('mondzorg');
    expect(JSON.stringify(view.blocks)).toContain('Controleer de voorgestelde categorie');
    // what was typed is kept
    const initial = (id: string) => view.blocks.find((bl) => bl.block_id === id)?.element?.initial_value;
    expect(initial('description')).toBe('tandarts voor kies');
    expect(initial('amount')).toBe('85,50');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ channelId: CHANNEL, suggestedSlug: 'mondzorg' });
    expect(b.store.db.select().from(requests).all()).toHaveLength(0);

    // Slack sends the pre-selected option back under the new block id
    const { categorySlug: _, ...rest } = formState({ ...noCategory, categorySlug: 'mondzorg' });
    const again = await submit({ ...rest, 'categorySlug:mondzorg': formState({ categorySlug: 'mondzorg' }).categorySlug }, view.private_metadata);
    expect(again).toBeNull();
    const row = b.store.db.select().from(requests).get()!;
    const slugOf = (id: number | null) => (id === null ? null : b.store.db.select().from(categories).where(eq(categories.id, id)).get()!.slug);
    expect(slugOf(row.categoryId)).toBe('mondzorg');
    expect(slugOf(row.suggestedCategoryId)).toBe('mondzorg');
  });

  it('the requester may overrule the suggestion; both are stored', async () => {
    const first = await submit(formState(noCategory), JSON.stringify({ channelId: CHANNEL }));
    const { categorySlug: _, ...rest } = formState(noCategory);
    await submit({ ...rest, 'categorySlug:mondzorg': formState({ categorySlug: 'overig' }).categorySlug }, first!.view.private_metadata);
    const row = b.store.db.select().from(requests).get()!;
    const slugOf = (id: number | null) => (id === null ? null : b.store.db.select().from(categories).where(eq(categories.id, id)).get()!.slug);
    expect(slugOf(row.categoryId)).toBe('overig');
    expect(slugOf(row.suggestedCategoryId)).toBe('mondzorg');
  });
});
