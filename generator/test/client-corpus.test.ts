import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApiModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { emitClientSources } from '../src/targets/client/index.js';
import { compileProject, removeProject, writeProject } from './fixtures/client/kit.js';
import { corpusAvailable, corpusCmdlets, corpusOpenApi } from './helpers/paths.js';

/** The whole Applications module (192 paths, 310 operations) through the client target. */
describe.runIf(corpusAvailable())('client target: the Applications.beta corpus', () => {
  let dir: string | undefined;
  afterAll(async () => {
    await removeProject(dir);
  });

  it('emits every operation, deterministically, and the result compiles strict', async () => {
    const loaded = await loadOpenApiDocument(corpusOpenApi);
    const help = await readCmdletHelpFolder(corpusCmdlets);
    if (!loaded.document) throw new Error(JSON.stringify(loaded.diagnostics.slice(0, 3)));
    const built = buildApiModel({
      document: loaded.document,
      cmdlets: help.cmdlets,
      unit: { include: { paths: ['/**'], cmdlets: ['*'] }, exclude: { paths: [], cmdlets: [] }, bindings: {}, keepActionPrefixInUrl: true },
    });
    const model = built.model;
    if (!model) throw new Error(JSON.stringify(built.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').slice(0, 3)));
    const sources = emitClientSources(model);
    const metadataEntries = [...sources.values()].reduce((count, contents) => count + (contents.match(/^ {2}(get|post|put|patch|delete|head|options): \{$/gm)?.length ?? 0), 0);
    expect(metadataEntries).toBe(model.operations.length);
    expect(emitClientSources(model)).toEqual(sources);
    dir = await writeProject(sources);
    expect(compileProject(dir, [...sources.keys()])).toEqual([]);

    // its models are chunked: a builder loads the chunks its operations reach, never the whole set
    const chunks = [...sources.keys()].filter((file) => /^models\/(serializers\/)?chunks\//.test(file));
    expect(chunks.filter((file) => file.startsWith('models/chunks/')).length).toBeGreaterThan(1);
    for (const dir of ['models/chunks/', 'models/serializers/chunks/']) expect(chunks.filter((file) => file.startsWith(dir)).length).toBeLessThanOrEqual(16);
    const modelBytes = [...sources].filter(([file]) => file.startsWith('models/')).reduce((sum, [, contents]) => sum + contents.length, 0);
    const builders = [...sources.keys()].filter((file) => !file.startsWith('models/') && file.endsWith('/index.ts'));
    const loads = builders.map((builder) => modelFilesLoaded(sources, builder));
    for (const loaded of loads) expect(loaded).not.toContain('models/index.ts');
    // so are its serializers: a builder that sends a body loads the serializers it calls
    expect([...sources.keys()].filter((file) => file.startsWith('models/serializers/chunks/')).length).toBeGreaterThan(1);
    for (const loaded of loads) expect(loaded).not.toContain('models/serializers/index.ts');
    const meanBytes = loads.reduce((sum, loaded) => sum + loaded.reduce((bytes, file) => bytes + (sources.get(file)?.length ?? 0), 0), 0) / loads.length;
    expect(meanBytes).toBeLessThan(modelBytes / 2);
    for (const chunk of chunks) expect(modelFilesLoaded(sources, chunk, chunk)).not.toContain(chunk);
  });
});

/** The files under `models/` that loading `file` loads (value imports and re-exports, transitively; `import type` loads nothing). */
function modelFilesLoaded(sources: ReadonlyMap<string, string>, file: string, start = file): string[] {
  const loaded = new Set<string>();
  const stack = valueImports(sources, start).filter((target) => target.startsWith('models/'));
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (loaded.has(next)) continue;
    loaded.add(next);
    stack.push(...valueImports(sources, next).filter((target) => target.startsWith('models/')));
  }
  return [...loaded];
}

function valueImports(sources: ReadonlyMap<string, string>, file: string): string[] {
  const text = sources.get(file) ?? '';
  const dir = path.posix.dirname(file);
  return [...text.matchAll(/^(?:import|export) (?!type )[^;]*? from '(\.[^']+)';$/gm)].map((match) => path.posix.normalize(path.posix.join(dir, (match[1] as string).replace(/\.js$/, '.ts'))));
}
