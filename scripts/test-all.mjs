#!/usr/bin/env node
// `npm test`: every workspace's suite, even when one fails, then one line per workspace and a
// closing total read from each workspace's vitest JSON report (vitest.shared.ts). Exits non-zero
// when anything failed or did not run. The closing line is also written to .vitest/summary.txt
// for .ci/run.
//
// First turbo builds what the suites test (cached after `npm run generate`). Then the workspaces
// run in two phases on a 2-core machine: the generator's suite alone (the longest; its two vitest
// workers keep both cores busy), then the docs' suite (which waits on chromium half the time)
// beside the client's and the CLI's. Every workspace side by side from the start oversubscribed
// the cores: the same tests took a third more CPU and 6:27 against 4:46 in phases.
// TEST_PHASES (JSON: phases of lanes of workspace folders) overrides the order for measuring.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join('.vitest', 'results.json');
const PHASES = JSON.parse(process.env.TEST_PHASES ?? JSON.stringify([[['generator']], [['docs'], ['packages/graph-client', 'packages/cli']]]));

function workspace(folder) {
  const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
  return { folder, name: manifest.name, results: join(root, folder, RESULTS), tested: Boolean(manifest.scripts?.test) };
}

const phases = PHASES.map((lanes) => lanes.map((folders) => folders.map(workspace).filter((candidate) => candidate.tested)));
const all = phases.flat(2);
for (const candidate of all) rmSync(candidate.results, { force: true });

const env = { TURBO_TELEMETRY_DISABLED: '1', ...process.env };
const build = spawnSync('npx', ['turbo', 'run', 'build', 'docs:build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit', env });

/** `npm test` in one workspace, each line of its output prefixed with its name; resolves to its exit code. */
function runSuite(candidate) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['test', '--silent'], { cwd: join(root, candidate.folder), env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const [stream, sink] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ])
      createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => sink.write(`${candidate.name}:test: ${line}\n`));
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const exitCodes = new Map();
if (build.status === 0) {
  for (const lanes of phases)
    await Promise.all(
      lanes.map(async (lane) => {
        for (const candidate of lane) exitCodes.set(candidate.name, await runSuite(candidate));
      }),
    );
}

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
const width = Math.max(...all.map((candidate) => candidate.name.length));
const lines = [];
for (const candidate of all) {
  const label = candidate.name.padEnd(width);
  if (!existsSync(candidate.results)) {
    missing += 1;
    lines.push(`  ${label}  did not run (its build or an earlier step failed: see the log above)`);
    continue;
  }
  const report = JSON.parse(readFileSync(candidate.results, 'utf8'));
  const workspaceSkipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += workspaceSkipped;
  // a file that failed to load counts no test but fails the run
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  failed += brokenFiles;
  const note = brokenFiles > 0 ? ` (${brokenFiles} test file(s) failed to load)` : '';
  lines.push(`  ${label}  ${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed, ${workspaceSkipped} skipped${note}`);
}

const closing = `${passed} passed, ${failed + missing} failed, ${skipped} skipped`;
process.stdout.write(`\nTests by workspace:\n${lines.join('\n')}\n`);
if (build.status !== 0) process.stdout.write(`turbo build exited ${build.status ?? build.signal}: no suite ran (see the log above).\n`);
if (missing > 0) process.stdout.write(`${missing} workspace(s) did not run; each counts as one failure below.\n`);
const outside = [...exitCodes].filter(([, code]) => code !== 0).map(([name]) => name);
if (outside.length > 0 && failed + missing === 0) process.stdout.write(`${outside.join(', ')} exited non-zero with every test passed: a global setup or teardown failed (see the log above).\n`);
process.stdout.write(`total: ${closing}\n`);
mkdirSync(join(root, '.vitest'), { recursive: true });
writeFileSync(join(root, '.vitest', 'summary.txt'), `total: ${closing}\n`);
process.exitCode = build.status === 0 && outside.length === 0 && failed + missing === 0 ? 0 : 1;
