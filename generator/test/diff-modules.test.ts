/**
 * `mgkit-gen diff` over a whole set of modules: two folders of descriptions (one file per
 * module), or every unit of a config against a git ref. Each change names its module; a module
 * whose description did not change is not even parsed; a module that appears or goes is a change.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specsDir } from './helpers/paths.js';
import { runGenerator } from './helpers/project.js';

const description = path.join(specsDir, 'openapi/acquireAccessToken.yaml');
let work = '';

/** The description with one more property on the credentials' pair type. */
async function withAddedProperty(): Promise<string> {
  const text = await readFile(description, 'utf8');
  const edited = text.replace(
    /( {4}microsoft\.graph\.synchronizationSecretKeyStringValuePair:\n(?: {6}.*\n)*? {6}properties:\n)/,
    '$1        note:\n          type: string\n          nullable: true\n',
  );
  expect(edited).not.toBe(text);
  return edited;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'mgkit-diff-modules-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('diff over a whole set of modules', () => {
  it('two folders: names the module of each change, and reports modules added and removed', async () => {
    const before = path.join(work, 'v1');
    const after = path.join(work, 'v2');
    await mkdir(before);
    await mkdir(after);
    for (const module of ['Applications', 'Users', 'Groups']) await copyFile(description, path.join(before, `${module}.yml`));
    await copyFile(description, path.join(after, 'Applications.yml'));
    await writeFile(path.join(after, 'Users.yml'), await withAddedProperty());
    await copyFile(description, path.join(after, 'Sites.yml'));
    // Groups.yml is gone
    const result = await runGenerator(['diff', before, after], work);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/3 change\(s\), 1 breaking/);
    expect(result.stdout).toMatch(/\| module \| \| what \| where \| detail \|/);
    expect(result.stdout).toMatch(/\| Groups \| removed \| module \| `Groups` \|/);
    expect(result.stdout).toMatch(/\| Sites \| added \| module \| `Sites` \|/);
    expect(result.stdout).toMatch(/\| Users \| added \| property \| `SynchronizationSecretKeyStringValuePair\.note` \|/);
    expect(result.stdout).not.toMatch(/\| Applications \|/);
    const json = JSON.parse((await runGenerator(['diff', before, after, '--json'], work)).stdout) as { changes: { module: string }[] };
    expect(json.changes.map((change) => change.module).sort()).toEqual(['Groups', 'Sites', 'Users']);
  });

  it('every unit of a config against a git ref: each change names its unit', async () => {
    const repo = path.join(work, 'repo');
    await mkdir(path.join(repo, 'specs/openapi'), { recursive: true });
    for (const module of ['applications', 'users']) await copyFile(description, path.join(repo, `specs/openapi/${module}.yaml`));
    const units = ['applications', 'users'].map((name) =>
      [`  - name: ${name}`, `    openapi: openapi/${name}.yaml`, `    lockFile: locks/${name}.json`, '    outputs:', `      client: { dir: ../out/${name}, packageName: "@example/${name}" }`].join(
        '\n',
      ),
    );
    await writeFile(path.join(repo, 'specs/mgkit.config.yaml'), `version: 1\nunits:\n${units.join('\n')}\n`);
    await writeFile(path.join(repo, 'package.json'), '{ "name": "repo", "private": true }\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    await writeFile(path.join(repo, 'specs/openapi/users.yaml'), await withAddedProperty());
    const result = await runGenerator(['diff', '--config', 'specs/mgkit.config.yaml', 'HEAD'], repo);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/1 change\(s\), 0 breaking/);
    expect(result.stdout).toMatch(/\| users \| added \| property \| `SynchronizationSecretKeyStringValuePair\.note` \|/);
    // a unit whose description is gone from the working tree is a module removed, not an error
    await rm(path.join(repo, 'specs/openapi/applications.yaml'));
    const removed = await runGenerator(['diff', '--config', 'specs/mgkit.config.yaml', 'HEAD'], repo);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toMatch(/\| applications \| removed \| module \| `applications` \|/);
    await copyFile(description, path.join(repo, 'specs/openapi/applications.yaml'));
    // a file on one side means one description: the edited users file against the first unit's
    // (applications), not module by module
    const single = await runGenerator(['diff', '--config', 'specs/mgkit.config.yaml', 'specs/openapi/users.yaml'], repo);
    expect(single.stdout).not.toMatch(/\| module \|/);
    expect(single.stdout).toMatch(/\| removed \| property \| `SynchronizationSecretKeyStringValuePair\.note` \|/);
  });
});
