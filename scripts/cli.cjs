// `npm run cli -- …`: runs the admin CLI from one esbuild bundle (like the bot's dist/), so a command
// starts in about the time Node itself needs instead of compiling TypeScript on every call.
// The bundle (dist-cli/bin.cjs) is rebuilt first when it is missing or anything under src/ is newer:
// a fresh clone, a pull, an edit. (esbuild is always installed: tsx, a dependency, needs it.) Where
// dist-cli/ cannot be written (a read-only install) the sources run through tsx instead.
// CommonJS on purpose: Node starts it without its ES module loader (about 10 ms less per call), and
// the bundle still loads a command's libraries only when that command runs.
'use strict';
const { accessSync, closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

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

/**
 * require(bundle) with V8's code cache: compiling the 360 KB bundle costs about 12 ms on every call,
 * from the cache about 4 ms (measured with `help`; 8 ms of the CLI's ~20 ms over bare `node`). Node 22
 * has this built in (module.enableCompileCache), Node 20 not. The cache (bin.cjs.v8cache) starts with
 * the identity of the bundle file it was made from (inode, size, mtime: every build writes a new file),
 * because V8 itself only compares the source's length (a content hash would cost 4 ms); it is
 * written at exit, after a call ran, so it holds the functions that call compiled. Any problem with
 * it only costs the time it would have saved.
 */
function requireBundle() {
  const fd = openSync(bundle, 'r');
  const { ino, size, mtimeMs } = fstatSync(fd);
  const code = readFileSync(fd, 'utf8');
  closeSync(fd);
  const stamp = Buffer.from(`${ino}:${size}:${mtimeMs}\n`.padEnd(64));
  const cachePath = `${bundle}.v8cache`;
  let cached;
  try {
    const file = readFileSync(cachePath);
    if (file.subarray(0, stamp.length).equals(stamp)) cached = file.subarray(stamp.length);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(Module.wrap(code), { filename: bundle, cachedData: cached });
  if (!cached || script.cachedDataRejected) {
    process.once('exit', () => {
      const tmp = `${cachePath}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([stamp, script.createCachedData()]));
        renameSync(tmp, cachePath);
      } catch {
        // a read-only install: next time compiles again
      }
    });
  }
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(dirname(bundle));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dirname(bundle));
  mod.loaded = true;
  return mod.exports;
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
  if (isCurrent(sources)) return Promise.resolve(requireBundle());
  if (!writable(join(root, 'dist-cli'))) {
    return import('tsx/esm/api').then(({ tsImport }) => tsImport(join(root, 'src', 'cli', 'bin.ts'), __filename));
  }
  try {
    build(sources);
    return Promise.resolve(requireBundle());
  } catch (e) {
    return Promise.reject(e);
  }
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
