import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/paths.js';
import { makeTempProject, runGenerator } from './helpers/project.js';

let project: Awaited<ReturnType<typeof makeTempProject>>;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: project.root, encoding: 'utf8' });

beforeEach(async () => {
  project = await makeTempProject();
  for (const [name, version] of [
    ['graph-client', '0.3.0'],
    ['cli', '1.2.0'],
  ] as const) {
    await mkdir(path.join(project.root, 'packages', name), { recursive: true });
    await writeFile(path.join(project.root, 'packages', name, 'package.json'), JSON.stringify({ name: `@mgkit/${name}`, version }));
  }
  // A workspace like ours, so changesets can read the packages.
  await writeFile(path.join(project.root, 'package.json'), JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }));
  await mkdir(path.join(project.root, '.changeset'));
  await writeFile(path.join(project.root, '.changeset/config.json'), await readFile(path.join(projectRoot, '.changeset/config.json')));
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
});

afterEach(async () => {
  await project.dispose();
});

describe('mgkit-gen diff against a git ref, feeding a changeset', () => {
  it('reports a removed enum member as breaking and writes the changeset with the right bumps', async () => {
    const description = path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');
    const text = await readFile(description, 'utf8');
    await writeFile(description, text.replace('        - ConnectionString\n', '').replace('        - None\n', '        - None\n        - Brandnew\n'));
    // --changeset is a switch: the ref after it is still a ref (the folder has its own option)
    const result = await runGenerator(['diff', '--config', project.configFile, '--fail-on-breaking', '--changeset', 'HEAD', '--changeset-dir', '.changeset'], project.root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/# API changes: HEAD → working tree/);
    expect(result.stdout).toMatch(/2 change\(s\), 1 breaking/);
    expect(result.stdout).toMatch(/\| removed \| enum-member \| `SynchronizationSecret.ConnectionString` \|/);
    expect(result.stdout).toMatch(/\| added \| enum-member \| `SynchronizationSecret.Brandnew` \|/);
    const [changeset] = (await readdir(path.join(project.root, '.changeset'))).filter((name) => name.startsWith('mgkit-api-'));
    const contents = await readFile(path.join(project.root, '.changeset', changeset!), 'utf8');
    // 0.x: a breaking change is a minor bump; 1.x: major.
    expect(contents).toMatch(/^---\n"@mgkit\/graph-client": minor\n"@mgkit\/cli": major\n---\n/);
    expect(contents).toMatch(/\*\*Breaking:\*\* removed enum-member `SynchronizationSecret.ConnectionString`/);
    // And the changesets tool reads it as the release it would make (what `npm run release:dry` shows).
    const status = execFileSync(path.join(projectRoot, 'node_modules/.bin/changeset'), ['status', '--verbose'], {
      cwd: project.root,
      encoding: 'utf8',
      // plain text whatever the caller's terminal (turbo may force colours)
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    expect(status).toMatch(/bumped at minor\n.*@mgkit\/graph-client 0\.4\.0/);
    expect(status).toMatch(/bumped at major\n.*@mgkit\/cli 2\.0\.0/);
  });

  it('reports only what the unit generates: a change outside its include paths is no change', async () => {
    // the unit now generates the applications action only
    await writeFile(project.configFile, (await readFile(project.configFile, 'utf8')).replace(/\n\s+- \/servicePrincipals\/\*\/synchronization\/\*acquireAccessToken#POST/, ''));
    git('commit', '-qam', 'applications only');
    const description = path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');
    const text = await readFile(description, 'utf8');
    await writeFile(
      description,
      text
        .replace('operationId: servicePrincipal.synchronization_acquireAccessToken', 'operationId: servicePrincipal.synchronization_acquireAccessToken\n      deprecated: true')
        .replace('description: The unique identifier of servicePrincipal', 'description: The id of the service principal'),
    );
    const outside = await runGenerator(['diff', 'HEAD', '--config', project.configFile, '--json', '--fail-on-breaking'], project.root);
    expect(outside.status, outside.stderr).toBe(0);
    expect((JSON.parse(outside.stdout) as { changes: unknown[] }).changes).toEqual([]);
    // …but it says that the selection hid them, and two files without --unit show them
    expect(outside.stderr).toMatch(/^note: [1-9]\d* change\(s\) outside what unit 'applications' generates are not shown/m);
    const old = path.join(project.root, 'old.yaml');
    await writeFile(old, text);
    const whole = await runGenerator(['diff', old, description, '--config', project.configFile, '--json'], project.root);
    expect(whole.status, whole.stderr).toBe(0);
    expect((JSON.parse(whole.stdout) as { changes: unknown[] }).changes.length).toBeGreaterThan(0);
    expect(whole.stderr).not.toMatch(/note:/);
    // the same kind of edit inside the selection is reported
    await writeFile(description, (await readFile(description, 'utf8')).replace('description: The unique identifier of application', 'description: The id of the application'));
    const inside = await runGenerator(['diff', 'HEAD', '--config', project.configFile, '--json'], project.root);
    expect((JSON.parse(inside.stdout) as { changes: unknown[] }).changes.length).toBeGreaterThan(0);
  });

  it('compares two refs, prints JSON, and exits 0 without --fail-on-breaking', async () => {
    const description = path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');
    const text = await readFile(description, 'utf8');
    await writeFile(description, text.replaceAll('Invoke action acquireAccessToken', 'Invoke the acquireAccessToken action'));
    git('commit', '-qam', 'docs tweak');
    const result = await runGenerator(['diff', 'HEAD~1', 'HEAD', '--config', project.configFile, '--json'], project.root);
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout) as { changes: { docsOnly?: boolean; breaking: boolean }[]; breaking: number };
    expect(diff.breaking).toBe(0);
    expect(diff.changes.length).toBe(2);
    expect(diff.changes.every((change) => change.docsOnly)).toBe(true);
  });

  it('rejects a ref that does not exist with a one-line usage error', async () => {
    const result = await runGenerator(['diff', 'no-such-ref', '--config', project.configFile], project.root);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^mgkit-gen diff: 'no-such-ref' is neither a file nor a git commit/);
  });
});
