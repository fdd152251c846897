// `export sepa --execution-date … --debtor-iban … --debtor-name … [--debtor-bic …] [--out file] --by <userId>`.
// The XML is written to a temporary file inside the transaction that marks the payments exported;
// it gets its name after the commit, and is removed when anything fails before.
import { existsSync, writeFileSync } from 'node:fs';
import { exportSepaBatch, type SepaInputError, type SkipReason } from '../app/finance.js';
import type { Options } from './args.js';
import type { CommandContext } from './context.js';
import { placeAfterCommit, removeQuietly, tempPathFor } from './files.js';
import { done, refused, say, type CliResult } from './output.js';
import * as text from './texts.js';

const inputText = (e: SepaInputError): text.CliText => {
  switch (e.code) {
    case 'DEBTOR_IBAN':
      return text.debtorIbanInvalid;
    case 'DEBTOR_BIC':
      return text.debtorBicInvalid;
    case 'DEBTOR_NAME':
      return text.debtorNameInvalid;
    case 'EXECUTION_DATE_INVALID':
      return text.executionDateInvalid(e.text);
    case 'EXECUTION_DATE_PAST':
      return text.executionDatePast(e.date, e.today);
  }
};

const SKIPPED: Record<SkipReason, (ids: readonly number[]) => text.CliText> = {
  audit: text.skippedAudit,
  own: text.skippedOwn,
  amount: text.skippedAmount,
  iban: text.skippedIban,
  nonSepa: text.skippedNonSepa,
  name: text.skippedName,
};

export function exportSepaCommand(ctx: CommandContext, o: Options): CliResult {
  for (const name of ['execution-date', 'debtor-iban', 'debtor-name', 'by'] as const) {
    if (!o[name]) return refused(text.missingOption(name));
  }
  let out = o.out === undefined ? undefined : ctx.path(o.out);
  if (out !== undefined && existsSync(out)) return refused(text.fileExists(out));
  let tmp: string | undefined;
  try {
    const result = exportSepaBatch(
      { store: ctx.store, clock: { now: () => ctx.now } },
      { executionDate: o['execution-date']!, debtor: { name: o['debtor-name']!, iban: o['debtor-iban']!, bic: o['debtor-bic'] }, by: o.by! },
      (xml, batch) => {
        out ??= ctx.path(`sepa-${batch}.xml`);
        if (existsSync(out)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        tmp = tempPathFor(out);
        writeFileSync(tmp, xml, { encoding: 'utf8', flag: 'wx' });
      },
    );
    if (!result.ok) return refused(inputText(result.error));
    const v = result.value;
    const skipped = (Object.keys(SKIPPED) as SkipReason[]).flatMap((reason) => {
      const ids = v.skipped.filter((s) => s.reason === reason).map((s) => s.requestId);
      return ids.length > 0 ? [SKIPPED[reason](ids)] : [];
    });
    if (v.batch === null) return done(text.nothingToExport, ...skipped);
    const written = tmp!;
    tmp = undefined;
    const kept = placeAfterCommit(written, out!);
    if (kept) return { exitCode: 1, output: [kept.output, ...skipped.map(say)].join('\n') };
    return done(text.sepaWritten(out!, v.batch, v.count, v.totalCents), ...skipped, text.anchorAfter(v.anchor));
  } catch (e) {
    const file = out ?? ctx.path('sepa.xml');
    return (e as { code?: string }).code === 'EEXIST' ? refused(text.fileExists(file)) : refused(text.writeFailed(file), 1);
  } finally {
    if (tmp) removeQuietly(tmp);
  }
}
