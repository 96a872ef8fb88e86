import type { GenerationUnitConfig } from './types.js';

/** The unit's inputs besides the description and the help: its permissions and descriptions files. */
export function overlayFiles(unit: Pick<GenerationUnitConfig, 'permissions' | 'descriptions'>): string[] {
  return [unit.permissions, unit.descriptions].filter((file): file is string => file !== undefined);
}
