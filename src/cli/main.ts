// `npm run cli -- <command>`: parses arguments and dispatches; each command lives in its own file.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cli } from '../core/messages.js';
import { openStore } from '../store/db.js';
import { auditVerifyCommand } from './auditVerify.js';
import { backupCommand } from './backup.js';
import { digestCommand } from './digest.js';
import { loadDatabaseUrl } from '../config.js';
import { exportCsvCommand } from './exportCsv.js';
import { exportSepaCommand } from './exportSepa.js';
import { markPaidCommand } from './markPaid.js';
import { refused, say, type CliResult } from './output.js';
import { purgeCommand } from './purge.js';

const OPTIONS = {
  db: { type: 'string' },
  month: { type: 'string' },
  out: { type: 'string' },
  by: { type: 'string' },
  'execution-date': { type: 'string' },
  'debtor-iban': { type: 'string' },
  'debtor-name': { type: 'string' },
  'debtor-bic': { type: 'string' },
  request: { type: 'string' },
  before: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const usage = (extra?: CliResult): CliResult => ({
  exitCode: 2,
  output: [extra?.output, say(cli.usage)].filter(Boolean).join('\n\n'),
});

export async function runCli(argv: readonly string[], env: Record<string, string | undefined> = {}, now: Date = new Date()): Promise<CliResult> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usage(refused(cli.badOptions((e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'onbekende optie / unknown option' : 'zie gebruik / see usage')));
  }
  const { values: o, positionals: [command, sub] } = parsed;
  if (!command || command === 'help' || o.help) return usage();
  const key = command === 'export' || command === 'audit' ? `${command} ${sub ?? ''}` : command;
  const known = ['export csv', 'export sepa', 'mark-paid', 'digest', 'audit verify', 'purge', 'backup'];
  if (!known.includes(key)) return usage(refused(cli.unknownCommand(key.trim())));

  const dbPath = resolve(o.db ?? loadDatabaseUrl(env));
  if (!existsSync(dbPath)) return refused(cli.dbMissing(dbPath));
  if (key === 'backup') return backupCommand(dbPath, sub);

  const store = openStore(dbPath);
  try {
    switch (key) {
      case 'export csv':
        return exportCsvCommand(store, { month: o.month, out: o.out, by: o.by }, now);
      case 'export sepa':
        return exportSepaCommand(
          store,
          { executionDate: o['execution-date'], debtorIban: o['debtor-iban'], debtorName: o['debtor-name'], debtorBic: o['debtor-bic'], out: o.out, by: o.by },
          now,
        );
      case 'mark-paid':
        return markPaidCommand(store, { request: o.request, by: o.by }, now);
      case 'digest': {
        const res = digestCommand(store, { month: o.month }, now);
        return { exitCode: res.exitCode, output: res.output.trimEnd() };
      }
      case 'audit verify':
        return auditVerifyCommand(store);
      case 'purge':
        return purgeCommand(store, { before: o.before, by: o.by }, now);
      default:
        return usage();
    }
  } finally {
    store.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  runCli(process.argv.slice(2), process.env).then(
    (r) => {
      (r.exitCode === 0 ? process.stdout : process.stderr).write(`${r.output}\n`);
      process.exitCode = r.exitCode;
    },
    (e: unknown) => {
      process.stderr.write(`minimaatwerk cli: unexpected error (${(e as { name?: string }).name ?? 'Error'})\n`);
      process.exitCode = 1;
    },
  );
}
