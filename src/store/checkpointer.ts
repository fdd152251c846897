// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit that
// crosses 1000 WAL pages, on the bot's one thread: it copies the pages back and fsyncs twice, and
// every request waiting meanwhile waits for the disk. Here a worker thread with its own connection
// runs a PASSIVE checkpoint (it never blocks writers) every `everyMs`; the bot's connection stops
// checkpointing itself. If the worker dies, the connection goes back to automatic checkpoints.
// Every 5 s, not every second: a checkpoint's fsyncs make the bot's own WAL writes wait on the
// filesystem journal (measured: group commits of 5–26 ms near a checkpoint against ~1 ms otherwise,
// the p99 of reactions at 200/s). Under the heaviest load the WAL then holds ~5 s of writes.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Store } from './db.js';

/** The worker's code (CommonJS, run with `eval`: nothing to bundle or find on disk). */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { parentPort.postMessage({ error: String(e && e.code || e) }); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); try { db.pragma('wal_checkpoint(PASSIVE)'); } finally { db.close(); process.exit(0); } });
`;

const CHECKPOINT_EVERY_MS = 5000;

export interface Checkpointer {
  /** One last checkpoint, then the worker ends. */
  stop(): Promise<void>;
}

export function startCheckpointer(store: Store, path: string, opts: { everyMs?: number; onError?: (code: string) => void } = {}): Checkpointer {
  if (path === ':memory:') return { stop: async () => undefined };
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { path, driver, everyMs: opts.everyMs ?? CHECKPOINT_EVERY_MS },
    // It only runs one pragma: keep its heap small.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
  });
  worker.unref();
  store.sqlite.pragma('wal_autocheckpoint = 0');
  const fallBack = () => {
    if (store.sqlite.open) store.sqlite.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', (m: { error?: string }) => m.error && opts.onError?.(m.error));
  worker.on('error', (e) => {
    opts.onError?.(String((e as { code?: string }).code ?? e.name));
    fallBack();
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('exit', fallBack);
  return {
    async stop() {
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    },
  };
}
