// Start-up. Slack-only start-up must not load the Teams adapter or Microsoft's SDK (about a second of
// imports): src/main.ts reaches src/msteams/* only through a dynamic import in its Teams branch.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageActivity, PEOPLE, startTeamsBot } from '../support/teamsBot.js';

/** Every module reachable from `entry` through static, non-type imports (relative files and packages). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else seen.add(`pkg:${spec}`);
    }
  };
  visit(resolve(entry));
  return seen;
}

const teamsModules = (graph: Set<string>) => [...graph].filter((f) => f.includes('/src/msteams/') || f.startsWith('pkg:@microsoft/'));

describe('start-up', () => {
  it('src/main.ts loads no Teams module and no @microsoft package statically', () => {
    expect(teamsModules(staticGraph('src/main.ts'))).toEqual([]);
  });

  it('the check sees a static import of the SDK (the Teams adapter itself)', () => {
    expect(teamsModules(staticGraph('src/msteams/app.ts'))).toContain('pkg:@microsoft/teams.apps');
  });
});

describe('listening', () => {
  it('two Teams bots asked for port 0 each listen on a free port of their own', async () => {
    const [one, two] = await Promise.all([startTeamsBot(), startTeamsBot()]);
    try {
      const ports = [one.url, two.url].map((u) => Number(new URL(u).port));
      expect(ports[0]).not.toBe(ports[1]);
      expect(ports).not.toContain(3978);
      for (const b of [one, two]) expect((await b.post(messageActivity(b, PEOPLE.req, 'help'))).status).toBe(200);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
