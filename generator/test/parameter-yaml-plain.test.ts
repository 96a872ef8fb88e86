/**
 * The platyPS parameter blocks read as plain `Key: value` lines (no YAML parse) must give exactly
 * what the YAML parser gives, on every block of the project's help, the fixtures and the
 * Applications module of the corpus; and most blocks must take that path, or it saves nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { legacyEntriesOfMap, plainLegacyEntries } from '../src/sources/cmdlets/parameter-yaml.js';
import { corpusAvailable, corpusCmdlets, specsDir } from './helpers/paths.js';

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

/** Every ```yaml fence's text (as the markdown reader hands it over: without its last newline). */
function yamlBlocks(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    [
      ...readFileSync(file, 'utf8')
        .replace(/\r\n?/g, '\n')
        .matchAll(/^```yaml\n([\s\S]*?)\n?```$/gm),
    ].map((match) => match[1] ?? ''),
  );
}

/** What the YAML path reads: its entries with text and, for a value, where it starts. */
function viaYaml(text: string): Map<string, { text: string; offset?: number }> | undefined {
  const document = parseDocument(text);
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  return new Map([...legacyEntriesOfMap(document.contents)].map(([key, entry]) => [key, entry.text === '' ? { text: '' } : entry]));
}

function comparable(entries: ReturnType<typeof plainLegacyEntries>) {
  return entries && new Map([...entries].map(([key, entry]) => [key, entry.text === '' ? { text: '' } : entry]));
}

describe('parameter blocks read as plain lines', () => {
  const files = [...markdownFiles(path.join(specsDir, 'cmdlets')), ...markdownFiles(fixtures), ...(corpusAvailable() ? markdownFiles(corpusCmdlets) : [])];
  const blocks = yamlBlocks(files);

  it('give the YAML parser’s very entries, texts and offsets, wherever they apply', () => {
    expect(blocks.length).toBeGreaterThan(corpusAvailable() ? 1000 : 10);
    const differences: string[] = [];
    for (const block of blocks) {
      const plain = comparable(plainLegacyEntries(block));
      if (!plain) continue;
      const parsed = viaYaml(block);
      if (JSON.stringify([...plain]) !== JSON.stringify(parsed ? [...parsed] : undefined)) differences.push(block);
    }
    expect(differences).toEqual([]);
  });

  it('apply to most blocks of the 0.14 dialect, and never to what YAML reads differently', () => {
    const legacy = blocks.filter((block) => !/^ParameterSets:/m.test(block));
    const plain = legacy.filter((block) => plainLegacyEntries(block) !== undefined);
    expect(plain.length / legacy.length).toBeGreaterThan(0.9);
    for (const tricky of [
      "Type: System.String\nDefault value: 'quoted'",
      'Type: System.String\nDefault value: @{}',
      'Type: System.String\nDefault value: a # comment',
      'Type: System.String\nDefault value: key: value',
      'Type: System.String\nType: System.Int32',
      'Type: System.String\nUnknown key: x',
      'Type: System.String\nAliases:\n  - a',
    ])
      expect(plainLegacyEntries(tricky), tricky).toBeUndefined();
    expect(plainLegacyEntries('Type: System.String\nDefault value: null')?.get('default value')?.text).toBe('');
  });
});
