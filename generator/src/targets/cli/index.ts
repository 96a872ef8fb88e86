/**
 * Target 2, the `mgkit` CLI: ApiModel → the command index, the schema and option tables the
 * commands share, the client modules they call and one definition module per command under the unit's
 * `outputs.cli.dir`. Units that share a CLI package are modules of one binary: each writes its
 * folder and the index that merges them. Pure: no file system, no clock.
 */
import { dirname, join } from 'node:path';
import type { ApiModel } from '../../model/index.js';
import type { GeneratedFile } from '../shared/generated-file.js';
import type { TargetEmit, TargetExports, TargetOutput } from '../types.js';
import { commandsOf, moduleSchemas } from '../shared/command-data/definitions.js';
import {
  BuilderCalls,
  type CliEmitOptions,
  OptionTable,
  renderClientModules,
  renderCommandIndex,
  renderCommandModule,
  renderModulesIndex,
  renderOptionTable,
  renderSchemaTable,
} from './emit-files.js';

/** The module folders of the binary this unit is part of (set by the config for units sharing a CLI package). */
function modulesOf(output: TargetOutput): string[] {
  const modules = output['modules'];
  return typeof modules === 'string' && modules !== '' ? modules.split(',') : [];
}

export function emitCli(model: ApiModel, output: TargetOutput, deps: Readonly<Record<string, TargetExports>>): GeneratedFile[] {
  const modules = modulesOf(output);
  const options: CliEmitOptions = {
    binName: String(output['binName']),
    packageName: String(output['packageName']),
    // the package the commands call through: the client target's, whatever the config names it
    clientPackage: deps['client']?.packageName ?? '',
    runtimeDir: modules.length > 0 ? '../../runtime' : '../runtime',
  };
  const commands = commandsOf(model);
  const data = commands.map((command) => command.data);
  const builderCalls = new BuilderCalls(model);
  const clientModules = renderClientModules(data, options, builderCalls);
  const optionTable = new OptionTable(data);
  return [
    ...(modules.length > 0 ? [{ path: join(dirname(output.dir), 'command-index.ts'), contents: renderModulesIndex(modules) }] : []),
    { path: join(output.dir, 'command-index.ts'), contents: renderCommandIndex(model, commands, options) },
    { path: join(output.dir, 'schemas.ts'), contents: renderSchemaTable(moduleSchemas(model).sortedDefs(), options) },
    { path: join(output.dir, 'options.ts'), contents: renderOptionTable(optionTable, options) },
    { path: join(output.dir, 'client-modules.js'), contents: clientModules.js },
    { path: join(output.dir, 'client-modules.d.ts'), contents: clientModules.dts },
    ...commands.map((command) => ({
      path: join(output.dir, 'commands', `${command.placed.file}.ts`),
      contents: renderCommandModule(command.data, options, optionTable, builderCalls),
    })),
  ];
}

export const emit: TargetEmit = emitCli;
