// A worker thread of join-33-modules.test.ts: reads one corpus module (the built generator, as a
// run would), joins it, checks every binding from the model, and writes the module's sample of
// operations (client, CLI, docs) into the scratch project. The test asserts on what it returns.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { buildApiModel } from '../../dist/model/index.js';
import { serveTasks } from '../../dist/pipeline/worker-pool.js';
import { readCmdletHelpFolder } from '../../dist/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../../dist/sources/openapi/index.js';
import { loadTargets } from '../../dist/targets/index.js';

if (!parentPort) throw new Error('join-module-worker runs as a worker thread of join-33-modules.test.ts');

const CRUD_METHODS = { Get: ['get'], New: ['post'], Update: ['patch', 'put'], Set: ['put', 'patch'], Remove: ['delete'] };

/** Why a bound set cannot call its operation, or undefined when it can (from the model, not the binder's reasoning). */
function bindingProblem(command, set, operation) {
  const filled = new Set();
  for (const binding of set.parameters) {
    if (binding.role?.kind === 'path-key') filled.add(binding.role.pathParameter);
    if (binding.role?.kind === 'identity') {
      const identity = command.parameters.find((parameter) => parameter.name === binding.parameter);
      const properties = new Set((identity?.complexProperties ?? []).map((property) => property.name.toLowerCase()));
      for (const key of binding.role.keys) if (properties.has(key.property.toLowerCase())) filled.add(key.pathParameter);
    }
  }
  const missing = operation.pathParameters.filter((parameter) => !filled.has(parameter.wireName));
  if (missing.length > 0) return `${command.name} ${set.name} → ${operation.method} ${operation.path}: nothing fills ${missing.map((p) => p.wireName).join(', ')}`;
  const allowed = CRUD_METHODS[command.verb];
  if (operation.kind === 'operation' && !allowed?.includes(operation.method.toLowerCase())) return `${command.name} ${set.name} → ${operation.method} ${operation.path}: the verb says otherwise`;
  return undefined;
}

/** Up to `count` operations, evenly spread over the module's (sorted by key). */
function sampleOf(operations, count) {
  const sorted = [...operations].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (sorted.length <= count) return sorted;
  return Array.from({ length: count }, (_, index) => sorted[Math.floor((index * sorted.length) / count)]);
}

/** The sample of one module, generated into the scratch project as one module of one CLI; returns its operation count. */
async function generateSample(task, document, cmdlets, model) {
  const picks = sampleOf(model.operations, task.samplePerModule);
  // the cmdlets bound to the picks, and no others: every cmdlet would bring its operations, the whole module
  const keys = new Set(picks.map((operation) => operation.key));
  const bound = model.commands.filter((command) => command.parameterSets.some((set) => set.operationKey !== undefined && keys.has(set.operationKey))).map((command) => command.name);
  // an empty cmdlet list selects every cmdlet, so "none" is every cmdlet excluded
  const include = { paths: picks.map((operation) => `${operation.path}#${operation.method.toUpperCase()}`), cmdlets: bound.length > 0 ? bound : ['*'] };
  const exclude = { paths: [], cmdlets: bound.length > 0 ? [] : ['*'] };
  const small = buildApiModel({ document, cmdlets, unit: { ...task.selectEverything, include, exclude } }).model;
  const root = task.sampleRoot;
  const outputs = {
    client: { dir: path.join(root, 'out', task.unit, 'client'), packageName: `@mgkit/graph-${task.unit}` },
    cli: { dir: path.join(root, 'out/cli/src/generated', task.unit), packageName: '@mgkit/cli', binName: 'mgkit', modules: task.cliModules },
    docs: { dir: path.join(root, 'out', task.unit, 'docs') },
  };
  for (const target of await loadTargets()) {
    if (!(target.name in outputs)) continue;
    for (const file of await target.emit(small, { unit: { outputs }, specsDir: root })) {
      mkdirSync(path.dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.contents);
    }
  }
  return small.operations.length;
}

serveTasks(parentPort, async (task) => {
  const { document, diagnostics: openApiDiagnostics } = await loadOpenApiDocument(task.openapi);
  const { cmdlets, diagnostics: helpDiagnostics } = await readCmdletHelpFolder(task.cmdlets);
  const built = document ? buildApiModel({ document, cmdlets, unit: task.selectEverything }) : { diagnostics: [] };
  const errors = [...openApiDiagnostics, ...helpDiagnostics, ...built.diagnostics].filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
  const model = built.model;
  if (!model) return { name: task.name, errors, operations: 0, sets: 0, bound: 0, problems: [] };
  const operations = new Map(model.operations.map((operation) => [operation.key, operation]));
  let sets = 0;
  let bound = 0;
  const problems = [];
  for (const command of model.commands) {
    for (const set of command.parameterSets) {
      sets++;
      const operation = set.operationKey ? operations.get(set.operationKey) : undefined;
      if (!operation) continue;
      bound++;
      const problem = bindingProblem(command, set, operation);
      if (problem) problems.push(problem);
    }
  }
  const sampleOperations = await generateSample(task, document, cmdlets, model);
  return { name: task.name, errors, operations: model.operations.length, sets, bound, problems, sampleOperations };
});
