// `init`: create the database (or bring an existing one up to date) without starting the bot, so
// every other command works before a chat platform is connected.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, openStore } from '../store/db.js';
import { done, refused, type CliResult } from './output.js';
import * as text from './texts.js';

export function initCommand(dbPath: string): CliResult {
  const existed = existsSync(dbPath);
  let store;
  try {
    store = openStore(dbPath);
  } catch {
    return refused(text.writeFailed(dbPath), 1);
  }
  store.close();
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return done(text.initDone(dbPath, !existed, journal.entries.length));
}
