/**
 * What reading a help folder keeps must not hold the files' text. V8 keeps a substring as a slice
 * of its parent string, so a kept parameter name or type used to keep each whole file alive: the
 * Files module held 142 MB of help text after reading for a few megabytes of facts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApiModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { SELECT_EVERYTHING, specsDir } from './helpers/paths.js';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const seed = readFileSync(path.join(specsDir, 'cmdlets/Get-MgApplicationSynchronizationAccessToken.md'), 'utf8');
const FILES = 40;
const PADDING_LINES = 4000;
const folder = mkdtempSync(path.join(os.tmpdir(), 'mgkit-help-memory-'));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The seed as cmdlet `n`, its NOTES grown by lines of prose the reader reads and keeps nothing of. */
function paddedHelp(n: number): string {
  const name = `Get-MgFixtureMemory${n}`;
  const padding = Array.from({ length: PADDING_LINES }, (_, line) => `Line ${line} of prose before the trees, which the NOTES reader passes over.`).join('\n');
  return seed.replaceAll('Get-MgApplicationSynchronizationAccessToken', name).replace('COMPLEX PARAMETER PROPERTIES\n', `COMPLEX PARAMETER PROPERTIES\n\n${padding}\n`);
}

function heapAfterCollection(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('reading help keeps facts, not files', () => {
  const written = Array.from({ length: FILES }, (_, n) => {
    const text = paddedHelp(n);
    writeFileSync(path.join(folder, `Get-MgFixtureMemory${n}.md`), text);
    return text.length;
  });
  const textBytes = written.reduce((total, length) => total + length, 0);

  it('a folder of help holds less than a quarter of its text after reading', async () => {
    await readCmdletHelpFolder(path.join(specsDir, 'cmdlets')); // the reader's code compiled and its caches warm
    const before = heapAfterCollection();
    const read = await readCmdletHelpFolder(folder);
    const kept = heapAfterCollection() - before;
    expect(read.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(read.cmdlets).toHaveLength(FILES);
    // the trees after the prose were read
    expect(read.cmdlets.every((help) => help.complexParameters.some((tree) => tree.name === 'BODYPARAMETER'))).toBe(true);
    expect(textBytes).toBeGreaterThan(6_000_000);
    expect(kept).toBeLessThan(textBytes / 4);
  });

  it('the model uses the help’s NOTES trees as they are, not a copy per parameter', async () => {
    const { document } = await loadOpenApiDocument(path.join(specsDir, 'openapi/acquireAccessToken.yaml'));
    const { cmdlets } = await readCmdletHelpFolder(path.join(specsDir, 'cmdlets'));
    const model = buildApiModel({ document: document!, cmdlets, unit: SELECT_EVERYTHING }).model!;
    const withTrees = model.commands.flatMap((command) => command.parameters.filter((parameter) => parameter.complexProperties).map((parameter) => ({ command, parameter })));
    expect(withTrees.length).toBeGreaterThan(0);
    for (const { command, parameter } of withTrees) {
      const help = cmdlets.find((candidate) => candidate.name === command.name);
      const tree = help?.complexParameters.find((candidate) => candidate.name.toLowerCase() === parameter.name.toLowerCase());
      expect(parameter.complexProperties).toBe(tree?.properties);
    }
  });
});
