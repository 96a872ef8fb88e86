import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../../diagnostics/index.js';
import { offsetOf, readOverlayText, YamlOverlayReader } from '../yaml-overlay.js';
import type { OperationPermissions, PermissionEntry, PermissionLevels, PermissionsFile } from './types.js';

const ACCOUNT_KINDS = ['delegatedWorkOrSchool', 'delegatedPersonal', 'application'] as const;
const LEVELS = ['leastPrivileged', 'higherPrivileged'] as const;
const NOT_SUPPORTED = 'not-supported';
/** `Synchronization.ReadWrite.All`, `User.Read`. */
const PERMISSION_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;

export interface PermissionsReadResult {
  readonly permissions?: PermissionsFile;
  readonly diagnostics: Diagnostic[];
}

/** Read and validate `permissions.yaml`; every problem is one diagnostic with its line. */
export async function readPermissionsFile(file: string): Promise<PermissionsReadResult> {
  const read = await readOverlayText(file, 'permissions');
  return 'text' in read ? parsePermissions(read.text, file) : { diagnostics: [read.diagnostic] };
}

/** Parse the text of a permissions file (`file` is used for positions and the result). */
export function parsePermissions(text: string, file: string): PermissionsReadResult {
  const reader = new PermissionsReader(text, file);
  const permissions = reader.read();
  return reader.diagnostics.some((d) => d.severity === 'error') ? { diagnostics: reader.diagnostics } : { permissions, diagnostics: reader.diagnostics };
}

/** Operation keys of the model that the permissions file says nothing about, sorted. */
export function findUncoveredOperations(permissions: PermissionsFile, operationKeys: readonly string[]): string[] {
  return operationKeys.filter((key) => !(key in permissions.operations)).sort();
}

class PermissionsReader extends YamlOverlayReader {
  constructor(text: string, file: string) {
    super('permissions', text, file);
  }

  read(): PermissionsFile | undefined {
    const operationsNode = this.rootMap('operations', 'operation key → permissions', 'add "operations:" with one entry per operation key (see mgkit-gen inspect)');
    if (!operationsNode) return undefined;
    const operations: Record<string, OperationPermissions> = {};
    for (const pair of operationsNode.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const entry = this.#readOperation(key, pair.value as YamlNode | null, offsetOf(pair.key as YamlNode));
      if (entry) operations[key] = entry;
    }
    const sorted = Object.fromEntries(Object.entries(operations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { file: this.file, operations: sorted };
  }

  #readOperation(key: string, node: YamlNode | null, keyOffset: number): OperationPermissions | undefined {
    if (!/^[A-Za-z0-9_.-]+$/.test(key)) {
      this.report('invalid-value', `'${key}' is not an operation key`, keyOffset, 'use a key as printed by mgkit-gen inspect, e.g. applications.synchronization.acquireAccessToken.post');
      return undefined;
    }
    if (!isMap(node)) {
      this.report('invalid-value', `operation ${key} must map ${ACCOUNT_KINDS.join(', ')}`, offsetOf(node) || keyOffset, 'see specs/permissions.yaml for the shape');
      return undefined;
    }
    this.checkKeys(node, ACCOUNT_KINDS, `operation ${key}`);
    const entries = ACCOUNT_KINDS.map((kind) => {
      const value = node.get(kind, true) as YamlNode | undefined;
      if (value === undefined) {
        this.report('missing-key', `operation ${key} needs the key '${kind}'`, offsetOf(node), `add '${kind}:' (write '${NOT_SUPPORTED}' when that account kind cannot call it)`);
        return undefined;
      }
      return this.#readEntry(value, `${key}.${kind}`);
    });
    const [delegatedWorkOrSchool, delegatedPersonal, application] = entries;
    if (!delegatedWorkOrSchool || !delegatedPersonal || !application) return undefined;
    return { delegatedWorkOrSchool, delegatedPersonal, application };
  }

  #readEntry(node: YamlNode, where: string): PermissionEntry | undefined {
    if (isScalar(node) && node.value === NOT_SUPPORTED) return NOT_SUPPORTED;
    if (!isMap(node)) {
      this.report(
        'invalid-value',
        `${where} must be '${NOT_SUPPORTED}' or a mapping with ${LEVELS.join(' and ')}`,
        offsetOf(node),
        `write '${NOT_SUPPORTED}' or 'leastPrivileged: [Name.Of.Permission]'`,
      );
      return undefined;
    }
    this.checkKeys(node, LEVELS, where);
    const [leastPrivileged, higherPrivileged] = LEVELS.map((level) => this.#readNames(node, level, where));
    if (!leastPrivileged || !higherPrivileged) return undefined;
    if (leastPrivileged.length === 0) {
      this.report('invalid-value', `${where}.leastPrivileged lists no permission`, offsetOf(node), `name at least one, or write '${NOT_SUPPORTED}'`);
      return undefined;
    }
    const levels: PermissionLevels = { leastPrivileged, higherPrivileged };
    return levels;
  }

  #readNames(node: YAMLMap, level: string, where: string): string[] | undefined {
    const value = node.get(level, true) as YamlNode | undefined;
    if (value === undefined) return level === 'higherPrivileged' ? [] : this.#missing(node, level, where);
    if (!isSeq(value)) {
      this.report('invalid-value', `${where}.${level} must be a list of permission names`, offsetOf(value), 'write [Name.Of.Permission, …]');
      return undefined;
    }
    const names: string[] = [];
    for (const item of value.items) {
      const name = isScalar(item) ? item.value : undefined;
      if (typeof name !== 'string' || !PERMISSION_NAME.test(name)) {
        this.report('invalid-value', `${where}.${level} has '${String(name)}', which is not a permission name`, offsetOf(item as YamlNode), 'write a name such as Synchronization.ReadWrite.All');
        return undefined;
      }
      names.push(name);
    }
    return names;
  }

  #missing(node: YamlNode, level: string, where: string): undefined {
    this.report('missing-key', `${where} needs the key '${level}'`, offsetOf(node), `add '${level}: [Name.Of.Permission]'`);
    return undefined;
  }
}
