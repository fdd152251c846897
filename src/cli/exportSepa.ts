// `export sepa --execution-date … --debtor-iban … --debtor-name … [--debtor-bic …] [--out file] --by <userId>`.
// The XML is written to a temporary file inside the transaction that marks the payments exported;
// it is moved into place after the commit, and removed when anything fails.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { exportSepaBatch } from '../app/finance.js';
import { cli } from '../core/messages.js';
import type { Store } from '../store/db.js';
import { removeQuietly, tempPathFor } from './files.js';
import { done, refused, type CliResult } from './output.js';

export interface ExportSepaOptions {
  executionDate?: string | undefined;
  debtorIban?: string | undefined;
  debtorName?: string | undefined;
  debtorBic?: string | undefined;
  out?: string | undefined;
  by?: string | undefined;
}

export function exportSepaCommand(store: Store, opts: ExportSepaOptions, now: Date): CliResult {
  for (const [name, value] of [
    ['execution-date', opts.executionDate],
    ['debtor-iban', opts.debtorIban],
    ['debtor-name', opts.debtorName],
    ['by', opts.by?.trim()],
  ] as const) {
    if (!value) return refused(cli.missingOption(name));
  }
  if (opts.out !== undefined && existsSync(opts.out)) return refused(cli.fileExists(opts.out));
  let tmp: string | undefined;
  let out = opts.out;
  try {
    const result = exportSepaBatch(
      { store, clock: { now: () => now } },
      {
        executionDate: opts.executionDate!,
        debtor: { name: opts.debtorName!, iban: opts.debtorIban!, bic: opts.debtorBic },
        by: opts.by!.trim(),
      },
      (xml, batch) => {
        out ??= `sepa-${batch}.xml`;
        if (existsSync(out)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
        tmp = tempPathFor(out);
        writeFileSync(tmp, xml, { encoding: 'utf8', flag: 'wx' });
      },
    );
    if (!result.ok) return refused(result.error);
    const v = result.value;
    const skipped = v.skipped.length > 0 ? [cli.skippedOwnApproval(v.skipped)] : [];
    if (v.batch === null) return done(cli.nothingToExport, ...skipped);
    renameSync(tmp!, out!);
    tmp = undefined;
    return done(cli.sepaWritten(out!, v.batch, v.count, v.totalCents), ...skipped);
  } catch (e) {
    const file = out ?? 'sepa.xml';
    return (e as { code?: string }).code === 'EEXIST' ? refused(cli.fileExists(file)) : refused(cli.writeFailed(file), 1);
  } finally {
    if (tmp) removeQuietly(tmp);
  }
}
