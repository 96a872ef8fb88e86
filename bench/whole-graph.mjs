#!/usr/bin/env node
// The whole-Graph rows: mgkit-gen (client, CLI and docs) against openapi-typescript (types) and
// @hey-api/openapi-ts (a client) on the same files, for the 33 v1.0 modules of the corpus and for
// its largest module; time per operation on a small and a large module; a no-op run; a
// one-module change. Peers are pinned in bench/package.json and run alternating with mgkit, in one
// process each over all the files (as mgkit-gen runs all units in one). Writes bench/RESULTS.md
// and exits non-zero when a goal is missed by more than the noise band measured here.
//
//   node bench/whole-graph.mjs [--runs N]        (MGKIT_BENCH_RUNS; default 3)
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusModules, corpusRoot, unitName, writeScratchProject } from './whole-graph/scratch.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = Math.max(1, Number(runsFlag > 0 ? process.argv[runsFlag + 1] : (process.env.MGKIT_BENCH_RUNS ?? 3)) || 3);
const generator = path.join(root, 'generator/bin/mgkit-gen.js');
const peer = path.join(here, 'whole-graph/peer.mjs');
const scratch = path.join(os.tmpdir(), 'mgkit-bench-whole-graph');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const corpus = corpusRoot();
if (!corpus) {
  console.log('whole-graph: skipped: ../shared/corpus/graph-powershell-2023/extract.sh is absent');
  process.exit(0);
}
const modules = corpusModules(corpus);
const operationCount = (module) => (readFileSync(path.join(corpus, 'openapi', `${module}.yml`), 'utf8').match(/^ {6}operationId:/gm) ?? []).length;
const sizes = new Map(modules.map((module) => [module, operationCount(module)]));
const largest = [...modules].sort((a, b) => sizes.get(b) - sizes.get(a))[0];
const small = [...modules].filter((module) => sizes.get(module) >= 100).sort((a, b) => sizes.get(a) - sizes.get(b))[0];

/** Runs a command; wall seconds, CPU seconds and peak RSS (MB) when GNU time is there. */
function measure(label, command, args, cwd = root) {
  const timeFile = path.join(os.tmpdir(), 'mgkit-bench-time.txt');
  const [file, argv] = gnuTime ? [gnuTime, ['-o', timeFile, '-f', '%e %U %S %M', command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: 'true' } });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    console.error(`whole-graph: ${label} failed (exit ${result.status}): ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ')}`);
    process.exit(1);
  }
  if (!gnuTime) return { wall, cpu: Number.NaN, rssMb: Number.NaN, stdout: result.stdout };
  const [elapsed, user, system, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall: elapsed, cpu: user + system, rssMb: rssKb / 1024, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Spread of repeated runs of one command, relative to their median: the noise band (at least 10%). */
const band = (values) => Math.max(0.1, values.length > 1 ? (Math.max(...values) - Math.min(...values)) / median(values) : 0);

/** The module the one-module-change row edits (a copy in the scratch folder). */
const edited = 'People';

function scratchFor(name, selected) {
  const dir = path.join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  return writeScratchProject(dir, corpus, selected, { copied: [edited] });
}

const mgkit = (config) => measure('mgkit-gen', process.execPath, ['--max-old-space-size=12000', generator, 'generate', '--force', '--quiet', '--config', config]);
const peerRun = (tool, selected) => {
  const out = path.join(scratch, `peer-${tool}`);
  rmSync(out, { recursive: true, force: true });
  return measure(tool, process.execPath, [peer, tool, out, ...selected.map((module) => path.join(corpus, 'openapi', `${module}.yml`))], here);
};

/** Alternating runs of mgkit and both peers on the same modules. */
function compare(label, selected) {
  const config = scratchFor(label, selected);
  const samples = { mgkit: [], 'openapi-typescript': [], 'hey-api': [] };
  for (let run = 0; run < runs; run += 1) {
    samples.mgkit.push(mgkit(config));
    samples['openapi-typescript'].push(peerRun('openapi-typescript', selected));
    samples['hey-api'].push(peerRun('hey-api', selected));
    console.log(`  ${label}: run ${run + 1}/${runs} done`);
  }
  const summary = Object.fromEntries(
    Object.entries(samples).map(([tool, list]) => [
      tool,
      { wall: median(list.map((s) => s.wall)), cpu: median(list.map((s) => s.cpu)), rssMb: median(list.map((s) => s.rssMb)), band: band(list.map((s) => s.wall)) },
    ]),
  );
  return { label, config, modules: selected, operations: selected.reduce((total, module) => total + sizes.get(module), 0), summary };
}

console.log(`whole-graph: ${modules.length} modules from ${corpus}; ${runs} alternating run(s) each`);
const whole = compare('33-modules', modules);
const single = compare(`largest-${unitName(largest)}`, [largest]);

// The reference site of the 33 modules (`mgkit-gen site`): every page, sidebars and search
// indexes per module, links checked (a broken link fails the run).
const siteDir = path.join(scratch, 'site');
const siteBuild = measure('site', process.execPath, [generator, 'site', '--force', '--config', whole.config, '--out', siteDir]);
const sitePages = Number(/; (\d+) page\(s\) written/.exec(siteBuild.stdout)?.[1] ?? Number.NaN);
const siteBytes = Number(spawnSync('du', ['-sb', siteDir], { encoding: 'utf8' }).stdout.split(/\s/)[0]);

// Time per operation, one module at a time (each run in its own process, as the peers).
const perOperation = [small, largest].map((module) => {
  const config = scratchFor(`per-op-${unitName(module)}`, [module]);
  const walls = Array.from({ length: runs }, () => mgkit(config).wall);
  return { module, operations: sizes.get(module), msPerOperation: (1000 * median(walls)) / sizes.get(module), band: band(walls) };
});

// A no-op over the 33 (after the runs above left them generated), then one module's description edited.
const noop = Array.from({ length: Math.max(3, runs) }, () => measure('no-op', process.execPath, [generator, 'generate', '--config', whole.config]));
if (!noop[0].stdout.startsWith('Up to date')) console.error(`whole-graph: the no-op run regenerated: ${noop[0].stdout.split('\n')[0]}`);
const editedCopy = path.join(path.dirname(whole.config), 'corpus', 'openapi', `${edited}.yml`);
const oneModule = Array.from({ length: runs }, (_, index) => {
  appendFileSync(editedCopy, `\n# bench edit ${index}\n`);
  const result = measure('one-module change', process.execPath, ['--max-old-space-size=12000', generator, 'generate', '--config', whole.config]);
  if (!/regenerating people\b/.test(result.stdout)) console.error(`whole-graph: the one-module change did not regenerate People alone: ${result.stdout.split('\n')[0]}`);
  return result;
});

// `diff` between two versions of the whole set: the corpus folder and a copy with one property
// added to the edited module; the report must name that module.
const nextVersion = path.join(scratch, 'openapi-next');
rmSync(nextVersion, { recursive: true, force: true });
mkdirSync(nextVersion, { recursive: true });
for (const module of modules) {
  const from = path.join(corpus, 'openapi', `${module}.yml`);
  if (module !== edited) symlinkSync(from, path.join(nextVersion, `${module}.yml`));
}
const editedText = readFileSync(path.join(corpus, 'openapi', `${edited}.yml`), 'utf8');
writeFileSync(path.join(nextVersion, `${edited}.yml`), editedText.replace(/\n {6}properties:\n/, '\n      properties:\n        benchAddedProperty:\n          type: string\n'));
const wholeDiff = Array.from({ length: Math.max(3, runs) }, () => measure('diff', process.execPath, [generator, 'diff', path.join(corpus, 'openapi'), nextVersion]));
if (!new RegExp(`\\| ${edited} \\| added \\| property`).test(wholeDiff[0].stdout)) console.error(`whole-graph: the whole-set diff did not name ${edited}: ${wholeDiff[0].stdout.slice(0, 300)}`);

// ---------------------------------------------------------------- goals and report
const ratio = (a, b) => a / b;
const goals = [];
const goal = (name, value, limit, noise, unit = '×') => {
  const met = value <= limit * (1 + noise);
  goals.push({ name, value, limit, noise, unit, met });
};
goal(
  '33 modules: mgkit (3 targets) time ÷ openapi-typescript (types)',
  ratio(whole.summary.mgkit.wall, whole.summary['openapi-typescript'].wall),
  1.0,
  Math.max(whole.summary.mgkit.band, whole.summary['openapi-typescript'].band),
);
goal(
  '33 modules, stretch: mgkit time per target ÷ @hey-api/openapi-ts',
  ratio(whole.summary.mgkit.wall / 3, whole.summary['hey-api'].wall),
  1.0,
  Math.max(whole.summary.mgkit.band, whole.summary['hey-api'].band),
);
goal(`${largest}: mgkit peak memory ÷ openapi-typescript`, ratio(single.summary.mgkit.rssMb, single.summary['openapi-typescript'].rssMb), 1.5, 0.1);
const [smallRow, largeRow] = perOperation;
goal(`time per operation, ${largeRow.module} ÷ ${smallRow.module}`, ratio(largeRow.msPerOperation, smallRow.msPerOperation), 1.3, Math.max(smallRow.band, largeRow.band));
goal('no-op over 33 modules (s)', median(noop.map((s) => s.wall)), 1.0, band(noop.map((s) => s.wall)), ' s');
goal(`reference site of the ${modules.length} modules (${sitePages} pages), mgkit-gen site (s)`, siteBuild.wall, 600, 0.1, ' s');
goal('diff between two versions of the 33 modules (s)', median(wholeDiff.map((s) => s.wall)), 10, band(wholeDiff.map((s) => s.wall)), ' s');

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const rows = (comparison) =>
  Object.entries(comparison.summary).map(
    ([tool, s]) => `| ${tool} | ${fmt(s.wall)} s | ${fmt(s.cpu)} s | ${fmt(s.rssMb, 0)} MB | ±${fmt(100 * s.band, 0)}% | ${fmt(s.wall / comparison.summary['openapi-typescript'].wall, 2)}× |`,
  );
const cpu = os.cpus();
const report = [
  '# Whole-Graph benchmark',
  '',
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}; ${new Date().toISOString().slice(0, 10)}; median of ${runs} alternating run(s); the noise band is the spread of those runs (at least 10%).`,
  '',
  `Input: the ${modules.length} v1.0 modules of the 2023 corpus (${whole.operations} operations by operationId). mgkit-gen writes the client, the CLI and the docs; openapi-typescript writes types; @hey-api/openapi-ts writes a fetch client.`,
  '',
  `## ${modules.length} modules`,
  '',
  '| tool | wall | CPU | peak RSS | noise | wall ÷ openapi-typescript |',
  '|---|---|---|---|---|---|',
  ...rows(whole),
  '',
  `## Largest module: ${largest} (${sizes.get(largest)} operations)`,
  '',
  '| tool | wall | CPU | peak RSS | noise | wall ÷ openapi-typescript |',
  '|---|---|---|---|---|---|',
  ...rows(single),
  '',
  '## Time per operation (mgkit-gen, one module per run)',
  '',
  '| module | operations | ms per operation |',
  '|---|---|---|',
  ...perOperation.map((row) => `| ${row.module} | ${row.operations} | ${fmt(row.msPerOperation)} |`),
  '',
  '## Incremental',
  '',
  `- no-op over the ${modules.length} modules: ${fmt(median(noop.map((s) => s.wall)), 2)} s`,
  `- one module's description edited (${edited}): ${fmt(median(oneModule.map((s) => s.wall)), 2)} s, that module alone regenerated`,
  `- \`mgkit-gen diff\` between two versions of the ${modules.length} modules (one property added to ${edited}): ${fmt(median(wholeDiff.map((s) => s.wall)), 2)} s, each change named by its module`,
  '',
  '## Reference site',
  '',
  `- \`mgkit-gen site\` over the ${modules.length} modules: ${sitePages} pages in ${fmt(siteBuild.wall)} s (CPU ${fmt(siteBuild.cpu)} s, peak ${fmt(siteBuild.rssMb, 0)} MB), ${fmt(siteBytes / 2 ** 20, 0)} MB written (${fmt(siteBytes / sitePages / 1024)} KB per page, sidebars and search indexes included), 0 broken links`,
  '',
  '## Goals',
  '',
  '| goal | measured | limit | met |',
  '|---|---|---|---|',
  ...goals.map((g) => `| ${g.name} | ${fmt(g.value, 2)}${g.unit} | ≤ ${g.limit}${g.unit} (+${fmt(100 * g.noise, 0)}% noise) | ${g.met ? 'yes' : '**no**'} |`),
  '',
];
writeFileSync(path.join(here, 'RESULTS.md'), `${report.join('\n')}`);
console.log(report.join('\n'));
const missed = goals.filter((g) => !g.met);
if (missed.length > 0) {
  console.error(`whole-graph: ${missed.length} goal(s) missed: ${missed.map((g) => g.name).join('; ')}`);
  process.exitCode = 1;
}
