/**
 * `generate` stages each target's files beside their places as the target makes them, and holds
 * none of their contents until the write (a module's outputs are tens of megabytes). A run that
 * stops before its write (a refusal, an interrupt) must still leave the tree as it found it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discardRunTemporaries, foldersUnder } from '../src/output/index.js';
import { loadTargets } from '../src/targets/index.js';
import { corpusAvailable, corpusCmdlets, corpusOpenApi, specsDir } from './helpers/paths.js';
import { generatorBin, makeGeneratedProject, runGenerator, snapshotTree } from './helpers/project.js';

const temporaries = (tree: ReadonlyMap<string, string>) => [...tree.keys()].filter((file) => file.endsWith('.mgkit-tmp'));

describe('generate stages its outputs as the targets make them', () => {
  const disposals: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const dispose of disposals) await dispose();
  });

  it('a refused run (a hand edit, no --force) leaves no temporary and no folder it made', async () => {
    const project = await makeGeneratedProject();
    disposals.push(project.dispose);
    // every output changes (an input edit), one was edited by hand, and a whole output folder is gone
    const description = path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');
    await writeFile(description, (await readFile(description, 'utf8')).replace(/Acquire an OAuth access token/g, 'Acquire an OAuth 2.0 access token'));
    const lock = JSON.parse(await readFile(path.join(project.root, 'specs/mgkit-lock.json'), 'utf8')) as { units: Record<string, { outputs: { path: string }[] }> };
    const handEdited = path.resolve(project.root, 'specs', lock.units['applications']!.outputs.find((entry) => entry.path.includes('graph-client'))!.path);
    await writeFile(handEdited, `${await readFile(handEdited, 'utf8')}// mine\n`);
    const reference = path.join(project.root, 'docs/reference');
    await rm(reference, { recursive: true });
    const before = await snapshotTree(project.root);

    const result = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error output\/hand-edited/);
    const after = await snapshotTree(project.root);
    expect(temporaries(after)).toEqual([]);
    expect(after).toEqual(before);
    expect(existsSync(reference)).toBe(false);

    // with --force the staged run goes through, the folder included
    const forced = await runGenerator(['generate', '--config', project.configFile, '--force'], project.root);
    expect(forced.status, forced.stderr).toBe(0);
    expect(temporaries(await snapshotTree(project.root))).toEqual([]);
    expect(existsSync(path.join(reference, 'index.md'))).toBe(true);
  });

  it('the docs target makes its pages one at a time, as the run asks for them', async () => {
    const project = await makeGeneratedProject();
    disposals.push(project.dispose);
    const { runPipeline } = await import('../src/pipeline/run-pipeline.js');
    const { units } = await runPipeline({ configFile: project.configFile, modelOnly: true });
    const unit = units[0]!;
    const docs = (await loadTargets()).find((target) => target.name === 'docs')!;
    const emitted = await docs.emit(unit.model, { unit: unit.unit, specsDir: path.join(project.root, 'specs') });
    // a generator, not an array: nothing rendered until asked, and one page per step
    expect(Array.isArray(emitted)).toBe(false);
    const pages = emitted[Symbol.iterator]();
    const first = pages.next();
    expect(first.done).toBe(false);
    const rest = [...{ [Symbol.iterator]: () => pages }];
    expect(rest.length).toBeGreaterThan(5);
  });
});

describe('the sweep of a run that stops before its write', () => {
  it('removes the temporaries and every folder the run made, empty ones included, and keeps every folder that was there', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'mgkit-sweep-'));
    try {
      const existing = path.join(root, 'out');
      await mkdir(path.join(existing, 'kept-empty'), { recursive: true });
      await mkdir(path.join(existing, 'a'), { recursive: true });
      await writeFile(path.join(existing, 'a/file.ts'), 'before\n');
      // a root that does not exist yet is given as its highest missing folder (StagingGuard does)
      const missing = path.join(root, 'new-root');
      const before = foldersUnder([existing, missing]);
      // what a run leaves when stopped: a temporary beside an existing file, temporaries in new
      // folders, a folder a worker made before its file, and a new root
      const tag = `${process.pid}-3`;
      await writeFile(path.join(existing, `a/file.ts.${tag}.mgkit-tmp`), 'after\n');
      await mkdir(path.join(existing, 'b/c'), { recursive: true });
      await writeFile(path.join(existing, `b/c/y.ts.${process.pid}.mgkit-tmp`), 'y\n');
      await mkdir(path.join(existing, 'made/by/a/worker'), { recursive: true });
      await mkdir(path.join(missing, 'client/models'), { recursive: true });
      await writeFile(path.join(missing, `client/models/index.ts.${tag}.mgkit-tmp`), 'm\n');
      // another process's temporary is not this run's to remove
      await writeFile(path.join(existing, 'a/other.ts.1.mgkit-tmp'), 'other\n');
      await discardRunTemporaries([existing, missing], before);
      expect((await readdir(root, { recursive: true })).sort()).toEqual(['out', 'out/a', 'out/a/file.ts', 'out/a/other.ts.1.mgkit-tmp', 'out/kept-empty']);
      expect(await readFile(path.join(existing, 'a/file.ts'), 'utf8')).toBe('before\n');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

/**
 * An interrupt while the targets stage their files: the run stops its workers, removes what it
 * staged and the folders it made, and exits 130 with one line. Needs a run long enough to catch in
 * the act: the Applications beta module, beside the project's own slice, on two worker threads.
 */
describe.runIf(corpusAvailable())('an interrupted generate (the Applications beta module, on worker threads)', () => {
  let root: string | undefined;
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('SIGINT while files are staged: exit 130, one line, no temporary, no output folder left', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'mgkit-interrupt-'));
    const configFile = path.join(root, 'mgkit.config.yaml');
    const unit = (name: string, openapi: string, cmdlets: string) => [
      `  - name: ${name}`,
      `    openapi: ${JSON.stringify(openapi)}`,
      `    cmdlets: [${JSON.stringify(cmdlets)}]`,
      `    lockFile: locks/${name}.json`,
      '    include: { paths: ["/**"], cmdlets: ["*"] }',
      '    outputs:',
      `      client: { dir: out/${name}/client, packageName: "@x/${name}-client" }`,
      `      cli: { dir: out/${name}/cli, packageName: "@x/${name}-cli" }`,
      `      docs: { dir: out/${name}/docs }`,
    ];
    await writeFile(
      configFile,
      [
        'version: 1',
        'units:',
        ...unit('slice', path.join(specsDir, 'openapi/acquireAccessToken.yaml'), path.join(specsDir, 'cmdlets')),
        ...unit('applications', corpusOpenApi, corpusCmdlets),
        '',
      ].join('\n'),
    );
    const child = spawn(process.execPath, [generatorBin, 'generate', '--quiet', '--config', configFile], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MGKIT_GEN_WORKERS: '2' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // wait until a file of the large unit is staged, then interrupt
    const largeOutputs = path.join(root, 'out/applications');
    let caught = false;
    while (!caught && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      caught = existsSync(largeOutputs) && temporaries(await snapshotTree(largeOutputs).catch(() => new Map<string, string>())).length > 0;
    }
    expect(caught, `the run ended before it staged a file: ${stderr}`).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    // the workers stopped under it fail the run; the interrupt alone reports
    expect(stderr.trim()).toBe('mgkit-gen: interrupted; nothing was written.');
    expect([...(await snapshotTree(root)).keys()]).toEqual(['mgkit.config.yaml']);
    // folders included: a worker stopped between a folder and its file leaves no empty folder
    expect(existsSync(path.join(root, 'out'))).toBe(false);
  }, 120_000);
});
