/**
 * The command index as the generator writes it: one JSON row per command, turned into entries
 * here. With every Graph module in one binary the index holds thousands of commands, and
 * `mgkit --help` and completion read all of it: JSON parses several times faster than the same
 * entries written as object literals with a closure each.
 */
import type { CommandIndexEntry, CommandModule } from './definition.js';

/** `[path, cmdlet ('' for none), summary]`, then the module file when it is not the path joined by '-'. */
export type IndexRow = readonly [path: readonly string[], cmdlet: string, summary: string, file?: string];

export function indexEntries(rows: readonly IndexRow[], load: (file: string) => Promise<unknown>): CommandIndexEntry[] {
  return rows.map(([path, cmdlet, summary, file]) => ({
    path,
    aliases: cmdlet ? [cmdlet.toLowerCase()] : [],
    ...(cmdlet && { cmdlet }),
    summary,
    load: () => load(file ?? path.join('-')) as Promise<CommandModule>,
  }));
}
