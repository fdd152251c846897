// Files the CLI writes appear whole or not at all: written under a temporary name, then moved.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A temporary name in the same directory (so the final rename is atomic). */
export function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export function removeQuietly(file: string): void {
  rmSync(file, { force: true });
}
