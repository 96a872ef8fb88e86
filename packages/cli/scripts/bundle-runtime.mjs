#!/usr/bin/env node
// After `tsc`: bundles what a call loads, the HTTP stack (the Kiota runtime), the JSON writer and
// every generated `client-modules.js` (the client's model serializers), with code splitting, so that
//   - the Kiota runtime is loaded once and shared by the adapter and the serializers (one copy:
//     its registries are checked with instanceof),
//   - a call loads a few files instead of hundreds (the Kiota packages alone are ~150 ms as ESM),
//   - a call without a body loads no client code, and one with a body its module's serializers,
//   - the package stays small (minified: the client's JSDoc is most of its bytes; 17 → 7 MB for
//     the 33 modules of the whole-Graph bench).
// tsc does not emit the `client-modules.js` files (they are JavaScript, with declarations beside
// them, so that the type-checker never reads the client): the bundle writes them to dist/.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { packSchemas } from './pack-schemas.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const generated = path.join(root, 'src/generated');
/** Uncompressed bytes per group of packed commands: a few dozen commands, inflated in well under a millisecond. */
const GROUP_BYTES = 64 * 1024;

function clientModuleFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'commands' ? [] : clientModuleFiles(full);
    return entry.name === 'client-modules.js' ? [full] : [];
  });
}

// from the source, not tsc's output: that file is what the bundle replaces
// the JSON writer apart: only a call with a body loads it
const input = { 'runtime/http-stack': path.join(root, 'src/runtime/http-stack.ts'), 'runtime/json-writer': path.join(root, 'src/runtime/json-writer.ts') };
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
console.log(`bundled the HTTP stack, the JSON writer and ${Object.keys(input).length - 2} client module file(s) into ${output.length} file(s), ${Math.round(bytes / 1024)} KiB`);

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
  const commandsOf = new Map(moduleIndexes.map((folder) => [folder, []]));
  for (const command of generatedRoot.COMMANDS) {
    const folder = folderOf.get(command);
    if (folder === undefined) throw new Error(`bundle-runtime: ${command.path.join(' ')} is in no module's index`);
    commandsOf.get(folder).push(command);
  }
  const locationOf = new Map();
  let packedBytes = 0;
  for (const folder of moduleIndexes) {
    const packed = packModule(folder, commandsOf.get(folder));
    packedBytes += packed.bytes;
    for (const [command, location] of packed.locations) locationOf.set(command, location);
  }
  // one line per command (runtime/command-index.ts, packedIndexEntries), in a text file: reading
  // it is cheaper than compiling a module holding it, and splitting its text cheaper than parsing
  // it as JSON, whose fresh copy of every line cost two garbage collections per run (4,857
  // commands: 17 ms against 7 to read); the summaries apart, read by help over a few commands only
  const rows = generatedRoot.COMMANDS.map((command) => {
    const fields = [command.path.join(' '), command.cmdlet ?? '', folderOf.get(command), locationOf.get(command).join(',')];
    if (fields.some((field) => /[\t\r\n]/.test(field)) || command.path.some((word) => word.includes(' ')))
      throw new Error(`bundle-runtime: ${command.path.join(' ')} has a tab, a line break or a space in a field of its index line`);
    return fields.join('\t');
  });
  writeFileSync(path.join(dist, 'generated/command-index.txt'), rows.join('\n'));
  // the JSON index earlier builds wrote would otherwise be packed beside it
  rmSync(path.join(dist, 'generated/command-index.json'), { force: true });
  writeFileSync(path.join(dist, 'generated/command-summaries.json'), JSON.stringify(generatedRoot.COMMANDS.map((command) => command.summary)));
  writeFileSync(
    rootIndex,
    `// Written by scripts/bundle-runtime.mjs from the ${moduleIndexes.length} modules' indexes: one file to read instead of ${moduleIndexes.length + 1} modules.
import { readFileSync } from 'node:fs';
import { packedIndexEntries } from '../runtime/command-index.js';
export const CLI_NAME = ${JSON.stringify(generatedRoot.CLI_NAME)};
export const PACKAGE_NAME = ${JSON.stringify(generatedRoot.PACKAGE_NAME)};
export const DEFAULT_BASE_URL = ${JSON.stringify(generatedRoot.DEFAULT_BASE_URL)};
export const DELEGATED_SCOPES = ${JSON.stringify(generatedRoot.DELEGATED_SCOPES)};
// dist/generated/ from here, or from the chunk of cli-chunks/ this module is bundled into
const generated = new URL('../generated/', import.meta.url);
const read = (file) => JSON.parse(readFileSync(new URL(file, generated), 'utf8'));
const lines = readFileSync(new URL('./command-index.txt', generated), 'utf8');
export const COMMANDS = packedIndexEntries(
  lines === '' ? [] : lines.split('\\n'),
  (folder, packed) => import('../runtime/packed-commands.js').then(({ loadPackedCommand }) => loadPackedCommand(new URL(\`./\${folder}/\`, generated), packed)),
  () => read('./command-summaries.json'),
);
`,
  );
  console.log(
    `merged ${moduleIndexes.length} module indexes (${rows.length} commands) into dist/generated/command-index.js; packed their commands and schemas into ${Math.round(packedBytes / 1024)} KiB`,
  );
  await bundleCli();
}

/** The runtime modules `file` imports statically, and theirs (tsc's output: `import … from './x.js'` and `export … from`). */
function staticImports(file, found = new Set()) {
  if (found.has(file)) return found;
  found.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)';/gm)) {
    const target = path.resolve(path.dirname(file), specifier);
    if (existsSync(target)) staticImports(target, found);
  }
  return found;
}

/**
 * The CLI itself as one module and a few lazy chunks, for a binary of several modules. Node's ESM
 * loader resolves, reads and compiles each module on its own: the two dozen runtime modules
 * `mgkit --help` loads were a third of its time over bare node. Bundled with code splitting, each
 * runtime module keeps one instance (its state, such as the secrets to redact, is shared by the
 * lazy chunks). Left out, as separate files: the generated modules (they read files next to them),
 * the HTTP stack, the JSON writer and the client chunks bundled above, and npm packages.
 *
 * What every run loads is one chunk, `startup`: the merged command index and the runtime modules
 * main.js imports, with those a command's help needs (`command-line.js`, the packed commands).
 * Split the way code splitting cuts them, they were a dozen modules, 8 to 10 ms of a leaf's `--help`.
 * The merged index finds its files from `cli-chunks/` (checked below).
 */
async function bundleCli() {
  // the HTTP stack and the JSON writer, bundled above with the Kiota runtime they share
  const bundledRuntime = new Set(
    Object.keys(input)
      .filter((name) => name.startsWith('runtime/'))
      .map((name) => path.join(dist, `${name}.js`)),
  );
  const mergedIndex = path.join(dist, 'generated/command-index.js');
  const outside = (file) => (file.startsWith(path.join(dist, 'generated') + path.sep) && file !== mergedIndex) || file.startsWith(path.join(dist, 'chunks') + path.sep) || bundledRuntime.has(file);
  const startup = new Set([
    mergedIndex,
    ...[...staticImports(path.join(dist, 'main.js'))].filter((file) => !outside(file)),
    ...staticImports(path.join(dist, 'runtime/command-line.js')),
    ...staticImports(path.join(dist, 'runtime/packed-commands.js')),
  ]);
  startup.delete(path.join(dist, 'main.js'));
  const cli = await rolldown({
    input: { main: path.join(dist, 'main.js') },
    platform: 'node',
    logLevel: 'warn',
    external: (id, importer) => {
      if (id.startsWith('node:')) return true;
      if (!id.startsWith('.') && !path.isAbsolute(id)) return !id.startsWith('@mgkit/cli-contract');
      return outside(importer ? path.resolve(path.dirname(importer), id) : id);
    },
  });
  // written to a folder beside dist/ first, then moved in: the entry replaces the tsc output it is made from
  const staging = path.join(root, '.cli-bundle');
  rmSync(staging, { recursive: true, force: true });
  rmSync(path.join(dist, 'cli-chunks'), { recursive: true, force: true });
  const { output } = await cli.write({
    dir: path.join(staging, 'dist'),
    format: 'esm',
    minify: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'cli-chunks/[name]-[hash].js',
    codeSplitting: { groups: [{ name: 'startup', test: (id) => startup.has(id) }] },
  });
  await cli.close();
  const indexChunk = output.find((item) => item.type === 'chunk' && item.moduleIds.includes(mergedIndex));
  if (!indexChunk?.fileName.startsWith('cli-chunks/'))
    throw new Error(`bundle-runtime: the merged command index went to ${indexChunk?.fileName ?? 'no chunk'}, not cli-chunks/: its paths to dist/generated/ would not hold`);
  mkdirSync(path.join(dist, 'cli-chunks'), { recursive: true });
  for (const item of output) renameSync(path.join(staging, 'dist', item.fileName), path.join(dist, item.fileName));
  rmSync(staging, { recursive: true, force: true });
  console.log(`bundled the CLI runtime into dist/main.js, its start-up chunk and ${output.length - 2} lazy chunk(s)`);
}

/**
 * A module's commands and schemas, compressed (runtime/packed-commands.ts reads them). The
 * commands' data as the generator wrote it (each stored definition and its builder calls) go in
 * groups of about GROUP_BYTES, in index order, so that a command inflates a few dozen of its
 * neighbours, not the module. Each group starts with the options its commands take (the module's
 * option table, cut to them): a command needs no other table for its help or its call. The schemas
 * go in one more file, in groups too (scripts/pack-schemas.mjs), read when a command validates a
 * body. The command modules and tables they replace are deleted.
 */
function packModule(folder, commands) {
  const sourceDir = path.join(generated, folder);
  const distDir = path.join(dist, 'generated', folder);
  const options = parsedTable(path.join(sourceDir, 'options.ts'));
  const groups = [];
  let current = [];
  let currentBytes = 0;
  for (const command of commands) {
    const source = readFileSync(path.join(sourceDir, 'commands', `${command.file}.ts`), 'utf8');
    const entry = { command, stored: storedDefinition(source, command), calls: builderCalls(source, command) };
    const bytes = JSON.stringify(entry.stored).length + JSON.stringify(entry.calls).length;
    if (currentBytes > 0 && currentBytes + bytes > GROUP_BYTES) {
      groups.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(entry);
    currentBytes += bytes;
  }
  if (current.length > 0) groups.push(current);
  const locations = [];
  const compressed = [];
  let groupOffset = 0;
  for (const group of groups) {
    const localIndex = new Map();
    const localOptions = [];
    const texts = group.map(({ command, stored, calls }) => {
      const remapped = stored.options.map(([index, sets]) => {
        if (options[index] === undefined) throw new Error(`bundle-runtime: the command ${command.path.join(' ')} takes option ${index}, which is not in ${folder}/options.ts; regenerate it`);
        if (!localIndex.has(index)) localIndex.set(index, localOptions.push(options[index]) - 1);
        return [localIndex.get(index), sets];
      });
      return Buffer.from(JSON.stringify([{ ...stored, options: remapped }, calls]));
    });
    const head = Buffer.from(JSON.stringify(localOptions));
    const bytes = deflateRawSync(Buffer.concat([head, ...texts]), { level: 9 });
    let textOffset = head.length;
    group.forEach(({ command }, index) => {
      locations.push([command, [groupOffset, bytes.length, head.length, textOffset, texts[index].length]]);
      textOffset += texts[index].length;
    });
    compressed.push(bytes);
    groupOffset += bytes.length;
  }
  writeFileSync(path.join(distDir, 'commands.pack'), Buffer.concat(compressed));
  const schemasPack = packSchemas(parsedTable(path.join(sourceDir, 'schemas.ts')));
  writeFileSync(path.join(distDir, 'schemas.pack'), schemasPack);
  for (const replaced of ['commands', 'options.js', 'schemas.js', 'command-index.js']) rmSync(path.join(distDir, replaced), { recursive: true, force: true });
  return { locations, bytes: groupOffset + schemasPack.length };
}

/** The JSON the generator put in a `JSON.parse("…")` call (options.ts, schemas.ts, a command's definition). */
function parsedJsonLiteral(source, before, where) {
  const match = new RegExp(`${before}JSON\\.parse\\(("(?:[^"\\\\]|\\\\.)*")\\)`).exec(source);
  if (!match) throw new Error(`bundle-runtime: ${where} is not in the shape the generator writes (no ${before}JSON.parse("…")); regenerate it`);
  return JSON.parse(JSON.parse(match[1]));
}

function parsedTable(file) {
  return parsedJsonLiteral(readFileSync(file, 'utf8'), '', path.relative(root, file));
}

function storedDefinition(source, command) {
  return parsedJsonLiteral(source, 'commandDefinition\\(', `the command ${command.path.join(' ')}`);
}

/** The operations map of `callsThroughBuilders(clientModules, definition, { "key": {…}, … });`: one JSON value per line. */
function builderCalls(source, command) {
  const start = source.indexOf('callsThroughBuilders(clientModules, definition, {');
  const end = source.indexOf('\n});', start);
  if (start < 0 || end < 0) throw new Error(`bundle-runtime: the command ${command.path.join(' ')} has no callsThroughBuilders(clientModules, definition, {…}); regenerate it`);
  const body = source
    .slice(source.indexOf('{', start) + 1, end)
    .trim()
    .replace(/,$/, '');
  return JSON.parse(`{${body}}`);
}
