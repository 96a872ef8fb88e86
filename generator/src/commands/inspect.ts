import path from 'node:path';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { printDiagnostics, summariseDiagnostics } from './report.js';

export interface InspectOptions {
  readonly config: string;
  readonly unit?: string;
  readonly command?: string;
  readonly operation?: string;
  readonly type?: string;
}

/** Print the model (or one command, operation or type of it) as JSON on stdout. */
export async function inspectCommand(options: InspectOptions): Promise<number> {
  const result = await runPipeline({
    configFile: path.resolve(options.config),
    modelOnly: true,
    ...(options.unit && { units: [options.unit] }),
  });
  printDiagnostics(result.diagnostics.items, { quiet: true });
  if (result.diagnostics.hasErrors) {
    process.stderr.write(`mgkit-gen: ${summariseDiagnostics(result.diagnostics.items)}\n`);
    return 1;
  }
  const models = result.units.map((unit) => unit.model);
  const pick = <T extends { name?: string; key?: string }>(items: readonly T[], wanted: string, what: string): T | undefined => {
    const found = items.find((item) => (item.name ?? item.key)?.toLowerCase() === wanted.toLowerCase());
    if (!found) {
      const known = items.map((item) => item.name ?? item.key).join(', ');
      process.stderr.write(`mgkit-gen: no ${what} '${wanted}' in the model (known: ${known})\n`);
    }
    return found;
  };
  let output: unknown = result.units.length === 1 ? models[0] : Object.fromEntries(result.units.map((u) => [u.unit.name, u.model]));
  if (options.command)
    output = pick(
      models.flatMap((m) => m.commands),
      options.command,
      'command',
    );
  else if (options.operation)
    output = pick(
      models.flatMap((m) => m.operations),
      options.operation,
      'operation',
    );
  else if (options.type)
    output = pick(
      models.flatMap((m) => m.types),
      options.type,
      'type',
    );
  if (output === undefined) return 2;
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
