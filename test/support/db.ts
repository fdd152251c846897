// A database file for a test bot: a copy of one made by the real migrations once per test process
// (migrating takes ~30 ms; a copy ~3 ms). `openStore` still runs the migrator on it, which finds
// nothing left to do.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../src/store/db.js';

let template: string | undefined;

/**
 * A fresh temporary folder for a test's database: in memory (tmpfs) where the machine has one, so
 * commits, checkpoints and clean-up do not wait for the disk; the files are real SQLite files.
 */
export function testDir(prefix = 'mmw-'): string {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtempSync(join(base, prefix));
}

function migratedTemplate(): string {
  if (template) return template;
  const dir = testDir('mmw-template-');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'template.db');
  const store = openStore(path);
  // Everything into the main file, so a copy of that file alone is the whole database.
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  template = path;
  return path;
}

/** Open the store at `path`; a new file starts as a copy of the migrated template. */
export function openTestStore(path: string): Store {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(migratedTemplate(), path);
  }
  return openStore(path);
}

export interface TestStore {
  readonly store: Store;
  /** The test's own folder (deleted after it). */
  readonly dir: string;
  /** The database file in it. */
  readonly path: string;
}

/** A fresh migrated database in a folder of its own for every test of the calling file or block. */
export function useTestStore(prefix = 'mmw-'): TestStore {
  let current: TestStore | undefined;
  beforeEach(() => {
    const dir = testDir(prefix);
    const path = join(dir, 'test.db');
    current = { dir, path, store: openTestStore(path) };
  });
  afterEach(() => {
    current?.store.close();
    if (current) rmSync(current.dir, { recursive: true, force: true });
    current = undefined;
  });
  const now = (): TestStore => {
    if (!current) throw new Error('useTestStore: only inside a test');
    return current;
  };
  return {
    get store() {
      return now().store;
    },
    get dir() {
      return now().dir;
    },
    get path() {
      return now().path;
    },
  };
}
