// What a CLI command returns: tests call commands in-process and read this; bin.ts prints it.
import { bilingualPlain, type Message } from '../core/text.js';
import type { CliText } from './texts.js';

export interface CliResult {
  /** 0 done, 1 a check failed (audit verify) or an unexpected error, 2 bad input (nothing changed). */
  exitCode: number;
  output: string;
}

/** The CLI's own plain texts, or a structured core message (rendered as plain text). */
export type Say = CliText | Message;

const isPlain = (x: Say): x is CliText => typeof x.nl === 'string';

/** Dutch first, English second: on one line for short texts, as two blocks for long ones. */
export function say(msg: Say): string {
  if (!isPlain(msg)) return bilingualPlain(msg);
  return msg.nl.includes('\n') ? `${msg.nl}\n\n${msg.en}` : `${msg.nl} / ${msg.en}`;
}

export const done = (...lines: Say[]): CliResult => ({ exitCode: 0, output: lines.map(say).join('\n') });
export const refused = (msg: Say, code = 2, ...more: Say[]): CliResult => ({ exitCode: code, output: [msg, ...more].map(say).join('\n') });
