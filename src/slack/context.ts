// What every Slack listener gets besides Bolt's own arguments: the use cases' context (with Slack's
// directory) and the log.
import type { Ctx } from '../app/deps.js';
import type { Log } from '../log.js';
import type { SlackDirectory } from './directory.js';

export interface SlackContext {
  ctx: Ctx & { directory: SlackDirectory };
  log: Log;
}
