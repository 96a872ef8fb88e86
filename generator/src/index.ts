export * from './diagnostics/index.js';
export * from './config/index.js';
export * from './model/index.js';
export * from './output/index.js';
export type { Target, TargetContext } from './targets/index.js';
export { runPipeline, type PipelineResult } from './pipeline/run-pipeline.js';
export { main } from './cli.js';
