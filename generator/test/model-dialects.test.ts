import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';
import { buildApiModel, type CommandModel } from '../src/model/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { configFile, specsDir } from './helpers/paths.js';

const TWIN = 'Get-MgServicePrincipalSynchronizationAccessToken';

async function twinFrom(folder: string): Promise<CommandModel> {
  const { config } = await loadConfig(configFile);
  const unit = { ...config!.units[0]!, include: { ...config!.units[0]!.include, cmdlets: [TWIN] } };
  const { document } = await loadOpenApiDocument(unit.openapi);
  const { cmdlets } = await readCmdletHelpFolder(folder);
  const { model } = buildApiModel({ document: document!, cmdlets, unit });
  return model!.commands.find((command) => command.name === TWIN)!;
}

/** What the binding says, per set and parameter, for the parameters both dialects share. */
function bindings(command: CommandModel, shared: ReadonlySet<string>) {
  return Object.fromEntries(
    [...command.parameterSets]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((set) => [
        set.name,
        {
          isDefault: set.isDefault,
          operationKey: set.operationKey,
          parameters: set.parameters
            .filter((p) => shared.has(p.parameter))
            .map(({ parameter, required, valueFromPipeline, role }) => ({ parameter, required, valueFromPipeline, role }))
            .sort((a, b) => a.parameter.localeCompare(b.parameter)),
        },
      ]),
  );
}

describe('the same cmdlet in both platyPS dialects', () => {
  it('binds to the same operation with the same parameter roles', async () => {
    const old = await twinFrom(path.join(specsDir, 'cmdlets'));
    const current = await twinFrom(path.join(path.dirname(configFile), '../generator/test/fixtures/platyps-2024-05-01'));
    const shared = new Set(old.parameters.map((p) => p.name).filter((name) => current.parameters.some((p) => p.name === name)));
    expect(shared.size).toBe(old.parameters.length);
    expect(bindings(current, shared)).toEqual(bindings(old, shared));
    // The newer dialect's extra parameters are behaviour switches, bound too.
    const extras = current.parameterSets[0]!.parameters.filter((p) => !shared.has(p.parameter));
    expect(extras.map((p) => [p.parameter, p.role?.kind])).toEqual(
      expect.arrayContaining([
        ['Break', 'behaviour'],
        ['Proxy', 'behaviour'],
        ['HttpPipelineAppend', 'behaviour'],
      ]),
    );
  });
});
