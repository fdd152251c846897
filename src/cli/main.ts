// `npm run cli -- <command>`: parse, then run the command (each lives in its own file). Tests call
// runCli in-process; bin.ts is the process entry.
import { parseCommandLine } from './args.js';
import { refused, say, type CliResult } from './output.js';
import * as text from './texts.js';

import type { CliEnv } from './context.js';

export type { CliEnv };

export async function runCli(argv: readonly string[], env: CliEnv = {}, now: Date = new Date()): Promise<CliResult> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === 'help') return { exitCode: 0, output: say(text.usage) };
  if (parsed.kind === 'error') return parsed.showUsage ? { exitCode: 2, output: `${say(parsed.text)}\n\n${say(text.usage)}` } : refused(parsed.text, 2, text.seeHelp);
  // Loaded only for a real command: `help` and argument errors stay free of the database libraries.
  const { runCommand } = await import('./commands.js');
  return runCommand(parsed.command, parsed.options, env, now);
}
