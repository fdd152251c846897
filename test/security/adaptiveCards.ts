// Adaptive Cards the bot sends, validated against the subset of the 1.5 schema in
// test/fixtures/adaptive-card-1.5.subset.schema.json (see its $comment), and the Teams message
// size limit: "The bot message size limit is 40 KB ... the entire message payload encoded as
// UTF-16 and doesn't include Base64 encoded images" (learn.microsoft.com, Format your bot messages;
// newer revisions say 100 KB: the stricter figure is checked).
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import type { ConnectorCall } from '../support/botConnectorDouble.js';

const schema = JSON.parse(readFileSync(new URL('../fixtures/adaptive-card-1.5.subset.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const TEAMS_MESSAGE_LIMIT_BYTES = 40 * 1024;

/** The schema errors of one card, as short lines; [] when valid. */
export function cardErrors(card: unknown): string[] {
  return validate(card) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Every Adaptive Card in a value (activities, invoke answers, dialogs). */
export function cardsIn(x: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.contentType === CARD_CONTENT_TYPE) out.push(o.content);
      else Object.values(o).forEach(walk);
    }
  };
  walk(x);
  return out;
}

/** A message's size as Teams counts it: UTF-16 bytes, without base64 images. */
export function teamsMessageBytes(body: unknown): number {
  return JSON.stringify(body).replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, '').length * 2;
}

/** What is wrong with one Bot Connector call: schema errors of its cards, and its size. */
export function connectorCallErrors(c: ConnectorCall): string[] {
  const errors = cardsIn(c.body).flatMap((card, i) => cardErrors(card).map((e) => `card ${i}: ${e}`));
  if (c.method !== 'GET' && teamsMessageBytes(c.body) > TEAMS_MESSAGE_LIMIT_BYTES) errors.push(`message of ${teamsMessageBytes(c.body)} bytes (UTF-16) over ${TEAMS_MESSAGE_LIMIT_BYTES}`);
  return errors;
}
