// Builds the scratch project for whole-Graph runs: one generation unit per corpus module.
// Usage: node bench/whole-graph/scratch.mjs <dest> [Module…]   (prints the config path)
// The corpus is unpacked by ../shared's extract.sh into a cache folder and hard-linked into the
// scratch folder (never into the project).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const extractScript = path.resolve(projectRoot, '../shared/corpus/graph-powershell-2023/extract.sh');

export function corpusRoot(cacheDir = path.join(process.env.TMPDIR ?? '/tmp', 'mgkit-corpus33')) {
  if (!existsSync(extractScript)) return undefined;
  const folder = execFileSync('bash', [extractScript, cacheDir], { encoding: 'utf8' }).trim().split('\n').pop();
  return folder;
}

export function corpusModules(root) {
  return readdirSync(path.join(root, 'openapi'))
    .filter((name) => name.endsWith('.yml'))
    .map((name) => name.slice(0, -'.yml'.length))
    .sort();
}

export const unitName = (module) => module.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** A hard link (free, same file system) or else a copy: turbo hashes the inputs inside its root. */
function linkOrCopy(from, to) {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Writes <dest>/mgkit.config.yaml (one unit per module, its own lock) and, for turbo, a
 * package.json with a `generate:<unit>` script per unit and a turbo.json declaring each unit's
 * inputs and outputs: `npm run generate` there runs the units as parallel, cached turbo tasks.
 * The corpus files a unit reads are linked into <dest>/corpus (turbo hashes inputs inside its
 * root only); a module to edit (`copied`, the one-module-change row) gets a real copy.
 * Returns the config path.
 */
export function writeScratchProject(dest, root, modules, { targets = ['client', 'cli', 'docs'], copied = [] } = {}) {
  mkdirSync(path.join(dest, 'corpus', 'openapi'), { recursive: true });
  const openapiOf = (module) => {
    const target = path.join(dest, 'corpus', 'openapi', `${module}.yml`);
    rmSync(target, { force: true });
    (copied.includes(module) ? copyFileSync : linkOrCopy)(path.join(root, 'openapi', `${module}.yml`), target);
    return `corpus/openapi/${module}.yml`;
  };
  const cmdletsOf = (module) => {
    const folder = path.join(dest, 'corpus', 'cmdlets', module);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const name of readdirSync(path.join(root, 'cmdlets', module))) linkOrCopy(path.join(root, 'cmdlets', module, name), path.join(folder, name));
    return `corpus/cmdlets/${module}`;
  };
  const generator = path.join(projectRoot, 'generator', 'bin', 'mgkit-gen.js');
  const turbo = path.join(projectRoot, 'node_modules', '.bin', 'turbo');
  const scripts = { generate: `${JSON.stringify(turbo)} run ${modules.map((module) => `generate:${unitName(module)}`).join(' ')}` };
  const tasks = {};
  for (const module of modules) {
    const name = unitName(module);
    scripts[`generate:${name}`] = `node ${JSON.stringify(generator)} generate --quiet --config mgkit.config.yaml --unit ${name}`;
    tasks[`generate:${name}`] = {
      inputs: ['mgkit.config.yaml', `corpus/openapi/${module}.yml`, `corpus/cmdlets/${module}/**`],
      outputs: [`out/${name}/**`, `out/cli/src/generated/${name}/**`, 'out/cli/src/generated/command-index.ts', `locks/${name}.json`],
    };
  }
  const manifest = { name: 'mgkit-whole-graph-scratch', private: true, packageManager: 'npm@11.19.1', scripts };
  const lockfile = { name: manifest.name, lockfileVersion: 3, requires: true, packages: { '': { name: manifest.name } } };
  writeFileSync(path.join(dest, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(dest, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
  writeFileSync(path.join(dest, 'turbo.json'), `${JSON.stringify({ $schema: 'https://turbo.build/schema.json', tasks }, null, 2)}\n`);
  const lines = ['version: 1', 'units:'];
  for (const module of modules) {
    const name = unitName(module);
    lines.push(`  - name: ${name}`, `    openapi: ${JSON.stringify(openapiOf(module))}`, `    cmdlets: [${JSON.stringify(cmdletsOf(module))}]`, `    lockFile: locks/${name}.json`, '    outputs:');
    if (targets.includes('client')) lines.push(`      client: { dir: out/${name}/client, packageName: "@mgkit/graph-${name}" }`);
    // every module's commands in one binary: sibling folders of one CLI package (cli-package.mjs builds it)
    if (targets.includes('cli')) lines.push(`      cli: { dir: out/cli/src/generated/${name}, packageName: "@mgkit/cli" }`);
    if (targets.includes('docs')) lines.push(`      docs: { dir: out/${name}/docs }`);
  }
  const configFile = path.join(dest, 'mgkit.config.yaml');
  writeFileSync(configFile, `${lines.join('\n')}\n`);
  return configFile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dest, ...wanted] = process.argv.slice(2);
  if (!dest) throw new Error('usage: scratch.mjs <dest> [Module…]');
  const root = corpusRoot();
  if (!root) {
    console.error(`corpus not found: ${extractScript}`);
    process.exit(2);
  }
  const modules = wanted.length > 0 ? wanted : corpusModules(root);
  console.log(writeScratchProject(path.resolve(dest), root, modules));
}
