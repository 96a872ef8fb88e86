/**
 * The generator's layers, enforced (npm run lint): data flows sources → model → targets →
 * output, one way. A target reads the model and the shared target helpers only; no target
 * imports another; nothing below imports what is above it; no cycles anywhere.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'modules must not import each other in a loop',
      from: { pathNot: '^packages/graph-client/src/generated/models/' },
      to: { circular: true },
    },
    {
      name: 'no-circular-generated-models',
      severity: 'error',
      comment:
        "the generated models re-export their serializers and chunks, which import the models' types: loops of type-only imports, gone at run time; any other loop through them is an error",
      from: { path: '^packages/graph-client/src/generated/models/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'sources-stay-below',
      severity: 'error',
      comment: 'sources read files into source types; the model, targets, output and commands build on them',
      from: { path: '^generator/src/sources/' },
      to: { path: '^generator/src/(model|targets|output|pipeline|commands|diff|slice)/' },
    },
    {
      name: 'model-stays-below-targets',
      severity: 'error',
      comment: 'the model is built once from the sources; targets read it, never the other way',
      from: { path: '^generator/src/model/' },
      to: { path: '^generator/src/(targets|output|pipeline|commands|diff|slice)/' },
    },
    {
      name: 'targets-read-the-model-only',
      severity: 'error',
      comment: 'a target is a pure function of the model (and the shared target helpers): no files, no sources, no writer',
      from: { path: '^generator/src/targets/' },
      to: { path: '^generator/src/(sources|output|pipeline|commands|diff|slice)/' },
    },
    {
      name: 'target-options-through-the-contract',
      severity: 'error',
      comment: 'a target gets its options through the plug-in contract (targets/types.ts), not by reading the config',
      from: { path: '^generator/src/targets/[^/]+/' },
      to: { path: '^generator/src/config/' },
    },
    {
      name: 'no-target-imports-another',
      severity: 'error',
      comment: 'targets share what they share through targets/shared/ (the client surface, command data)',
      from: { path: '^generator/src/targets/([^/]+)/', pathNot: '^generator/src/targets/shared/' },
      to: { path: '^generator/src/targets/([^/]+)/', pathNot: ['^generator/src/targets/shared/', '^generator/src/targets/$1/', '^generator/src/targets/index\\.ts$', '^generator/src/targets/[^/]+\\.ts$'] },
    },
    {
      name: 'shared-target-code-stays-shared',
      severity: 'error',
      comment: 'targets/shared/ must not depend on a particular target',
      from: { path: '^generator/src/targets/shared/' },
      to: { path: '^generator/src/targets/', pathNot: '^generator/src/targets/(shared/|[^/]+\\.ts$)' },
    },
    {
      name: 'output-writes-files-only',
      severity: 'error',
      comment: 'output/ writes what targets produced; it knows neither sources nor the model',
      from: { path: '^generator/src/output/' },
      to: { path: '^generator/src/(sources|model|pipeline|commands)/' },
    },
    {
      name: 'cli-runtime-is-hand-written',
      severity: 'error',
      comment: "the CLI runtime does not import the generator",
      from: { path: '^packages/cli/src/' },
      to: { path: '^generator/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|test|\\.vitepress)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
