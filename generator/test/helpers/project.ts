import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { projectRoot, specsDir } from './paths.js';

export const generatorBin = path.join(projectRoot, 'generator/bin/mgkit-gen.js');

/** A throw-away project: a copy of specs/ (and whatever else a test writes) in a temp folder. */
export async function makeTempProject(): Promise<{ root: string; configFile: string; dispose: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mgkit-project-'));
  await cp(specsDir, path.join(root, 'specs'), { recursive: true });
  return {
    root,
    configFile: path.join(root, 'specs/mgkit.config.yaml'),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

let generatedTemplate: Promise<string> | undefined;

/**
 * A throw-away project whose outputs are already generated from specs/: one real `generate`
 * per test file into a template, then a copy per test (a copy is much cheaper than a run).
 */
export async function makeGeneratedProject(): Promise<{ root: string; configFile: string; dispose: () => Promise<void> }> {
  generatedTemplate ??= (async () => {
    const template = await makeTempProject();
    const first = runGenerator(['generate', '--config', template.configFile], template.root);
    if (first.status !== 0) throw new Error(`generate failed in the template project (exit ${first.status}):\n${first.stderr}`);
    return template.root;
  })();
  const source = await generatedTemplate;
  const root = await mkdtemp(path.join(os.tmpdir(), 'mgkit-project-'));
  await cp(source, root, { recursive: true });
  return {
    root,
    configFile: path.join(root, 'specs/mgkit.config.yaml'),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built `mgkit-gen` binary as a user would. */
export function runGenerator(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const result = spawnSync(process.execPath, [generatorBin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: cwd, NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Path → sha256 of every file under `root`, to prove a failed run touched nothing. */
export async function snapshotTree(root: string): Promise<Map<string, string>> {
  const snapshot = new Map<string, string>();
  const visit = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await visit(full);
      else
        snapshot.set(
          path.relative(root, full),
          createHash('sha256')
            .update(await readFile(full))
            .digest('hex'),
        );
    }
  };
  await visit(root);
  return snapshot;
}

/** The same, without blocking the event loop (needed when the test itself serves HTTP). */
export function runGeneratorAsync(args: readonly string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [generatorBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}
