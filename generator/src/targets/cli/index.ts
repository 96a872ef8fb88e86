/**
 * Target 2, the `mgkit` CLI: ApiModel → the command index and one definition module per
 * command under the unit's `outputs.cli.dir`. Pure: no file system, no clock.
 */
import { join } from 'node:path';
import type { ApiModel } from '../../model/index.js';
import type { GeneratedFile } from '../shared/generated-file.js';
import type { Target, TargetContext } from '../types.js';
import { placeCommands } from '../shared/command-data/command-paths.js';
import { buildCommandData } from '../shared/command-data/definitions.js';
import { type CliEmitOptions, renderCommandIndex, renderCommandModule } from './emit-files.js';

export function emitCli(model: ApiModel, context: TargetContext): GeneratedFile[] {
  const output = context.unit.outputs.cli;
  if (!output) return [];
  const options: CliEmitOptions = {
    binName: output.binName,
    packageName: output.packageName,
    clientPackage: context.unit.outputs.client?.packageName ?? '@mgkit/graph-client',
  };
  const commands = placeCommands(model).map((placed) => ({ placed, data: buildCommandData(model, placed) }));
  return [
    { path: join(output.dir, 'command-index.ts'), contents: renderCommandIndex(model, commands, options) },
    ...commands.map(({ placed, data }) => ({
      path: join(output.dir, 'commands', `${placed.file}.ts`),
      contents: renderCommandModule(model, data, options),
    })),
  ];
}

export const cliTarget: Target = {
  name: 'cli',
  isEnabled: (unit) => unit.outputs.cli !== undefined,
  emit: emitCli,
};
