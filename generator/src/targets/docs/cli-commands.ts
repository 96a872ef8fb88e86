/**
 * The CLI's commands exactly as the CLI target defines them (paths, option names, usage lines,
 * descriptions): the docs read the same data the `mgkit` binary is generated from.
 */
import type { ApiModel, OperationModel } from '../../model/index.js';
import { operationCommandPath } from '../shared/command-data/command-paths.js';
import type { OptionDefinition } from '@mgkit/cli-contract';
import { commandsOf, type CommandData } from '../shared/command-data/definitions.js';

export interface CliCommandDoc {
  /** `applications-synchronization-acquire-access-token-post`. */
  readonly file: string;
  readonly data: CommandData;
}

export function cliCommandsOf(model: ApiModel): CliCommandDoc[] {
  return commandsOf(model).map(({ placed, data }) => ({ file: placed.file, data }));
}

/** The commands that call each operation, by operation key, built once per list of commands. */
const callersByList = new WeakMap<readonly CliCommandDoc[], Map<string, CliCommandDoc[]>>();

function callersOf(commands: readonly CliCommandDoc[], operationKey: string): readonly CliCommandDoc[] {
  let callers = callersByList.get(commands);
  if (!callers) {
    callers = new Map();
    for (const command of commands) {
      for (const key of Object.keys(command.data.operations)) {
        const calling = callers.get(key);
        if (calling) calling.push(command);
        else callers.set(key, [command]);
      }
    }
    callersByList.set(commands, callers);
  }
  return callers.get(operationKey) ?? [];
}

/** The command that calls an operation: the cmdlet's when one is named, else any that binds it. */
export function cliCommandFor(commands: readonly CliCommandDoc[], operation: OperationModel, cmdlet?: string): CliCommandDoc | undefined {
  const calling = callersOf(commands, operation.key);
  return calling.find((command) => command.data.cmdlet === cmdlet) ?? calling[0];
}

/** Command words after the binary name. */
export function cliWordsFor(commands: readonly CliCommandDoc[], operation: OperationModel, cmdlet?: string): string[] {
  return [...(cliCommandFor(commands, operation, cmdlet)?.data.path ?? operationCommandPath(operation))];
}

export function optionOfParameter(command: CliCommandDoc | undefined, parameter: string): OptionDefinition | undefined {
  return command?.data.options.find((option) => option.parameter === parameter);
}
