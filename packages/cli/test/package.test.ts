/**
 * `npm pack` of the CLI: prepack builds it (turbo, cached), so the tarball can never ship
 * without its dist, and everything bin/mgkit.js loads is inside. The pack here skips prepack: the
 * suite runs after the build (`npm test` runs turbo's build first), and a build while other
 * workspaces' tests run the CLI from dist would swap files under them.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from './helpers.js';

const run = promisify(execFile);

describe('npm pack @mgkit/cli', () => {
  it('holds the bin, the built entry and the generated commands', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_DIR, timeout: 300_000 });
    const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
    const files = (pack?.files ?? []).map((file) => file.path);
    expect(files).toContain('bin/mgkit.js');
    expect(files).toContain('dist/main.js');
    expect(files).toContain('dist/runtime/run-command.js');
    expect(files.some((file) => file.startsWith('dist/generated/commands/'))).toBe(true);
    expect(files.filter((file) => file.startsWith('src/') || file.startsWith('test/'))).toEqual([]);
  });

  it('builds before packing (prepack: the turbo build of this package)', async () => {
    const manifest = JSON.parse(await readFile(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts['prepack']).toMatch(/^turbo run build --filter=@mgkit\/cli\b/);
  });
});
