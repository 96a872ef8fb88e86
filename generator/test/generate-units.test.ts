import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempProject, runGenerator, snapshotTree } from './helpers/project.js';

let project: Awaited<ReturnType<typeof makeTempProject>>;

/** Two units, one per resource, each with its own output folders. */
const TWO_UNITS = `version: 1
units:
  - name: applications
    openapi: openapi/acquireAccessToken.yaml
    cmdlets: [cmdlets]
    include:
      paths: ['/applications/**']
      cmdlets: [Get-MgApplication*]
    outputs:
      client: { dir: ../out/applications/client/src/generated, packageName: '@example/applications-client' }
      cli: { dir: ../out/applications/cli/src/generated, packageName: '@example/applications-cli' }
      docs: { dir: ../out/applications/docs }
  - name: service-principals
    openapi: openapi/acquireAccessToken.yaml
    lockFile: service-principals.lock.json
    cmdlets: [cmdlets]
    include:
      paths: ['/servicePrincipals/**']
      cmdlets: [Get-MgServicePrincipal*]
    outputs:
      client: { dir: ../out/service-principals/client/src/generated, packageName: '@example/sp-client' }
      cli: { dir: ../out/service-principals/cli/src/generated, packageName: '@example/sp-cli' }
      docs: { dir: ../out/service-principals/docs }
`;

beforeEach(async () => {
  project = await makeTempProject();
  await writeFile(project.configFile, TWO_UNITS);
});

afterEach(async () => {
  await project.dispose();
});

const filesUnder = (snapshot: Map<string, string>, prefix: string) => new Map([...snapshot].filter(([file]) => file.startsWith(prefix)));

describe('several generation units', () => {
  it('generates each unit into its own folders and records each in the lock', async () => {
    const result = runGenerator(['generate', '--config', project.configFile], project.root);
    expect(result.status, result.stderr).toBe(0);
    const lock = JSON.parse(await readFile(path.join(project.root, 'specs/mgkit-lock.json'), 'utf8')) as {
      units: Record<string, { outputs: { path: string }[] }>;
    };
    // The first unit uses the config's lock; the second has its own (its own turbo task can cache it).
    const spLock = JSON.parse(await readFile(path.join(project.root, 'specs/service-principals.lock.json'), 'utf8')) as typeof lock;
    expect(Object.keys(lock.units)).toEqual(['applications']);
    expect(Object.keys(spLock.units)).toEqual(['service-principals']);
    for (const [name, unit] of Object.entries({ ...lock.units, ...spLock.units })) {
      expect(unit.outputs.length).toBeGreaterThan(0);
      expect(unit.outputs.every((entry) => entry.path.startsWith(`../out/${name}/`))).toBe(true);
    }
  });

  it('--unit regenerates one unit and leaves the other untouched', async () => {
    expect(runGenerator(['generate', '--config', project.configFile], project.root).status).toBe(0);
    const before = await snapshotTree(project.root);
    const twin = path.join(project.root, 'specs/cmdlets/Get-MgServicePrincipalSynchronizationAccessToken.md');
    await writeFile(twin, (await readFile(twin, 'utf8')).replace('Optional headers that will be added to the request.', 'Extra request headers.'));
    const result = runGenerator(['generate', '--config', project.configFile, '--unit', 'service-principals'], project.root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/for 1 unit\(s\)/);
    const after = await snapshotTree(project.root);
    expect(filesUnder(after, 'out/applications/')).toEqual(filesUnder(before, 'out/applications/'));
    expect(filesUnder(after, 'out/service-principals/')).not.toEqual(filesUnder(before, 'out/service-principals/'));
    const lock = JSON.parse(await readFile(path.join(project.root, 'specs/mgkit-lock.json'), 'utf8')) as { units: Record<string, unknown> };
    expect(Object.keys(lock.units)).toEqual(['applications']);
    // With only its inputs unchanged, the other unit is up to date on its own.
    expect(runGenerator(['generate', '--config', project.configFile, '--unit', 'applications'], project.root).stdout).toMatch(/^Up to date/);
    // And a full run afterwards finds everything in order.
    expect(runGenerator(['generate', '--config', project.configFile, '--check'], project.root).status).toBe(0);
  });
});
