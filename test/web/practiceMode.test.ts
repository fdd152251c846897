// `npm start` without any chat setting: the practice channel outside production (URL printed, demo
// data on the first start only), and never a silent practice mode in production or with half a setting.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, PRACTICE_DATABASE_URL } from '../../src/config.js';

describe('the practice mode choice (src/config.ts)', () => {
  it('no SLACK_* and no TEAMS_* setting, not production: practice, on its own database', () => {
    expect(loadConfig({})).toMatchObject({ practice: true, slack: null, teams: null, databaseUrl: PRACTICE_DATABASE_URL, port: 3000 });
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_URL: '/tmp/x.db', PORT: '3100' })).toMatchObject({ practice: true, databaseUrl: '/tmp/x.db', port: 3100 });
  });

  it('in production without settings it stops with the missing setting, as before', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^missing setting SLACK_BOT_TOKEN: /);
  });

  it('with part of the settings it stops and names what is missing, in any environment', () => {
    expect(() => loadConfig({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/^missing setting SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/^missing setting SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ TEAMS_CLIENT_ID: 'id' })).toThrow(/^missing setting TEAMS_CLIENT_SECRET/);
    expect(() => loadConfig({ TEAMS_PORT: '3978' })).toThrow(/^missing setting SLACK_BOT_TOKEN/);
  });

  it('with chat settings there is no practice channel', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatchObject({ practice: false, databaseUrl: './data/minimaatwerk.db' });
  });
});

const MAIN = resolve('src/main.ts');
// The child runs in an empty directory (no .env): tsx is named by its file, not looked up from there.
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Run src/main.ts in an empty directory (no .env) with only these settings; stop it once `until` is printed. */
function start(env: Record<string, string>, until: RegExp | null, cwd: string) {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], { cwd, env: { PATH: process.env.PATH ?? '', HEALTH_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const printed = new Promise<RegExpExecArray>((done, fail) => {
    const check = () => {
      const m = until?.exec(out);
      if (m) done(m);
    };
    child.stdout.on('data', check);
    void exited.then(() => fail(new Error(`exited: ${err}`)));
  });
  printed.catch(() => {});
  /** Resolves once start-up is over (the signal handlers are in place). */
  const started = new Promise<void>((done) => {
    const check = () => out.includes('"event":"started"') && done();
    child.stdout.on('data', check);
  });
  return { child, printed, started, exited, output: () => ({ out, err }) };
}

describe('npm start without chat settings (src/main.ts)', () => {
  it('starts the practice channel, prints its URL, serves pages and /healthz on PORT, seeds once', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mmw-practice-'));
    dirs.push(cwd);
    const env = { PORT: '0', DATABASE_URL: join(cwd, 'oefen.db') };
    const first = start(env, /practice channel: (http:\/\/localhost:\d+)/, cwd);
    const url = (await first.printed)[1]!;
    await first.started;
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Oefenomgeving');
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('ok\n');
    expect(first.output().out).toContain('"event":"demo.seeded"');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start(env, /practice channel: (http:\/\/localhost:\d+)/, cwd);
    const again = (await second.printed)[1]!;
    await second.started;
    expect(second.output().out).toContain('"event":"demo.already_seeded"');
    // main.ts logs "started" a moment before its signal handlers are in place: one request later they are.
    expect((await fetch(`${again}/healthz`)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);

  it('in production it stops with the one-line missing-setting message and starts nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mmw-practice-'));
    dirs.push(cwd);
    const run = start({ NODE_ENV: 'production', PORT: '0', DATABASE_URL: join(cwd, 'prod.db') }, null, cwd);
    expect(await run.exited).toBe(1);
    const { out, err } = run.output();
    expect(err).toMatch(/^minimaatwerk: missing setting SLACK_BOT_TOKEN: [^\n]+\n$/);
    expect(out).not.toContain('practice channel');
  }, 30_000);
});
