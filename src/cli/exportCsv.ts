// `export csv --month 2026-10 [--out file] --by <userId>`: the month's register for Dutch Excel.
import { renameSync, writeFileSync } from 'node:fs';
import { exportRegister } from '../app/finance.js';
import { cli } from '../core/messages.js';
import { registerCsv } from '../core/register.js';
import { monthLabelEn, monthLabelNl } from '../core/time.js';
import type { Store } from '../store/db.js';
import { removeQuietly, tempPathFor } from './files.js';
import { done, refused, type CliResult } from './output.js';

export function exportCsvCommand(store: Store, opts: { month?: string | undefined; out?: string | undefined; by?: string | undefined }, now: Date): CliResult {
  if (!opts.month) return refused(cli.missingOption('month'));
  if (!opts.by?.trim()) return refused(cli.missingOption('by'));
  const out = opts.out ?? `register-${opts.month.trim()}.csv`;
  const tmp = tempPathFor(out);
  let written = false;
  try {
    const result = exportRegister({ store, clock: { now: () => now } }, { month: opts.month, by: opts.by.trim() }, (rows) => {
      writeFileSync(tmp, registerCsv(rows), { encoding: 'utf8', flag: 'wx' });
      written = true;
    });
    if (!result.ok) return refused(result.error);
    renameSync(tmp, out);
    written = false;
    return done(cli.registerWritten(out, result.value.count, monthLabelNl(result.value.month), monthLabelEn(result.value.month)));
  } catch {
    return refused(cli.writeFailed(out), 1);
  } finally {
    if (written) removeQuietly(tmp);
  }
}
