// The Teams app package: a valid zip holding the manifest (bot id) and the two icons at Teams' sizes.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { appPackage } from '../../src/msteams/manifest.js';
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

describe('teams app package', () => {
  it('holds manifest.json with the bot id, color.png 192x192 and outline.png 32x32', () => {
    const files = unzip(appPackage('11111111-2222-3333-4444-555555555555'));
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const m = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { id: string; manifestVersion: string; bots: { botId: string; scopes: string[] }[] };
    expect(m.id).toBe('11111111-2222-3333-4444-555555555555');
    expect(m.bots[0]).toMatchObject({ botId: '11111111-2222-3333-4444-555555555555', scopes: ['team', 'personal'] });
    const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(size(files.get('color.png')!)).toEqual([192, 192]);
    expect(size(files.get('outline.png')!)).toEqual([32, 32]);
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
