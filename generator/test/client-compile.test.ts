import { afterAll, describe, expect, it } from 'vitest';
import { emitClientSources } from '../src/targets/client/index.js';
import { compileProject, removeProject, richModel, specsModel, writeProject } from './fixtures/client/kit.js';

/** Emitted code must compile under the strictest options we know, with the real Kiota runtime types. */
describe('client target: the emitted code compiles strict (TypeScript compiler, 0 errors)', () => {
  const projects: string[] = [];
  afterAll(async () => {
    await Promise.all(projects.map(removeProject));
  });

  for (const [label, load] of [
    ['specs/ (action prefix kept)', () => specsModel(true)],
    ['specs/ (action prefix dropped)', () => specsModel(false)],
    ['rich.yaml fixture', () => richModel(true)],
  ] as const) {
    it(label, async () => {
      const sources = emitClientSources(await load());
      for (const contents of sources.values()) expect(contents).not.toMatch(/@ts-(ignore|nocheck|expect-error)/);
      const dir = await writeProject(sources);
      projects.push(dir);
      expect(compileProject(dir, [...sources.keys()])).toEqual([]);
    });
  }
});
