/**
 * The PowerShell tab's switches: present or absent, never given a value. A function's boolean in
 * the path (`getRecentNotebooks(includePersonalNotebooks=…)`) is a switch in the cmdlet; the CLI
 * takes it as `--include-personal-notebooks true`, PowerShell as `-IncludePersonalNotebooks`.
 */
import { describe, expect, it } from 'vitest';
import type { CommandModel, CommandParameterModel, ParameterRole, ParameterSetModel } from '../src/model/index.js';
import type { Invocation } from '../src/targets/docs/invocation.js';
import { powerShellCode } from '../src/targets/docs/snippet-powershell.js';

const parameter = (name: string, isSwitch: boolean) => ({ name, isSwitch }) as unknown as CommandParameterModel;
const pathKey: ParameterRole = { kind: 'path-key', pathParameter: 'includePersonalNotebooks' } as ParameterRole;

function invocation(value: { kind: 'string'; value: string } | { kind: 'boolean'; value: boolean }): Invocation {
  return {
    command: { name: 'Get-MgUserOnenoteNotebookRecentNotebook' } as CommandModel,
    set: { name: 'Get' } as ParameterSetModel,
    style: 'expanded',
    arguments: [
      { parameter: parameter('UserId', false), role: { kind: 'path-key', pathParameter: 'user-id' } as ParameterRole, value: { kind: 'string', value: 'u1' } },
      { parameter: parameter('IncludePersonalNotebooks', true), role: pathKey, value },
    ],
  };
}

describe('PowerShell switches', () => {
  it('a true switch is its name alone, whether the example says true or "true"', () => {
    expect(powerShellCode(invocation({ kind: 'string', value: 'true' }))).toBe("Get-MgUserOnenoteNotebookRecentNotebook -UserId 'u1' -IncludePersonalNotebooks");
    expect(powerShellCode(invocation({ kind: 'boolean', value: true }))).toBe("Get-MgUserOnenoteNotebookRecentNotebook -UserId 'u1' -IncludePersonalNotebooks");
  });

  it('a false one is written -Name:$false, as PowerShell binds it', () => {
    expect(powerShellCode(invocation({ kind: 'string', value: 'false' }))).toBe("Get-MgUserOnenoteNotebookRecentNotebook -UserId 'u1' -IncludePersonalNotebooks:$false");
  });
});
