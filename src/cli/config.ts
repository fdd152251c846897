// The CLI needs only the database: no chat credentials. `--db` overrides DATABASE_URL.
import { z } from 'zod';

const CliEnv = z.object({
  DATABASE_URL: z.string().min(1).default('./data/minimaatwerk.db'),
});

export interface CliConfig {
  databaseUrl: string;
}

export function loadCliConfig(env: Record<string, string | undefined> = process.env): CliConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k === 'DATABASE_URL' && v !== ''));
  return { databaseUrl: CliEnv.parse(cleaned).DATABASE_URL };
}
