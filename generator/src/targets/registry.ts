/**
 * Every target, one entry each. To add a target: a folder `targets/<name>/` whose `index.ts`
 * exports an `emit(model, options, deps)`, and one entry here. The config's `outputs.<name>`
 * schema, the defaults, the dependency order and the lazy loading all come from this entry.
 * This module stays light: emitters load on use.
 */
import type { TargetPlugin } from './types.js';

export const TARGETS: readonly TargetPlugin[] = [
  {
    name: 'client',
    description: 'the Kiota TypeScript client package (ts-morph)',
    // packageVersion (optional) pins the package in the docs' install line
    options: { required: ['packageName'], properties: { packageName: { type: 'string' }, packageVersion: { type: 'string' } } },
    defaults: {},
    dependsOn: [],
    exports: (options) => ({ packageName: String(options['packageName']), ...(options['packageVersion'] !== undefined && { packageVersion: String(options['packageVersion']) }) }),
    load: () => import('./client/index.js').then((target) => target.emit),
  },
  {
    name: 'cli',
    description: 'the mgkit CLI: a command index and one definition module per command',
    options: { required: ['packageName'], properties: { packageName: { type: 'string' }, binName: { type: 'string' } } },
    defaults: { binName: 'mgkit' },
    dependsOn: ['client'],
    exports: (options) => ({ packageName: String(options['packageName']), binName: String(options['binName']) }),
    load: () => import('./cli/index.js').then((target) => target.emit),
  },
  {
    name: 'docs',
    description: 'the markdown reference of the help site (VitePress)',
    options: { required: [], properties: {} },
    defaults: {},
    dependsOn: ['client', 'cli'],
    exports: () => ({}),
    load: () => import('./docs/index.js').then((target) => target.emit),
  },
  {
    name: 'llms',
    description: 'llms.txt and one markdown file per operation, for agents and LLM tools',
    options: { required: [], properties: { siteUrl: { type: 'string' } } },
    defaults: {},
    dependsOn: ['client'],
    exports: () => ({}),
    load: () => import('./llms/index.js').then((target) => target.emit),
  },
];

/** Targets in an order where each comes after those it depends on. */
export function targetsInDependencyOrder(): TargetPlugin[] {
  const ordered: TargetPlugin[] = [];
  const visit = (plugin: TargetPlugin): void => {
    if (ordered.includes(plugin)) return;
    for (const name of plugin.dependsOn) {
      const dependency = TARGETS.find((candidate) => candidate.name === name);
      if (dependency) visit(dependency);
    }
    ordered.push(plugin);
  };
  TARGETS.forEach(visit);
  return ordered;
}
