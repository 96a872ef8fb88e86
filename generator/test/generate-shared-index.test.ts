/**
 * The index that merges the modules of one CLI (`…/generated/command-index.ts`) lies outside every
 * unit's output folder, yet each unit writes it and its lock records it. A hand edit to it is a
 * conflict like any other: refused without --force, not overwritten silently.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempProject, runGenerator, snapshotTree } from './helpers/project.js';

let project: Awaited<ReturnType<typeof makeTempProject>>;
let configFile = '';
const sharedIndex = () => path.join(project.root, 'out/cli/src/generated/command-index.ts');
const generate = (...args: string[]) => runGenerator(['generate', '--config', configFile, ...args], project.root);

const unit = (name: string, path: string, cmdlet: string) => `
  - name: ${name}
    openapi: openapi/acquireAccessToken.yaml
    cmdlets: [cmdlets]
    lockFile: locks/${name}.json
    include:
      paths: ["${path}"]
      cmdlets: [${cmdlet}]
    outputs:
      client: { dir: ../out/${name}/client, packageName: "@mgkit/graph-${name}" }
      cli: { dir: ../out/cli/src/generated/${name}, packageName: "@mgkit/cli" }
`;

beforeAll(async () => {
  project = await makeTempProject();
  configFile = path.join(project.root, 'specs/modules.config.yaml');
  await writeFile(
    configFile,
    `version: 1\nunits:${unit('apps', '/applications/*/synchronization/*acquireAccessToken#POST', 'Get-MgApplicationSynchronizationAccessToken')}${unit(
      'sps',
      '/servicePrincipals/*/synchronization/*acquireAccessToken#POST',
      'Get-MgServicePrincipalSynchronizationAccessToken',
    )}`,
  );
  const first = await generate();
  expect(first.stderr).not.toMatch(/error/);
  expect(first.status).toBe(0);
});

afterAll(() => project.dispose());

describe('the shared index of a CLI made of modules', () => {
  it('is recorded in the lock of each unit that writes it', async () => {
    const index = await readFile(sharedIndex(), 'utf8');
    expect(index).toContain('./apps/command-index.js');
    expect(index).toContain('./sps/command-index.js');
    for (const name of ['apps', 'sps']) {
      const lock = JSON.parse(await readFile(path.join(project.root, `specs/locks/${name}.json`), 'utf8')) as { units: Record<string, { outputs: { path: string }[] }> };
      expect(lock.units[name]?.outputs.map((entry) => entry.path)).toContain('../../out/cli/src/generated/command-index.ts');
    }
  });

  it('edited by hand (its generated header kept), is refused without --force and kept as edited', async () => {
    await writeFile(sharedIndex(), `${await readFile(sharedIndex(), 'utf8')}\n// my local change\n`);
    const before = await snapshotTree(project.root);
    const refused = await generate();
    expect(refused.status).toBe(1);
    // once, though both units' locks record it
    expect(refused.stderr.match(/command-index\.ts: error output\/hand-edited: was edited by hand/g)).toHaveLength(1);
    expect(refused.stderr).toContain('1 file(s) would be overwritten');
    expect(await snapshotTree(project.root)).toEqual(before);

    const check = await generate('--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/command-index\.ts \(edited by hand\)/);

    const forced = await generate('--force');
    expect(forced.status).toBe(0);
    expect(await readFile(sharedIndex(), 'utf8')).not.toContain('my local change');
    expect((await generate('--check')).status).toBe(0);
  });

  it('content another unit’s lock recorded is not a hand edit (one lock older after a run of some units)', async () => {
    // as after `generate --unit apps` with another module list: the index on disk is the one apps
    // recorded, and sps's lock still holds the index before it
    const other = `${await readFile(sharedIndex(), 'utf8')}// as another module list would give\n`;
    await writeFile(sharedIndex(), other);
    const appsLock = path.join(project.root, 'specs/locks/apps.json');
    const lock = JSON.parse(await readFile(appsLock, 'utf8')) as { units: Record<string, { outputs: { path: string; sha256: string }[] }> };
    const entry = lock.units['apps']?.outputs.find((candidate) => candidate.path.endsWith('generated/command-index.ts'));
    entry!.sha256 = createHash('sha256').update(other).digest('hex');
    await writeFile(appsLock, `${JSON.stringify(lock, null, 2)}\n`);

    const result = await generate();
    expect(result.stderr).not.toMatch(/hand-edited/);
    expect(result.status).toBe(0);
    expect(await readFile(sharedIndex(), 'utf8')).not.toContain('as another module list would give');
  });
});
