// Opening the SQLite file: pragmas, migrations, and the one way to run a transaction.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;
/** A transaction or the database itself: queries take either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Store {
  db: Db;
  sqlite: Database.Database;
  /** Run `fn` as one IMMEDIATE transaction: all of it is stored, or nothing. */
  tx<T>(fn: (tx: Tx) => T): T;
  close(): void;
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
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    sqlite,
    // Queries inside run on the same connection (better-sqlite3 is synchronous), so they get the root
    // handle: its prepared statements (store/prepared.ts) are reused across transactions.
    tx: <T>(fn: (tx: Tx) => T): T => db.transaction(() => fn(db), { behavior: 'immediate' }),
    close: () => sqlite.close(),
  };
}
