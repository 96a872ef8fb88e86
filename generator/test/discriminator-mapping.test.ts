import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sliceDescription } from '../src/slice/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { runGenerator, snapshotTree } from './helpers/project.js';

const fixture = fileURLToPath(new URL('./fixtures/openapi/discriminator-mapping.yaml', import.meta.url));

interface Schemas {
  components: { schemas: Record<string, { discriminator?: { mapping?: Record<string, string> } }> };
}

/** `thing` maps `#user` and `#group`; `/things` reaches `thing` only, `/other` reaches `user`. */
describe('discriminator mappings', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'mgkit-mapping-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('slice keeps the entries whose schema it keeps, drops the others (and an emptied mapping), and the result loads cleanly', async () => {
    const text = await readFile(fixture, 'utf8');
    const everything = parse(sliceDescription(text, { include: ['/**'], exclude: [] }).text) as Schemas;
    expect(Object.keys(everything.components.schemas).sort()).toEqual(['thing', 'user']);
    expect(everything.components.schemas['thing']?.discriminator?.mapping).toEqual({ '#user': '#/components/schemas/user' });

    const things = sliceDescription(text, { include: ['/things'], exclude: [] });
    const parsed = parse(things.text) as Schemas;
    expect(Object.keys(parsed.components.schemas)).toEqual(['thing']);
    expect(parsed.components.schemas['thing']?.discriminator).toEqual({ propertyName: '@odata.type' });
    const file = path.join(scratch, 'things.yaml');
    await writeFile(file, things.text);
    const loaded = await loadOpenApiDocument(file);
    expect(loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('a mapping to a schema that does not exist is a one-line error at the mapping, and nothing is written', async () => {
    const broken = (await readFile(fixture, 'utf8')).replace("'#/components/schemas/group'", "'#/components/schemas/nogroup'");
    await writeFile(path.join(scratch, 'broken.yaml'), broken);
    await writeFile(
      path.join(scratch, 'mgkit.config.yaml'),
      ['version: 1', 'units:', '  - name: t', '    openapi: broken.yaml', '    outputs:', '      client:', '        dir: out/client', '        packageName: x', ''].join('\n'),
    );
    const before = await snapshotTree(scratch);
    const result = await runGenerator(['generate', '--config', path.join(scratch, 'mgkit.config.yaml')], scratch);
    expect(result.status).toBe(1);
    const line = broken.split('\n').findIndex((text) => text.includes('nogroup')) + 1;
    expect(result.stderr).toContain(`broken.yaml:${line}:`);
    expect(result.stderr).toMatch(/error openapi\/dangling-ref: discriminator mapping '#\/components\/schemas\/nogroup' points to nothing/);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(await snapshotTree(scratch)).toEqual(before);
  });
});
