#!/usr/bin/env node
// `npm test`: every workspace's suite through turbo with --continue, so one failing workspace
// never hides the others, then one line per workspace and a closing total read from each
// workspace's vitest JSON report (vitest.shared.ts). Exits non-zero when anything failed or
// did not run. The closing line is also written to .vitest/summary.txt for .ci/run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join('.vitest', 'results.json');

function workspaces() {
  const folders = ['generator', 'packages/graph-client', 'packages/cli', 'docs'];
  return folders
    .map((folder) => ({ folder, manifest: JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.scripts?.test)
    .map(({ folder, manifest }) => ({ folder, name: manifest.name, results: join(root, folder, RESULTS) }));
}

const all = workspaces();
for (const workspace of all) rmSync(workspace.results, { force: true });

// two workspaces at a time: the generator's files keep a core busy while the docs' wait on chromium
const turbo = spawnSync('npx', ['turbo', 'run', 'test', '--continue', '--concurrency=2', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env },
});

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
const width = Math.max(...all.map((workspace) => workspace.name.length));
const lines = [];
for (const workspace of all) {
  const label = workspace.name.padEnd(width);
  if (!existsSync(workspace.results)) {
    missing += 1;
    lines.push(`  ${label}  did not run (its build or an earlier step failed: see the log above)`);
    continue;
  }
  const report = JSON.parse(readFileSync(workspace.results, 'utf8'));
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
if (missing > 0) process.stdout.write(`${missing} workspace(s) did not run; each counts as one failure below.\n`);
if (turbo.status !== 0 && failed + missing === 0)
  process.stdout.write(`turbo exited ${turbo.status ?? turbo.signal}: a task failed outside the tests (a global setup or teardown, see the log above).\n`);
process.stdout.write(`total: ${closing}\n`);
mkdirSync(join(root, '.vitest'), { recursive: true });
writeFileSync(join(root, '.vitest', 'summary.txt'), `total: ${closing}\n`);
process.exitCode = turbo.status === 0 && failed + missing === 0 ? 0 : 1;
