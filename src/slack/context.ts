// What every Slack listener gets besides Bolt's own arguments.
import type { AppDeps } from '../app/deps.js';
import type { Log } from '../log.js';
import type { SlackDirectory } from './directory.js';

export interface SlackContext {
  deps: AppDeps;
  directory: SlackDirectory;
  log: Log;
  /** The last monthly digest as text, shown to managers on the App Home (null when there is none). */
  lastDigestText?: () => string | null;
}
