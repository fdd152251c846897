// Trust boundary 3 — "Pinging through user text", through the real surfaces: a request filed with
// markup in its fields goes through approval and payment, and everything the bot sends is checked
// with the definitions of ./markup.ts (the skeleton: the same flow with plain "x" texts).
import { afterEach, describe, expect, it } from 'vitest';
import { requests } from '../../src/store/schema.js';
import { CHANNEL, startBot, type RunningBot } from '../support/bot.js';
import type { RecordedCall } from '../support/slackApiDouble.js';
import { createRequest, react, settle } from '../support/slack.js';
import { CHANNEL as TEAMS_CHANNEL, PEOPLE, VALID_TEAMS_FORM, cardAction, settle as settleTeams, taskSubmit } from '../support/teamsBot.js';
import type { ConnectorCall } from '../support/botConnectorDouble.js';
import { PLACEHOLDER, slackViolations, teamsViolations } from './markup.js';
import { startSecureTeamsBot, type SecureTeamsBot } from './teamsHarness.js';

const ATTACK = {
  supplierName: '<!channel>',
  description: '<@U0ATTACK> <!here> [klik](https://evil.example) *gratis* _nu_ `code`',
};

/** Every mrkdwn string a recorded Web API call carries: `text`, and mrkdwn text objects in blocks / views. */
function slackStrings(c: RecordedCall): string[] {
  const out: string[] = [];
  if (typeof c.args.text === 'string') out.push(c.args.text);
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      else Object.values(o).forEach(walk);
    }
  };
  walk(c.args.blocks);
  walk(c.args.view);
  return out;
}

/** Every markdown string a Bot Connector call carries: message text, TextBlocks, facts. */
function teamsStrings(c: ConnectorCall): string[] {
  const out: string[] = [];
  if (typeof c.body.text === 'string') out.push(c.body.text);
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.push(f.title, f.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(c.body.attachments);
  return out;
}

describe('3. Pinging through user text — through the real surfaces', () => {
  describe('Slack: finance marks paid a request from a supplier named <!channel>', () => {
    let runs: RunningBot[] = [];
    afterEach(async () => {
      await Promise.all(runs.map((r) => r.close()));
      runs = [];
    });

    async function flow(fields: { supplierName: string; description: string }) {
      const b = await startBot({ financeUserIds: ['UFIN'] });
      runs.push(b);
      b.double.setChannelMembers(CHANNEL, ['UREQ', 'UA', 'UB', 'UC', 'UFIN']);
      const { id, ts } = await createRequest(b, 'UREQ', fields);
      for (const u of ['UA', 'UB', 'UC']) await react(b, u, ts);
      await settle(b);
      await b.slack.blockAction({ userId: 'UFIN', actionId: 'payment_mark_paid', value: String(id), channelId: CHANNEL, messageTs: ts });
      await settle(b);
      expect(b.store.db.select().from(requests).get()!.status).toBe('paid');
      return b.double.calls.filter((c) => ['chat.postMessage', 'chat.update', 'chat.postEphemeral'].includes(c.method));
    }

    it('the card, its updates and the thread messages show it literally: no ping, mention, link or formatting', async () => {
      const real = await flow(ATTACK);
      const skeleton = await flow({ supplierName: PLACEHOLDER, description: PLACEHOLDER });
      expect(real.map((c) => c.method)).toEqual(skeleton.map((c) => c.method));
      const paidThread = real.find((c) => c.args.thread_ts && String(c.args.text).includes('als betaald gemarkeerd'))!;
      expect(paidThread.args.text).toContain('aan &lt;!channel&gt; voor');
      real.forEach((c, i) => {
        const r = slackStrings(c);
        const s = slackStrings(skeleton[i]!);
        expect(r).toHaveLength(s.length);
        r.forEach((text, j) => expect(slackViolations(text, s[j]!, new Set(['UREQ', 'UA', 'UB', 'UC', 'UFIN'])), text).toEqual([]));
        // Slack parses nothing itself: no parse/link_names on messages, mrkdwn objects verbatim.
        expect(c.args.parse ?? 'none').toBe('none');
        expect(c.args.link_names ?? false).toBe(false);
      });
      const mrkdwnObjects = JSON.stringify(real.map((c) => c.args.blocks)).match(/"type":"mrkdwn"[^}]*}/g) ?? [];
      expect(mrkdwnObjects.length).toBeGreaterThan(0);
      for (const o of mrkdwnObjects) expect(o).toContain('"verbatim":true');
      expect(JSON.stringify(real.map((c) => c.args))).not.toMatch(/<!channel>|<!here>|<@U0ATTACK>|<https?:/);
    });
  });

  describe('Teams: a supplier named [text](https://…), approved by someone whose display name is markup', () => {
    let runs: SecureTeamsBot[] = [];
    afterEach(async () => {
      await Promise.all(runs.map((r) => r.close()));
      runs = [];
    });

    async function flow(fields: { supplierName: string; description: string }, approverName: string) {
      const b = await startSecureTeamsBot();
      runs.push(b);
      const approver = { ...PEOPLE.b, name: approverName };
      b.double.setMembers(TEAMS_CHANNEL, [PEOPLE.req, PEOPLE.a, approver, PEOPLE.c, PEOPLE.d]);
      await b.post(taskSubmit(b, PEOPLE.req, { dialog: 'new', suggestedSlug: null, ...VALID_TEAMS_FORM, ...fields, formId: 'f1' }));
      await settleTeams(b);
      const row = b.store.db.select().from(requests).get()!;
      for (const p of [PEOPLE.a, approver, PEOPLE.c]) await b.post(cardAction(b, p, row.messageTs!, 'approve', row.id));
      await settleTeams(b);
      expect(b.store.db.select().from(requests).get()!.status).toBe('approved');
      return b.double.calls.filter((c) => (c.method === 'POST' || c.method === 'PUT') && c.conversationId !== '');
    }

    it('the card (facts, state) and the thread message show it literally: no link, mention, HTML or formatting', async () => {
      const real = await flow({ supplierName: '[klik hier](https://evil.example)', description: ATTACK.description }, '<at>Iedereen</at> **[Bram](https://evil.example)**');
      const skeleton = await flow({ supplierName: PLACEHOLDER, description: PLACEHOLDER }, PLACEHOLDER);
      expect(real.map((c) => c.method)).toEqual(skeleton.map((c) => c.method));
      const strings = real.flatMap(teamsStrings);
      expect(strings.some((s) => s.includes('［klik hier］(https:/\u200b/evil.example)'))).toBe(true);
      expect(real.some((c) => c.conversationId.includes(';messageid=') && String(c.body.text).includes('［klik hier］'))).toBe(true);
      real.forEach((c, i) => {
        const r = teamsStrings(c);
        const s = teamsStrings(skeleton[i]!);
        expect(r).toHaveLength(s.length);
        r.forEach((text, j) => expect(teamsViolations(text, s[j]!), text).toEqual([]));
        // No mention entities: nobody can be @-mentioned by what was typed.
        expect(c.body.entities ?? []).toEqual([]);
      });
    });
  });
});
