import { cp, mkdtemp, rm, symlink, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFile, projectRoot } from './helpers/paths.js';

const generatorRoot = path.join(projectRoot, 'generator');

/** A copy of the generator package (bin, dist, src, templates), so its files' times can be changed. */
describe('the built generator refuses to run older than its sources', () => {
  let copy: string;
  beforeAll(async () => {
    copy = await mkdtemp(path.join(os.tmpdir(), 'mgkit-generator-copy-'));
    for (const entry of ['bin', 'dist', 'src', 'templates', 'package.json']) await cp(path.join(generatorRoot, entry), path.join(copy, entry), { recursive: true, preserveTimestamps: true });
    await symlink(path.join(projectRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  const run = () =>
    spawnSync(process.execPath, [path.join(copy, 'bin/mgkit-gen.js'), 'generate', '--check', '--config', configFile], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('runs when the build is newer than every source', () => {
    const result = run();
    expect(result.stderr).not.toMatch(/stale-build/);
    expect(result.status).toBe(0);
  });

  it('stops with one line naming the changed source and the build command when a source is newer', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(copy, 'src/targets/client/emit-client.ts'), later, later);
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /error generator\/stale-build: the generator's build is older than its sources \(src\/targets\/client\/emit-client\.ts changed since\) \(fix: run npm run build -w @mgkit\/generator/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
