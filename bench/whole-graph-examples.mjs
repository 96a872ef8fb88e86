#!/usr/bin/env node
// The long run of the examples (issue 14): every operation page of the 33 v1.0 modules, where the
// suite checks a sample of seven per module (generator/test/join-33-modules.test.ts). For each
// page, the TypeScript tab must type-check against its module's generated client (tsc strict, one
// program per module), and the CLI tab must run through one `mgkit` built from all the modules:
// with --what-if its output shows the HTTP tab's request line; a read (no --what-if) sends the HTTP
// tab's method, path and query names to 127.0.0.1.
// Writes bench/RESULTS-examples.md (counts, and every failing example, one line each); exits 1 when
// any example fails.
//
//   node bench/whole-graph-examples.mjs [Module…]      (default: all 33)
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCliTabs, checkTypeScriptTabs, operationPages } from './whole-graph/examples.mjs';
import { assembleCliPackage, buildCliPackage } from './whole-graph/cli-package.mjs';
import { corpusModules, corpusRoot, unitName, writeScratchProject } from './whole-graph/scratch.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..');
const scratch = path.join(os.tmpdir(), 'mgkit-bench-whole-graph', '33-modules');

const corpus = corpusRoot();
if (!corpus) {
  console.log('whole-graph-examples: skipped: ../shared/corpus/graph-powershell-2023/extract.sh is absent');
  process.exit(0);
}
const allModules = corpusModules(corpus);
// module names; the other benches' flags (`npm run bench -- --runs 5`) are not for this one
const chosen = process.argv.slice(2).filter((arg, index, all) => !arg.startsWith('-') && !(all[index - 1]?.startsWith('--') && /^\d+$/.test(arg)));
const unknown = chosen.filter((module) => !allModules.includes(module));
if (unknown.length > 0) throw new Error(`not corpus modules: ${unknown.join(', ')} (they are: ${allModules.join(', ')})`);

// 1. the 33 modules generated into the scratch project (a no-op when up to date), its CLI built
const config = writeScratchProject(scratch, corpus, allModules);
console.log(`whole-graph-examples: generating ${allModules.length} modules into ${scratch} (a no-op when up to date)`);
execFileSync(process.execPath, [path.join(projectRoot, 'generator/bin/mgkit-gen.js'), 'generate', '--quiet', '--config', config], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
const cli = assembleCliPackage(scratch);
buildCliPackage(cli, { quiet: true });

// 2. every operation page of the chosen modules
const units = (chosen.length > 0 ? chosen : allModules).map(unitName);
const started = Date.now();
const typeScript = { checked: 0, problems: [] };
for (const unit of units) {
  const pages = operationPages(scratch, [unit]);
  const folder = 'examples-snippets';
  rmSync(path.join(scratch, folder), { recursive: true, force: true });
  const result = checkTypeScriptTabs({ root: scratch, pages, units: [unit], projectRoot, folder });
  typeScript.checked += result.checked;
  typeScript.problems.push(...result.problems);
  console.log(`  ${unit}: ${result.checked} TypeScript tab(s), ${result.problems.length} problem(s)`);
}
const pages = operationPages(scratch, units);
const cliResult = await checkCliTabs({ cli, pages, workDir: scratch });
const seconds = (Date.now() - started) / 1000;

// 3. the report
const lines = [
  '# Every operation’s examples (33 v1.0 modules)',
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, node ${process.version}; ${new Date().toISOString().slice(0, 10)}; ${seconds.toFixed(0)} s (\`node bench/whole-graph-examples.mjs\`).`,
  '',
  '| tab | examples | failing |',
  '|---|---|---|',
  `| TypeScript: type-checks against its module's client (tsc strict) | ${typeScript.checked} | ${typeScript.problems.length} problem(s) |`,
  `| CLI: runs through one \`mgkit\` of all the modules (${cliResult.whatIf} with --what-if, ${cliResult.ran - cliResult.whatIf} reads sent to 127.0.0.1) and shows the HTTP tab's request | ${cliResult.ran} | ${cliResult.problems.length} |`,
  '',
  ...(typeScript.problems.length + cliResult.problems.length > 0
    ? ['## Failing examples', '', ...[...typeScript.problems, ...cliResult.problems].map((problem) => `- ${problem.replace(/\n/g, ' ')}`), '']
    : []),
];
writeFileSync(path.join(here, 'RESULTS-examples.md'), `${lines.join('\n')}\n`);
console.log(lines.slice(0, 9).join('\n'));
process.exitCode = typeScript.problems.length + cliResult.problems.length > 0 ? 1 : 0;
