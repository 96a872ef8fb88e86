#!/usr/bin/env node
// Runs every benchmark in bench/ (each `*.mjs` but this file), one after the other, in its
// own node process. Exits non-zero when one fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchmarks = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== 'run.mjs')
  .sort();
let failed = 0;
for (const name of benchmarks) {
  const result = spawnSync(process.execPath, [path.join(here, name), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench: ${name} failed (exit ${result.status ?? result.signal})`);
  }
}
if (benchmarks.length === 0) console.log('bench: no benchmarks in bench/');
process.exitCode = failed > 0 ? 1 : 0;
