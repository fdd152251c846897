import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one worker on a 2-core machine, 126 s for
    // the suite. Most test time is waiting on child processes, sockets and SQLite, so a worker per
    // core: 75 s on 2 cores (measured 2026-12-01).
    maxWorkers: availableParallelism(),
  },
});
