// Prepared statements for the hot paths (every reaction event): built once per connection, then
// only bound and run. Building a drizzle query and preparing its SQL costs far more than running it.
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
