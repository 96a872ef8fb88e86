import { defineConfig } from 'vitest/config';
import { reporters } from '../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters,
    // most files wait on a child (mgkit-gen, tsc): two workers keep both cores busy even on a 2-core machine
    maxWorkers: 2,
    // one module graph per worker, not per file: importing the sources again for each of 64 files was
    // 31 s of the suite. Tests that change process state (env, cwd, streams) put it back.
    isolate: false,
    // timeouts only catch hangs: the heaviest test takes ~35 s alone and twice that on a busy machine
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
