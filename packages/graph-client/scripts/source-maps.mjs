#!/usr/bin/env node
// After `tsc -p tsconfig.build.json` (maps with their sources inlined): keeps a source map
// wherever code runs, and keeps the package small at full scale (DESIGN.md, "The client at full
// scale").
//   - Request builder modules are data (URI templates and requests metadata): no stack frame is
//     ever in them, so they ship without a map. A builder module with code in it fails the build:
//     its map would then matter.
//   - The models are generated and large: their maps keep one position per line (a stack trace
//     names the TypeScript file and line; stepping goes line by line) and no copy of the source.
//   - Everything else (the entries, errors, paging, the redirect guard, the client) keeps its map
//     with the TypeScript inside it.
// Usage: node scripts/source-maps.mjs [package folder] (default: this package).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode } from '@jridgewell/sourcemap-codec';

const packageDir = path.resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
const generated = path.join(packageDir, 'dist', 'generated');
const MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\n?$/;

function javaScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return javaScriptFiles(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

const isModels = (file) => file.startsWith(path.join(generated, 'models') + path.sep);
// the generated entries sit at the top of generated/; every index.js in a folder below it is a request builder
const isBuilder = (file) => file.startsWith(generated + path.sep) && path.dirname(file) !== generated && !isModels(file) && path.basename(file) === 'index.js';

let builders = 0;
let models = 0;
for (const file of javaScriptFiles(path.join(packageDir, 'dist'))) {
  if (isBuilder(file)) {
    const code = readFileSync(file, 'utf8');
    if (/\bfunction\b|=>|\bclass\b/.test(code.replace(/'(?:[^'\\\n]|\\.)*'/g, "''"))) {
      throw new Error(`${path.relative(packageDir, file)}: a request builder module with code in it; it needs its source map`);
    }
    writeFileSync(file, code.replace(MAP_COMMENT, '\n'));
    rmSync(`${file}.map`, { force: true });
    builders += 1;
  } else if (isModels(file)) {
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    delete map.sourcesContent;
    map.mappings = encode(decode(map.mappings).map((segments) => segments.slice(0, 1)));
    writeFileSync(`${file}.map`, JSON.stringify(map));
    models += 1;
  }
}
console.log(`source maps: ${builders} request builder module(s) without one, ${models} models module(s) without their sources`);
