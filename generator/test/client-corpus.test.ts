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
  }, 120_000);
});
