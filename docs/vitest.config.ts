import { defineConfig } from 'vitest/config';
import { reporters } from '../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters,
    globalSetup: ['../vitest.stat-cache.ts'],
    // vitest's default is one worker per core but one: a single worker on 2 cores, while these files
    // wait on browsers, servers and child processes half the time
    maxWorkers: 2,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
