// Running one parsed command: where the database is, who may act (--by), and the command itself.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDatabaseUrl, loadDutyLists, PRACTICE_DATABASE_URL } from '../config.js';
import { openStore } from '../store/db.js';
import type { CommandName, Options } from './args.js';
import type { CliEnv, CommandContext } from './context.js';
import { auditHeadCommand, auditVerifyCommand } from './audit.js';
import { backupCommand } from './backup.js';
import { demoCommand } from './demo.js';
import { digestCommand } from './digest.js';
import { exportCsvCommand } from './exportCsv.js';
import { exportSepaCommand } from './exportSepa.js';
import { fromCaller } from './files.js';
import { initCommand } from './init.js';
import { markPaidCommand } from './markPaid.js';
import { refused, say, type CliResult } from './output.js';
import { purgeCommand } from './purge.js';
import { signalListCommand, signalMoveCommand, signalNewCommand } from './signal.js';
import { unitCostListCommand, unitCostSetCommand } from './unitCost.js';
import * as text from './texts.js';

type Duty = 'finance' | 'admin';
const DUTY: Partial<Record<CommandName, Duty>> = {
  'export csv': 'finance',
  'export sepa': 'finance',
  'mark-paid': 'finance',
  purge: 'admin',
  'signal new': 'admin',
  'signal move': 'admin',
  'unit-cost set': 'admin',
};

/** How a refusal of an admin duty names what only admins may do. */
const ADMIN_WHAT: Partial<Record<CommandName, 'purge' | 'signals' | 'unitCost'>> = { 'signal new': 'signals', 'signal move': 'signals', 'unit-cost set': 'unitCost' };

/**
 * `--by` names who acts. When the setting for that duty lists user ids, only they may; when it is
 * empty the CLI cannot check and says so under the result.
 */
function checkBy(command: CommandName, by: string | undefined, env: CliEnv): { refusal: CliResult | null; note: text.CliText | null } {
  const duty = DUTY[command];
  if (!duty) return { refusal: null, note: null };
  if (!by) return { refusal: refused(text.missingOption('by')), note: null };
  const lists = loadDutyLists(env);
  const list = duty === 'finance' ? lists.financeUserIds : lists.adminUserIds;
  if (list.length === 0) return { refusal: null, note: text.byUnchecked(duty === 'finance' ? 'FINANCE_USER_IDS' : 'ADMIN_USER_IDS') };
  if (!list.includes(by)) return { refusal: refused(duty === 'finance' ? text.notFinance(by) : text.notAdmin(by, ADMIN_WHAT[command])), note: null };
  return { refusal: null, note: null };
}

export async function runCommand(command: CommandName, o: Options, env: CliEnv, now: Date): Promise<CliResult> {
  const path = (file: string) => fromCaller(env, file);
  // --db is typed by the caller; DATABASE_URL comes from .env in the project, like the bot reads it.
  const dbPath = o.db ? path(o.db) : resolve(loadDatabaseUrl(env));
  if (command === 'init') return initCommand(dbPath);
  if (command === 'demo') return demoCommand(o.db ? dbPath : resolve(PRACTICE_DATABASE_URL), o, now);
  if (!existsSync(dbPath)) return refused(text.dbMissing(dbPath));
  if (command === 'backup') return backupCommand(dbPath, path(o.out ?? defaultBackupName(now)));

  const duty = checkBy(command, o.by, env);
  if (duty.refusal) return duty.refusal;
  const store = openStore(dbPath);
  const ctx: CommandContext = { store, now, path };
  let result: CliResult;
  try {
    result = run(command, ctx, o);
  } finally {
    store.close();
  }
  return duty.note && result.exitCode === 0 ? { ...result, output: `${result.output}\n${say(duty.note)}` } : result;
}

function run(command: Exclude<CommandName, 'init' | 'backup' | 'demo'>, ctx: CommandContext, o: Options): CliResult {
  switch (command) {
    case 'export csv':
      return exportCsvCommand(ctx, o);
    case 'export sepa':
      return exportSepaCommand(ctx, o);
    case 'mark-paid':
      return markPaidCommand(ctx, o);
    case 'digest':
      return digestCommand(ctx, o);
    case 'audit verify':
      return auditVerifyCommand(ctx, o);
    case 'audit head':
      return auditHeadCommand(ctx);
    case 'purge':
      return purgeCommand(ctx, o);
    case 'signal list':
      return signalListCommand(ctx);
    case 'signal new':
      return signalNewCommand(ctx, o);
    case 'signal move':
      return signalMoveCommand(ctx, o);
    case 'unit-cost list':
      return unitCostListCommand(ctx);
    case 'unit-cost set':
      return unitCostSetCommand(ctx, o);
  }
}

/** minimaatwerk-backup-2026-11-10-0900.db (Amsterdam time): a second backup that day gets its own name. */
function defaultBackupName(now: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((x) => [x.type, x.value]),
  );
  return `minimaatwerk-backup-${p.year}-${p.month}-${p.day}-${p.hour}${p.minute}.db`;
}
