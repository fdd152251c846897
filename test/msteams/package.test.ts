// The Teams app package: a valid zip holding the manifest (bot id, developer pages from the
// settings, every command) and the two icons at Teams' sizes; no package without a bot id.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadTeamsPackageSettings } from '../../src/config.js';
import { COMMAND_KINDS, parseCommand } from '../../src/app/commands.js';
import { appPackage, PERSONAL_COMMANDS, TEAM_COMMANDS } from '../../src/msteams/manifest.js';
import { eventTsOf } from '../../src/msteams/activity.js';

function unzip(buf: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(buf.subarray(dataStart, dataStart + size)));
    p += 46 + nameLen + extra;
  }
  return files;
}

const BOT = '11111111-2222-3333-4444-555555555555';
const DEV = { name: 'Gemeente Leiden', websiteUrl: 'https://leiden.nl/mmw', privacyUrl: 'https://leiden.nl/privacy', termsOfUseUrl: 'https://leiden.nl/mmw/voorwaarden' };

describe('teams app package', () => {
  it('holds manifest.json with the bot id, color.png 192x192 and outline.png 32x32', () => {
    const files = unzip(appPackage(BOT, DEV));
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const m = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { id: string; manifestVersion: string; bots: { botId: string; scopes: string[] }[] };
    expect(m.id).toBe('11111111-2222-3333-4444-555555555555');
    expect(m.bots[0]).toMatchObject({ botId: '11111111-2222-3333-4444-555555555555', scopes: ['team', 'personal'] });
    const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(size(files.get('color.png')!)).toEqual([192, 192]);
    expect(size(files.get('outline.png')!)).toEqual([32, 32]);
  });
});

describe('teams app package: settings and commands', () => {
  it('takes the developer pages from the settings, with documented defaults', () => {
    const m = JSON.parse(unzip(appPackage(BOT, DEV)).get('manifest.json')!.toString('utf8')) as { developer: unknown };
    expect(m.developer).toEqual(DEV);
    expect(loadTeamsPackageSettings({ TEAMS_CLIENT_ID: BOT })).toEqual({
      botId: BOT,
      developer: { name: 'minimaatwerk', websiteUrl: 'https://example.org/minimaatwerk', privacyUrl: 'https://example.org/minimaatwerk/privacy', termsOfUseUrl: 'https://example.org/minimaatwerk/voorwaarden' },
      placeholderUrls: true,
    });
    const own = loadTeamsPackageSettings({ TEAMS_CLIENT_ID: BOT, TEAMS_DEVELOPER_NAME: 'Gemeente Leiden', TEAMS_DEVELOPER_URL: 'https://leiden.nl/mmw/', TEAMS_PRIVACY_URL: 'https://leiden.nl/privacy' });
    expect(own).toEqual({ botId: BOT, developer: DEV, placeholderUrls: false });
    expect(() => loadTeamsPackageSettings({ TEAMS_CLIENT_ID: BOT, TEAMS_DEVELOPER_URL: 'http://leiden.nl' })).toThrow(/^wrong setting TEAMS_DEVELOPER_URL: must be an https:\/\/ URL/);
    expect(() => loadTeamsPackageSettings({ TEAMS_CLIENT_ID: 'mmw-bot' })).toThrow(/^wrong setting TEAMS_CLIENT_ID/);
  });

  it('lists every command the bot understands, within Teams\' limits', () => {
    const m = JSON.parse(unzip(appPackage(BOT, DEV)).get('manifest.json')!.toString('utf8')) as { bots: { commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[] };
    const lists = m.bots[0]!.commandLists;
    expect(lists.map((l) => l.scopes)).toEqual([['team'], ['personal']]);
    // A team channel: every command the parser knows, each word a command of its own.
    const kinds = (titles: string[]) => titles.map((title) => parseCommand(title).kind);
    expect(new Set(kinds(lists[0]!.commands.map((c) => c.title)))).toEqual(new Set(COMMAND_KINDS.filter((k) => k !== 'unknown')));
    expect(kinds(lists[0]!.commands.map((c) => c.title))).toHaveLength(lists[0]!.commands.length);
    // The 1:1 chat: what works without a team channel.
    expect(kinds(lists[1]!.commands.map((c) => c.title))).toEqual(['overview', 'digest', 'signals', 'help']);
    expect(lists.every((l) => l.commands.length <= 10)).toBe(true);
    for (const c of [...TEAM_COMMANDS, ...PERSONAL_COMMANDS]) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('teams:package (teams-app/package.ts) without TEAMS_CLIENT_ID exits 2 with one clear line and writes no package', () => {
    const zip = join(process.cwd(), 'teams-app', 'minimaatwerk.zip');
    const before = existsSync(zip) ? statSync(zip).mtimeMs : null;
    const dir = mkdtempSync(join(tmpdir(), 'mmw-pkg-')); // no .env there
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEAMS_')));
      const res = spawnSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), [join(process.cwd(), 'teams-app', 'package.ts')], { cwd: dir, env, encoding: 'utf8' });
      expect(res.status).toBe(2);
      expect(res.stdout).toBe('');
      expect(res.stderr).toBe('teams:package: missing setting TEAMS_CLIENT_ID: the Entra app (client) id of the bot registration is needed as the app and bot id; see .env.example\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(existsSync(zip) ? statSync(zip).mtimeMs : null).toBe(before);
  });
});

describe('Slack app manifest', () => {
  it('the /minimaatwerk usage_hint names every subcommand', () => {
    const yml = readFileSync(join(process.cwd(), 'manifest.yml'), 'utf8');
    const hint = /usage_hint: "\[(.*)\]"/.exec(yml)?.[1] ?? '';
    // Every command but the request itself (`/minimaatwerk` alone opens the form).
    const kinds = hint.split(' | ').map((x) => parseCommand(x).kind);
    expect(new Set(kinds)).toEqual(new Set(COMMAND_KINDS.filter((k) => k !== 'unknown' && k !== 'request')));
    expect(kinds).toHaveLength(new Set(kinds).size);
  });
});

describe('activity time', () => {
  it('turns Teams ISO timestamps (7 fraction digits) into sortable seconds.micro', () => {
    const fallback = new Date(0);
    expect(eventTsOf('2026-11-10T09:00:00.1234567Z', fallback)).toBe('1794301200.123456');
    expect(eventTsOf('2026-11-10T10:00:00.5+01:00', fallback)).toBe('1794301200.500000');
    expect(eventTsOf('2026-11-10T09:00:00Z', fallback) < eventTsOf('2026-11-10T09:00:00.000001Z', fallback)).toBe(true);
    expect(eventTsOf(undefined, new Date(1500))).toBe('1.500000');
  });
});
