import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiModel, type ApiModel } from '../src/model/index.js';
import type { Diagnostic } from '../src/diagnostics/index.js';
import { readCmdletHelpFolder } from '../src/sources/cmdlets/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { corpusAvailable, corpusCmdlets, corpusOpenApi, SELECT_EVERYTHING } from './helpers/paths.js';

describe.skipIf(!corpusAvailable())('the whole Applications module (2023 corpus)', () => {
  let model: ApiModel;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    const { document } = await loadOpenApiDocument(corpusOpenApi);
    const { cmdlets } = await readCmdletHelpFolder(corpusCmdlets);
    const built = buildApiModel({ document: document!, cmdlets, unit: SELECT_EVERYTHING });
    diagnostics = built.diagnostics;
    model = built.model!;
    console.log(`corpus model built`);
  });

  it('builds a model of every operation and type without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.operations.length).toBe(310);
    expect(new Set(model.operations.map((op) => op.key)).size).toBe(310);
    // 257 files: 256 cmdlets and the module page, which the reader skips.
    expect(model.commands.length).toBe(256);
    expect(model.types.length).toBeGreaterThan(100);
  });

  it('binds the cmdlets to operations and explains every set it cannot bind', () => {
    const sets = model.commands.flatMap((command) => command.parameterSets.map((set) => ({ command, set })));
    const bound = sets.filter(({ set }) => set.operationKey !== undefined);
    const fullyBound = model.commands.filter((command) => command.parameterSets.every((set) => set.operationKey));
    const unexplained = sets.filter(
      ({ command, set }) => set.operationKey === undefined && !diagnostics.some((d) => d.code === 'bind/no-operation' && d.message.includes(command.name) && d.message.includes(set.name)),
    );
    const byRule: Record<string, number> = {};
    for (const { set } of bound) byRule[set.boundBy ?? 'none'] = (byRule[set.boundBy ?? 'none'] ?? 0) + 1;
    console.log(
      `corpus binding: ${fullyBound.length}/${model.commands.length} cmdlets fully bound; ` +
        `${bound.length}/${sets.length} parameter sets bound (` +
        Object.entries(byRule)
          .map(([rule, count]) => `${rule}: ${count}`)
          .join(', ') +
        `); ${sets.length - bound.length} unbound, each explained by a bind/no-operation diagnostic`,
    );
    for (const d of diagnostics.filter((d) => d.code === 'bind/no-operation')) console.log(`  ${d.message}`);
    expect(unexplained).toEqual([]);
    expect(fullyBound.length / model.commands.length).toBeGreaterThan(0.9);
  });

  it('binds parameters to roles, reporting the ones it cannot', () => {
    const bindings = model.commands.flatMap((c) => c.parameterSets.filter((s) => s.operationKey).flatMap((s) => s.parameters));
    const unbound = bindings.filter((b) => !b.role);
    console.log(`corpus parameters: ${bindings.length - unbound.length}/${bindings.length} bound to a role`);
    expect(diagnostics.filter((d) => d.code === 'bind/unbound-parameter').length).toBe(unbound.length);
  });

  it('every bound operation key exists in the model', () => {
    const keys = new Set(model.operations.map((op) => op.key));
    for (const command of model.commands) {
      for (const set of command.parameterSets) if (set.operationKey) expect(keys.has(set.operationKey)).toBe(true);
    }
  });
});
