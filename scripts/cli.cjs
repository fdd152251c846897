// `npm run cli -- …`: runs the admin CLI from one esbuild bundle (like the bot's dist/), so a command
// starts in about the time Node itself needs instead of compiling TypeScript on every call.
// The bundle (dist-cli/bin.cjs) is rebuilt first when it is missing or anything under src/ is newer:
// a fresh clone, a pull, an edit. (esbuild is always installed: tsx, a dependency, needs it.) Where
// dist-cli/ cannot be written (a read-only install) the sources run through tsx instead.
// CommonJS on purpose: Node starts it without its ES module loader (about 10 ms less per call), and
// the bundle still loads a command's libraries only when that command runs.
'use strict';
const { accessSync, constants, mkdirSync, readdirSync, renameSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bundle = join(root, 'dist-cli', 'bin.cjs');

/** The newest mtime under `dir`, directories included (a deleted or renamed file changes its directory). */
function newest(dir) {
  let t = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function isCurrent(sources) {
  try {
    return statSync(bundle).mtimeMs >= sources;
  } catch {
    return false;
  }
}

function build(sources) {
  // Dated at the start (an edit during the build triggers the next one), or just after the newest
  // source when that lies in the future (unpacked with another clock), so it does not rebuild every call.
  const started = new Date(Math.max(Date.now(), Math.ceil(sources) + 1));
  const { buildSync } = require('esbuild');
  const tmp = `${bundle}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    // The sources are ES modules: import.meta.url becomes the bundle's own file URL.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  utimesSync(tmp, started, started);
  renameSync(tmp, bundle); // whole or not at all; a CLI still running has read the old file already
}

function writable(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function load() {
  const sources = newest(join(root, 'src'));
  if (isCurrent(sources)) return Promise.resolve(require(bundle));
  if (!writable(join(root, 'dist-cli'))) {
    return import('tsx/esm/api').then(({ tsImport }) => tsImport(join(root, 'src', 'cli', 'bin.ts'), __filename));
  }
  try {
    build(sources);
  } catch (e) {
    return Promise.reject(e);
  }
  return Promise.resolve(require(bundle));
}

load()
  .then(({ main }) => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`minimaatwerk cli: could not start (${e?.name ?? 'Error'}${e?.code ? ` ${e.code}` : ''}); see the messages above\n`);
      process.exitCode = 1;
    },
  );
