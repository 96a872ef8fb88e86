import { defineConfig } from 'vitest/config';
import { reporters } from '../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters,
    // most files wait on a child (mgkit-gen, tsc): two workers keep both cores busy even on a 2-core machine
    maxWorkers: 2,
    // timeouts only catch hangs: the heaviest test takes ~35 s alone and twice that on a busy machine
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
