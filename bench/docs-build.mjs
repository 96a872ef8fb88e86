#!/usr/bin/env node
// Docs benchmark: how long the help site of the slice takes to make, next to VitePress building
// a one-page site measured in the same run (runs interleaved, medians printed). Goal: the
// whole docs build ≤ 10 s.
//   emit     — mgkit-gen's docs target: model → reference markdown, in memory (needs the built generator);
//   build    — `vitepress build docs` (reference + guide + local search index) into a temp folder;
//   baseline — `vitepress build` of a one-page site: VitePress's own fixed cost.
//
//   node bench/docs-build.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = Math.max(1, Number(runsFlag > 0 ? process.argv[runsFlag + 1] : (process.env.BENCH_RUNS ?? 3)) || 3);
const GOAL_SECONDS = 10;
const vitepress = path.join(root, 'node_modules/vitepress/bin/vitepress.js');
const generatorDist = path.join(root, 'generator/dist');

for (const [file, hint] of [
  [vitepress, 'run npm ci'],
  [path.join(generatorDist, 'targets/docs/index.js'), 'run npm run build -w @mgkit/generator'],
  [path.join(root, 'docs/reference/sidebar.json'), 'run npm run generate'],
]) {
  if (!existsSync(file)) {
    console.error(`docs-build: ${path.relative(root, file)} is missing (${hint})`);
    process.exit(1);
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mgkit-bench-docs-'));
// The baseline site resolves vue and vitepress from the workspace, as docs/ does.
symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');

function timeBuild(siteRoot) {
  const outDir = path.join(scratch, `out-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [vitepress, 'build', siteRoot, '--outDir', outDir], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const seconds = (performance.now() - started) / 1000;
  rmSync(outDir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`vitepress build ${siteRoot} failed:\n${result.stdout}\n${result.stderr}`);
  return seconds;
}

async function timeEmit() {
  const { runPipeline } = await import(path.join(generatorDist, 'pipeline/run-pipeline.js'));
  const { emitDocsPages } = await import(path.join(generatorDist, 'targets/docs/index.js'));
  const started = performance.now();
  const result = await runPipeline({ configFile: path.join(root, 'specs/mgkit.config.yaml'), modelOnly: true });
  const modelMs = performance.now() - started;
  const unit = result.units[0];
  const emitStarted = performance.now();
  const pages = emitDocsPages(unit.model, { unit: unit.unit, permissions: unit.permissions });
  return { modelMs, emitMs: performance.now() - emitStarted, pages: pages.length };
}

try {
  const baselineSite = path.join(scratch, 'baseline');
  mkdirSync(baselineSite, { recursive: true });
  writeFileSync(path.join(baselineSite, 'index.md'), '# Hello\n\nOne page.\n');
  const build = [];
  const baseline = [];
  for (let run = 0; run < runs; run += 1) {
    build.push(timeBuild(path.join(root, 'docs')));
    baseline.push(timeBuild(baselineSite));
  }
  const emit = await timeEmit();
  const buildSeconds = median(build);
  const baselineSeconds = median(baseline);
  console.log(`docs-build (${runs} run(s), medians):`);
  console.log(`  read inputs + model:   ${emit.modelMs.toFixed(0)} ms`);
  console.log(`  emit reference:        ${emit.emitMs.toFixed(0)} ms (${emit.pages} files)`);
  console.log(`  vitepress build docs:  ${buildSeconds.toFixed(2)} s`);
  console.log(`  vitepress one-page:    ${baselineSeconds.toFixed(2)} s (baseline)`);
  console.log(`  ratio build/baseline:  ${(buildSeconds / baselineSeconds).toFixed(2)}×`);
  const total = buildSeconds + (emit.modelMs + emit.emitMs) / 1000;
  console.log(`  goal ≤ ${GOAL_SECONDS} s for emit + build: ${total.toFixed(2)} s — ${total <= GOAL_SECONDS ? 'met' : 'MISSED'}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
