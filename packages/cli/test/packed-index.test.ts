/** The index of a packed build (several modules in one binary): one line per command, read only as far as a run needs. */
import { describe, expect, it } from 'vitest';
import type { CommandModule } from '../src/runtime/definition.js';
import { packedIndexEntries } from '../src/runtime/command-index.js';

const LINES = ['users people get\tGet-MgUserPerson\tpeople\t0,120,40,40,80', 'schema-extensions list\t\tschemaextensions\t0,90,30,30,60'];

describe('a packed index', () => {
  it('gives each line its path, cmdlet and alias; the summaries file is read once, and only for a summary', () => {
    let summaryReads = 0;
    const entries = packedIndexEntries(
      LINES,
      async () => ({}) as CommandModule,
      () => {
        summaryReads += 1;
        return ['Get a person', 'List schema extensions'];
      },
    );
    expect(entries.map((entry) => entry.path)).toEqual([
      ['users', 'people', 'get'],
      ['schema-extensions', 'list'],
    ]);
    expect(entries.map((entry) => [entry.cmdlet, entry.aliases])).toEqual([
      ['Get-MgUserPerson', ['get-mguserperson']],
      [undefined, []],
    ]);
    expect(summaryReads).toBe(0);
    expect(entries.map((entry) => entry.summary)).toEqual(['Get a person', 'List schema extensions']);
    expect(summaryReads).toBe(1);
  });

  it('loads a command from its module folder at its place in the pack', async () => {
    const calls: unknown[] = [];
    const [entry] = packedIndexEntries(
      LINES,
      async (folder, location) => {
        calls.push([folder, location]);
        return {} as CommandModule;
      },
      () => [],
    );
    await entry?.load();
    expect(calls).toEqual([['people', [0, 120, 40, 40, 80]]]);
  });

  it("reads a path's word from the line, as the split path has it, past the end included", () => {
    for (const entry of packedIndexEntries(
      LINES,
      async () => ({}) as CommandModule,
      () => [],
    )) {
      const words = [0, 1, 2, 3].map((depth) => entry.wordAt?.(depth));
      expect(words).toEqual([0, 1, 2, 3].map((depth) => entry.path[depth]));
    }
    const [entry] = packedIndexEntries(
      LINES,
      async () => ({}) as CommandModule,
      () => [],
    );
    expect([entry?.wordAt?.(0), entry?.wordAt?.(2), entry?.wordAt?.(3)]).toEqual(['users', 'get', undefined]);
  });
});
