// `demo [--months 12]`: fill the practice team with a realistic stretch of requests, through the use
// cases (audit rows and all), so the digest, the exports and every command can be tried at once.
// Into the practice database unless --db names another: fake payments never mix with real ones.
import { seedDemo } from '../app/demo.js';
import { openStore } from '../store/db.js';
import type { Options } from './args.js';
import { done, refused, type CliResult } from './output.js';
import * as text from './texts.js';

export async function demoCommand(dbPath: string, o: Options, now: Date): Promise<CliResult> {
  const months = o.months === undefined ? 12 : Number(o.months);
  if (!Number.isInteger(months) || months < 1 || months > 36) return refused(text.demoMonthsInvalid(o.months ?? ''));
  let store;
  try {
    store = openStore(dbPath);
  } catch {
    return refused(text.writeFailed(dbPath), 1);
  }
  try {
    const r = await seedDemo({ store }, { months, now });
    return r.seeded ? done(text.demoDone(dbPath, r.requests, months, r.exported, r.paid)) : done(text.demoAlready(dbPath));
  } finally {
    store.close();
  }
}
