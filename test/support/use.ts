// One way to give a test file a running thing (a bot, a driver): `use(start)` registers the hooks
// that start it before each test (or once for the file) and close it after, and returns a handle
// that always points at the current one, so tests write `b.store` instead of copying hooks.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export interface Closable {
  close(): Promise<void>;
}

export interface UseOptions {
  /** 'each' (default): a fresh one per test, nothing leaks; 'file': one for the whole file. */
  scope?: 'each' | 'file';
}

export function use<T extends Closable>(start: () => Promise<T>, opts: UseOptions = {}): T {
  let current: T | undefined;
  const up = async () => {
    current = await start();
  };
  const down = async () => {
    const c = current;
    current = undefined;
    await c?.close();
  };
  if (opts.scope === 'file') {
    beforeAll(up);
    afterAll(down);
  } else {
    beforeEach(up);
    afterEach(down);
  }
  return new Proxy({} as T, {
    get(_, key) {
      if (!current) throw new Error(`use(): "${String(key)}" read outside a test (the fixture is not running)`);
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
    set(_, key, value) {
      if (!current) throw new Error('use(): written outside a test');
      return Reflect.set(current, key, value, current);
    },
  });
}
