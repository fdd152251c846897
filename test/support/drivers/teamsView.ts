// What Teams shows, as plain text: the cast as Teams people and names, Adaptive Cards and Teams
// markdown read back.
import type { ConnectorCall } from '../botConnectorDouble.js';
import { CHANNEL, PEOPLE, type Person } from '../teamsBot.js';
import { DISPLAY_NAME, type Names, type Who } from './driver.js';

export const PERSON: Readonly<Record<Who, Person>> = {
  requester: PEOPLE.req,
  anna: PEOPLE.a,
  bram: PEOPLE.b,
  chris: PEOPLE.c,
  dewi: PEOPLE.d,
  admin: PEOPLE.admin,
  finance: PEOPLE.fin,
  outsider: PEOPLE.outsider,
};
const WHO_OF = new Map(Object.entries(PERSON).map(([who, p]) => [p.aadObjectId, who as Who]));
const TEAM_CHANNEL_NAME = 'Wijkteam Noord';

export const names: Names = {
  person: (id) => (WHO_OF.has(id) ? DISPLAY_NAME[WHO_OF.get(id)!] : 'een collega'),
  // Teams shows a channel by the name it knows (the team channel's), else a neutral word.
  channel: (id) => (id === CHANNEL ? TEAM_CHANNEL_NAME : 'dat kanaal'),
};

type CardElement = { type: string; id?: string; text?: string; color?: string; value?: string; facts?: { title: string; value: string }[]; choices?: { value: string }[] };
type CardAction = { type: string; verb?: string; title?: string; data?: Record<string, unknown> };
export type AdaptiveCard = { body?: CardElement[]; actions?: CardAction[] };
export type TaskAnswer = { task?: { type: 'continue' | 'message'; value: string | { card?: { content: AdaptiveCard } } } };

/** Teams markdown as plain text (markers are dropped by `canonical`; names are already names). */
export const unrender = (markdown: string) => markdown.replace(/&amp;/g, '&');

export function cardOf(c: ConnectorCall | undefined): AdaptiveCard | null {
  const att = (c?.body.attachments as { content?: AdaptiveCard }[] | undefined)?.[0];
  return att?.content ?? null;
}

/** The text of an Adaptive Card: text blocks, and facts as "title: value". */
export function cardText(card: AdaptiveCard): string {
  const out: string[] = [];
  for (const el of card.body ?? []) {
    if (el.type === 'TextBlock' && el.text) out.push(el.text);
    if (el.type === 'FactSet') out.push(...(el.facts ?? []).map((f) => `${f.title}: ${f.value}`));
  }
  return unrender(out.join('\n\n'));
}

/** What a post shows: its text, or its card's. */
export const postText = (c: ConnectorCall) => (typeof c.body.text === 'string' ? unrender(c.body.text) : cardText(cardOf(c) ?? {}));
