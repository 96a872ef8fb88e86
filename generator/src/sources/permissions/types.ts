/** `specs/permissions.yaml`: the Microsoft Graph permissions each operation needs, per account kind. */

/** Least- and higher-privileged permission names, as in the Graph REST reference's table. */
export interface PermissionLevels {
  readonly leastPrivileged: readonly string[];
  readonly higherPrivileged: readonly string[];
}

/** `not-supported` when that kind of account cannot call the operation. */
export type PermissionEntry = PermissionLevels | 'not-supported';

export interface OperationPermissions {
  /** Delegated (work or school account). */
  readonly delegatedWorkOrSchool: PermissionEntry;
  /** Delegated (personal Microsoft account). */
  readonly delegatedPersonal: PermissionEntry;
  /** Application (app-only). */
  readonly application: PermissionEntry;
}

export interface PermissionsFile {
  /** Absolute path of the file. */
  readonly file: string;
  /** Operation key (`applications.synchronization.acquireAccessToken.post`) → its permissions, sorted by key. */
  readonly operations: Readonly<Record<string, OperationPermissions>>;
}
