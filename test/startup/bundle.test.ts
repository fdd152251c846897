// The built bot (`npm run build` → `node dist/main.js`, as `npm start` and the systemd unit run it)
// ends a failed start with one line on stderr that names the setting: Slack refusing SLACK_APP_TOKEN
// (Socket Mode's apps.connections.open) or SLACK_BOT_TOKEN (auth.test), Slack not reachable, the
// .env.example placeholders, and a package without its chart font. The Slack Web API is the local
// double; Socket Mode asks the same SLACK_API_URL for its connection.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlackApiDouble, type SlackApiDouble } from '../support/slackApiDouble.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const BOT = 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
const APP = 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef';
const ONE_LINE = /^minimaatwerk: [^\n]+\n$/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir: string;
let runs = 0;

/** Start the bundle with only these settings (no .env: the working directory is empty). */
function runBot(env: Record<string, string>, opts: { main?: string; stopWhen?: (stdout: string) => boolean } = {}): Promise<Run> {
  runs += 1;
  const child = spawn(process.execPath, [opts.main ?? join(ROOT, 'dist/main.js')], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: join(dir, `bot-${runs}.db`), HEALTH_PORT: '0', PORT: '0', ...env },
  });
  const out = { stdout: '', stderr: '' };
  let stopping = false;
  child.stdout.on('data', (b: Buffer) => {
    out.stdout += b.toString();
    if (!stopping && opts.stopWhen?.(out.stdout)) {
      stopping = true;
      child.kill('SIGKILL');
    }
  });
  child.stderr.on('data', (b: Buffer) => (out.stderr += b.toString()));
  // A start that neither fails nor is stopped is a failure of this test, not a hang of the suite.
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ...out });
    }),
  );
}

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

beforeAll(() => {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'mmw-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('node dist/main.js: Slack refuses or cannot be reached', () => {
  let slack: SlackApiDouble;
  beforeEach(async () => {
    slack = await startSlackApiDouble();
  });
  afterEach(() => slack.close());

  const socketMode = () => ({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: slack.url });
  const httpMode = () => ({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'f0e1d2c3b4a5', SLACK_API_URL: slack.url });

  it('Socket Mode, app token refused: names SLACK_APP_TOKEN and where to make one', async () => {
    slack.injectFault('apps.connections.open', { kind: 'error', error: 'invalid_auth' });
    const run = await runBot(socketMode());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(ONE_LINE);
    expect(run.stderr).toBe(
      'minimaatwerk: Slack refused SLACK_APP_TOKEN (invalid_auth): use an app-level token (xapp-…) with connections:write, for Socket Mode; see .env.example\n',
    );
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toEqual([APP]);
  });

  it('Socket Mode, bot token refused: names SLACK_BOT_TOKEN', async () => {
    slack.injectFault('auth.test', { kind: 'error', error: 'invalid_auth' });
    const run = await runBot(socketMode());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'minimaatwerk: Slack refused SLACK_BOT_TOKEN (invalid_auth): use the Bot User OAuth Token (xoxb-…) from your Slack app’s OAuth & Permissions page; see .env.example\n',
    );
    expect(slack.callsTo('auth.test').map((c) => c.token)).toEqual([BOT]);
  });

  it('HTTP mode, bot token refused: the same line', async () => {
    slack.injectFault('auth.test', { kind: 'error', error: 'token_revoked' });
    const run = await runBot(httpMode());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^minimaatwerk: Slack refused SLACK_BOT_TOKEN \(token_revoked\): use the Bot User OAuth Token/);
    expect(run.stderr).toMatch(ONE_LINE);
  });

  it('Socket Mode, Slack answers HTTP 503 for the connection: names SLACK_APP_TOKEN and the status', async () => {
    slack.injectFault('apps.connections.open', { kind: 'status', status: 503 }, 5);
    const run = await runBot(socketMode());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`minimaatwerk: could not check SLACK_APP_TOKEN: Slack at ${slack.url} answered HTTP 503\n`);
  });

  it('Slack not reachable: names the tokens that could not be checked, the URL and the system code', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/`;
    const socket = await runBot({ ...socketMode(), SLACK_API_URL: url });
    expect(socket.code).toBe(1);
    expect(socket.stderr).toBe(`minimaatwerk: could not check SLACK_BOT_TOKEN and SLACK_APP_TOKEN: Slack not reachable at ${url} (ECONNREFUSED)\n`);
    const http = await runBot({ ...httpMode(), SLACK_API_URL: url });
    expect(http.code).toBe(1);
    expect(http.stderr).toBe(`minimaatwerk: could not check SLACK_BOT_TOKEN: Slack not reachable at ${url} (ECONNREFUSED)\n`);
  });

  it('with good tokens the same bundle starts (HTTP mode), its chart font and migrations found from dist/', async () => {
    // Killed once it says so (its shutdown handlers are set up only after the `started` line).
    const run = await runBot({ ...httpMode(), LOG_LEVEL: 'info' }, { stopWhen: (out) => out.includes('"event":"started"') });
    expect(run.stderr, run.stdout).toBe('');
    expect(run.stdout).toContain('"event":"slack.started","mode":"http"');
    expect(run.stdout).toContain('"event":"started"');
  });
});

describe('node dist/main.js: the settings and the package', () => {
  it('a copy of .env.example stops with the placeholder named, before any call to Slack', async () => {
    const slack = await startSlackApiDouble();
    try {
      const example = parseEnv(readFileSync(join(ROOT, '.env.example'), 'utf8')) as Record<string, string>;
      const run = await runBot({ ...example, DATABASE_URL: join(dir, 'example.db'), HEALTH_PORT: '0', SLACK_API_URL: slack.url });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(ONE_LINE);
      expect(run.stderr).toMatch(/^minimaatwerk: SLACK_BOT_TOKEN is still the placeholder from \.env\.example: /);
      expect(slack.calls).toEqual([]);
    } finally {
      await slack.close();
    }
  });

  it('a package without assets/fonts/ stops at start-up instead of drawing charts without text', async () => {
    const pkg = join(dir, 'pkg');
    mkdirSync(pkg);
    cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'drizzle'), join(pkg, 'drizzle'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const run = await runBot({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:1/api/' }, { main: join(pkg, 'dist/main.js') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(ONE_LINE);
    expect(run.stderr).toContain(`minimaatwerk: chart font not found: assets/fonts/ (DejaVuSans.ttf, DejaVuSans-Bold.ttf) belongs next to dist/ and src/; looked in `);
    expect(run.stderr).toContain(join(pkg, 'assets/fonts'));
  });
});
