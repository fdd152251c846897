// Opening the SQLite file: pragmas, migrations, and the one way to run a transaction.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { caseRefKey } from '../core/requestForm.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction or the database itself: queries take either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Store {
  db: Db;
  sqlite: Database.Database;
  /** Run `fn` as one IMMEDIATE transaction: all of it is stored, or nothing. */
  tx<T>(fn: (tx: Tx) => T): T;
  /**
   * Group commit: like `tx`, but transactions asked for in the same turn of the event loop share
   * one commit; the promises settle after it. Each is still all-or-nothing: when one throws, the
   * whole batch is rolled back and each runs again in a transaction of its own. So `fn` must not
   * touch anything but the database (it may run twice).
   */
  groupTx<T>(fn: (tx: Tx) => T): Promise<T>;
  close(): void;
}

interface Pending {
  fn: (tx: Tx) => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** The group commit of `Store.groupTx`: queue, then one IMMEDIATE transaction per turn. */
function groupCommit(db: Db, sqlite: Database.Database): Store['groupTx'] {
  let queue: Pending[] = [];
  const run = (p: Pending) => {
    const value = p.fn(db);
    if (typeof (value as { then?: unknown } | null)?.then === 'function') throw new TypeError('groupTx: the function must not be async (a transaction cannot span an await)');
    return value;
  };
  // better-sqlite3's transaction wrappers, made once.
  const one = sqlite.transaction(run);
  const all = sqlite.transaction((batch: Pending[]) => batch.map(run));
  const alone = (p: Pending) => {
    try {
      p.resolve(one.immediate(p));
    } catch (error) {
      p.reject(error);
    }
  };
  const flush = () => {
    const batch = queue;
    queue = [];
    let values: unknown[];
    try {
      values = all.immediate(batch);
    } catch (error) {
      // Nothing of the batch is stored: one threw, or the commit failed. Each on its own, so the
      // others still land and the one that fails gets its own error.
      if (batch.length === 1) (batch[0] as Pending).reject(error);
      else batch.forEach(alone);
      return;
    }
    batch.forEach((p, i) => p.resolve(values[i]));
  };
  return <T>(fn: (tx: Tx) => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
    });
}

/** drizzle/ at the project root, seen from src/store/ (tsx, tests) or from dist/ (the built bundle). */
export const MIGRATIONS_FOLDER = ['../../drizzle', '../drizzle']
  .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
  .find((dir) => existsSync(join(dir, 'meta', '_journal.json'))) ?? fileURLToPath(new URL('../../drizzle', import.meta.url));

export function openStore(path: string, options: { migrate?: boolean } = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The household cap compares case references by key (requests.ts, budgetUsage).
  sqlite.function('case_ref_key', { deterministic: true }, (ref: unknown) => (typeof ref === 'string' ? caseRefKey(ref) : null));
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    sqlite,
    // Queries inside run on the same connection (better-sqlite3 is synchronous), so they get the root
    // handle: its prepared statements (store/prepared.ts) are reused across transactions.
    tx: <T>(fn: (tx: Tx) => T): T => db.transaction(() => fn(db), { behavior: 'immediate' }),
    groupTx: groupCommit(db, sqlite),
    close: () => sqlite.close(),
  };
}
