// A fresh copy of .env.example must not pass the settings check: its token placeholders are refused
// by name, one at a time, until the settings describe a bot that can start.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const EXAMPLE = parseEnv(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')) as NodeJS.ProcessEnv;
const BOT = 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
const APP = 'xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef';

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('loadConfig accepted the settings');
}

describe('settings from a copy of .env.example', () => {
  it('holds the placeholders this check knows', () => {
    expect(EXAMPLE.SLACK_BOT_TOKEN).toBe('xoxb-...');
    expect(EXAMPLE.SLACK_APP_TOKEN).toBe('xapp-...');
  });

  it('refuses the bot token placeholder first, naming the setting and where the real one is', () => {
    const line = refusal(EXAMPLE);
    expect(line).toMatch(/^SLACK_BOT_TOKEN is still the placeholder from \.env\.example: /);
    expect(line).toContain('OAuth & Permissions');
  });

  it('then the app token placeholder, with the way out for HTTP mode', () => {
    const line = refusal({ ...EXAMPLE, SLACK_BOT_TOKEN: BOT });
    expect(line).toMatch(/^SLACK_APP_TOKEN is still the placeholder from \.env\.example: /);
    expect(line).toContain('leave it empty for HTTP mode (with SLACK_SIGNING_SECRET)');
  });

  it('HTTP mode: app token emptied, the signing secret is asked for, then the settings pass', () => {
    expect(refusal({ ...EXAMPLE, SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: '' })).toMatch(/^missing setting SLACK_SIGNING_SECRET: /);
    const config = loadConfig({ ...EXAMPLE, SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: 'f0e1d2c3b4a5' });
    expect(config.slack).toEqual({ botToken: BOT, appToken: undefined, signingSecret: 'f0e1d2c3b4a5', apiUrl: undefined });
  });

  it('Socket Mode: both real tokens pass', () => {
    expect(loadConfig({ ...EXAMPLE, SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).slack).toMatchObject({ botToken: BOT, appToken: APP });
  });

  it('refuses the README spelling with an ellipsis too, and a Teams-only setup with the Slack placeholder left in', () => {
    expect(refusal({ SLACK_BOT_TOKEN: 'xoxb-…', SLACK_SIGNING_SECRET: 's' })).toMatch(/^SLACK_BOT_TOKEN is still the placeholder/);
    expect(refusal({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-…' })).toMatch(/^SLACK_APP_TOKEN is still the placeholder/);
    const teams = { TEAMS_CLIENT_ID: 'c', TEAMS_CLIENT_SECRET: 's', TEAMS_TENANT_ID: 't' };
    expect(refusal({ ...EXAMPLE, ...teams })).toMatch(/^SLACK_BOT_TOKEN is still the placeholder/);
    expect(loadConfig({ ...EXAMPLE, ...teams, SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }).slack).toBeNull();
  });
});
