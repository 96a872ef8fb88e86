/**
 * A description built to break generated code: JSDoc comment openers (`/*`) in descriptions,
 * body properties named like `Object.prototype` members (`constructor`, `toString`,
 * `hasOwnProperty`, `valueOf`) and `__proto__`. The client compiles strict and round-trips every
 * property on the real Kiota runtime; the CLI's schema keeps `__proto__` as a property.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { ApiModel } from '../src/model/index.js';
import { buildApiModel } from '../src/model/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { emitClientSources } from '../src/targets/client/index.js';
import { placeCommands } from '../src/targets/shared/command-data/command-paths.js';
import { buildCommandData } from '../src/targets/shared/command-data/definitions.js';
import { compileProject, removeProject, runScript, writeProject } from './fixtures/client/kit.js';
import { SELECT_EVERYTHING } from './helpers/paths.js';

const fixture = fileURLToPath(new URL('./fixtures/openapi/hostile.yaml', import.meta.url));
let model: ApiModel;
let project: string | undefined;

beforeAll(async () => {
  const loaded = await loadOpenApiDocument(fixture);
  expect(loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  const built = buildApiModel({ document: loaded.document!, cmdlets: [], unit: SELECT_EVERYTHING });
  model = built.model!;
});
afterAll(async () => {
  await removeProject(project);
});

describe('a hostile description', () => {
  it('gives a client that compiles strict and round-trips every property, __proto__ included', async () => {
    const sources = emitClientSources(model);
    project = await writeProject(sources);
    expect(compileProject(project, [...sources.keys()])).toEqual([]);
    const out = await runScript(
      project,
      [
        "import { JsonParseNodeFactory, JsonSerializationWriterFactory } from '@microsoft/kiota-serialization-json';",
        "import { createPokeBodyFromDiscriminatorValue, serializePokeBody } from './dist/models/index.js';",
        'const wire = \'{"constructor":"c","toString":"t","hasOwnProperty":true,"valueOf":7,"__proto__":"p","plain":"x"}\';',
        "const node = new JsonParseNodeFactory().getRootParseNode('application/json', new TextEncoder().encode(wire).buffer);",
        'const body = node.getObjectValue(createPokeBodyFromDiscriminatorValue);',
        "const writer = new JsonSerializationWriterFactory().getSerializationWriter('application/json');",
        'writer.writeObjectValue(undefined, body, serializePokeBody);',
        'const written = JSON.parse(new TextDecoder().decode(writer.getSerializedContent()));',
        'console.log(JSON.stringify({ prototypeKept: Object.getPrototypeOf(body) === Object.prototype, written: Object.entries(written) }));',
      ].join('\n'),
    );
    const result = JSON.parse(out) as { prototypeKept: boolean; written: [string, unknown][] };
    expect(result.prototypeKept).toBe(true);
    expect(result.written).toEqual([
      ['constructor', 'c'],
      ['toString', 't'],
      ['hasOwnProperty', true],
      ['valueOf', 7],
      ['__proto__', 'p'],
      ['plain', 'x'],
    ]);
  });

  it('keeps /* and */ in JSDoc as text', () => {
    const sources = [...emitClientSources(model).values()].join('\n');
    expect(sources).toContain('ctor /\\* x');
    expect(sources).not.toMatch(/\/\*\*[^\n]*\n[^\n]*\*\/@param/);
  });

  it('keeps __proto__ as an own property of the CLI schema', () => {
    const [placed] = placeCommands(model);
    const data = buildCommandData(model, placed!);
    const body = data.$defs['PokeBody'];
    expect(body?.properties && Object.hasOwn(body.properties, '__proto__')).toBe(true);
    expect(Object.keys(body?.properties ?? {})).toEqual(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'plain']);
  });
});
