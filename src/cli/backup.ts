// `backup [--out file]`: a consistent copy of the live database (SQLite online backup API, safe while the
// bot writes in WAL mode). Never overwrites a file; the copy is checked before it gets its name.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { publish, removeQuietly, tempPathFor } from './files.js';
import { done, refused, type CliResult } from './output.js';
import * as text from './texts.js';

function humanSize(bytes: number): string {
  const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nl.format(bytes / 1024)} kB`;
  return `${nl.format(bytes / (1024 * 1024))} MB`;
}

export async function backupCommand(dbPath: string, file: string): Promise<CliResult> {
  if (existsSync(file)) return refused(text.fileExists(file));
  const tmp = tempPathFor(file);
  const source = new Database(dbPath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // All pages in one step: a step-wise copy restarts whenever the bot commits in between (and may
    // never finish under steady writes). One step holds a WAL read snapshot only; writers go on.
    await source.backup(tmp, { progress: () => 0x7fffffff });
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error('backup failed integrity_check');
    } finally {
      copy.close();
    }
    if (publish(tmp, file) === 'exists') return refused(text.fileExists(file));
    return done(text.backupDone(file, humanSize(statSync(file).size)));
  } catch {
    return refused(text.writeFailed(file), 1);
  } finally {
    source.close();
    removeQuietly(tmp);
  }
}
