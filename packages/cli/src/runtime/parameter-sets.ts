/**
 * Parameter-set inference, as PowerShell does it: the sets that contain every option given;
 * among them those whose required options are all present (the default set wins a tie).
 * Options from different sets are a usage error naming the sets.
 */
import type { CommandDefinition, OptionDefinition, ParameterSetDefinition } from './definition.js';
import { UsageError } from './errors.js';

function flag(option: OptionDefinition): string {
  return `--${option.name}`;
}

function missingIn(set: ParameterSetDefinition, options: readonly OptionDefinition[], given: ReadonlySet<string>): OptionDefinition[] {
  return options.filter((option) => option.sets[set.name]?.required && !given.has(option.name));
}

export function inferParameterSet(command: CommandDefinition, given: ReadonlySet<string>): ParameterSetDefinition {
  const provided = command.options.filter((option) => given.has(option.name));
  const candidates = command.sets.filter((set) => provided.every((option) => option.sets[set.name]));
  if (candidates.length === 0) {
    const sets = (option: OptionDefinition): string[] => Object.keys(option.sets);
    const clash = provided.flatMap((a, index) => provided.slice(index + 1).map((b) => [a, b] as const)).find(([a, b]) => !sets(a).some((name) => sets(b).includes(name)));
    const named = clash ?? [provided[0] as OptionDefinition, provided[1] as OptionDefinition];
    const described = named.map((option) => `${flag(option)} (parameter sets ${sets(option).join(', ')})`).join(' and ');
    throw new UsageError(`${described} cannot be used together: they are in different parameter sets; see --help for the usage of each set`);
  }
  const satisfied = candidates.filter((set) => missingIn(set, command.options, given).length === 0);
  if (satisfied.length > 0) {
    // the default set wins a tie; else the set that requires the most of what was given
    const required = (set: ParameterSetDefinition): number => command.options.filter((option) => option.sets[set.name]?.required).length;
    return satisfied.find((set) => set.isDefault) ?? ([...satisfied].sort((a, b) => required(b) - required(a))[0] as ParameterSetDefinition);
  }
  const ranked = [...candidates].sort((a, b) => missingIn(a, command.options, given).length - missingIn(b, command.options, given).length || Number(b.isDefault) - Number(a.isDefault));
  const best = ranked[0] as ParameterSetDefinition;
  const missing = missingIn(best, command.options, given).map(flag).join(', ');
  const others = ranked
    .slice(1)
    .map((set) => `${missingIn(set, command.options, given).map(flag).join(', ')} (${set.name})`)
    .join('; or ');
  throw new UsageError(`missing required option ${missing} (parameter set ${best.name})${others ? `; or give ${others}` : ''}`);
}
