/**
 * A reader that goes away (`mgkit-gen inspect | head`) is no error: the run finishes with its own
 * exit code, prints no stack, and a generate still writes everything. This needs a real pipe, so
 * the built bin runs in a process of its own.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generatorBin, makeTempProject } from './helpers/project.js';

let project: Awaited<ReturnType<typeof makeTempProject>> | undefined;
afterEach(async () => {
  await project?.dispose();
  project = undefined;
});

/** Runs mgkit-gen with its stdout's reading end closed at once; resolves to its exit code and stderr. */
function runWithClosedStdout(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [generatorBin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('mgkit-gen with its reader gone', () => {
  it('--help exits 0 without a stack', async () => {
    const result = await runWithClosedStdout(['--help'], path.dirname(generatorBin));
    expect(result).toEqual({ code: 0, stderr: '' });
  });

  it('generate finishes its run and writes every file and the lock', async () => {
    project = await makeTempProject();
    const result = await runWithClosedStdout(['generate', '--config', project.configFile, '--force'], project.root);
    expect(result).toEqual({ code: 0, stderr: '' });
    const lock = JSON.parse(await readFile(path.join(project.root, 'specs/mgkit-lock.json'), 'utf8')) as { units: Record<string, { outputs: { path: string }[] }> };
    const outputs = Object.values(lock.units).flatMap((unit) => unit.outputs);
    expect(outputs.length).toBeGreaterThan(20);
    for (const output of outputs) await expect(readFile(path.resolve(project.root, 'specs', output.path), 'utf8')).resolves.toBeTypeOf('string');
  });
});
