import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { reporters } from '../vitest.shared.js';

/**
 * The files that take longest, started first. Vitest orders files by their last durations, which a
 * clean clone (CI) does not have: there the 33-module file started a third of the way in and ran
 * alone at the end while the other worker sat idle.
 */
const LONGEST_FIRST = ['join-33-modules', 'generated-compiles', 'remote-cache', 'client-corpus', 'targets-corpus', 'bad-input-catalog', 'cli-modules'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((name) => file.moduleId.endsWith(`/${name}.test.ts`));
      return index < 0 ? LONGEST_FIRST.length : index;
    };
    // a stable sort keeps vitest's own order among the rest
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters,
    globalSetup: ['../vitest.stat-cache.ts'],
    // many files wait on a child (tsc, turbo, a browser): two workers keep both cores busy on a 2-core machine
    maxWorkers: 2,
    // one module graph per worker, not per file: importing the sources again for each of 64 files was
    // 31 s of the suite. Tests that change process state (env, cwd, streams) put it back.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    // timeouts only catch hangs: the heaviest test takes ~35 s alone and twice that on a busy machine
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
