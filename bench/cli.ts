// (7) CLI start-up: wall time of `npm run cli -- help` against `npm run noop` (a script that does
// nothing: npm's own start-up is the floor), measured in turns. References: the first call after a
// source change (the launcher rebuilds the bundle), and the CLI without npm against `node -e 0`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spread, type Row } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function wall(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bench cli: ${cmd} ${args.join(' ')} exited ${String(r.status)}`);
  return ms;
}

const npmRun = (...args: string[]) => wall('npm', ['run', '--silent', ...args]);

export function benchCli(reps = 15): { rows: Row[]; notes: string[] } {
  npmRun('cli', '--', 'help'); // warm-up; also makes the bundle current
  npmRun('noop');
  const cli: number[] = [];
  const noop: number[] = [];
  const direct: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < reps; i++) {
    noop.push(npmRun('noop'));
    cli.push(npmRun('cli', '--', 'help'));
    node.push(wall(process.execPath, ['-e', '0']));
    direct.push(wall(process.execPath, ['scripts/cli.cjs', 'help']));
  }
  const rebuild: number[] = [];
  const noopAround: number[] = [];
  for (let i = 0; i < 3; i++) {
    rmSync(`${ROOT}dist-cli/bin.cjs`, { force: true }); // as on a fresh clone, or after an edit under src/
    noopAround.push(npmRun('noop'));
    rebuild.push(npmRun('cli', '--', 'help'));
  }
  const value = spread(cli);
  const floor = spread(noop);
  return {
    rows: [
      { section: '7', metric: 'CLI start: `npm run cli -- help`, wall time', unit: 'ms', value, floor, better: 'lower', goal: '≤ 1.5x floor', met: value.median <= 1.5 * floor.median },
      { section: '7', metric: '  reference: first call on a fresh clone or after a source change (bundle built)', unit: 'ms', value: spread(rebuild), floor: spread(noopAround), better: 'lower', goal: '', met: null },
      { section: '7', metric: '  reference: `node scripts/cli.cjs help` (no npm) vs `node -e 0`', unit: 'ms', value: spread(direct), floor: spread(node), better: 'lower', goal: '', met: null },
    ],
    notes: [`(7) floor: \`npm run noop\` (the script is \`exit 0\`), in turns with the CLI, ${reps} rounds after one warm-up each; the launcher checks src/ against the bundle on every call (included).`],
  };
}
