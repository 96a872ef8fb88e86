/**
 * The command index as the generator writes it: one JSON row per command, turned into entries
 * here. With every Graph module in one binary the index holds thousands of commands, and
 * `mgkit --help` and completion read all of it: JSON parses several times faster than the same
 * entries written as object literals, and an entry built on a shared prototype allocates little
 * (garbage collection was the largest cost of `mgkit --help` over 4,857 commands).
 */
import type { CommandIndexEntry, CommandModule } from './definition.js';
import type { PackedLocation } from './packed-commands.js';

/** `[path, cmdlet ('' for none), summary]`, then the module file when it is not the path joined by '-'. */
export type IndexRow = readonly [path: readonly string[], cmdlet: string, summary: string, file?: string];

class IndexEntry implements CommandIndexEntry {
  constructor(
    private readonly row: IndexRow,
    private readonly loader: (file: string) => Promise<unknown>,
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
    return this.loader(this.file) as Promise<CommandModule>;
  }
}

export function indexEntries(rows: readonly IndexRow[], load: (file: string) => Promise<unknown>): CommandIndexEntry[] {
  return rows.map((row) => new IndexEntry(row, load));
}

/**
 * The index of a packed build (scripts/bundle-runtime.mjs): one line per command,
 * `path words<TAB>Cmdlet<TAB>module folder<TAB>pack location`, read only as far as a run needs.
 * A run looking up one command by its cmdlet name compares the cmdlet fields and splits no
 * other line; parsing thousands of strings costs a third of as many arrays. The summaries are
 * a file of their own, which only help over a few commands reads.
 */
class PackedIndexEntry implements CommandIndexEntry {
  #path: readonly string[] | undefined;
  #cmdlet: string | undefined;

  constructor(
    private readonly line: string,
    private readonly position: number,
    private readonly index: PackedIndex,
  ) {}

  get path(): readonly string[] {
    return (this.#path ??= this.line.slice(0, this.line.indexOf('\t')).split(' '));
  }

  wordAt(depth: number): string | undefined {
    if (this.#path) return this.#path[depth];
    const end = this.line.indexOf('\t');
    let start = 0;
    for (let word = 0; word < depth; word += 1) {
      const space = this.line.indexOf(' ', start);
      if (space < 0 || space > end) return undefined;
      start = space + 1;
    }
    const space = this.line.indexOf(' ', start);
    return this.line.slice(start, space < 0 || space > end ? end : space);
  }

  get cmdlet(): string | undefined {
    if (this.#cmdlet === undefined) {
      const start = this.line.indexOf('\t') + 1;
      this.#cmdlet = this.line.slice(start, this.line.indexOf('\t', start));
    }
    return this.#cmdlet || undefined;
  }

  get aliases(): readonly string[] {
    const cmdlet = this.cmdlet;
    return cmdlet ? [cmdlet.toLowerCase()] : [];
  }

  get summary(): string {
    return this.index.summaries()[this.position] ?? '';
  }

  load(): Promise<CommandModule> {
    const [, , folder = '', location = ''] = this.line.split('\t');
    return this.index.load(folder, location.split(',').map(Number) as unknown as PackedLocation);
  }
}

interface PackedIndex {
  readonly load: (folder: string, location: PackedLocation) => Promise<CommandModule>;
  readonly summaries: () => readonly string[];
}

export function packedIndexEntries(lines: readonly string[], load: PackedIndex['load'], summaries: () => readonly string[]): CommandIndexEntry[] {
  let loaded: readonly string[] | undefined;
  const index: PackedIndex = { load, summaries: () => (loaded ??= summaries()) };
  return lines.map((line, position) => new PackedIndexEntry(line, position, index));
}

/** The word of `entry`'s path at `depth`: from its index line when it has one, not from its split path. */
export function pathWord(entry: CommandIndexEntry, depth: number): string | undefined {
  return entry.wordAt ? entry.wordAt(depth) : entry.path[depth];
}
