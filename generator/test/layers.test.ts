/**
 * The layer rules bite: `npm run lint`'s dependency-cruiser check passes on the tree, and fails,
 * naming the rule, when a target imports a source reader, when the model imports a target, or
 * when two modules import each other. Run on a copy of generator/src, so the tree is untouched; the
 * probes that break the rules go in together and the copy is cruised once with them.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/paths.js';

const run = promisify(execFile);
let copy: string;

beforeAll(async () => {
  copy = await mkdtemp(path.join(os.tmpdir(), 'mgkit-layers-'));
  await cp(path.join(projectRoot, 'generator/src'), path.join(copy, 'generator/src'), { recursive: true });
  for (const file of ['.dependency-cruiser.cjs', 'tsconfig.base.json']) await cp(path.join(projectRoot, file), path.join(copy, file));
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

async function cruise(): Promise<{ ok: boolean; output: string }> {
  const bin = path.join(projectRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  try {
    const { stdout } = await run(process.execPath, [bin, 'generator/src', '--config', '.dependency-cruiser.cjs'], { cwd: copy });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

/** Each probe breaks one rule; all are written at once and the tree cruised once with them. */
const PROBES: Readonly<Record<string, string>> = {
  'targets/docs/layer-probe.ts': "export { loadOpenApiDocument } from '../../sources/openapi/index.js';\n",
  'targets/cli/layer-probe.ts': "export { renderClientPage } from '../docs/client-page.js';\n",
  'model/layer-probe.ts': "export { clientSurface } from '../targets/shared/client-surface/index.js';\n",
  'diff/cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = () => b;\n",
  'diff/cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = () => a;\n",
};

let probed: Promise<{ ok: boolean; output: string }> | undefined;
/** The cruise of the tree with every probe in it (the probes are removed afterwards). */
function cruiseWithProbes(): Promise<{ ok: boolean; output: string }> {
  probed ??= (async () => {
    for (const [file, contents] of Object.entries(PROBES)) await writeFile(path.join(copy, 'generator/src', file), contents);
    try {
      return await cruise();
    } finally {
      for (const file of Object.keys(PROBES)) await rm(path.join(copy, 'generator/src', file), { force: true });
    }
  })();
  return probed;
}

describe('the layer rules (dependency-cruiser)', () => {
  it('pass on the tree as it is', async () => {
    const result = await cruise();
    expect(result.output).toContain('no dependency violations found');
    expect(result.ok).toBe(true);
  });

  it('fail when a target imports a source reader', async () => {
    const result = await cruiseWithProbes();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/error targets-read-the-model-only: generator\/src\/targets\/docs\/layer-probe\.ts → generator\/src\/sources\/openapi\/index\.ts/);
  });

  it('fail when a target imports another target', async () => {
    expect((await cruiseWithProbes()).output).toMatch(/error no-target-imports-another: generator\/src\/targets\/cli\/layer-probe\.ts/);
  });

  it('fail when the model imports a target', async () => {
    expect((await cruiseWithProbes()).output).toMatch(/error model-stays-below-targets: generator\/src\/model\/layer-probe\.ts/);
  });

  it('fail on an import cycle', async () => {
    expect((await cruiseWithProbes()).output).toMatch(/error no-circular: generator\/src\/diff\/cycle-(a|b)\.ts/);
  });
});
