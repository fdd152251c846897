// Small Block Kit helpers shared by the builders.
import type { Message } from '../../core/messages.js';
import { bilingual } from '../../core/messages.js';

export const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 150), emoji: true });
export const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
export const section = (text: string) => ({ type: 'section' as const, text: mrkdwn(text.slice(0, 3000)) });
export const context = (text: string) => ({ type: 'context' as const, elements: [mrkdwn(text.slice(0, 3000))] });
export const messageSection = (msg: Message) => section(bilingual(msg));
export const mention = (userId: string) => `<@${userId}>`;

/** Slack mrkdwn treats &, < and > specially: escape text people typed. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
