/**
 * Where each command sits in the `mgkit` tree: the client's navigation in kebab-case
 * (path keys dropped: they are options), then the HTTP method, as Microsoft's Graph CLI did:
 * `applications synchronization acquire-access-token post`.
 */
import type { ApiModel, CommandModel, OperationModel } from '../../../model/index.js';
import { kebabCase, operationByKey } from '../../../model/index.js';

export function operationCommandPath(operation: OperationModel): string[] {
  const words = operation.segments.filter((segment) => segment.kind !== 'parameter').map((segment) => kebabCase(segment.name));
  return [...words, operation.method.toLowerCase()];
}

/** The operation a command's path comes from: its default set's, else its first bound set's. */
export function primaryOperation(model: ApiModel, command: CommandModel): OperationModel | undefined {
  const sets = [...command.parameterSets].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  for (const set of sets) {
    const operation = operationByKey(model, set.operationKey);
    if (operation) return operation;
  }
  return undefined;
}

export interface PlacedCommand {
  readonly path: readonly string[];
  /** Module file name without extension. */
  readonly file: string;
  readonly command?: CommandModel;
  /** For an operation no cmdlet is bound to. */
  readonly operation?: OperationModel;
}

const placements = new WeakMap<ApiModel, readonly PlacedCommand[]>();

/**
 * Every command with its path: one per cmdlet, plus one per operation no cmdlet binds.
 * A path claimed twice gets the cmdlet's verb appended, so each path stays unique. Placed once
 * per model: the run's summary counts them, and the CLI and the docs build on them.
 */
export function placeCommands(model: ApiModel): readonly PlacedCommand[] {
  let placed = placements.get(model);
  if (!placed) {
    placed = placeEveryCommand(model);
    placements.set(model, placed);
  }
  return placed;
}

function placeEveryCommand(model: ApiModel): PlacedCommand[] {
  const placed: PlacedCommand[] = [];
  const taken = new Set<string>();
  const claim = (path: string[]): string[] => {
    let candidate = path;
    for (let index = 2; taken.has(candidate.join(' ')); index += 1) candidate = [...path.slice(0, -1), `${path.at(-1) ?? ''}-${index}`];
    taken.add(candidate.join(' '));
    return candidate;
  };
  const bound = new Set<string>();
  for (const command of model.commands) {
    const operation = primaryOperation(model, command);
    if (!operation) continue;
    for (const set of command.parameterSets) if (set.operationKey) bound.add(set.operationKey);
    const base = operationCommandPath(operation);
    const path = taken.has(base.join(' ')) ? claim([...base.slice(0, -1), `${base.at(-1) ?? ''}-${kebabCase(command.verb)}`]) : claim(base);
    placed.push({ path, file: path.join('-'), command });
  }
  for (const operation of model.operations) {
    if (bound.has(operation.key)) continue;
    const path = claim(operationCommandPath(operation));
    placed.push({ path, file: path.join('-'), operation });
  }
  return placed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
