/** A worker thread of `runPipelineInParallel`: runs the units it is given, one at a time. */
import { parentPort } from 'node:worker_threads';
import { loadConfig } from '../config/index.js';
import { DiagnosticBag, DiagnosticError } from '../diagnostics/index.js';
import { compareWithDisk } from '../output/index.js';
import type { StageMessage, UnitWork, WorkerTask } from './parallel-units.js';
import { runUnit } from './run-pipeline.js';
import { StageClock } from './stage-clock.js';
import { serveTasks } from './worker-pool.js';

const port = parentPort;
if (!port) throw new Error('unit-worker runs as a worker thread of mgkit-gen generate');

serveTasks<WorkerTask, UnitWork>(port, async (task) => {
  const diagnostics = new DiagnosticBag();
  const loaded = await loadConfig(task.configFile);
  const unit = loaded.config?.units.find((candidate) => candidate.name === task.unitName);
  if (!loaded.config || !unit) throw new Error(`the config no longer has unit ${task.unitName}`);
  const clock = new StageClock((record) => port.postMessage({ kind: 'stage', record } satisfies StageMessage));
  // a file it cannot stage is an error of the run, reported as the main thread would report it
  const result = await runUnit(unit, loaded.config, { diagnostics, clock, modelOnly: false, settle: (files) => compareWithDisk(files, task.handling) }).catch((error: unknown) => {
    if (!(error instanceof DiagnosticError)) throw error;
    diagnostics.addAll(error.diagnostics);
    return undefined;
  });
  const output = result && { inputFiles: result.inputFiles, files: result.files, counts: result.counts, baseUrl: result.baseUrl };
  return { diagnostics: diagnostics.items, ...(output && { output }) };
});
