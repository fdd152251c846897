// The command line: which commands exist, which options each takes, and one clear error for
// anything else (the unknown option by name, a value that is missing, an option given twice).
import { parseArgs } from 'node:util';
import * as text from './texts.js';
import type { CliText } from './texts.js';

/** Every option of every command (all take a value, except --help). */
const VALUE_OPTIONS = [
  'db', 'month', 'out', 'by', 'execution-date', 'debtor-iban', 'debtor-name', 'debtor-bic', 'request', 'before', 'anchor', 'months',
  'category', 'theme', 'team', 'id', 'to', 'with', 'date', 'owner', 'text', 'reason', 'outcome', 'cents', 'source',
] as const;
export type OptionName = (typeof VALUE_OPTIONS)[number];

export const COMMANDS = {
  init: [],
  demo: ['months'],
  'export csv': ['month', 'out', 'by'],
  'export sepa': ['execution-date', 'debtor-iban', 'debtor-name', 'debtor-bic', 'out', 'by'],
  'mark-paid': ['request', 'by'],
  digest: ['month'],
  'audit verify': ['anchor'],
  'audit head': [],
  purge: ['before', 'by'],
  backup: ['out'],
  'signal list': [],
  'signal new': ['category', 'theme', 'team', 'by'],
  'signal move': ['id', 'to', 'with', 'date', 'owner', 'text', 'reason', 'by'],
  'unit-cost list': [],
  'unit-cost set': ['outcome', 'cents', 'source', 'by'],
} as const satisfies Record<string, readonly OptionName[]>;
export type CommandName = keyof typeof COMMANDS;

export type Options = Partial<Record<OptionName, string>>;

export type Parsed =
  | { kind: 'help' }
  | { kind: 'error'; text: CliText; showUsage: boolean }
  | { kind: 'run'; command: CommandName; options: Options };

const GROUPS: Record<string, CliText> = { export: text.whichExport, audit: text.whichAudit, signal: text.whichSignal, 'unit-cost': text.whichUnitCost };
const isValueOption = (name: string): name is OptionName => (VALUE_OPTIONS as readonly string[]).includes(name);

export function parseCommandLine(argv: readonly string[]): Parsed {
  // Tokens only: node's own strict mode names neither the option nor the command it does not fit.
  const { tokens } = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: false, tokens: true });
  const words: string[] = [];
  const given: { raw: string; name: string; value: string | undefined }[] = [];
  let help = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.kind === 'positional') words.push(tok.value);
    if (tok.kind !== 'option') continue;
    if (tok.name === 'help') {
      help = true;
      continue;
    }
    if (!isValueOption(tok.name)) return { kind: 'error', text: text.unknownOption(tok.rawName), showUsage: false };
    let value = tok.value;
    if (value === undefined) {
      // "--month 2026-10": the value is the next word, unless that is another option.
      const next = tokens[i + 1];
      if (next?.kind === 'positional') {
        value = next.value;
        i++;
      }
    }
    given.push({ raw: tok.rawName, name: tok.name, value });
  }
  if (help || words.length === 0 || words[0] === 'help') return { kind: 'help' };

  const [first = '', second] = words;
  let command: CommandName;
  let rest: string[];
  if (Object.hasOwn(GROUPS, first)) {
    const key = `${first} ${second ?? ''}`;
    if (second === undefined) return { kind: 'error', text: GROUPS[first]!, showUsage: false };
    if (!Object.hasOwn(COMMANDS, key)) return { kind: 'error', text: text.unknownCommand(key), showUsage: true };
    command = key as CommandName;
    rest = words.slice(2);
  } else {
    if (!Object.hasOwn(COMMANDS, first) || first.includes(' ')) return { kind: 'error', text: text.unknownCommand(first), showUsage: true };
    command = first as CommandName;
    rest = words.slice(1);
  }
  if (rest.length > 0) return { kind: 'error', text: text.unexpectedArgument(rest[0]!), showUsage: false };

  const allowed: readonly string[] = ['db', ...COMMANDS[command]];
  const options: Options = {};
  for (const g of given) {
    if (!allowed.includes(g.name)) return { kind: 'error', text: text.optionNotFor(g.raw, command), showUsage: false };
    if (g.value === undefined || g.value.trim() === '') return { kind: 'error', text: text.optionNeedsValue(g.name), showUsage: false };
    if (options[g.name as OptionName] !== undefined) return { kind: 'error', text: text.optionTwice(g.name), showUsage: false };
    options[g.name as OptionName] = g.value.trim();
  }
  return { kind: 'run', command, options };
}
