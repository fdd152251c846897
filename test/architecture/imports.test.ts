// The shape of the code, checked: arrows point inward only. Adapters (src/slack, src/msteams,
// src/web) never reach the store or drizzle; the core imports nothing outside the core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every import of a file (static, type-only, re-exports and dynamic `import('…')`), as written. */
function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/g), ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((m) => m[1]!);
}

/** The src/ folder an import lands in ('core', 'store', …), or the package name. */
function target(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const rel = relative(SRC, resolve(dirname(from), spec));
  return rel.startsWith('..') ? `outside:${rel}` : rel.split(/[\\/]/)[0]!.replace(/\.js$/, '');
}

const all = files(SRC).map((path) => ({ path, area: relative(SRC, path).split(/[\\/]/)[0]!.replace(/\.ts$/, ''), imports: importsOf(path) }));

function violations(areas: string[], forbidden: (t: string) => boolean): string[] {
  return all
    .filter((f) => areas.includes(f.area))
    .flatMap((f) => f.imports.filter((spec) => forbidden(target(f.path, spec))).map((spec) => `${relative(SRC, f.path)} → ${spec}`));
}

describe('arrows point inward', () => {
  it('finds the files and their imports (the check itself works)', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.find((f) => f.path.endsWith(join('app', 'fileRequest.ts')))?.imports).toContain('../store/forms.js');
    expect(target(join(SRC, 'slack', 'listeners', 'x.ts'), '../../store/db.js')).toBe('store');
  });

  it('no adapter imports the store or drizzle-orm', () => {
    expect(violations(['slack', 'msteams', 'web'], (t) => t === 'store' || t === 'drizzle-orm' || t === 'better-sqlite3')).toEqual([]);
  });

  it('the core imports nothing outside the core (no node:, no packages but the pure ones it names)', () => {
    const allowed = new Set(['core', 'date-fns', '@date-fns/tz', 'ibantools', 'zod']);
    expect(violations(['core'], (t) => !allowed.has(t))).toEqual([]);
  });

  it('the use cases never import an adapter', () => {
    expect(violations(['app'], (t) => ['slack', 'msteams', 'web', 'cli', 'jobs', 'main', '@slack/bolt', '@microsoft/teams.apps'].includes(t))).toEqual([]);
  });

  it('the store never imports a use case or an adapter', () => {
    expect(violations(['store'], (t) => ['app', 'slack', 'msteams', 'web', 'cli', 'jobs'].includes(t))).toEqual([]);
  });
});
