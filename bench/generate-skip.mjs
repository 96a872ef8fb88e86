#!/usr/bin/env node
// `mgkit-gen generate` with nothing changed: the lock proves every output current and nothing is
// written. Prints the median wall time next to bare `node -e 0` (goal ≤ 0.3 s), and a full
// regeneration (--force) for scale.
//
//   node bench/generate-skip.mjs [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = Math.max(1, Number(runsFlag > 0 ? process.argv[runsFlag + 1] : (process.env.BENCH_RUNS ?? 9)) || 9);
const GOAL_SECONDS = 0.3;
const bin = path.join(root, 'generator/bin/mgkit-gen.js');
const config = path.join(root, 'specs/mgkit.config.yaml');

function seconds(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    console.error(`generate-skip: ${args.slice(1).join(' ')} failed: ${(result.stderr || result.stdout).trim().split('\n')[0]}`);
    process.exit(1);
  }
  return { elapsed, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Bring the outputs up to date first (and make sure the generator is built).
execFileSync(process.execPath, [bin, 'generate', '--config', config, '--quiet'], { cwd: root });
const skip = [];
const bare = [];
for (let run = 0; run < runs; run += 1) {
  bare.push(seconds(['-e', '0']).elapsed);
  const result = seconds([bin, 'generate', '--config', config]);
  if (!result.stdout.startsWith('Up to date')) {
    console.error(`generate-skip: expected "Up to date", got: ${result.stdout.trim()}`);
    process.exit(1);
  }
  skip.push(result.elapsed);
}
const full = seconds([bin, 'generate', '--config', config, '--force', '--quiet']).elapsed;
const skipMedian = median(skip);
console.log(`generate-skip: median of ${runs} runs, node ${process.version}`);
console.log(`  node -e 0                          ${(median(bare) * 1000).toFixed(0)} ms`);
console.log(`  mgkit-gen generate (up to date)    ${(skipMedian * 1000).toFixed(0)} ms   goal ≤ ${GOAL_SECONDS * 1000} ms: ${skipMedian <= GOAL_SECONDS ? 'met' : 'MISSED'}`);
console.log(`  mgkit-gen generate --force (full)  ${(full * 1000).toFixed(0)} ms`);
