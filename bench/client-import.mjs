#!/usr/bin/env node
// Import-time benchmark: the built @mgkit/graph-client next to Microsoft's Kiota-generated
// models (@microsoft/msgraph-sdk/models/index.js), each imported in a fresh node process,
// measured in the same run, runs interleaved. Prints both medians and the ratio (goal ≤ 0.1×),
// twice:
//   cold      — `await import(…)` in a fresh process: the package plus the Kiota runtime it loads;
//   own cost  — the same after the Kiota runtime (kiota-abstractions, kiota-serialization-json)
//               is loaded, as it is in every program that builds a RequestAdapter: what the
//               package itself adds.
//
//   node bench/client-import.mjs [--runs N]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const runsFlag = process.argv.indexOf('--runs');
const runs = Math.max(1, Number(runsFlag > 0 ? process.argv[runsFlag + 1] : process.env.BENCH_RUNS ?? 9) || 9);
const GOAL = 0.1;

function resolveOrExplain(specifier, hint) {
  try {
    const url = import.meta.resolve(specifier);
    if (!existsSync(fileURLToPath(url))) return { error: `${specifier} resolves to ${fileURLToPath(url)}, which does not exist (${hint})` };
    return { url };
  } catch (error) {
    return { error: `${specifier} cannot be resolved (${hint}): ${error.message.split('\n')[0]}` };
  }
}

const runtime = ['@microsoft/kiota-abstractions', '@microsoft/kiota-serialization-json'].map((specifier) => import.meta.resolve(specifier));

/** Milliseconds spent in `await import(url)` inside a fresh node process (after `preload`). */
function importTime(url, preload = []) {
  const script = [
    ...preload.map((module) => `await import(${JSON.stringify(module)});`),
    `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t));`,
  ].join('\n');
  try {
    return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (error) {
    const reason = String(error.stderr ?? error.message).split('\n').find((line) => /Error/.test(line)) ?? 'import failed';
    console.error(`client-import: cannot import ${url}: ${reason.trim()}`);
    process.exit(1);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ours = resolveOrExplain('@mgkit/graph-client', 'run `npm run build -w @mgkit/graph-client` first');
const peer = resolveOrExplain('@microsoft/msgraph-sdk/models/index.js', 'install it: `npm install -D @microsoft/msgraph-sdk` at the repository root');

console.log(`client-import: time to import, fresh node ${process.version} process per run, median of ${runs}, runs interleaved`);
if (ours.error) {
  console.log(`  @mgkit/graph-client: not measured — ${ours.error}`);
  process.exitCode = 1;
} else {
  if (peer.error) console.log(`  @microsoft/msgraph-sdk/models/index.js: not measured — ${peer.error}`);
  importTime(ours.url); // warm the file system cache before measuring
  if (!peer.error) importTime(peer.url);
  for (const [label, preload] of [['cold', []], ['own cost', runtime]]) {
    const oursTimes = [];
    const peerTimes = [];
    for (let run = 0; run < runs; run += 1) {
      oursTimes.push(importTime(ours.url, preload));
      if (!peer.error) peerTimes.push(importTime(peer.url, preload));
    }
    const oursMedian = median(oursTimes);
    console.log(`  ${label}${label === 'own cost' ? ' (Kiota runtime already loaded)' : ' (package + the Kiota runtime it imports)'}`);
    console.log(`    @mgkit/graph-client                      ${oursMedian.toFixed(1).padStart(8)} ms`);
    if (!peer.error) {
      const peerMedian = median(peerTimes);
      const ratio = oursMedian / peerMedian;
      console.log(`    @microsoft/msgraph-sdk/models/index.js  ${peerMedian.toFixed(1).padStart(8)} ms`);
      console.log(`    ratio ${ratio.toFixed(3)}× (goal ≤ ${GOAL}×): ${ratio <= GOAL ? 'met' : 'not met'}`);
    }
  }
}
