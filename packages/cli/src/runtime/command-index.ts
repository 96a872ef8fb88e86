/**
 * The command index as the generator writes it: one JSON row per command, turned into entries
 * here. With every Graph module in one binary the index holds thousands of commands, and
 * `mgkit --help` and completion read all of it: JSON parses several times faster than the same
 * entries written as object literals, and an entry built on a shared prototype allocates little
 * (garbage collection was the largest cost of `mgkit --help` over 4,857 commands).
 */
import type { CommandIndexEntry, CommandModule } from './definition.js';
import type { PackedLocation } from './packed-commands.js';

/**
 * `[path, cmdlet ('' for none), summary]`, then the module file when it is not the path joined by
 * '-', then, in a packed build, where the command is in its module's pack.
 */
export type IndexRow = readonly [path: readonly string[], cmdlet: string, summary: string, file?: string, packed?: PackedLocation];

class IndexEntry implements CommandIndexEntry {
  constructor(
    private readonly row: IndexRow,
    private readonly loader: (file: string, packed: PackedLocation | undefined) => Promise<unknown>,
  ) {}

  get path(): readonly string[] {
    return this.row[0];
  }

  get cmdlet(): string | undefined {
    return this.row[1] || undefined;
  }

  get aliases(): readonly string[] {
    return this.row[1] ? [this.row[1].toLowerCase()] : [];
  }

  get summary(): string {
    return this.row[2];
  }

  /** The command's module, relative to its index's `commands/` loader: the row's, else the path joined by '-'. */
  get file(): string {
    return this.row[3] ?? this.row[0].join('-');
  }

  load(): Promise<CommandModule> {
    return this.loader(this.file, this.row[4]) as Promise<CommandModule>;
  }
}

export function indexEntries(rows: readonly IndexRow[], load: (file: string, packed: PackedLocation | undefined) => Promise<unknown>): CommandIndexEntry[] {
  return rows.map((row) => new IndexEntry(row, load));
}
