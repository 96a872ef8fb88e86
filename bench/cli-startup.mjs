#!/usr/bin/env node
// Start-up benchmark of the built `mgkit` CLI next to bare `node -e 0`, measured in the same
// run, runs interleaved (wall-clock time of a fresh process, median):
//   mgkit --help                      the root help (command index only)
//   mgkit … post --application-id x   one real call (MGKIT_ACCESS_TOKEN) to a local server
// Goals: each ≤ 2× bare node and ≤ 0.25 s.
//
//   node bench/cli-startup.mjs [--runs N]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const runsFlag = process.argv.indexOf('--runs');
const runs = Math.max(1, Number(runsFlag > 0 ? process.argv[runsFlag + 1] : (process.env.BENCH_RUNS ?? 15)) || 15);
const RATIO_GOAL = 2;
const SECONDS_GOAL = 0.25;
const bin = fileURLToPath(new URL('../packages/cli/bin/mgkit.js', import.meta.url));
const dist = fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url));

if (!existsSync(dist)) {
  console.log('cli-startup: not measured — packages/cli/dist is missing (run `npm run build -w @mgkit/cli` first)');
  process.exit(1);
}

/** Wall-clock milliseconds of one child process, from spawn to exit. */
function timed(args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve(elapsed);
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(204, { 'request-id': 'bench' });
    response.end();
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}/v1.0`;

const cases = [
  ['node -e 0', ['-e', '0'], {}],
  ['mgkit --help', [bin, '--help'], {}],
  [
    'mgkit … post (one call to a local server)',
    [bin, 'applications', 'synchronization', 'acquire-access-token', 'post', '--application-id', 'bench', '--credentials', 'BaseAddress=https://scim.example.com', '--base-url', baseUrl],
    { MGKIT_ACCESS_TOKEN: 'bench-token' },
  ],
];

try {
  for (const [, args, env] of cases) await timed(args, env); // warm the file system cache
  const times = cases.map(() => []);
  for (let run = 0; run < runs; run += 1) {
    for (const [index, [, args, env]] of cases.entries()) times[index].push(await timed(args, env));
  }
  const medians = times.map(median);
  const bare = medians[0];
  console.log(`cli-startup: wall-clock time of a fresh process, node ${process.version}, median of ${runs}, runs interleaved`);
  for (const [index, [label]] of cases.entries()) {
    const ms = medians[index];
    const ratio = ms / bare;
    const verdict =
      index === 0 ? '' : `  ratio ${ratio.toFixed(2)}× (goal ≤ ${RATIO_GOAL}×: ${ratio <= RATIO_GOAL ? 'met' : 'not met'}; ≤ ${SECONDS_GOAL} s: ${ms / 1000 <= SECONDS_GOAL ? 'met' : 'not met'})`;
    console.log(`  ${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms${verdict}`);
  }
} finally {
  server.close();
}
