// The App Home tab: the overview every platform shows, as Block Kit.
import type { Text } from '../../core/text.js';
import { SLACK_LIMITS } from '../render.js';
import { header, textBlocks } from './text.js';

export function homeView(overview: Text): object {
  return { type: 'home', blocks: [header('Minimaatwerkbudget'), ...textBlocks(overview)].slice(0, SLACK_LIMITS.homeBlocks) };
}
