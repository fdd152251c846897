// docs/operations.md and deploy/ stay true to the code: every log event the code writes is explained,
// every metric the docs name exists (and every one of ours is documented), and the systemd unit runs
// what `npm start` runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { opsDb, parseMetrics, type OpsDb } from './support.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const DOC = read('docs/operations.md');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Section of the docs between a heading and the next heading of the same level. */
function section(heading: string): string {
  const start = DOC.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const level = heading.split(' ')[0]!;
  const next = DOC.indexOf(`\n${level} `, start + heading.length + 2);
  return DOC.slice(start, next === -1 ? undefined : next);
}

describe('docs/operations.md: logs', () => {
  it('explains every event name the code logs, and no event the code does not log', () => {
    const logged = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      // log.info('event', …) and log.info(o.ok ? 'event' : 'other_event', …)
      for (const m of readFileSync(file, 'utf8').matchAll(/\blog\??\.(?:debug|info|warn|error)\(\s*(?:[\w.!]+\s*\?\s*'([^']+)'\s*:\s*)?'([^']+)'/g)) {
        if (m[1]) logged.add(m[1]);
        logged.add(m[2]!);
      }
    }
    expect(logged.size).toBeGreaterThan(40);
    const table = section('## Logs');
    const documented = new Set([...table.matchAll(/^\| `([a-z_.]+)` \|/gm)].map((m) => m[1]!));
    expect([...logged].filter((e) => !documented.has(e)).sort(), 'logged but not in docs/operations.md').toEqual([]);
    expect([...documented].filter((e) => !logged.has(e)).sort(), 'in docs/operations.md but never logged').toEqual([]);
  });
});

describe('docs/operations.md: metrics', () => {
  let db: OpsDb;
  let exposed: Set<string>;
  beforeAll(async () => {
    db = opsDb();
    const metrics = createMetrics(db.store, { outboxMaxAgeSeconds: 300 });
    metrics.telemetry.webApiError('slack', 'chat.update', 'ratelimited');
    metrics.telemetry.eventHandled('slack', 'reaction_added', 0.01);
    exposed = new Set(parseMetrics(await metrics.registry.metrics()).map((s) => s.name.replace(/_(bucket|sum|count)$/, '')));
  });
  afterAll(() => db.cleanup());

  it('names only metrics that /metrics exposes, and documents all of ours', () => {
    const named = new Set([...DOC.matchAll(/\b((?:minimaatwerk|process|nodejs)_[a-z_]+[a-z])\b/g)].map((m) => m[1]!.replace(/_(bucket|sum|count)$/, '')));
    expect([...named].filter((n) => !exposed.has(n)).sort(), 'named in the docs, not exposed').toEqual([]);
    const ours = [...exposed].filter((n) => n.startsWith('minimaatwerk_'));
    expect(ours.length).toBeGreaterThanOrEqual(9);
    expect(ours.filter((n) => !section('## Health, readiness and metrics').includes(`| \`${n}\` |`)).sort(), 'exposed, not in the metrics table').toEqual([]);
  });
});

describe('deploy/minimaatwerk.service', () => {
  const unit = read('deploy/minimaatwerk.service');
  const directive = (name: string) => [...unit.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].map((m) => m[1]!);

  it('runs what `npm start` runs: node with the same flags on dist/main.js', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: { start: string } };
    const [exec] = directive('ExecStart');
    expect(exec).toBeDefined();
    const [node, ...args] = exec!.split(/\s+/);
    expect(node).toBe('/usr/bin/node');
    expect(args.join(' ')).toBe(pkg.scripts.start.replace(/^node\s+/, ''));
    expect(DOC).toContain(`ExecStart=${exec}`);
  });

  it('has a dedicated user, its directories, restart on failure, and a writable data directory under ProtectSystem=strict', () => {
    expect(directive('User')).toEqual(['minimaatwerk']);
    expect(directive('WorkingDirectory')).toEqual(['/opt/minimaatwerk']);
    expect(directive('EnvironmentFile')).toEqual(['/etc/minimaatwerk/minimaatwerk.env']);
    expect(directive('Restart')).toEqual(['on-failure']);
    expect(directive('ProtectSystem')).toEqual(['strict']);
    // DATABASE_URL in the docs lies in the StateDirectory, the one place the service may write.
    expect(directive('StateDirectory')).toEqual(['minimaatwerk']);
    expect(DOC).toContain('DATABASE_URL=/var/lib/minimaatwerk/minimaatwerk.db');
    expect(directive('MemoryDenyWriteExecute')).toEqual([]);
  });

  it('the backup unit and the cron line make a backup when run (the commands themselves, on a real database)', () => {
    const backup = read('deploy/minimaatwerk-backup.service');
    expect(backup).toMatch(/^ReadWritePaths=\/var\/lib\/minimaatwerk \/var\/backups\/minimaatwerk$/m);
    expect(read('deploy/minimaatwerk-backup.timer')).toMatch(/^OnCalendar=/m);
    const unitCommand = /^ExecStart=\/bin\/sh -c '(.*)'$/m.exec(backup)?.[1]?.replaceAll('%%', '%');
    const cronCommand = /^30 2 \* \* \* minimaatwerk cd \/opt\/minimaatwerk && (.*?) && find /m.exec(DOC)?.[1]?.replaceAll('\\%', '%');
    const db = opsDb();
    try {
      for (const [name, command] of [['unit', unitCommand], ['cron', cronCommand]] as const) {
        expect(command, name).toContain('/var/backups/minimaatwerk/');
        const out = join(db.dir, `backups-${name}`);
        mkdirSync(out);
        // As on the VM: from the code's directory, the database from DATABASE_URL (the EnvironmentFile).
        const run = spawnSync('/bin/sh', ['-c', command!.replaceAll('/var/backups/minimaatwerk/', `${out}/`)], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: db.dbPath },
          encoding: 'utf8',
        });
        expect(run.status, `${name}: ${run.stderr}`).toBe(0);
        expect(readdirSync(out), name).toEqual([expect.stringMatching(/^minimaatwerk-\d{8}T\d{6}Z\.db$/)]);
      }
    } finally {
      db.cleanup();
    }
  });
});
