// Prepared statements for the hot paths (every reaction event, every outbox step): built once per
// connection, then only bound and run. Building a drizzle query and preparing its SQL costs far
// more than running it.
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { Tx } from './db.js';

const caches = new WeakMap<object, Map<string, unknown>>();

/** The statement `build` makes on this database handle, made on first use and kept. */
export function prepared<T>(tx: Tx, key: string, build: (tx: Tx) => T): T {
  let cache = caches.get(tx);
  if (!cache) caches.set(tx, (cache = new Map()));
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) cache.set(key, (statement = build(tx)));
  return statement;
}

/** The SQLite connection under a drizzle handle (transactions run on the root handle, see db.ts). */
export function sqliteOf(tx: Tx): Database.Database {
  const client = (tx as { $client?: Database.Database }).$client;
  if (!client) throw new Error('sqliteOf: not a better-sqlite3 drizzle handle');
  return client;
}

/** A plain SQL statement on this handle's connection, prepared on first use and kept. */
export function statement(tx: Tx, sql: string): Database.Statement {
  return prepared(tx, sql, (t) => sqliteOf(t).prepare(sql));
}

/**
 * Read rows of `table` with plain SQL and map them the way drizzle does (column names to keys,
 * integers to Dates and booleans): `SELECT * FROM <table> WHERE …`, prepared once.
 */
export function selectRows<T extends Table>(tx: Tx, table: T, where: string): { get(...params: unknown[]): T['$inferSelect'] | undefined } {
  return prepared(tx, `rows:${getTableName(table)}:${where}`, (t) => {
    const st = sqliteOf(t).prepare(`SELECT * FROM ${getTableName(table)} WHERE ${where}`);
    const columns = Object.entries(getTableColumns(table)).map(([key, col]) => [key, col.name, col] as const);
    const map = (raw: Record<string, unknown>) => {
      const row: Record<string, unknown> = {};
      for (const [key, name, col] of columns) {
        const v = raw[name];
        row[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
      }
      return row as T['$inferSelect'];
    };
    return {
      get: (...params: unknown[]) => {
        const raw = st.get(...params) as Record<string, unknown> | undefined;
        return raw === undefined ? undefined : map(raw);
      },
    };
  });
}
