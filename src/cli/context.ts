// What the CLI's commands share: the environment it reads, and what every command gets.
import type { Store } from '../store/db.js';

/** The environment the CLI reads: DATABASE_URL, FINANCE_USER_IDS, ADMIN_USER_IDS, INIT_CWD. */
export type CliEnv = Record<string, string | undefined>;

/** What every command gets: the open database, the time, and paths from the caller's directory. */
export interface CommandContext {
  store: Store;
  now: Date;
  path(file: string): string;
}
