import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const workspaceRoot = path.resolve(packageDir, '..', '..');

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly type?: string;
  readonly sideEffects?: boolean;
  readonly types?: string;
  readonly files?: string[];
  readonly exports?: Record<string, Record<string, string> | string>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

describe('package.json', () => {
  it('is an ESM package with an exports map (. and ./models), types, no side effects and a files list', async () => {
    const manifest = await readJson<Manifest>(path.join(packageDir, 'package.json'));
    expect(manifest.name).toBe('@mgkit/graph-client');
    expect(manifest.version).toBe('0.1.0');
    expect(manifest.type).toBe('module');
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.types).toBe('./dist/index.d.ts');
    expect(manifest.files).toEqual(['dist', 'README.md']);
    // Node.js where it can `require` ES modules (`module-sync`) gets the entry that loads the Kiota
    // runtime on first use; bundlers (`module`, listed first since webpack sets both) and
    // everything else the static one. `types` first, `default` last, as resolvers require.
    expect(manifest.exports?.['.']).toEqual({ types: './dist/index.d.ts', module: './dist/index.js', 'module-sync': './dist/index.node.js', default: './dist/index.js' });
    expect(Object.keys(manifest.exports?.['.'] ?? {})).toEqual(['types', 'module', 'module-sync', 'default']);
    expect(manifest.exports?.['./models']).toEqual({ types: './dist/generated/models/index.d.ts', default: './dist/generated/models/index.js' });
  });

  it('pins the Kiota runtime to one exact version, the one installed across the workspace', async () => {
    const manifest = await readJson<Manifest>(path.join(packageDir, 'package.json'));
    const kiota = Object.entries(manifest.dependencies ?? {}).filter(([name]) => name.startsWith('@microsoft/kiota-'));
    expect(kiota.map(([name]) => name).sort()).toEqual(['@microsoft/kiota-abstractions', '@microsoft/kiota-http-fetchlibrary', '@microsoft/kiota-serialization-json']);
    const versions = new Set(kiota.map(([, version]) => version));
    expect(versions.size).toBe(1);
    const [version] = [...versions];
    expect(version).toMatch(/^1\.0\.0-preview\.\d+$/);

    // Every workspace package asking for a Kiota package asks for this version…
    for (const folder of await readdir(path.join(workspaceRoot, 'packages'))) {
      const other = await readJson<Manifest>(path.join(workspaceRoot, 'packages', folder, 'package.json')).catch(() => undefined);
      for (const [name, wanted] of Object.entries({ ...other?.dependencies, ...other?.devDependencies })) {
        if (name.startsWith('@microsoft/kiota-')) expect(wanted, `${folder}: ${name}`).toBe(version);
      }
    }
    // …and the lock file installs no other.
    const lock = await readJson<{ packages: Record<string, { version?: string }> }>(path.join(workspaceRoot, 'package-lock.json'));
    const installed = Object.entries(lock.packages).filter(([location]) => /node_modules\/@microsoft\/kiota-[^/]+$/.test(location));
    expect(installed.length).toBeGreaterThanOrEqual(3);
    for (const [location, entry] of installed) expect(entry.version, location).toBe(version);
  });
});

describe('install lines', () => {
  it('every `npm install` line in the READMEs and the docs pins exact versions, the ones this repository builds with', async () => {
    const { readdirSync } = await import('node:fs');
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const markdown = [
      'README.md',
      ...readdirSync(path.join(root, 'packages')).map((name) => `packages/${name}/README.md`),
      ...readdirSync(path.join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`),
      ...readdirSync(path.join(root, 'docs/guide')).map((name) => `docs/guide/${name}`),
      // the generated client page's install line (mgkit-gen pins the runtime it writes against)
      'docs/reference/client/index.md',
    ].filter((file) => existsSync(path.join(root, file)));
    const versionOf = (name: string): string | undefined => {
      const local = ['cli', 'graph-client', 'cli-contract']
        .map((dir) => path.join(root, 'packages', dir, 'package.json'))
        .map((file) => JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string });
      const found = local.find((manifest) => manifest.name === name);
      if (found) return found.version;
      const installed = path.join(root, 'node_modules', name, 'package.json');
      return existsSync(installed) ? (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version : undefined;
    };
    let checked = 0;
    for (const file of markdown) {
      for (const line of readFileSync(path.join(root, file), 'utf8').split('\n')) {
        const command = /^\s*npm (?:install|i)\s+(.*)$/.exec(line)?.[1];
        if (command === undefined) continue;
        for (const spec of command.split(/\s+/).filter((word) => word && !word.startsWith('-'))) {
          const [, name, version] = /^(@?[^@\s]+)@(.+)$/.exec(spec) ?? [];
          expect(version, `${file}: ${spec} has no exact version`).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/);
          expect(version, `${file}: ${spec}`).toBe(versionOf(name ?? ''));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});
