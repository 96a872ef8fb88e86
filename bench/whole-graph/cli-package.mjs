// Makes the scratch project's CLI a package like packages/cli, with every module's commands in
// one `mgkit`: the runtime, bin and build scripts copied from packages/cli, the generated modules
// already in out/cli/src/generated/<unit>. Each module's client (out/<unit>/client, TypeScript)
// becomes a package @mgkit/graph-<unit> in the scratch node_modules, whose exports point at those
// sources, so that the CLI's build bundles the builders its commands call straight from them.
//   node bench/whole-graph/cli-package.mjs <scratch> [--build]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const cliSource = path.join(projectRoot, 'packages/cli');

/** The unit folders under out/cli/src/generated (one per module). */
export function cliModules(scratch) {
  const generated = path.join(scratch, 'out/cli/src/generated');
  return readdirSync(generated, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Writes the package around the generated modules and the scratch node_modules; returns the package folder. */
export function assembleCliPackage(scratch) {
  // it replaces <scratch>/node_modules and files around out/cli: never anywhere but a scratch project
  if (!path.isAbsolute(scratch) || !existsSync(path.join(scratch, 'out/cli/src/generated'))) throw new Error(`not a scratch project with generated CLI modules: '${scratch}'`);
  const cli = path.join(scratch, 'out/cli');
  for (const item of ['bin', 'scripts', 'package.json', 'tsconfig.build.json', 'README.md']) {
    rmSync(path.join(cli, item), { recursive: true, force: true });
    cpSync(path.join(cliSource, item), path.join(cli, item), { recursive: true });
  }
  rmSync(path.join(cli, 'src/runtime'), { recursive: true, force: true });
  cpSync(path.join(cliSource, 'src/runtime'), path.join(cli, 'src/runtime'), { recursive: true });
  cpSync(path.join(cliSource, 'src/main.ts'), path.join(cli, 'src/main.ts'));
  cpSync(path.join(projectRoot, 'tsconfig.base.json'), path.join(scratch, 'tsconfig.base.json'));
  // node_modules: the project's packages, and one client package per module
  const modules = path.join(scratch, 'node_modules');
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(path.join(modules, '@mgkit'), { recursive: true });
  for (const entry of readdirSync(path.join(projectRoot, 'node_modules'))) {
    if (entry === '@mgkit' || entry === '.bin') continue;
    symlinkSync(path.join(projectRoot, 'node_modules', entry), path.join(modules, entry));
  }
  for (const entry of readdirSync(path.join(projectRoot, 'node_modules/@mgkit'))) symlinkSync(path.join(projectRoot, 'node_modules/@mgkit', entry), path.join(modules, '@mgkit', entry));
  for (const unit of cliModules(scratch)) {
    const client = path.join(scratch, 'out', unit, 'client');
    if (!existsSync(client)) continue;
    const pkg = path.join(modules, '@mgkit', `graph-${unit}`);
    mkdirSync(pkg, { recursive: true });
    symlinkSync(client, path.join(pkg, 'src'));
    const manifest = { name: `@mgkit/graph-${unit}`, type: 'module', sideEffects: false, exports: { '.': './src/index.ts', './*': './src/*/index.ts' } };
    writeFileSync(path.join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return cli;
}

/** tsc (the type-check of every generated module) then the runtime bundle, as `npm run build` does in packages/cli. */
export function buildCliPackage(cli, { quiet = false } = {}) {
  const tsc = path.join(projectRoot, 'node_modules/typescript/bin/tsc');
  const stdio = quiet ? 'pipe' : 'inherit';
  rmSync(path.join(cli, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: cli, stdio });
  execFileSync(process.execPath, ['scripts/bundle-runtime.mjs'], { cwd: cli, stdio });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [scratch, ...flags] = process.argv.slice(2);
  if (!scratch) throw new Error('usage: cli-package.mjs <scratch> [--build]');
  const cli = assembleCliPackage(path.resolve(scratch));
  if (flags.includes('--build')) buildCliPackage(cli);
  console.log(cli);
}
