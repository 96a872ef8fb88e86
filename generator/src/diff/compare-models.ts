import type { ApiModel, OperationModel, ParameterModel, PropertyModel, TypeModel, TypeRef } from '../model/index.js';
import type { ApiChange, ApiDiff } from './types.js';
import { typeUsage, type TypeUsage } from './type-usage.js';

const describeType = (type: TypeRef | undefined): string => {
  if (!type) return 'none';
  switch (type.kind) {
    case 'primitive':
      return type.format ? `${type.primitive}(${type.format})` : type.primitive;
    case 'named':
      return type.name;
    case 'collection':
      return `${describeType(type.items)}[]`;
    case 'map':
      return `map<${describeType(type.values)}>`;
    case 'union':
      return type.members.map(describeType).join(' | ');
  }
};

const operationId = (operation: OperationModel) => `${operation.method} ${operation.path}`;

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Added, removed and common keys of two maps, each in sorted order. */
function partition<T>(before: Map<string, T>, after: Map<string, T>) {
  const sorted = (keys: Iterable<string>) => [...keys].sort();
  return {
    removed: sorted([...before.keys()].filter((key) => !after.has(key))),
    added: sorted([...after.keys()].filter((key) => !before.has(key))),
    common: sorted([...before.keys()].filter((key) => after.has(key))),
  };
}

/**
 * Compare two models built from all operations of two descriptions. Breaking means a caller
 * written against `before` may fail against `after`.
 */
export function compareModels(before: ApiModel, after: ApiModel): ApiDiff {
  const changes: ApiChange[] = [...compareOperations(before, after), ...compareTypes(before, after, typeUsage(after))];
  return { changes, breaking: changes.filter((change) => change.breaking).length };
}

function compareOperations(before: ApiModel, after: ApiModel): ApiChange[] {
  const old = byKey(before.operations, operationId);
  const now = byKey(after.operations, operationId);
  const { removed, added, common } = partition(old, now);
  const changes: ApiChange[] = [
    ...removed.map((target) => ({ subject: 'operation' as const, kind: 'removed' as const, target, detail: 'operation removed', breaking: true })),
    ...added.map((target) => ({ subject: 'operation' as const, kind: 'added' as const, target, detail: 'operation added', breaking: false })),
  ];
  for (const key of common) {
    const a = old.get(key);
    const b = now.get(key);
    if (a && b) changes.push(...compareOperation(key, a, b));
  }
  return changes;
}

function compareOperation(target: string, a: OperationModel, b: OperationModel): ApiChange[] {
  const changes: ApiChange[] = [];
  const parameters = (operation: OperationModel) => byKey([...operation.pathParameters, ...operation.queryParameters, ...operation.headerParameters], (p) => `${p.location} ${p.wireName}`);
  const old = parameters(a);
  const now = parameters(b);
  const { removed, added, common } = partition(old, now);
  for (const name of removed) changes.push({ subject: 'parameter', kind: 'removed', target: `${target} ${name}`, detail: 'parameter removed', breaking: true });
  for (const name of added) {
    const required = now.get(name)?.required ?? false;
    changes.push({ subject: 'parameter', kind: 'added', target: `${target} ${name}`, detail: required ? 'required parameter added' : 'optional parameter added', breaking: required });
  }
  for (const name of common) {
    const detail = parameterChange(old.get(name), now.get(name));
    if (detail) changes.push({ subject: 'parameter', kind: 'changed', target: `${target} ${name}`, ...detail });
  }
  const bodyBefore = describeType(a.requestBody?.type);
  const bodyAfter = describeType(b.requestBody?.type);
  if (bodyBefore !== bodyAfter) {
    changes.push({ subject: 'request-body', kind: a.requestBody ? (b.requestBody ? 'changed' : 'removed') : 'added', target, detail: `request body ${bodyBefore} → ${bodyAfter}`, breaking: true });
  } else if (a.requestBody && b.requestBody && !a.requestBody.required && b.requestBody.required) {
    changes.push({ subject: 'request-body', kind: 'changed', target, detail: 'request body now required', breaking: true });
  }
  const responseBefore = describeType(a.success.type);
  const responseAfter = describeType(b.success.type);
  if (responseBefore !== responseAfter) {
    changes.push({ subject: 'response', kind: 'changed', target, detail: `response ${responseBefore} → ${responseAfter}`, breaking: true });
  }
  if (a.summary !== b.summary || a.description !== b.description) {
    changes.push({ subject: 'operation', kind: 'changed', target, detail: 'summary or description changed', breaking: false, docsOnly: true });
  }
  return changes;
}

function parameterChange(a: ParameterModel | undefined, b: ParameterModel | undefined): { detail: string; breaking: boolean; docsOnly?: boolean } | undefined {
  if (!a || !b) return undefined;
  if (describeType(a.type) !== describeType(b.type)) return { detail: `type ${describeType(a.type)} → ${describeType(b.type)}`, breaking: true };
  if (!a.required && b.required) return { detail: 'now required', breaking: true };
  if (a.required && !b.required) return { detail: 'now optional', breaking: false };
  if (a.description !== b.description) return { detail: 'description changed', breaking: false, docsOnly: true };
  return undefined;
}

function compareTypes(before: ApiModel, after: ApiModel, usage: TypeUsage): ApiChange[] {
  const old = byKey(before.types, (type) => type.name);
  const now = byKey(after.types, (type) => type.name);
  const { removed, added, common } = partition(old, now);
  const changes: ApiChange[] = [
    ...removed.map((target) => ({ subject: 'type' as const, kind: 'removed' as const, target, detail: 'type removed', breaking: true })),
    ...added.map((target) => ({ subject: 'type' as const, kind: 'added' as const, target, detail: 'type added', breaking: false })),
  ];
  for (const name of common) {
    const a = old.get(name);
    const b = now.get(name);
    if (a && b) changes.push(...compareType(a, b, { sent: usage.sent.has(name), received: usage.received.has(name) }));
  }
  return changes;
}

/** Whether a type is part of a request body (`sent`) and of a response (`received`). */
interface Direction {
  readonly sent: boolean;
  readonly received: boolean;
}

/**
 * The client's models make every property optional (`name?:`) and add `| null` where the
 * description allows null. So a newly required or no-longer-nullable property breaks senders
 * only (the CLI and the service refuse what was fine), and a newly nullable one breaks readers
 * only (their `string` became `string | null`).
 */
function compareType(a: TypeModel, b: TypeModel, direction: Direction): ApiChange[] {
  if (a.kind !== b.kind) {
    return [{ subject: 'type', kind: 'changed', target: a.name, detail: `${a.kind} → ${b.kind}`, breaking: true }];
  }
  if (a.kind === 'enum' && b.kind === 'enum') {
    const old = new Set(a.members.map((member) => member.value));
    const now = new Set(b.members.map((member) => member.value));
    return [
      ...[...old]
        .filter((value) => !now.has(value))
        .map((value) => ({ subject: 'enum-member' as const, kind: 'removed' as const, target: `${a.name}.${value}`, detail: 'enum member removed', breaking: true })),
      ...[...now]
        .filter((value) => !old.has(value))
        .map((value) => ({ subject: 'enum-member' as const, kind: 'added' as const, target: `${a.name}.${value}`, detail: 'enum member added', breaking: false })),
    ];
  }
  if (a.kind !== 'object' || b.kind !== 'object') return [];
  const changes: ApiChange[] = [];
  if (a.baseType !== b.baseType) {
    changes.push({ subject: 'type', kind: 'changed', target: a.name, detail: `base type ${a.baseType ?? 'none'} → ${b.baseType ?? 'none'}`, breaking: true });
  }
  const old = byKey(a.properties, (property) => property.wireName);
  const now = byKey(b.properties, (property) => property.wireName);
  const { removed, added, common } = partition(old, now);
  for (const name of removed) changes.push({ subject: 'property', kind: 'removed', target: `${a.name}.${name}`, detail: 'property removed', breaking: true });
  for (const name of added) {
    const required = now.get(name)?.required ?? false;
    changes.push({ subject: 'property', kind: 'added', target: `${a.name}.${name}`, detail: required ? 'required property added' : 'property added', breaking: required && direction.sent });
  }
  for (const name of common) {
    const detail = propertyChange(old.get(name), now.get(name), direction);
    if (detail) changes.push({ subject: 'property', kind: 'changed', target: `${a.name}.${name}`, ...detail });
  }
  return changes;
}

function propertyChange(a: PropertyModel | undefined, b: PropertyModel | undefined, direction: Direction): { detail: string; breaking: boolean; docsOnly?: boolean } | undefined {
  if (!a || !b) return undefined;
  if (describeType(a.type) !== describeType(b.type)) return { detail: `type ${describeType(a.type)} → ${describeType(b.type)}`, breaking: true };
  if (a.nullable && !b.nullable) return { detail: 'no longer nullable', breaking: direction.sent };
  if (!a.nullable && b.nullable) return { detail: 'now nullable', breaking: direction.received };
  if (!a.required && b.required) return { detail: 'now required', breaking: direction.sent };
  if (a.required && !b.required) return { detail: 'now optional', breaking: false };
  if (a.description !== b.description) return { detail: 'description changed', breaking: false, docsOnly: true };
  return undefined;
}
