import type { GenerationUnitConfig } from '../config/types.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/index.js';
import type { CmdletHelp } from '../sources/cmdlets/index.js';
import type { OpenApiDocument, OpenApiOperation } from '../sources/openapi/index.js';
import type { DescriptionsFile } from '../sources/descriptions/index.js';
import type { PermissionsFile } from '../sources/permissions/index.js';
import { applyDescriptions } from './apply-descriptions.js';
import { CommandBinder } from './bind-commands.js';
import { buildCommand } from './build-commands.js';
import { buildOperation, operationKeys } from './build-operations.js';
import { TypeRegistry } from './build-types.js';
import { deepFreeze } from './freeze.js';
import { selectCmdletNames, selectOperations, unmatchedCmdletPatterns } from './select.js';
import type { ApiModel, CommandModel } from './types.js';

export interface ModelInputs {
  readonly document: OpenApiDocument;
  readonly cmdlets: readonly CmdletHelp[];
  readonly unit: Pick<GenerationUnitConfig, 'include' | 'exclude' | 'bindings' | 'keepActionPrefixInUrl'>;
  /** The unit's permissions file: each operation carries its entry. */
  readonly permissions?: PermissionsFile;
  /** The unit's descriptions file: texts the description lacks. */
  readonly descriptions?: DescriptionsFile;
}

/**
 * Join the description and the cmdlet help into one immutable model: the selected operations,
 * plus every operation a selected cmdlet calls, the types they reach, and the bound commands.
 */
export function buildApiModel(inputs: ModelInputs): { model?: ApiModel; diagnostics: Diagnostic[] } {
  const { document, cmdlets, unit } = inputs;
  const diagnostics = new DiagnosticBag();
  const selection = selectOperations(document.operations, unit.include, unit.exclude);
  for (const pattern of selection.unmatched) {
    diagnostics.warning({
      code: 'select/no-match',
      message: `include pattern '${pattern}' matches no path of ${document.file}`,
      file: document.file,
      hint: 'check the glob against the paths in the description',
    });
  }

  const selectedNames = selectCmdletNames(
    cmdlets.map((cmdlet) => cmdlet.name),
    unit.include,
    unit.exclude,
  );
  if (cmdlets.length > 0) {
    for (const pattern of unmatchedCmdletPatterns(
      cmdlets.map((cmdlet) => cmdlet.name),
      unit.include,
    )) {
      diagnostics.warning({
        code: 'select/no-match',
        message: `include cmdlet pattern '${pattern}' matches none of the ${cmdlets.length} cmdlet help file(s) read`,
        hint: "check the glob against the cmdlet names (the help files' # titles)",
      });
    }
  }
  // A binding for a cmdlet the unit does not generate (a typo, a renamed cmdlet) would do nothing.
  const selectedLower = new Set([...selectedNames].map((name) => name.toLowerCase()));
  for (const name of Object.keys(unit.bindings).filter((bound) => !selectedLower.has(bound.toLowerCase()))) {
    diagnostics.warning({
      code: 'config/unused-binding',
      message: `bindings name the cmdlet '${name}', which this unit does not generate (not in its help folders, or not selected)`,
      hint: 'correct the cmdlet name, or remove the entry',
    });
  }
  const keys = operationKeys(document.operations);
  const binder = new CommandBinder(document, diagnostics, unit.bindings, keys);
  const commands: CommandModel[] = [];
  const operationsToBuild = new Set<OpenApiOperation>(selection.selected);
  for (const help of cmdlets.filter((cmdlet) => selectedNames.has(cmdlet.name))) {
    const bound = binder.bind(buildCommand(help));
    commands.push(bound.command);
    bound.operations.forEach((operation) => operationsToBuild.add(operation));
  }

  const registry = new TypeRegistry(document, diagnostics);
  const operations = document.operations
    .filter((operation) => operationsToBuild.has(operation))
    .map((operation) => buildOperation(operation, keys.get(operation) ?? '', registry, unit.keepActionPrefixInUrl))
    .map((operation) => {
      const permissions = inputs.permissions?.operations[operation.key];
      return permissions ? { ...operation, permissions } : operation;
    });
  reportDuplicateKeys(
    operations.map((operation) => operation.key),
    diagnostics,
    document.file,
  );

  const types = inputs.descriptions ? applyDescriptions(registry.types(), inputs.descriptions, document.schemaNames, diagnostics) : registry.types();
  if (diagnostics.hasErrors) return { diagnostics: [...diagnostics.items] };
  const model: ApiModel = {
    title: document.title,
    version: document.version,
    baseUrl: (document.servers[0]?.url ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''),
    options: { keepActionPrefixInUrl: unit.keepActionPrefixInUrl },
    operations: operations.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    types,
    commands: commands.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    diagnostics: [...diagnostics.items],
  };
  return { model: deepFreeze(model), diagnostics: [...diagnostics.items] };
}

function reportDuplicateKeys(keys: readonly string[], diagnostics: DiagnosticBag, file: string): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) {
      diagnostics.error({
        code: 'model/duplicate-operation-key',
        message: `two selected operations derive the same key '${key}'`,
        file,
        hint: 'exclude one of them in mgkit.config.yaml',
      });
    }
    seen.add(key);
  }
}
