import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempProject, runGenerator, snapshotTree } from './helpers/project.js';

let project: Awaited<ReturnType<typeof makeTempProject>>;

beforeEach(async () => {
  project = await makeTempProject();
  const first = await runGenerator(['generate', '--config', project.configFile], project.root);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
});

afterEach(async () => {
  await project.dispose();
});

const seed = () => path.join(project.root, 'specs/cmdlets/Get-MgApplicationSynchronizationAccessToken.md');
const description = () => path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');

async function replaceIn(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  await writeFile(file, next);
}

/** Break the inputs, run generate, and check: one clear error line, non-zero exit, nothing written. */
async function expectOneError(expected: { file: string; line: number | string; code: string; mention: RegExp }): Promise<void> {
  const before = await snapshotTree(project.root);
  const result = await runGenerator(['generate', '--config', project.configFile], project.root);
  expect(result.status).not.toBe(0);
  const errors = result.stderr.split('\n').filter((line) => / error /.test(line));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(new RegExp(`^${expected.file.replace(/[.]/g, '\\.')}:${expected.line}(:\\d+)?: error ${expected.code}: `));
  expect(errors[0]).toMatch(expected.mention);
  expect(errors[0]).toMatch(/\(fix: .+\)$/);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(await snapshotTree(project.root)).toEqual(before);
}

describe('malformed inputs stop generate with one clear error and leave every file untouched', () => {
  it('broken YAML in the description', async () => {
    await replaceIn(description(), '  title: Applications\n', '  title: [Applications\n');
    await expectOneError({ file: 'specs/openapi/acquireAccessToken.yaml', line: '[34]', code: 'openapi/parse-error', mention: /YAML|flow|sequence/i });
  });

  it('a dangling $ref', async () => {
    await replaceIn(description(), "$ref: '#/components/schemas/microsoft.graph.synchronizationSecret'", "$ref: '#/components/schemas/microsoft.graph.noSuchSecret'");
    const text = await readFile(description(), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('noSuchSecret')) + 1;
    await expectOneError({ file: 'specs/openapi/acquireAccessToken.yaml', line, code: 'openapi/dangling-ref', mention: /noSuchSecret/ });
  });

  it('cmdlet help without a SYNTAX section', async () => {
    const text = await readFile(seed(), 'utf8');
    const withoutSyntax = text.replace(/## SYNTAX[\s\S]*?(?=## DESCRIPTION)/, '');
    await writeFile(seed(), withoutSyntax);
    await expectOneError({ file: 'specs/cmdlets/Get-MgApplicationSynchronizationAccessToken.md', line: '\\d+', code: 'cmdlet/missing-syntax', mention: /SYNTAX/ });
  });

  it('a parameter naming a parameter set that SYNTAX does not have', async () => {
    await replaceIn(seed(), 'Parameter Sets: Acquire, AcquireExpanded\n', 'Parameter Sets: Acquire, AcquireExpandedd\n');
    const text = await readFile(seed(), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('AcquireExpandedd')) + 1;
    await expectOneError({ file: 'specs/cmdlets/Get-MgApplicationSynchronizationAccessToken.md', line, code: 'cmdlet/unknown-parameter-set', mention: /AcquireExpandedd/ });
  });

  it('an unknown key in mgkit.config.yaml', async () => {
    await replaceIn(project.configFile, '    include:\n', '    inculde:\n');
    const text = await readFile(project.configFile, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('inculde')) + 1;
    await expectOneError({ file: 'specs/mgkit.config.yaml', line, code: 'config/unknown-key', mention: /'inculde'.*include/ });
  });

  it('a config pointing at a missing description', async () => {
    await replaceIn(project.configFile, 'openapi: openapi/acquireAccessToken.yaml', 'openapi: openapi/missing.yaml');
    const result = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/missing\.yaml/);
  });
});

describe('generate on a clean project', () => {
  it('writes the lock, then finds nothing to do', async () => {
    const lock = JSON.parse(await readFile(path.join(project.root, 'specs/mgkit-lock.json'), 'utf8')) as {
      generator: string;
      units: Record<string, { inputs: { path: string }[] }>;
    };
    expect(lock.generator).toMatch(/^@mgkit\/generator@/);
    expect(lock.units['applications']!.inputs.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['cmdlets/Get-MgApplicationSynchronizationAccessToken.md', 'cmdlets/Get-MgServicePrincipalSynchronizationAccessToken.md', 'openapi/acquireAccessToken.yaml']),
    );
    const before = await snapshotTree(project.root);
    const again = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/Up to date/);
    expect(await snapshotTree(project.root)).toEqual(before);
  });

  it('regenerates when an input changes', async () => {
    await appendFile(seed(), '\n');
    const again = await runGenerator(['generate', '--config', project.configFile], project.root);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/Generated/);
  });
});

describe('exit codes', async () => {
  it('--help documents them, and an unknown option is a usage error (2)', async () => {
    const help = await runGenerator(['--help'], project.root);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes: 0 done; 1 errors in the inputs/);
    const unknown = await runGenerator(['generate', '--chek'], project.root);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--chek'/);
  });
});
