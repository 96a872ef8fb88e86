import { TARGETS, targetsInDependencyOrder } from './registry.js';
import type { Target, TargetExports, TargetUnit } from './types.js';

export type { Target, TargetContext, TargetEmit, TargetExports, TargetFiles, TargetOutput, TargetPlugin, TargetUnit } from './types.js';
export { TARGETS } from './registry.js';

/** What each enabled target of a unit offers its dependents. */
function exportsOf(unit: TargetUnit): Record<string, TargetExports> {
  const exports: Record<string, TargetExports> = {};
  for (const plugin of TARGETS) {
    const options = unit.outputs[plugin.name];
    if (options) exports[plugin.name] = plugin.exports(options);
  }
  return exports;
}

/**
 * Every target, in dependency order, ready to run on a unit. One folder per target; none
 * imports another: what they share lives in shared/ (the client surface, the command data).
 */
export async function loadTargets(): Promise<Target[]> {
  return Promise.all(
    targetsInDependencyOrder().map(async (plugin) => {
      const emit = await plugin.load();
      return {
        name: plugin.name,
        isEnabled: (unit: TargetUnit) => unit.outputs[plugin.name] !== undefined,
        emit: (model, context) => {
          const options = context.unit.outputs[plugin.name];
          if (!options) return [];
          const deps = exportsOf(context.unit);
          return emit(model, options, Object.fromEntries(plugin.dependsOn.flatMap((name) => (deps[name] ? [[name, deps[name]]] : []))));
        },
      } satisfies Target;
    }),
  );
}
