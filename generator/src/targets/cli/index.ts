/**
 * Target 2, the `mgkit` CLI: ApiModel → the command index, the schema table the commands share
 * and one definition module per command under the unit's `outputs.cli.dir`. Pure: no file system, no clock.
 */
import { join } from 'node:path';
import type { ApiModel } from '../../model/index.js';
import type { GeneratedFile } from '../shared/generated-file.js';
import type { TargetEmit, TargetExports, TargetOutput } from '../types.js';
import { commandsOf, moduleSchemas } from '../shared/command-data/definitions.js';
import { type CliEmitOptions, renderCommandIndex, renderCommandModule, renderSchemaTable } from './emit-files.js';

export function emitCli(model: ApiModel, output: TargetOutput, deps: Readonly<Record<string, TargetExports>>): GeneratedFile[] {
  const options: CliEmitOptions = {
    binName: String(output['binName']),
    packageName: String(output['packageName']),
    // the package the commands call through: the client target's, whatever the config names it
    clientPackage: deps['client']?.packageName ?? '',
  };
  const commands = commandsOf(model);
  return [
    { path: join(output.dir, 'command-index.ts'), contents: renderCommandIndex(model, commands, options) },
    { path: join(output.dir, 'schemas.ts'), contents: renderSchemaTable(moduleSchemas(model).sortedDefs()) },
    ...commands.map(({ placed, data }) => ({
      path: join(output.dir, 'commands', `${placed.file}.ts`),
      contents: renderCommandModule(model, data, options),
    })),
  ];
}

export const emit: TargetEmit = emitCli;
