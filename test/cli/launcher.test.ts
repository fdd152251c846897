// scripts/cli.cjs, the launcher behind `npm run cli`: it builds the bundle when there is none (a
// fresh clone), reuses it while src/ is unchanged, and rebuilds after a source change. Run on a
// copy of the launcher in a scratch project, so the real tree and its bundle stay untouched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mmw-launcher-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'src', 'cli'), { recursive: true });
  cpSync(join(process.cwd(), 'scripts', 'cli.cjs'), join(dir, 'scripts', 'cli.cjs'));
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const source = (word: string) =>
  `import { greet } from './greet.js';\nexport async function main(argv: readonly string[]): Promise<number> {\n  process.stdout.write(greet('${word}') + ' ' + argv.join(',') + '\\n');\n  return argv.includes('fail') ? 3 : 0;\n}\n`;
/** Write a source file and date it `secondsAhead` into the future (file systems with coarse mtimes). */
function write(file: string, text: string, secondsAhead = 0) {
  writeFileSync(join(dir, 'src', 'cli', file), text);
  const t = new Date(Date.now() + secondsAhead * 1000);
  utimesSync(join(dir, 'src', 'cli', file), t, t);
}
const run = (...args: string[]) => spawnSync(process.execPath, [join(dir, 'scripts', 'cli.cjs'), ...args], { cwd: dir, encoding: 'utf8' });
const bundle = () => join(dir, 'dist-cli', 'bin.cjs');
const builtAt = () => statSync(bundle()).mtimeMs;

describe('the CLI launcher', () => {
  it('builds on first use, reuses the bundle, rebuilds after a source change, and passes arguments and the exit code', () => {
    write('greet.ts', `export const greet = (w: string): string => 'hallo ' + w;\n`);
    write('bin.ts', source('v1'));
    const first = run('a', 'b');
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('hallo v1 a,b\n');
    const built = builtAt();

    expect(run('fail').status).toBe(3);
    expect(builtAt()).toBe(built); // unchanged sources: no rebuild

    write('greet.ts', `export const greet = (w: string): string => 'dag ' + w;\n`, 2);
    expect(run().stdout).toBe('dag v1 \n');
    const rebuilt = builtAt();
    expect(rebuilt).toBeGreaterThan(built);
    expect(readFileSync(bundle(), 'utf8')).toContain('"dag "');
    // A source dated in the future (another clock) does not make every call rebuild.
    expect(run().stdout).toBe('dag v1 \n');
    expect(builtAt()).toBe(rebuilt);
    expect(readdirSync(join(dir, 'dist-cli'))).toEqual(['bin.cjs', 'bin.cjs.v8cache']);
  });

  it('keeps a V8 code cache of the bundle that never outlives it, even for a rebuild of the same length', () => {
    write('greet.ts', `export const greet = (w: string): string => 'hallo ' + w;\n`);
    write('bin.ts', source('v1'));
    expect(run().stdout).toBe('hallo v1 \n');
    const cache = join(dir, 'dist-cli', 'bin.cjs.v8cache');
    const made = statSync(cache).mtimeMs;
    expect(run().stdout).toBe('hallo v1 \n');
    expect(statSync(cache).mtimeMs).toBe(made); // used, not written again

    // V8 itself only compares the length of the source: the same length with other text must not run the old code.
    const before = readFileSync(bundle(), 'utf8').length;
    write('greet.ts', `export const greet = (w: string): string => 'hullo ' + w;\n`, 2);
    expect(run().stdout).toBe('hullo v1 \n');
    expect(readFileSync(bundle(), 'utf8').length).toBe(before);
    expect(run().stdout).toBe('hullo v1 \n');

    writeFileSync(cache, 'not a cache'); // damaged: compiled again, and a good cache written
    expect(run('x').stdout).toBe('hullo v1 x\n');
    expect(run('y').stdout).toBe('hullo v1 y\n');
    expect(readFileSync(cache).length).toBeGreaterThan(64);
  });

  it('runs the sources through tsx where dist-cli/ cannot be written', () => {
    write('greet.ts', `export const greet = (w: string): string => 'hallo ' + w;\n`);
    write('bin.ts', source('tsx'));
    writeFileSync(join(dir, 'dist-cli'), 'a file, not a directory');
    const res = run('x');
    expect(res.stdout).toBe('hallo tsx x\n');
    expect(res.status).toBe(0);
  });
});
