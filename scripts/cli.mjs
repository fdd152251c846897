// `npm run cli -- …`: runs the admin CLI from one esbuild bundle (like the bot's dist/), so a command
// starts in about the time Node itself needs instead of compiling TypeScript on every call.
// The bundle (dist-cli/) is rebuilt first when it is missing or anything under src/ is newer: a
// fresh clone, a pull, an edit. Without esbuild (an install without dev dependencies) the sources
// run through tsx instead.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outRoot = join(root, 'dist-cli');
/** Names the current build's directory; its mtime is the time that build started. */
const pointer = join(outRoot, 'current');

/** The newest mtime under `dir`, directories included (a deleted or renamed file changes its directory). */
function newest(dir) {
  let t = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function currentBundle(sources) {
  try {
    if (sources > statSync(pointer).mtimeMs) return null;
    return join(outRoot, readFileSync(pointer, 'utf8').trim(), 'bin.js');
  } catch {
    return null;
  }
}

async function build(sources) {
  // Dated at the start (an edit during the build triggers the next one), or at the newest source
  // when that lies in the future (unpacked with another clock), so it does not rebuild every call.
  const started = new Date(Math.max(Date.now(), Math.ceil(sources) + 1));
  const { build: esbuild } = await import('esbuild');
  // Each build in a directory of its own: a CLI still running from the previous one keeps its files.
  const id = `b${Date.now()}-${process.pid}`;
  await esbuild({
    entryPoints: { bin: join(root, 'src', 'cli', 'bin.ts') },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: join(outRoot, id),
    logLevel: 'warning',
  });
  const tmp = `${pointer}.${process.pid}.tmp`;
  writeFileSync(tmp, id);
  utimesSync(tmp, started, started);
  renameSync(tmp, pointer);
  for (const entry of readdirSync(outRoot)) {
    const p = join(outRoot, entry);
    if (entry !== id && entry !== 'current' && statSync(p).mtimeMs < Date.now() - 60_000) rmSync(p, { recursive: true, force: true });
  }
  return join(outRoot, id, 'bin.js');
}

async function load() {
  const sources = newest(join(root, 'src'));
  const bundle = currentBundle(sources);
  if (bundle) return import(pathToFileURL(bundle).href);
  let built;
  try {
    built = await build(sources);
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(join(root, 'src', 'cli', 'bin.ts'), import.meta.url);
  }
  return import(pathToFileURL(built).href);
}

try {
  const { main } = await load();
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`minimaatwerk cli: could not start (${e?.name ?? 'Error'}${e?.code ? ` ${e.code}` : ''}); see the messages above\n`);
  process.exitCode = 1;
}
