#!/usr/bin/env node
// Import-time benchmark: the built @mgkit/graph-client next to Microsoft's Kiota-generated
// models (@microsoft/msgraph-sdk/models/index.js), each imported in a fresh node process,
// measured in the same run, runs interleaved. Prints the medians and the ratio (goal ≤ 0.1×)
// in two settings:
//   cold      — `await import(…)` with nothing loaded before;
//   own cost  — the same once `@microsoft/kiota-abstractions` is loaded, as it is in every program
//               that builds a RequestAdapter (and which Microsoft's models import too).
// In Node.js ≥ 20.19 the package's main entry is `index.node.js` (the `module-sync` export
// condition): it loads the models, and `createGraphClient` loads the request builders and the
// Kiota runtime on its first call. The `./models` entry is measured next to the peer as well (models only, like for like).
//
//   node bench/client-import.mjs [--runs N]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const runsFlag = process.argv.indexOf('--runs');
const runs = Math.max(1, Number(runsFlag > 0 ? process.argv[runsFlag + 1] : (process.env.BENCH_RUNS ?? 9)) || 9);
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

/** Milliseconds spent in `await import(url)` (then `measured`) inside a fresh node process (after `preload` and `setup`). */
function importTime(url, preload = [], { setup = '', measured = '' } = {}) {
  const script = [
    ...preload.map((module) => `await import(${JSON.stringify(module)});`),
    setup,
    `const t = performance.now(); const entry = await import(${JSON.stringify(url)}); ${measured} process.stdout.write(String(performance.now() - t));`,
  ].join('\n');
  try {
    return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (error) {
    const reason =
      String(error.stderr ?? error.message)
        .split('\n')
        .find((line) => /Error/.test(line)) ?? 'import failed';
    console.error(`client-import: cannot import ${url}: ${reason.trim()}`);
    process.exit(1);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const buildHint = 'run `npm run build -w @mgkit/graph-client` first';
const entries = [
  { label: '@mgkit/graph-client', ...resolveOrExplain('@mgkit/graph-client', buildHint) },
  { label: '@mgkit/graph-client/models', ...resolveOrExplain('@mgkit/graph-client/models', buildHint) },
];
const peer = {
  label: '@microsoft/msgraph-sdk/models/index.js',
  ...resolveOrExplain('@microsoft/msgraph-sdk/models/index.js', 'install it: `npm install -D @microsoft/msgraph-sdk` at the repository root'),
};
const settings = [
  { label: 'cold (nothing loaded before)', preload: [] },
  { label: 'own cost (@microsoft/kiota-abstractions already loaded, as in any program with a RequestAdapter)', preload: [import.meta.resolve('@microsoft/kiota-abstractions')] },
];
const width = Math.max(...[...entries, peer].map((entry) => entry.label.length)) + 2;
const row = (label, ms) => `    ${label.padEnd(width)}${ms.toFixed(1).padStart(8)} ms`;

console.log(`client-import: time to import, fresh node ${process.version} process per run, median of ${runs}, runs interleaved`);
const missing = [...entries, peer].filter((entry) => entry.error);
for (const entry of missing) console.log(`  ${entry.label}: not measured — ${entry.error}`);
if (entries.some((entry) => entry.error)) {
  process.exitCode = 1;
} else {
  const measured = peer.error ? entries : [...entries, peer];
  for (const entry of measured) importTime(entry.url); // warm the file system cache before measuring
  for (const setting of settings) {
    const times = new Map(measured.map((entry) => [entry, []]));
    for (let run = 0; run < runs; run += 1) {
      for (const entry of measured) times.get(entry).push(importTime(entry.url, setting.preload));
    }
    const medians = new Map([...times].map(([entry, values]) => [entry, median(values)]));
    console.log(`  ${setting.label}`);
    for (const entry of measured) console.log(row(entry.label, medians.get(entry)));
    if (peer.error) continue;
    for (const entry of entries) {
      const ratio = medians.get(entry) / medians.get(peer);
      console.log(`    ratio ${entry.label} / peer: ${ratio.toFixed(3)}× (goal ≤ ${GOAL}×): ${ratio <= GOAL ? 'met' : 'not met'}`);
    }
  }
  // What the lazy load defers, for the record (no goal): import plus the first createGraphClient,
  // in a program that has already built its FetchRequestAdapter.
  const [abstractions, fetchLibrary] = ['@microsoft/kiota-abstractions', '@microsoft/kiota-http-fetchlibrary'].map((name) => JSON.stringify(import.meta.resolve(name)));
  const firstCall = {
    setup: `const adapter = new (await import(${fetchLibrary})).FetchRequestAdapter(new (await import(${abstractions})).AnonymousAuthenticationProvider());`,
    measured: 'entry.createGraphClient(adapter);',
  };
  const main = entries[0];
  const deferred = median(Array.from({ length: runs }, () => importTime(main.url, [], firstCall)));
  console.log('  deferred (adapter already built; import + first createGraphClient, which loads the request builders and the JSON serializers)');
  console.log(row(main.label, deferred));
}
