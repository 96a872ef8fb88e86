/** The closing summary of `generate`: what the model held, what was written, and each stage's time and memory. */
import type { Diagnostic } from '../diagnostics/index.js';
import type { OutputFile, UnitOutput } from '../pipeline/run-pipeline.js';
import type { StageClock, StageRecord } from '../pipeline/stage-clock.js';

const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

export function runSummary(units: readonly UnitOutput<OutputFile>[], written: number, clock: StageClock, diagnostics: readonly Diagnostic[]): string[] {
  const sum = (count: (unit: UnitOutput<OutputFile>) => number) => units.reduce((total, unit) => total + count(unit), 0);
  const docsDirs = units.flatMap((unit) => (unit.unit.outputs['docs'] ? [unit.unit.outputs['docs'].dir] : []));
  const pages = sum((unit) => unit.files.filter((file) => file.path.endsWith('.md') && docsDirs.some((dir) => file.path.startsWith(dir))).length);
  const lines = [
    `Summary: ${sum((unit) => unit.counts.operations)} operations, ${sum((unit) => unit.counts.types)} types, ` +
      `${sum((unit) => unit.counts.commands)} cmdlets, ${sum((unit) => unit.counts.cliCommands)} CLI commands, ${pages} docs pages; ${written} file(s) written.`,
    `  ${'stage'.padEnd(8)} ${'time'.padStart(8)} ${'peak RSS'.padStart(9)}`,
    ...clock.totals().map((total) => `  ${total.stage.padEnd(8)} ${seconds(total.milliseconds).padStart(8)} ${megabytes(total.peakRssBytes).padStart(9)}`),
  ];
  const warnings = new Map<string, number>();
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'warning') warnings.set(diagnostic.code, (warnings.get(diagnostic.code) ?? 0) + 1);
  if (warnings.size > 0) {
    lines.push(
      `  warnings: ${[...warnings.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([code, count]) => `${code} ${count}`)
        .join(', ')}`,
    );
  }
  return lines;
}

/** One progress line per stage and unit, for a terminal: `[model] files 3.2 s, 812 MB`. */
export function progressLine(record: StageRecord): string {
  return `[${record.stage}] ${record.unit} ${seconds(record.milliseconds)}, ${megabytes(record.rssBytes)}`;
}
