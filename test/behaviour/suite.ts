// The behaviour suite: every user action, its refusals and its texts, written once against the
// Driver interface and run on each platform by its entry file (slack.test.ts, teams.test.ts).
import { describe } from 'vitest';
import type { Driver, PlatformName } from '../support/drivers/driver.js';
import { use } from '../support/use.js';
import { admin } from './admin.js';
import { changes } from './changes.js';
import { filing } from './filing.js';
import { people } from './people.js';
import { votes } from './votes.js';

export function behaviour(platform: PlatformName, start: () => Promise<Driver>): void {
  describe(platform, () => {
    // A fresh bot, database and API double per test: nothing one test does is seen by the next.
    const d = use(start);
    filing(d);
    votes(d);
    changes(d);
    admin(d);
    people(d);
  });
}
