import type { Target } from './types.js';

export type { Target, TargetContext } from './types.js';

/**
 * One folder per target (client/, cli/, docs/); none imports another. What several targets
 * derive from the model lives in shared/: Kiota's URI templates (client and CLI) and the CLI's
 * command data (emitted by the CLI target, shown by the docs so pages match `mgkit --help`).
 *
 * Every target, loaded lazily: the client target pulls in ts-morph (and the TypeScript
 * compiler), which commands that emit no code must not pay for.
 */
export const TARGET_LOADERS: readonly (() => Promise<Target>)[] = [
  () => import('./client/index.js').then((m) => m.clientTarget),
  () => import('./cli/index.js').then((m) => m.cliTarget),
  () => import('./docs/index.js').then((m) => m.docsTarget),
];

export async function loadTargets(): Promise<Target[]> {
  return Promise.all(TARGET_LOADERS.map((load) => load()));
}
