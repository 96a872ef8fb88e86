#!/usr/bin/env node
// One `mgkit` for the 33 v1.0 modules of the corpus (issue 14): the scratch project's units share
// the CLI package (bench/whole-graph/scratch.mjs), the package is assembled and built like
// packages/cli (bench/whole-graph/cli-package.mjs), then measured in the same run as bare node:
//   - type-checking the generated CLI (tsc, peak RSS), and its build;
//   - the packed CLI (npm pack: unpacked bytes and files);
//   - wall-clock time of a fresh process, median of interleaved runs: `node -e 0`, `mgkit --help`,
//     a leaf command's `--help`, and one call to a server on 127.0.0.1, without and with a body.
// Writes bench/RESULTS-cli.md; exits 1 when a goal is missed by more than the noise band.
//
//   node bench/whole-graph-cli.mjs [--runs N]      (MGKIT_BENCH_RUNS; default 11)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleCliPackage } from './whole-graph/cli-package.mjs';
import { goalsTable } from './whole-graph/goals.mjs';
import { corpusModules, corpusRoot, writeScratchProject } from './whole-graph/scratch.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = Math.max(3, Number(runsFlag > 0 ? process.argv[runsFlag + 1] : (process.env.MGKIT_BENCH_RUNS ?? 11)) || 11);
const scratch = path.join(os.tmpdir(), 'mgkit-bench-whole-graph', '33-modules');
const GOALS = { help: 1.5, leafHelp: 1.5, call: 2, packedMB: 15, typecheckMB: 1024 };

const corpus = corpusRoot();
if (!corpus) {
  console.log('whole-graph-cli: skipped: ../shared/corpus/graph-powershell-2023/extract.sh is absent');
  process.exit(0);
}

/** Runs node with `args`, preloading peak-rss.cjs, which reports the process's peak RSS on exit. */
function nodeWithPeak(args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', path.join(here, 'whole-graph/peak-rss.cjs'), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status}): ${(result.stdout + result.stderr).trim().split('\n').slice(-5).join(' | ')}`);
  const peak = /mgkit-bench-peak-rss (\d+)/.exec(result.stderr)?.[1];
  return { seconds, peakMB: peak ? Number(peak) / 1024 : Number.NaN };
}

// 1. the 33 modules generated into one CLI (skipped when the scratch already holds that layout)
const modules = corpusModules(corpus);
const config = writeScratchProject(scratch, corpus, modules);
console.log(`whole-graph-cli: generating ${modules.length} modules into ${scratch} (a no-op when up to date)`);
execFileSync(process.execPath, [path.join(projectRoot, 'generator/bin/mgkit-gen.js'), 'generate', '--quiet', '--config', config], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });

// 2. the package, its type-check and its build
const cli = assembleCliPackage(scratch);
const typecheck = nodeWithPeak([path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], cli);
const bundle = nodeWithPeak(['scripts/bundle-runtime.mjs'], cli);
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: cli, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 }),
)[0];
const commandCount = Number(
  execFileSync(process.execPath, ['--input-type=module', '-e', "const { COMMANDS } = await import('./dist/generated/command-index.js'); console.log(COMMANDS.length)"], {
    cwd: cli,
    encoding: 'utf8',
  }).trim(),
);

// 3. start-up and one call, interleaved with bare node
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'request-id': 'bench' });
    response.end('{"id":"bench-item","name":"bench"}');
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}/v1.0`;
const bin = path.join(cli, 'bin/mgkit.js');
const cases = [
  ['node -e 0', ['-e', '0']],
  ['mgkit --help', [bin, '--help']],
  ['mgkit Get-MgDriveItem --help (leaf, Files)', [bin, 'Get-MgDriveItem', '--help']],
  ['mgkit Get-MgDriveItem (one call, 127.0.0.1)', [bin, 'Get-MgDriveItem', '--drive-id', 'd1', '--drive-item-id', 'i1', '--base-url', baseUrl]],
  // a body is validated against the module's packed schemas and written by its model's serializer
  ['mgkit Update-MgDriveItem --name (one call with a body, 127.0.0.1)', [bin, 'Update-MgDriveItem', '--drive-id', 'd1', '--drive-item-id', 'i1', '--name', 'bench', '--base-url', baseUrl]],
];

function timed(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', MGKIT_ACCESS_TOKEN: 'bench-token', XDG_CONFIG_HOME: scratch } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`${args.slice(1).join(' ')} exited ${code}: ${stderr}`))));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const times = cases.map(() => []);
try {
  for (const [, args] of cases) await timed(args); // the file system cache, warm
  for (let run = 0; run < runs; run += 1) for (const [index, [, args]] of cases.entries()) times[index].push(await timed(args));
} finally {
  server.close();
}
const medians = times.map(median);
const bare = medians[0];
// the noise band: the spread of bare node's runs (interquartile, relative), at least 10%
const sorted = [...times[0]].sort((a, b) => a - b);
const noise = Math.max(0.1, (sorted[Math.floor(sorted.length * 0.75)] - sorted[Math.floor(sorted.length * 0.25)]) / bare);

const mb = (bytes) => bytes / 1024 / 1024;
const goals = [
  ['`mgkit --help` ÷ `node -e 0`', medians[1] / bare, GOALS.help, (value) => `${value.toFixed(2)}×`],
  ["a leaf command's `--help` ÷ `node -e 0`", medians[2] / bare, GOALS.leafHelp, (value) => `${value.toFixed(2)}×`],
  ['one call to 127.0.0.1 ÷ `node -e 0`', medians[3] / bare, GOALS.call, (value) => `${value.toFixed(2)}×`],
  ['one call with a body to 127.0.0.1 ÷ `node -e 0`', medians[4] / bare, GOALS.call, (value) => `${value.toFixed(2)}×`],
  ['packed CLI, unpacked (MB)', mb(packed.unpackedSize), GOALS.packedMB, (value) => `${value.toFixed(1)} MB`],
  ['type-checking the generated CLI, peak RSS (MB)', typecheck.peakMB, GOALS.typecheckMB, (value) => `${value.toFixed(0)} MB`],
];
const lines = [
  '# One `mgkit` for the whole Graph v1.0 (33 modules)',
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; ${new Date().toISOString().slice(0, 10)}; median of ${runs} interleaved runs; noise band ±${Math.round(noise * 100)}%.`,
  '',
  `${modules.length} modules, ${commandCount} commands in one binary (\`node bench/whole-graph-cli.mjs\`).`,
  '',
  '| measure | value |',
  '|---|---|',
  ...cases.map(([label], index) => `| ${label} | ${medians[index].toFixed(1)} ms |`),
  `| type-check (tsc, the generated CLI and its runtime) | ${typecheck.seconds.toFixed(1)} s, peak ${typecheck.peakMB.toFixed(0)} MB |`,
  `| build (runtime bundle: Kiota and each module's model serializers, minified) | ${bundle.seconds.toFixed(1)} s |`,
  `| packed CLI (npm pack) | ${mb(packed.unpackedSize).toFixed(1)} MB unpacked in ${packed.entryCount} files, ${mb(packed.size).toFixed(1)} MB packed |`,
  '',
];
const { lines: goalLines, missed: goalsMissed } = goalsTable(goals, noise);
lines.push(...goalLines);
let missed = goalsMissed;
mkdirSync(here, { recursive: true });
writeFileSync(path.join(here, 'RESULTS-cli.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
if (!existsSync(bin)) missed += 1;
process.exitCode = missed > 0 ? 1 : 0;
