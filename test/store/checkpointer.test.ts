// The checkpointer thread: the bot's connection no longer checkpoints in its commits; the worker
// copies the WAL back into the database file. A real SQLite file with the real migrations.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/store/checkpointer.js';
import { openStore, type Store } from '../../src/store/db.js';
import { claimEvent } from '../../src/store/events.js';
import { waitUntil } from '../support/wait.js';

let dir: string;
let path: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mmw-ckpt-'));
  path = join(dir, 'db.sqlite');
  store = openStore(path);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const writeEvents = (from: number, n: number) => {
  for (let i = from; i < from + n; i++) store.tx((tx) => claimEvent(tx, `ev-${i}-${'x'.repeat(200)}`, new Date()));
};

it('moves WAL checkpoints to the worker, and hands them back when it stops', async () => {
  writeEvents(0, 10);
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const before = statSync(path).size;
  const checkpointer = startCheckpointer(store, path, { everyMs: 50 });
  expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

  // ~3,000 pages of WAL: the connection itself would have checkpointed 3 times on the way.
  writeEvents(10, 3000);
  await waitUntil(() => statSync(path).size > before + 1_000_000, 10_000);
  expect(store.sqlite.prepare(`SELECT count(*) FROM processed_events`).pluck().get()).toBe(3010);

  await checkpointer.stop();
  expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
});

it('leaves an in-memory database alone', async () => {
  const mem = openStore(':memory:');
  const checkpointer = startCheckpointer(mem, ':memory:');
  expect(mem.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  await checkpointer.stop();
  mem.close();
});
