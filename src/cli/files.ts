// Files the CLI writes appear whole or not at all, and never over an existing file: written under a
// temporary name in the same directory, then linked to their name (which fails if it exists).
import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, linkSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { refused, type CliResult } from './output.js';
import { keptUnder } from './texts.js';

/** A temporary name in the same directory (so the final step stays on one file system). */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export function removeQuietly(file: string): void {
  rmSync(file, { force: true });
}

/**
 * Give the finished temporary file its name, never replacing a file: 'exists' when `file` is
 * there already (the temporary file is then kept). Where hard links are not supported (some
 * network shares) an exclusive copy is made instead.
 */
export function publish(tmp: string, file: string): 'done' | 'exists' {
  try {
    linkSync(tmp, file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST') return 'exists';
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    try {
      copyFileSync(tmp, file, constants.COPYFILE_EXCL);
    } catch (e2) {
      if ((e2 as { code?: string }).code === 'EEXIST') return 'exists';
      throw e2;
    }
  }
  removeQuietly(tmp);
  return 'done';
}

/**
 * After the commit that recorded the export, the file must not be lost: when it cannot get its
 * name (taken meanwhile, or any error), it stays under its temporary name and the result says so.
 */
export function placeAfterCommit(tmp: string, file: string): CliResult | null {
  try {
    if (publish(tmp, file) === 'done') return null;
  } catch {
    // kept under the temporary name
  }
  return refused(keptUnder(file, tmp), 1);
}

/**
 * A path the user typed, from the directory they typed it in: `npm run` starts in the project
 * root and keeps the caller's directory in INIT_CWD.
 */
export function fromCaller(env: Record<string, string | undefined>, path: string): string {
  return isAbsolute(path) ? path : resolve(env.INIT_CWD || process.cwd(), path);
}
