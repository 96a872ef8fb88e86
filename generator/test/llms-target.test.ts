/**
 * The llms target (llms.txt plus one markdown file per operation): built from the model and the
 * client surface only, every operation listed and linked to a file that exists, each file with
 * its request line and the call through the client, links absolute with siteUrl.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../src/model/index.js';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { clientSurface } from '../src/targets/shared/client-surface/index.js';
import { loadTargets, TARGETS } from '../src/targets/index.js';
import { configFile } from './helpers/paths.js';

let model: ApiModel;
beforeAll(async () => {
  const result = await runPipeline({ configFile, modelOnly: true });
  model = result.units[0]!.model;
});

async function emitLlms(options: Record<string, unknown>) {
  const target = (await loadTargets()).find((candidate) => candidate.name === 'llms')!;
  const dir = path.join(path.sep, 'site', 'public');
  const files = [...(await target.emit(model, { unit: { outputs: { client: { dir: '/c', packageName: '@x/client' }, llms: { dir, ...options } } }, specsDir: '/' }))];
  return { dir, files: new Map(files.map((file) => [path.relative(dir, file.path).split(path.sep).join('/'), file.contents])) };
}

describe('the llms target', () => {
  it('is registered with its options, and depends on the client', () => {
    const llms = TARGETS.find((target) => target.name === 'llms');
    expect(llms?.dependsOn).toEqual(['client']);
    expect(Object.keys(llms?.options.properties ?? {})).toEqual(['siteUrl']);
  });

  it('lists every operation in llms.txt, each linked to its own markdown file', async () => {
    const { files } = await emitLlms({});
    const index = files.get('llms.txt') ?? '';
    expect(index).toMatch(/^# Applications\n\n> /);
    const links = [...index.matchAll(/^- \[(\w+) ([^\]]+)\]\(([^)]+)\): .+$/gm)];
    expect(links.map((match) => `${match[1]} ${match[2]}`)).toEqual(model.operations.map((operation) => `${operation.method} ${operation.path}`));
    for (const [, , , file] of links) expect(files.has(file ?? ''), file).toBe(true);
    expect(files.size).toBe(model.operations.length + 1);
  });

  it('writes each operation with its request line and the call the client declares', async () => {
    const { files } = await emitLlms({});
    const surface = clientSurface(model);
    for (const operation of model.operations) {
      const page = [...files.entries()].find(([name]) => name.includes(operation.key))?.[1] ?? '';
      expect(page).toContain(`${operation.method} ${model.baseUrl}${operation.requestPath}`);
      expect(page).toContain(`await ${surface.expression(operation, (parameter) => parameter.name)}.${operation.method.toLowerCase()}(`);
    }
  });

  it('makes the links absolute with siteUrl', async () => {
    const { files } = await emitLlms({ siteUrl: 'https://docs.example.com/' });
    expect(files.get('llms.txt')).toContain('](https://docs.example.com/llms/applications.synchronization.acquireAccessToken.post.md)');
  });
});
