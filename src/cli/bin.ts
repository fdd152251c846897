// The CLI process: bundled into dist-cli/bin.cjs and started by scripts/cli.cjs (`npm run cli -- …`).
// Prints the result (stdout when done, stderr otherwise) and returns the exit code.
import { existsSync } from 'node:fs';
import { runCli } from './main.js';

export async function main(argv: readonly string[]): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    const r = await runCli(argv, process.env);
    (r.exitCode === 0 ? process.stdout : process.stderr).write(`${r.output}\n`);
    return r.exitCode;
  } catch (e) {
    // No message text: it could quote what someone typed or a row of the database.
    process.stderr.write(`minimaatwerk cli: unexpected error (${(e as { name?: string }).name ?? 'Error'}${(e as { code?: string }).code ? ` ${(e as { code?: string }).code}` : ''})\n`);
    return 1;
  }
}
