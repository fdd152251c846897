// docs/security.md stays true to the tests: every test it names as proof exists, by file and name
// (a name shortened with "…" must match up to there). A behaviour-suite file (test/behaviour/*.ts)
// counts: its tests run on both platforms through test/behaviour/slack.test.ts and teams.test.ts. Tests marked "pending merge" are not checked.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const DOC = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');

/** [file, test name or null] for every proof the threat table names. */
function proofs(): [string, string | null][] {
  const out: [string, string | null][] = [];
  for (const row of DOC.split('\n').filter((l) => l.startsWith('| ') && l.includes('test/'))) {
    const cell = row.split(' | ').at(-1)!.replace(/\s*\|\s*$/, '');
    let file: string | null = null;
    for (const part of cell.split(/;\s*/)) {
      if (part.includes('pending merge')) {
        file = null;
        continue;
      }
      const named = /(test\/[\w/.-]+\.ts)/.exec(part);
      if (named) file = named[1]!;
      if (!file) continue;
      const names = [...part.matchAll(/\*([^*]+)\*/g)].map((m) => m[1]!);
      if (names.length === 0) out.push([file, null]);
      for (const n of names) out.push([file, n]);
    }
  }
  return out;
}

describe('docs/security.md', () => {
  it('names only tests that exist', () => {
    const all = proofs();
    expect(all.length).toBeGreaterThan(40);
    const missing = all.filter(([file, name]) => {
      const path = join(ROOT, file);
      if (!existsSync(path)) return true;
      if (name === null) return false;
      // "%s" / "%i" stand for it.each parameters; "…" shortens a long name.
      const source = readFileSync(path, 'utf8');
      return !name
        .split('…')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((piece) => piece.split(/%[si]/).every((p) => source.includes(p.trim())));
    });
    expect(missing).toEqual([]);
  });
});
