import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCmdletHelp } from '../src/sources/cmdlets/index.js';
import { specsDir } from './helpers/paths.js';

describe('cmdlet help saved with Windows line endings', () => {
  it('parses exactly as the LF file does', async () => {
    const text = await readFile(path.join(specsDir, 'cmdlets/Get-MgApplicationSynchronizationAccessToken.md'), 'utf8');
    const lf = parseCmdletHelp(text, 'help.md');
    const crlf = parseCmdletHelp(text.replace(/\n/g, '\r\n'), 'help.md');
    expect(crlf.diagnostics).toEqual(lf.diagnostics);
    const facts = (help: typeof lf.help) => ({
      sets: help?.syntax.map((block) => [block.setName, block.isDefault, block.parameters.map((p) => p.name)]),
      parameters: help?.parameters.map((p) => [p.name, p.type, p.aliases, p.parameterSets]),
      notes: help?.complexParameters.map((tree) => [tree.name, tree.properties.length]),
      synopsis: help?.synopsis,
    });
    expect(facts(crlf.help)).toEqual(facts(lf.help));
  });
});
