import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { projectRoot, specsDir } from './paths.js';
import { runGeneratorInProcess } from './in-process.js';

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
    const first = await runGenerator(['generate', '--config', template.configFile], template.root);
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

/**
 * Run the built `mgkit-gen` (its `main`, in this process) on a project, as a user would from `cwd`:
 * its exit code and everything it printed. A fresh process would spend 90% of a small run loading
 * the generator; the few tests that need a process of their own (a terminal, a file-handle limit,
 * a stale build) spawn `generatorBin`.
 */
export function runGenerator(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return runGeneratorInProcess(args, cwd, { INIT_CWD: cwd, NO_COLOR: '1', ...env });
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
