// Builds the scratch project for whole-Graph runs: one generation unit per corpus module.
// Usage: node bench/whole-graph/scratch.mjs <dest> [Module…]   (prints the config path)
// The corpus is unpacked by ../shared's extract.sh into a cache folder; nothing is copied here.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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

/** Writes <dest>/package.json and <dest>/mgkit.config.yaml; returns the config path. */
export function writeScratchProject(dest, root, modules, { targets = ['client', 'cli', 'docs'], copied = [] } = {}) {
  mkdirSync(dest, { recursive: true });
  // a module to edit (the one-module-change row) is read from a copy in the scratch folder
  const openapiOf = (module) => {
    if (!copied.includes(module)) return path.join(root, 'openapi', `${module}.yml`);
    const copy = path.join(dest, `${module}.yml`);
    copyFileSync(path.join(root, 'openapi', `${module}.yml`), copy);
    return copy;
  };
  writeFileSync(path.join(dest, 'package.json'), `${JSON.stringify({ name: 'mgkit-whole-graph-scratch', private: true }, null, 2)}\n`);
  const lines = ['version: 1', 'units:'];
  for (const module of modules) {
    const name = unitName(module);
    lines.push(
      `  - name: ${name}`,
      `    openapi: ${JSON.stringify(openapiOf(module))}`,
      `    cmdlets: [${JSON.stringify(path.join(root, 'cmdlets', module))}]`,
      `    lockFile: locks/${name}.json`,
      '    outputs:',
    );
    if (targets.includes('client')) lines.push(`      client: { dir: out/${name}/client, packageName: "@mgkit/graph-${name}" }`);
    if (targets.includes('cli')) lines.push(`      cli: { dir: out/${name}/cli, packageName: "@mgkit/cli" }`);
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
