#!/usr/bin/env node
// After `tsc`: bundles what a call loads, the HTTP stack (the Kiota runtime) and every generated
// `client-modules.js` (the client package and the request builders the commands call), with code
// splitting, so that
//   - the Kiota runtime is loaded once and shared by the adapter and the builders (one copy:
//     its registries are checked with instanceof),
//   - a call loads a few files instead of hundreds (the Kiota packages alone are ~150 ms as ESM),
//   - each command still loads only its builder and the models that builder reaches,
//   - the package stays small (minified: the client's JSDoc is most of its bytes; 17 → 7 MB for
//     the 33 modules of the whole-Graph bench).
// tsc does not emit the `client-modules.js` files (they are JavaScript, with declarations beside
// them, so that the type-checker never reads the client): the bundle writes them to dist/.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const generated = path.join(root, 'src/generated');

function clientModuleFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'commands' ? [] : clientModuleFiles(full);
    return entry.name === 'client-modules.js' ? [full] : [];
  });
}

// from the source, not tsc's output: that file is what the bundle replaces
const input = { 'runtime/http-stack': path.join(root, 'src/runtime/http-stack.ts') };
for (const file of clientModuleFiles(generated)) {
  input[
    path
      .relative(root, file)
      .replace(/^src\//, '')
      .replace(/\.js$/, '')
  ] = file;
}
const chunks = path.join(dist, 'chunks');
rmSync(chunks, { recursive: true, force: true });
// a client package may export its TypeScript sources (the whole-Graph scratch does): their imports
// name the .js files tsc would write
const bundle = await rolldown({ input, platform: 'node', logLevel: 'warn', resolve: { extensionAlias: { '.js': ['.ts', '.js'] } } });
const { output } = await bundle.write({ dir: dist, format: 'esm', minify: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
await bundle.close();
const bytes = output.reduce((sum, item) => sum + Buffer.byteLength(item.type === 'chunk' ? item.code : item.source), 0);
console.log(`bundled the HTTP stack and ${Object.keys(input).length - 1} client module file(s) into ${output.length} file(s), ${Math.round(bytes / 1024)} KiB`);

// One index for a binary of several modules: the generated root imports every module's index (34
// modules to load and link for `mgkit --help`); the build writes the root again as one module
// holding every module's rows, each loading its command from the module's folder.
const rootIndex = path.join(dist, 'generated/command-index.js');
const merged = existsSync(rootIndex) && readFileSync(rootIndex, 'utf8').startsWith('// Written by scripts/bundle-runtime.mjs');
// the generated root of several modules names their folders (a leftover folder in dist/ is not one)
const generatedRoot = merged || !existsSync(rootIndex) ? undefined : await import(pathToFileURL(rootIndex).href);
const moduleIndexes = generatedRoot?.MODULE_FOLDERS ?? [];
if (moduleIndexes.length > 0) {
  const folderOf = new Map();
  for (const folder of moduleIndexes) {
    const module = await import(pathToFileURL(path.join(dist, 'generated', folder, 'command-index.js')).href);
    for (const command of module.COMMANDS) folderOf.set(command, folder);
  }
  const rows = generatedRoot.COMMANDS.map((command) => {
    const folder = folderOf.get(command);
    if (folder === undefined) throw new Error(`bundle-runtime: ${command.path.join(' ')} is in no module's index`);
    return [command.path, command.cmdlet ?? '', command.summary, `${folder}/commands/${command.file}`];
  });
  // the rows as a JSON file: reading and parsing it is cheaper than compiling a module holding it
  writeFileSync(path.join(dist, 'generated/command-index.json'), JSON.stringify(rows));
  writeFileSync(
    rootIndex,
    `// Written by scripts/bundle-runtime.mjs from the ${moduleIndexes.length} modules' indexes: one file to read instead of ${moduleIndexes.length + 1} modules.
import { readFileSync } from 'node:fs';
import { indexEntries } from '../runtime/command-index.js';
export const CLI_NAME = ${JSON.stringify(generatedRoot.CLI_NAME)};
export const PACKAGE_NAME = ${JSON.stringify(generatedRoot.PACKAGE_NAME)};
export const DEFAULT_BASE_URL = ${JSON.stringify(generatedRoot.DEFAULT_BASE_URL)};
export const DELEGATED_SCOPES = ${JSON.stringify(generatedRoot.DELEGATED_SCOPES)};
export const COMMANDS = indexEntries(JSON.parse(readFileSync(new URL('./command-index.json', import.meta.url), 'utf8')), (file) => import(\`./\${file}.js\`));
`,
  );
  console.log(`merged ${moduleIndexes.length} module indexes (${rows.length} commands) into dist/generated/command-index.js`);
}
