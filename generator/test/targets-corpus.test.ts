import { beforeAll, describe, expect, it } from 'vitest';
import type { GenerationUnitConfig } from '../src/config/index.js';
import { buildApiModel, type ApiModel } from '../src/model/index.js';
import { GENERATED_MARKER, type GeneratedFile } from '../src/output/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { loadTargets, type Target } from '../src/targets/index.js';
import { corpusAvailable, corpusCmdlets, corpusOpenApi, SELECT_EVERYTHING } from './helpers/paths.js';

const unit: GenerationUnitConfig = {
  name: 'applications-beta',
  lockFile: '/out/specs/mgkit-lock.json',
  openapi: corpusOpenApi,
  cmdlets: [corpusCmdlets],
  ...SELECT_EVERYTHING,
  outputs: {
    client: { dir: '/out/client/src/generated', packageName: '@example/client' },
    cli: { dir: '/out/cli/src/generated', packageName: '@example/cli', binName: 'mgkit' },
    docs: { dir: '/out/docs/reference' },
  },
};

describe.skipIf(!corpusAvailable())('every target over the whole Applications module', () => {
  let model: ApiModel;
  let targets: Target[];

  beforeAll(async () => {
    const { document } = await loadOpenApiDocument(corpusOpenApi);
    const { cmdlets } = await readCmdletHelpFolder(corpusCmdlets);
    model = buildApiModel({ document: document!, cmdlets, unit }).model!;
    targets = await loadTargets();
  });

  it.each(['client', 'cli', 'docs'])('%s emits every operation and command, deterministically', async (name) => {
    const target = targets.find((candidate) => candidate.name === name)!;
    const emit = async () => [...(await target.emit(model, { unit, specsDir: '/out/specs' }))];
    const first: GeneratedFile[] = await emit();
    const second: GeneratedFile[] = await emit();
    console.log(`${name}: ${first.length} files for ${model.operations.length} operations and ${model.commands.length} commands`);
    expect(first.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
    expect(new Set(first.map((file) => file.path)).size).toBe(first.length);
    const withoutHeader = first.filter((file) => !file.path.endsWith('.json') && !file.contents.includes(GENERATED_MARKER));
    expect(withoutHeader.map((file) => file.path)).toEqual([]);
    expect(first.every((file) => !file.contents.includes('\r'))).toBe(true);
  });
});
