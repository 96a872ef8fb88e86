export { readPermissionsFile, parsePermissions, findUncoveredOperations } from './read-permissions.js';
export type * from './types.js';
