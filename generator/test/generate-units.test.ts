import { appendFile, copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withOwnStatCache } from './helpers/stat-cache.js';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
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
    const result = await runGenerator(['generate', '--config', project.configFile], project.root);
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
    expect((await runGenerator(['generate', '--config', project.configFile], project.root)).status).toBe(0);
    const before = await snapshotTree(project.root);
    const twin = path.join(project.root, 'specs/cmdlets/Get-MgServicePrincipalSynchronizationAccessToken.md');
    await writeFile(twin, (await readFile(twin, 'utf8')).replace('Optional headers that will be added to the request.', 'Extra request headers.'));
    const result = await runGenerator(['generate', '--config', project.configFile, '--unit', 'service-principals'], project.root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/for 1 unit\(s\)/);
    const after = await snapshotTree(project.root);
    expect(filesUnder(after, 'out/applications/')).toEqual(filesUnder(before, 'out/applications/'));
    expect(filesUnder(after, 'out/service-principals/')).not.toEqual(filesUnder(before, 'out/service-principals/'));
    const lock = JSON.parse(await readFile(path.join(project.root, 'specs/mgkit-lock.json'), 'utf8')) as { units: Record<string, unknown> };
    expect(Object.keys(lock.units)).toEqual(['applications']);
    // With only its inputs unchanged, the other unit is up to date on its own.
    expect((await runGenerator(['generate', '--config', project.configFile, '--unit', 'applications'], project.root)).stdout).toMatch(/^Up to date/);
    // And a full run afterwards finds everything in order.
    expect((await runGenerator(['generate', '--config', project.configFile, '--check'], project.root)).status).toBe(0);
  });
});

describe('units on worker threads', () => {
  const THREE_UNITS = `${TWO_UNITS}  - name: everything
    openapi: openapi/acquireAccessToken.yaml
    lockFile: everything.lock.json
    cmdlets: [cmdlets]
    outputs:
      client: { dir: ../out/everything/client, packageName: '@example/everything-client' }
`;

  it('write the same files as one thread, and report in config order', async () => {
    await writeFile(project.configFile, THREE_UNITS);
    const threaded = await runGenerator(['generate', '--config', project.configFile], project.root, { MGKIT_GEN_WORKERS: '2' });
    expect(threaded.status, threaded.stderr).toBe(0);
    expect(threaded.stdout).toMatch(/units ran on 2 worker threads/);
    const withWorkers = await snapshotTree(project.root);

    await rm(path.join(project.root, 'out'), { recursive: true });
    const single = await runGenerator(['generate', '--config', project.configFile, '--force'], project.root, { MGKIT_GEN_WORKERS: '1' });
    expect(single.status, single.stderr).toBe(0);
    expect(single.stdout).not.toMatch(/worker threads/);
    expect(await snapshotTree(project.root)).toEqual(withWorkers);
    expect(threaded.stderr).toBe(single.stderr);
  });

  it('only when the descriptions are large enough to pay for starting the workers, unless MGKIT_GEN_WORKERS says', async () => {
    await writeFile(project.configFile, THREE_UNITS);
    // three units of a 6 KB description: a worker would spend longer loading than working
    const small = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(small.status, small.stderr).toBe(0);
    expect(small.stdout).not.toMatch(/worker threads/);
    // the same three reading 3 × 200 KB more (a YAML comment: the same model, the same files)
    await appendFile(path.join(project.root, 'specs/openapi/acquireAccessToken.yaml'), `# ${'x'.repeat(200 * 1024)}\n`);
    const large = await runGenerator(['generate', '--config', project.configFile, '--force'], project.root);
    expect(large.status, large.stderr).toBe(0);
    const cores = Math.min(availableParallelism(), 3);
    if (cores > 1) expect(large.stdout).toMatch(new RegExp(`units ran on ${cores} worker threads`));
    else expect(large.stdout).not.toMatch(/worker threads/);
    const told = await runGenerator(['generate', '--config', project.configFile, '--force'], project.root, { MGKIT_GEN_WORKERS: '1' });
    expect(told.stdout).not.toMatch(/worker threads/);
  });

  it("one unit's error on a worker stops the run before anything is written", async () => {
    const broken = path.join(project.root, 'specs/openapi/broken.yaml');
    await writeFile(broken, 'openapi: 3.0.4\ninfo: { title: t, version: "1" }\npaths:\n  /x:\n    get:\n      responses:\n        "200": { $ref: "#/components/responses/Missing" }\n');
    await writeFile(
      project.configFile,
      THREE_UNITS.replace('openapi: openapi/acquireAccessToken.yaml\n    lockFile: everything.lock.json', 'openapi: openapi/broken.yaml\n    lockFile: everything.lock.json'),
    );
    const before = await snapshotTree(project.root);
    const result = await runGenerator(['generate', '--config', project.configFile], project.root, { MGKIT_GEN_WORKERS: '2' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.yaml:7:\d+: error /);
    expect(result.stderr).toMatch(/nothing was written/);
    expect(await snapshotTree(project.root)).toEqual(before);
  });
});

describe('the stat cache never vouches for what a run did not read', () => {
  it("units sharing a lock: an edit to the other unit's description is seen after generate --unit", async () => {
    await withOwnStatCache(async () => {
      const specs = path.join(project.root, 'specs');
      await copyFile(path.join(specs, 'openapi/acquireAccessToken.yaml'), path.join(specs, 'openapi/service-principals.yaml'));
      // one lock for both units, each unit its own description
      await writeFile(
        project.configFile,
        TWO_UNITS.replace('    lockFile: service-principals.lock.json\n', '').replace(
          /(name: service-principals\n {4}openapi: )openapi\/acquireAccessToken\.yaml/,
          '$1openapi/service-principals.yaml',
        ),
      );
      expect((await runGenerator(['generate', '--config', project.configFile], project.root)).status).toBe(0);
      await appendFile(path.join(specs, 'openapi/service-principals.yaml'), '\n# edited after the first run\n');
      // applications changes too, so that --unit applications really runs and writes the shared lock
      await appendFile(path.join(specs, 'openapi/acquireAccessToken.yaml'), '\n# edited too\n');
      expect((await runGenerator(['generate', '--config', project.configFile, '--unit', 'applications'], project.root)).stdout).toMatch(/^Generated/);
      const check = await runGenerator(['generate', '--config', project.configFile, '--check'], project.root);
      expect(check.stdout).not.toMatch(/^Up to date/);
      expect((await runGenerator(['generate', '--config', project.configFile], project.root)).stdout).not.toMatch(/^Up to date/);
    });
  });
});

describe('units that are modules of one CLI binary', () => {
  it('must describe the same server: one binary has one default base URL', async () => {
    const specs = path.join(project.root, 'specs');
    const description = await readFile(path.join(specs, 'openapi/acquireAccessToken.yaml'), 'utf8');
    await writeFile(path.join(specs, 'openapi/beta.yaml'), description.replace('https://graph.microsoft.com/v1.0', 'https://graph.microsoft.com/beta'));
    const shared = TWO_UNITS.replace(/\.\.\/out\/applications\/cli\/src\/generated/, '../out/cli/src/generated/applications')
      .replace(/\.\.\/out\/service-principals\/cli\/src\/generated/, '../out/cli/src/generated/service-principals')
      .replace(/packageName: '@example\/(applications|sp)-cli'/g, "packageName: '@example/cli'")
      .replace(/(name: service-principals\n {4}openapi: )openapi\/acquireAccessToken\.yaml/, '$1openapi/beta.yaml');
    await writeFile(project.configFile, shared);
    const mixed = await runPipeline({ configFile: project.configFile, modelOnly: true });
    expect(mixed.diagnostics.errors.map((d) => [d.code, d.message])).toEqual([
      [
        'cli/mixed-base-urls',
        'the units of the CLI package @example/cli have descriptions with different servers (https://graph.microsoft.com/v1.0: applications; https://graph.microsoft.com/beta: service-principals)',
      ],
    ]);
    await writeFile(project.configFile, shared.replace('openapi/beta.yaml', 'openapi/acquireAccessToken.yaml'));
    expect((await runPipeline({ configFile: project.configFile, modelOnly: true })).diagnostics.errors).toEqual([]);
  });
});
