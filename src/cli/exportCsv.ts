// `export csv --month 2026-10 [--out file] --by <userId>`: the month's register for Dutch Excel.
// A register lists, it moves no money: finance may export months with payments they approved.
import { existsSync, writeFileSync } from 'node:fs';
import { exportRegister, type MonthError } from '../app/finance.js';
import { registerCsv } from '../core/register.js';
import { monthLabelEn, monthLabelNl } from '../core/time.js';
import type { Options } from './args.js';
import type { CommandContext } from './context.js';
import { placeAfterCommit, removeQuietly, tempPathFor } from './files.js';
import { done, refused, type CliResult } from './output.js';
import * as text from './texts.js';

export const monthText = (e: MonthError): text.CliText =>
  e.code === 'MONTH_INVALID' ? text.monthInvalid(e.text) : text.monthFuture(monthLabelNl(e.month), monthLabelEn(e.month));

export function exportCsvCommand(ctx: CommandContext, o: Options): CliResult {
  if (!o.month) return refused(text.missingOption('month'));
  if (!o.by) return refused(text.missingOption('by'));
  const out = ctx.path(o.out ?? `register-${o.month}.csv`);
  let tmp: string | undefined;
  try {
    const result = exportRegister({ store: ctx.store, clock: { now: () => ctx.now } }, { month: o.month, by: o.by }, (rows) => {
      if (existsSync(out)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      tmp = tempPathFor(out);
      writeFileSync(tmp, registerCsv(rows), { encoding: 'utf8', flag: 'wx' });
    });
    if (!result.ok) return refused(monthText(result.error));
    const { month, count } = result.value;
    if (count === 0) return done(text.monthEmpty(monthLabelNl(month), monthLabelEn(month)));
    const written = tmp!;
    tmp = undefined;
    return placeAfterCommit(written, out) ?? done(text.registerWritten(out, count, monthLabelNl(month), monthLabelEn(month)));
  } catch (e) {
    return (e as { code?: string }).code === 'EEXIST' ? refused(text.fileExists(out)) : refused(text.writeFailed(out), 1);
  } finally {
    if (tmp) removeQuietly(tmp);
  }
}
