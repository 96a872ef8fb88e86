/**
 * The join at scale: every module of the 33-module v1.0 corpus is read and joined, and
 * - no module has an error;
 * - at least 99% of each module's parameter sets bind to an operation;
 * - no set is bound to an operation whose path keys it cannot fill, or whose method its CRUD verb
 *   contradicts (checked here from the model, not from the binder's own reasoning).
 */
import { describe, expect, it } from 'vitest';
import { buildApiModel, type ApiModel, type CommandModel, type OperationModel, type ParameterSetModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { corpus33Modules } from './helpers/corpus33.js';
import { SELECT_EVERYTHING } from './helpers/paths.js';

const modules = corpus33Modules() ?? [];

const CRUD_METHODS: Readonly<Record<string, readonly string[]>> = { Get: ['get'], New: ['post'], Update: ['patch', 'put'], Set: ['put', 'patch'], Remove: ['delete'] };

/** Why a bound set cannot call its operation, or undefined when it can. */
function bindingProblem(command: CommandModel, set: ParameterSetModel, operation: OperationModel): string | undefined {
  const filled = new Set<string>();
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

describe.skipIf(modules.length === 0)('the join on the 33 v1.0 modules of the 2023 corpus', () => {
  it('reads 33 modules', () => {
    expect(modules).toHaveLength(33);
  });

  describe.each(modules)('$name', (module) => {
    it('joins with no error, ≥ 99% of parameter sets bound, and every binding able to fill its path', async () => {
      const { document, diagnostics: openApiDiagnostics } = await loadOpenApiDocument(module.openapi);
      const { cmdlets, diagnostics: helpDiagnostics } = await readCmdletHelpFolder(module.cmdlets);
      const built = buildApiModel({ document: document!, cmdlets, unit: SELECT_EVERYTHING });
      const errors = [...openApiDiagnostics, ...helpDiagnostics, ...built.diagnostics].filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      const model = built.model as ApiModel;
      const operations = new Map(model.operations.map((operation) => [operation.key, operation]));

      let sets = 0;
      let bound = 0;
      const problems: string[] = [];
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
      console.log(`${module.name}: ${model.operations.length} operations, ${bound}/${sets} parameter sets bound`);
      expect(problems).toEqual([]);
      if (sets > 0) expect(bound / sets).toBeGreaterThanOrEqual(0.99);
    });
  });
});
