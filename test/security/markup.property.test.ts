// Trust boundary 3 — "Pinging through user text". What a person types (supplier name, description,
// reasons, category names, display names) is shown literally on both platforms: it never renders a
// mention, a channel ping, a link or a formatting change. "Renders as" is defined precisely in
// ./markup.ts (S1–S5 for Slack mrkdwn, T1–T6 for Teams markdown): a rendering must carry exactly the
// markup of its skeleton, the same message with every typed piece replaced by "x".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardView, finance, categoryMessage, thread, unknownCommand, type CardData } from '../../src/core/messages.js';
import type { Cents } from '../../src/core/money.js';
import { CLOSE_KINDS, REQUEST_STATUSES } from '../../src/core/request.js';
import { channel, code, em, mention, strong, typed, type Block, type Inline, type Message } from '../../src/core/text.js';
import { cardBlocks, cardSummary as slackCardSummary } from '../../src/slack/blocks/card.js';
import { bilingual as slackBilingual, fit, mrkdwn, typedText as slackTyped } from '../../src/slack/render.js';
import { bilingual as teamsBilingual, markdown, typedText as teamsTyped, type Names } from '../../src/msteams/render.js';
import { requestCard, cardSummary as teamsCardSummary } from '../../src/msteams/cards/request.js';
import { MARKUP_PIECES, PLACEHOLDER, mapTyped, slackViolations, teamsViolations } from './markup.js';

const RUNS = { numRuns: 300 };
const IDS = ['UREQ', 'UA', 'UB', 'UFIN', 'C0TEAM'];
const OWN_IDS = new Set(IDS);

/** Text full of markup: the pieces above, mixed with arbitrary characters. */
const typedString = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...MARKUP_PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
/** As the forms store it (validation trims), and as Teams gives display names (never empty). */
const fieldString = typedString.map((s) => s.trim() || 'x');

// ── The renderers themselves, on any message structure ───────────────────────────────────────────

const word = fc.constantFrom('Aanvraag ', ' is goedgekeurd door ', '.', ': ', '€ 85,50', ' (', ')', ' / ', 'Leverancier');
const inlineLeaf: fc.Arbitrary<Inline> = fc.oneof(
  word,
  typedString.filter((s) => s.trim() !== '').map(typed),
  fc.constantFrom(...IDS.slice(0, 4)).map(mention),
  fc.constant(channel('C0TEAM')),
  fc.constantFrom('/minimaatwerk budget', 'categorie nieuw').map(code),
);
// As the catalogue writes lines: parts apart (two code spans or emphases glued together are the
// catalogue's own mistake, not typed text's), and no emphasis inside an English paragraph (the
// bilingual renderers set those in italics already).
const apart = (parts: Inline[]): Inline[] => parts.flatMap((x, i): Inline[] => (i === 0 ? [x] : [' ', x]));
const emphasised = (allowEm: boolean) =>
  fc.array(inlineLeaf, { minLength: 1, maxLength: 3 }).map(apart).chain((parts) => (allowEm ? fc.constantFrom(strong(...parts), em(...parts)) : fc.constant(strong(...parts))));
const line = (allowEm: boolean) => fc.array(fc.oneof({ weight: 4, arbitrary: inlineLeaf }, { weight: 1, arbitrary: emphasised(allowEm) }), { minLength: 1, maxLength: 6 }).map(apart);
const block = (allowEm: boolean): fc.Arbitrary<Block> =>
  fc.oneof(
    { weight: 4, arbitrary: line(allowEm).map((parts): Block => ({ k: 'p', parts })) },
    { weight: 2, arbitrary: fc.array(line(true), { minLength: 1, maxLength: 3 }).map((items): Block => ({ k: 'list', items })) },
    { weight: 1, arbitrary: fc.constant<Block>({ k: 'rule' }) },
  );
const message: fc.Arbitrary<Message> = fc.record({ nl: fc.array(block(true), { minLength: 1, maxLength: 4 }), en: fc.array(block(false), { minLength: 1, maxLength: 4 }) });
const skeleton = (m: Message) => mapTyped(m, () => PLACEHOLDER);

/** Teams shows people and channels by name; a display name is typed text too. */
const names = (name: (id: string) => string): Names => ({ person: name, channel: name });
const placeholderNames = names(() => PLACEHOLDER);

const expectNone = (v: string[], rendered: string) => expect(v, `${v.join('\n')}\nin: ${JSON.stringify(rendered)}`).toEqual([]);

describe('3. Pinging through user text', () => {
  describe('the renderers, on any message with typed text in it', () => {
    it('Slack: typedText alone never yields a control sequence, entity, formatting marker, line break or URL scheme', () => {
      fc.assert(
        fc.property(typedString, (s) => {
          // Mid-line, as typed text always sits (a line's start is line()'s job, tested below).
          const r = `a ${slackTyped(s)}`;
          expectNone(slackViolations(r, `a ${PLACEHOLDER}`, OWN_IDS), r);
        }),
        RUNS,
      );
    });

    it('Slack: mrkdwn and bilingual render exactly the skeleton’s markup (S1–S5)', () => {
      fc.assert(
        fc.property(message, (m) => {
          for (const [r, s] of [
            [mrkdwn(m.nl), mrkdwn(skeleton(m).nl)],
            [slackBilingual(m), slackBilingual(skeleton(m))],
          ] as const) {
            expectNone(slackViolations(r, s, OWN_IDS), r);
          }
        }),
        RUNS,
      );
    });

    it('Slack: a text cut to a limit (fit) never ends in half a mention or half an entity', () => {
      fc.assert(
        fc.property(message, fc.nat(), (m, at) => {
          const r = slackBilingual(m);
          const cut = fit(r, 2 + (at % r.length));
          expect(cut.length).toBeLessThanOrEqual(2 + (at % r.length));
          const broken = slackViolations(cut, cut, OWN_IDS).filter((v) => v.startsWith('S1') || v.startsWith('S2'));
          expectNone(broken, cut);
        }),
        RUNS,
      );
    });

    it('Teams: typedText alone never yields an angle bracket, link syntax, formatting marker, line break or URL scheme', () => {
      fc.assert(
        fc.property(typedString, (s) => {
          const r = `a ${teamsTyped(s)}`;
          expectNone(teamsViolations(r, `a ${PLACEHOLDER}`), r);
        }),
        RUNS,
      );
    });

    it('Teams: markdown and bilingual render exactly the skeleton’s markup (T1–T6), whatever the display names are', () => {
      fc.assert(
        fc.property(message, fieldString, (m, displayName) => {
          const n = names(() => displayName);
          for (const [r, s] of [
            [markdown(m.nl, n), markdown(skeleton(m).nl, placeholderNames)],
            [teamsBilingual(m, n), teamsBilingual(skeleton(m), placeholderNames)],
          ] as const) {
            expectNone(teamsViolations(r, s), r);
          }
        }),
        RUNS,
      );
    });
  });

  // ── The messages the bot really builds ──────────────────────────────────────────────────────────

  const typedFields = fc.record({
    description: fieldString,
    supplierName: fieldString,
    closedReason: fieldString,
    labelNl: fieldString,
    labelEn: fieldString,
    objectionReason: fieldString,
  });
  const cardData = (f: { description: string; supplierName: string; closedReason: string; labelNl: string; labelEn: string; objectionReason: string }, status: CardData['request']['status'], version: number): CardData => ({
    request: {
      id: 12,
      amountCents: 8550,
      description: f.description,
      supplierName: f.supplierName,
      supplierIban: 'NL91ABNA0417164300',
      reason: 'no_provision',
      requesterId: 'UREQ',
      status,
      version,
      closedReason: f.closedReason,
      closedKind: 'charity_fund',
    },
    team: { approvalsNeeded: 3 },
    category: { labelNl: f.labelNl, labelEn: f.labelEn },
    approvers: ['UA'],
    objections: [{ objectorId: 'UB', reason: f.objectionReason }],
    decidedBy: ['UA', 'UB', 'UFIN'],
  });
  const blank = <T extends Record<string, string>>(f: T): T => Object.fromEntries(Object.keys(f).map((k) => [k, PLACEHOLDER])) as T;
  const threadMessages = (f: { supplierName: string; closedReason: string; objectionReason: string; labelNl: string }): Message[] => [
    finance.paidThread(12, 'UFIN', 8550 as Cents, f.supplierName),
    finance.markedPaid(12, 8550 as Cents, f.supplierName),
    thread.approved(12, 8550 as Cents, f.supplierName, ['UA', 'UB']),
    thread.objectionReason('UB', f.objectionReason),
    ...CLOSE_KINDS.map((k) => thread.alternative(12, 'UREQ', k, f.closedReason)),
    categoryMessage.added(f.labelNl, 'fiets'),
    categoryMessage.renamed(f.labelNl, f.supplierName),
    categoryMessage.list([{ labelNl: f.labelNl, labelEn: f.supplierName, slug: 'fiets', own: true }]),
    unknownCommand(f.objectionReason),
  ];

  type SlackText = { type: string; text: string };
  /** Every text object in a Slack block list, with whether it is mrkdwn. */
  function slackTexts(blocks: object[]): SlackText[] {
    const out: SlackText[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push({ type: o.type, text: o.text });
        else Object.values(o).forEach(walk);
      }
    };
    walk(blocks);
    return out;
  }

  it('Slack: the request card (every status) and its notification text carry only the skeleton’s markup', () => {
    fc.assert(
      fc.property(typedFields, fc.constantFrom(...REQUEST_STATUSES), fc.constantFrom(1, 2), (f, status, version) => {
        const view = cardView(cardData(f, status, version), 'slack');
        const skel = cardView(cardData(blank(f), status, version), 'slack');
        const r = slackTexts(cardBlocks(view));
        const s = slackTexts(cardBlocks(skel));
        expect(r.map((t) => t.type)).toEqual(s.map((t) => t.type));
        r.forEach((t, i) => t.type === 'mrkdwn' && expectNone(slackViolations(t.text, s[i]!.text, OWN_IDS), t.text));
        expectNone(slackViolations(slackCardSummary(view), slackCardSummary(skel), OWN_IDS), slackCardSummary(view));
      }),
      RUNS,
    );
  });

  it('Slack: thread messages and replies with typed text (paid, approved, objection reason, alternative, categories, unknown command)', () => {
    fc.assert(
      fc.property(typedFields, (f) => {
        const skel = threadMessages(blank(f));
        threadMessages(f).forEach((m, i) => {
          const r = slackBilingual(m);
          expectNone(slackViolations(r, slackBilingual(skel[i]!), OWN_IDS), r);
        });
      }),
      RUNS,
    );
  });

  /** Every markdown string of an Adaptive Card: TextBlock texts and FactSet values and titles. */
  function cardTexts(card: unknown): string[] {
    const out: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
        if (o.type === 'FactSet') for (const fact of o.facts as { title: string; value: string }[]) out.push(fact.title, fact.value);
        Object.values(o).forEach(walk);
      }
    };
    walk(card);
    return out;
  }

  it('Teams: the request card (every status) and its summary carry only the skeleton’s markup, whatever the display names are', () => {
    fc.assert(
      fc.property(typedFields, fieldString, fc.constantFrom(...REQUEST_STATUSES), fc.constantFrom(1, 2), (f, displayName, status, version) => {
        const n = names(() => displayName);
        const view = cardView(cardData(f, status, version), 'teams');
        const skel = cardView(cardData(blank(f), status, version), 'teams');
        const r = cardTexts(requestCard(view, n));
        const s = cardTexts(requestCard(skel, placeholderNames));
        expect(r).toHaveLength(s.length);
        r.forEach((t, i) => expectNone(teamsViolations(t, s[i]!), t));
        expectNone(teamsViolations(teamsCardSummary(view, n), teamsCardSummary(skel, placeholderNames)), teamsCardSummary(view, n));
      }),
      RUNS,
    );
  });

  it('Teams: thread messages and replies with typed text', () => {
    fc.assert(
      fc.property(typedFields, fieldString, (f, displayName) => {
        const n = names(() => displayName);
        const skel = threadMessages(blank(f));
        threadMessages(f).forEach((m, i) => {
          const r = teamsBilingual(m, n);
          expectNone(teamsViolations(r, teamsBilingual(skel[i]!, placeholderNames)), r);
        });
      }),
      RUNS,
    );
  });

  it('the definitions catch what they are about (the control: text put in without escaping is flagged)', () => {
    const asTyped = (s: string): Message => ({ nl: [{ k: 'p', parts: ['Leverancier: ', typed(s)] }], en: [{ k: 'p', parts: ['Supplier: ', typed(s)] }] });
    const naive = (s: string) => `Leverancier: ${s}`;
    for (const s of ['<!channel>', '<@U0ATTACK>', '<#C0OTHER>', '<https://evil.example|klik>', '*vet*', '_schuin_', 'a\n&gt; quote', 'https://evil.example', '&lt;!here&gt;x&']) {
      expect(slackViolations(naive(s), naive(PLACEHOLDER), OWN_IDS), s).not.toEqual([]);
      expect(slackViolations(slackBilingual(asTyped(s)), slackBilingual(asTyped(PLACEHOLDER)), OWN_IDS), s).toEqual([]);
    }
    for (const s of ['[klik](https://evil.example)', '<at>Rosa</at>', '**vet**', '_schuin_', 'a\n# kop', 'a\n1. lijst', 'https://evil.example', '&lt;at&gt;']) {
      expect(teamsViolations(naive(s), naive(PLACEHOLDER)), s).not.toEqual([]);
      expect(teamsViolations(teamsBilingual(asTyped(s), placeholderNames), teamsBilingual(asTyped(PLACEHOLDER), placeholderNames)), s).toEqual([]);
    }
  });
});
