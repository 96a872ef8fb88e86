/** `generate` closes with a summary (counts, and time and memory per stage); on a terminal it also reports progress, in CI it does not. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatorBin, makeTempProject, runGenerator } from './helpers/project.js';

let project: Awaited<ReturnType<typeof makeTempProject>>;

beforeEach(async () => {
  project = await makeTempProject();
});

afterEach(async () => {
  await project.dispose();
});

const STAGES = ['read', 'model', 'client', 'cli', 'docs', 'llms', 'write'];

/** Runs generate with a terminal on stdout and stderr (util-linux `script`), returning what the terminal showed. */
function runOnTerminal(env: Record<string, string | undefined>): string {
  const command = [process.execPath, generatorBin, 'generate', '--config', project.configFile].map((word) => `'${word}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: project.root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('generate: summary and progress', () => {
  it('closes with operations, types, cmdlets, CLI commands, pages, files written, and a line per stage; no progress on a pipe', async () => {
    const result = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Summary: 2 operations, \d+ types, 2 cmdlets, 2 CLI commands, \d+ docs pages; \d+ file\(s\) written\.$/m);
    for (const stage of STAGES) expect(result.stdout).toMatch(new RegExp(`^  ${stage} +\\d+\\.\\d s +\\d+ MB$`, 'm'));
  });

  it.runIf(existsSync('/usr/bin/script'))('prints one progress line per stage and unit on a terminal, and none when CI is set', () => {
    const shown = runOnTerminal({ CI: undefined });
    for (const stage of STAGES.filter((name) => name !== 'write')) expect(shown).toMatch(new RegExp(`^\\[${stage}\\] applications \\d+\\.\\d s, \\d+ MB\\r?$`, 'm'));
    // again with CI set: the inputs changed nothing, so force a full run
    const again = spawnSync('script', ['-qec', `'${process.execPath}' '${generatorBin}' generate --force --config '${project.configFile}'`, '/dev/null'], {
      cwd: project.root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
    });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Summary: /m);
    expect(again.stdout).not.toMatch(/^\[\w+\] /m);
  });
});

describe('generate: units with locks of their own', () => {
  it('regenerates only the unit whose inputs changed', async () => {
    const { appendFile, readFile, writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const unit = (name: string, pathGlob: string, cmdlets: string) =>
      [
        `  - name: ${name}`,
        '    openapi: openapi/acquireAccessToken.yaml',
        '    cmdlets: [cmdlets]',
        `    lockFile: locks/${name}.json`,
        `    include: { paths: ['${pathGlob}'], cmdlets: ['${cmdlets}'] }`,
        '    outputs:',
        `      client: { dir: ../out/${name}/client, packageName: "@example/${name}" }`,
        `      cli: { dir: ../out/${name}/cli, packageName: "@example/${name}-cli" }`,
      ].join('\n');
    await writeFile(
      project.configFile,
      ['version: 1', 'units:', unit('apps', '/applications/**', 'Get-MgApplication*'), unit('sps', '/servicePrincipals/**', 'Get-MgServicePrincipal*'), ''].join('\n'),
    );
    const first = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(first.status, first.stderr).toBe(0);
    const appsLock = path.join(project.root, 'specs/locks/apps.json');
    const appsBefore = await readFile(appsLock, 'utf8');

    await appendFile(path.join(project.root, 'specs/cmdlets/Get-MgServicePrincipalSynchronizationAccessToken.md'), '\n');
    const second = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^Up to date: 1 unit\(s\); regenerating sps\.$/m);
    expect(second.stdout).toMatch(/Generated \d+ file\(s\) for 1 unit\(s\)/);
    expect(await readFile(appsLock, 'utf8')).toBe(appsBefore);

    const third = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(third.stdout).toMatch(/^Up to date: inputs, config and outputs match/m);
  });
});

describe('generate: the up-to-date check at scale', () => {
  it('stays up to date with few file handles (it hashes a few files at a time, not every output at once)', async () => {
    const first = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(first.status, first.stderr).toBe(0);
    // 44 outputs and their inputs opened at once need more handles than this; a batch does not
    const again = spawnSync('bash', ['-c', `ulimit -n 48 && '${process.execPath}' '${generatorBin}' generate --config '${project.configFile}'`], { cwd: project.root, encoding: 'utf8' });
    expect(again.stdout, again.stderr).toMatch(/^Up to date: inputs, config and outputs match/);
  });
});
