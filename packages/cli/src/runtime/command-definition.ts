/**
 * A command's definition as the generator stores it: each option once per module (the module's
 * `options.ts`), and per command only which options it takes and in which parameter sets. The
 * same option (`--user-id`, a body property) appears in hundreds of commands of a module; stored
 * once, a module's commands are a fraction of the size, on disk and for the type-checker.
 */
import type { CommandDefinition, JsonSchema, OptionDefinition, OptionSetBinding } from './definition.js';

/** An option without its parameter sets: what commands share. */
export type SharedOption = Omit<OptionDefinition, 'sets'>;

/** A command's option: its index in the module's table and its sets in this command. */
export type StoredOption = readonly [index: number, sets: Readonly<Record<string, OptionSetBinding>>];

export interface StoredCommand extends Omit<CommandDefinition, 'options' | '$defs'> {
  readonly options: readonly StoredOption[];
}

type Defs = Readonly<Record<string, JsonSchema>>;

/**
 * The definition the runtime reads, from the stored command and the module's tables. `defs` may
 * be a function: the schemas are then read on first use (a packed command's help needs none).
 */
export function commandDefinition(stored: StoredCommand, options: readonly SharedOption[], defs: Defs | (() => Defs)): CommandDefinition {
  const definition = {
    ...stored,
    options: stored.options.map(([index, sets]) => {
      const option = options[index];
      if (!option) throw new Error(`option ${index} is not in the module's table`);
      return { ...option, sets };
    }),
  };
  if (typeof defs !== 'function') return { ...definition, $defs: defs };
  let loaded: Defs | undefined;
  return {
    ...definition,
    get $defs() {
      return (loaded ??= defs());
    },
  };
}
