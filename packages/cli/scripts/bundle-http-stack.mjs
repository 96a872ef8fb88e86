#!/usr/bin/env node
// After `tsc`: replaces dist/runtime/http-stack.js (re-exports of the Kiota runtime and the
// generated @mgkit/graph-client) with a single-file bundle of them, so a call loads one file
// instead of hundreds. Nothing else in dist/ is bundled.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const entry = fileURLToPath(new URL('../dist/runtime/http-stack.js', import.meta.url));
const bundle = await rolldown({ input: entry, platform: 'node', logLevel: 'warn' });
const { output } = await bundle.generate({ format: 'esm', codeSplitting: false });
await bundle.close();
const chunks = output.filter((item) => item.type === 'chunk');
if (chunks.length !== 1) throw new Error(`expected one chunk, got ${chunks.length}`);
writeFileSync(entry, `// Bundled by scripts/bundle-http-stack.mjs from src/runtime/http-stack.ts and its dependencies.\n${chunks[0].code}`);
console.log(`bundled ${entry.replace(/.*\/packages\//, 'packages/')} (${Math.round(chunks[0].code.length / 1024)} KiB)`);
