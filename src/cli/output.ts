// What a CLI command returns: tests call commands in-process and read this; main.ts prints it.
import type { Message } from '../core/messages.js';
import { bilingualPlain } from '../core/text.js';

export interface CliResult {
  /** 0 done, 1 a check failed (audit verify) or an unexpected error, 2 bad input (nothing changed). */
  exitCode: number;
  output: string;
}

/** Dutch first, English second: on one line for short texts, as two blocks for long ones. */
export function say(msg: Message): string {
  return bilingualPlain(msg);
}

export const done = (...lines: Message[]): CliResult => ({ exitCode: 0, output: lines.map(say).join('\n') });
export const refused = (msg: Message, code = 2): CliResult => ({ exitCode: code, output: say(msg) });
