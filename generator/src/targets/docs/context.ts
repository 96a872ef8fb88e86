/** What every page builder of the docs target reads: the model plus what is derived from it once. */
import { namedTypesOf, typesByName, type ApiModel, type OperationModel, type TypeModel, type TypeRef } from '../../model/index.js';
import { cliCommandsOf, type CliCommandDoc } from './cli-commands.js';
import { type BuilderNode, type ClientSurface, clientSurface } from '../shared/client-surface/index.js';
import { deriveOperationExample, type OperationExample } from './example-value.js';
import { invocationsOf, type Invocation } from './invocation.js';
import { link } from './escape.js';
import { pagePaths, relativeLink } from './names.js';

export interface DocsContext {
  readonly model: ApiModel;
  /** npm name of the client package: `@mgkit/graph-client`. */
  readonly clientPackage: string;
  /** Its version, when the config names one (pinned in install lines). */
  readonly clientPackageVersion?: string;
  /** The CLI's command name: `mgkit`. */
  readonly binName: string;
  readonly types: ReadonlyMap<string, TypeModel>;
  readonly examples: ReadonlyMap<string, OperationExample>;
  /** Cmdlet parameter sets bound to each operation, by operation key. */
  readonly invocations: ReadonlyMap<string, readonly Invocation[]>;
  /** The client's surface (the client target's names), and its request builders, root first. */
  readonly client: ClientSurface;
  readonly clientNodes: readonly BuilderNode[];
  /** The CLI's commands, as the CLI target defines them. */
  readonly cliCommands: readonly CliCommandDoc[];
  /** Every operation of the same action (itself included), by operation key: see `groupSameActions`. */
  readonly sameAction: ReadonlyMap<string, readonly OperationModel[]>;
}

export function createDocsContext(model: ApiModel, options: { clientPackage: string; clientPackageVersion?: string; binName: string }): DocsContext {
  const examples = new Map(model.operations.map((operation) => [operation.key, deriveOperationExample(model, operation)]));
  const invocations = new Map(model.operations.map((operation) => [operation.key, invocationsOf(model, operation, examples.get(operation.key) as OperationExample)]));
  let cliCommands: CliCommandDoc[] | undefined;
  const client = clientSurface(model);
  return {
    model,
    clientPackage: options.clientPackage,
    ...(options.clientPackageVersion !== undefined && { clientPackageVersion: options.clientPackageVersion }),
    binName: options.binName,
    types: typesByName(model),
    examples,
    invocations,
    client,
    clientNodes: client.nodes,
    sameAction: groupSameActions(model.operations),
    /** Computed on first use: only the CLI pages and the CLI examples need it. */
    get cliCommands() {
      cliCommands ??= cliCommandsOf(model);
      return cliCommands;
    },
  };
}

/**
 * One action bound to several paths (`acquireAccessToken` on applications and on service
 * principals) is one page in the Graph reference, with a request line per path. Operations are
 * the same action when the method, the action's name, the body type and the response type match.
 */
export function groupSameActions(operations: readonly OperationModel[]): Map<string, OperationModel[]> {
  const groups = new Map<string, OperationModel[]>();
  const byOperation = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    const last = operation.segments[operation.segments.length - 1];
    const isAction = last && (last.kind === 'action' || last.kind === 'function');
    const signature = isAction ? JSON.stringify([operation.method, last.unprefixed, operation.requestBody?.type ?? null, operation.success.type ?? null]) : `operation ${operation.key}`;
    const group = groups.get(signature) ?? [];
    group.push(operation);
    groups.set(signature, group);
    byOperation.set(operation.key, group);
  }
  return byOperation;
}

/** A type for a table cell, linked to its model page: `[X](../models/x.md) collection`. */
export function typeLabel(context: DocsContext, type: TypeRef, fromPage: string): string {
  switch (type.kind) {
    case 'primitive':
      return type.format ? `${type.primitive} (${type.format})` : type.primitive;
    case 'named':
      return context.types.has(type.name) ? link(type.name, relativeLink(fromPage, pagePaths.model(type.name))) : type.name;
    case 'collection':
      return `${typeLabel(context, type.items, fromPage)} collection`;
    case 'map':
      return `map of ${typeLabel(context, type.values, fromPage)}`;
    case 'union':
      return type.members.map((member) => typeLabel(context, member, fromPage)).join(' or ');
  }
}

/** Named types reachable from each type, computed once per type map (a docs run builds one). */
const reachCaches = new WeakMap<ReadonlyMap<string, TypeModel>, Map<string, readonly string[]>>();

/** Every named type reachable from `root` (itself included): base types, properties, map values. */
function reachableFrom(types: ReadonlyMap<string, TypeModel>, root: string): readonly string[] {
  let cache = reachCaches.get(types);
  if (!cache) reachCaches.set(types, (cache = new Map()));
  const cached = cache.get(root);
  if (cached) return cached;
  const reached = new Set<string>();
  const pending = [root];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (reached.has(name)) continue;
    const type = types.get(name);
    if (!type) continue;
    reached.add(name);
    if (type.kind !== 'object') continue;
    if (type.baseType) pending.push(type.baseType);
    for (const property of type.properties) pending.push(...namedTypesOf(property.type));
    if (typeof type.additionalProperties === 'object') pending.push(...namedTypesOf(type.additionalProperties));
  }
  const result = [...reached];
  cache.set(root, result);
  return result;
}

/**
 * Every named type an operation reaches (body, response, errors), transitively, sorted. Each
 * root type's reach is computed once: a module's operations share a few hundred roots, and
 * walking the type graph again per operation made the docs quadratic.
 */
export function typesReachedBy(context: DocsContext, operation: OperationModel): string[] {
  const roots = [operation.requestBody?.type, operation.success.type, ...operation.errors.map((error) => error.type)];
  const reached = new Set<string>();
  for (const root of roots) if (root) for (const name of namedTypesOf(root)) for (const type of reachableFrom(context.types, name)) reached.add(type);
  return [...reached].sort();
}

/** The operations that reach each type (see `typesReachedBy`), in the model's order: the edges turned around once. */
export function operationsReaching(context: DocsContext): ReadonlyMap<string, readonly OperationModel[]> {
  let index = usedByIndexes.get(context.model);
  if (!index) {
    const built = new Map<string, OperationModel[]>();
    for (const operation of context.model.operations) {
      for (const name of typesReachedBy(context, operation)) {
        const list = built.get(name);
        if (list) list.push(operation);
        else built.set(name, [operation]);
      }
    }
    index = built;
    usedByIndexes.set(context.model, index);
  }
  return index;
}

const usedByIndexes = new WeakMap<ApiModel, ReadonlyMap<string, readonly OperationModel[]>>();

/** A property without a description is described by its type. */
export function describeByType(type: TypeRef): string {
  const names = namedTypesOf(type);
  if (type.kind === 'collection' && names.length) return `A collection of ${names.join(' or ')} objects.`;
  if (names.length) return `${/^[AEIOU]/.test(names[0] ?? '') ? 'An' : 'A'} ${names.join(' or ')} value.`;
  return '';
}
