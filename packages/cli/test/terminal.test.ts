/**
 * Text from the description and the cmdlet help is printed by --help and completion; text from
 * the server by error lines and table output. None of it may drive the terminal: OSC (window
 * title, hyperlinks), CSI (cursor, clearing) and C1 controls are removed before printing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from './helpers.js';

const OSC = '\u001b]0;pwned\u0007';
const HYPERLINK = '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\';
const CSI = '\u001b[2J\u001b[31m';
const C1 = '\u009b31m\u0085';
const PAYLOAD = `${OSC}${HYPERLINK}${CSI}${C1}`;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

interface Module {
  definition: { synopsis: string; description: string; options: { description: string; schema?: unknown }[]; $defs: Record<string, { enum?: string[] }> };
}

async function load<T>(relative: string): Promise<T> {
  return (await import(join(PACKAGE_DIR, 'dist', relative))) as T;
}

/** The real generated command, its texts and enum names poisoned as a hostile description would. */
async function poisonedDefinition(): Promise<Module['definition']> {
  const { definition } = await load<Module>('generated/commands/applications-synchronization-acquire-access-token-post.js');
  const copy = structuredClone(definition);
  copy.synopsis = `Acquire ${PAYLOAD} token`;
  copy.description = `Long ${PAYLOAD} description`;
  for (const option of copy.options) option.description = `${option.description} ${PAYLOAD}`;
  for (const schema of Object.values(copy.$defs)) if (schema.enum) schema.enum = schema.enum.map((name, index) => (index === 1 ? `${name}${PAYLOAD}` : name));
  return copy;
}

describe('escape sequences from the description and the server never reach the terminal', () => {
  it('command --help, with and without colour, keeps only its own bold', async () => {
    const { commandHelp } = await load<{ commandHelp: (bin: string, command: unknown, baseUrl: string, style: { color: boolean }) => string }>('runtime/help.js');
    const definition = await poisonedDefinition();
    for (const color of [false, true]) {
      const text = commandHelp('mgkit', definition, 'https://graph.microsoft.com/v1.0', { color }).replace(/\u001b\[(1|22)m/g, '');
      expect(text).toContain('Acquire ');
      expect(text).toContain('click');
      expect(text).not.toMatch(CONTROLS);
    }
  });

  it('safeForTerminal and safeLine remove OSC, CSI and C1 sequences, and keep text, tabs and line breaks', async () => {
    const { safeForTerminal, safeLine } = await load<{ safeForTerminal: (text: string) => string; safeLine: (text: string) => string }>('runtime/terminal.js');
    expect(safeForTerminal(`a\t${PAYLOAD}b\nc`)).toBe('a\tclickb\nc');
    expect(safeLine(`error ${PAYLOAD}\r\nnext`)).toBe('error click next');
    expect(safeForTerminal('\u001b[1mbold\u001b[22m')).toBe('\u001b[1mbold\u001b[22m');
  });
});
