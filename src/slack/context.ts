// What every Slack listener gets besides Bolt's own arguments.
import type { AppDeps } from '../app/deps.js';
import type { Log } from '../log.js';
import type { SlackDirectory } from './directory.js';

export interface SlackContext {
  deps: AppDeps;
  directory: SlackDirectory;
  log: Log;
}
