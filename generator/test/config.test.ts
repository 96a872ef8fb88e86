import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics/index.js';
import { loadConfig } from '../src/config/index.js';
import { configFile } from './helpers/paths.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'mgkit-config-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function load(text: string) {
  const file = path.join(scratch, `config-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, text);
  return loadConfig(file);
}

/** Units with a client and a CLI in `cliDirs` (one per unit), all sharing one CLI package. */
function cliGroup(cliDirs: readonly string[]): string {
  return [
    'version: 1',
    'units:',
    ...cliDirs.flatMap((dir, index) => [
      `  - name: unit${index}`,
      `    openapi: unit${index}.yaml`,
      '    outputs:',
      `      client: { dir: out/client${index}, packageName: "@example/client${index}" }`,
      `      cli: { dir: ${dir}, packageName: "@example/cli" }`,
    ]),
    '',
  ].join('\n');
}

describe('units sharing a CLI package (modules of one binary)', () => {
  it('gives each the folder names of the group, in config order', async () => {
    const { config, diagnostics } = await load(cliGroup(['cli/src/generated/users', 'cli/src/generated/files']));
    expect(diagnostics).toEqual([]);
    expect(config!.units.map((unit) => unit.outputs.cli?.['modules'])).toEqual(['users,files', 'users,files']);
  });

  it('leaves a unit alone in its CLI package as it was', async () => {
    const { config } = await load(cliGroup(['cli/src/generated']));
    expect(config!.units[0]!.outputs.cli?.['modules']).toBeUndefined();
  });

  it('keeps a group that shrank to one unit a module of its binary (its folder is a module’s)', async () => {
    const { config, diagnostics } = await load(cliGroup(['cli/src/generated/files']));
    expect(diagnostics).toEqual([]);
    expect(config!.units[0]!.outputs.cli?.['modules']).toBe('files');
  });

  it('refuses folders that are not siblings, or names a module cannot have, naming the units', async () => {
    const apart = await load(cliGroup(['a/users', 'b/files']));
    expect(apart.config).toBeUndefined();
    expect(apart.diagnostics.map((d) => [d.code, d.message])).toEqual([['config/cli-modules', expect.stringContaining('units unit0, unit1 share the CLI package @example/cli')]]);
    const named = await load(cliGroup(['cli/src/generated/commands', "cli/src/generated/it's"]));
    expect(named.config).toBeUndefined();
    expect(named.diagnostics[0]?.message).toContain("commands, it's");
    const renamed = await load(cliGroup(['cli/src/generated/users', 'cli/src/generated/files']).replace('packageName: "@example/cli" }', 'packageName: "@example/cli", binName: other }'));
    expect(renamed.config).toBeUndefined();
    expect(renamed.diagnostics[0]?.message).toContain('name its command differently (other, mgkit)');
  });
});

describe('mgkit.config.yaml', () => {
  it('loads the project config with paths resolved against its folder', async () => {
    const { config, diagnostics } = await loadConfig(configFile);
    expect(diagnostics).toEqual([]);
    const unit = config!.units[0]!;
    expect(unit.name).toBe('applications');
    expect(unit.openapi).toBe(path.join(path.dirname(configFile), 'openapi/acquireAccessToken.yaml'));
    expect(unit.keepActionPrefixInUrl).toBe(true);
    expect(unit.outputs.client?.packageName).toBe('@mgkit/graph-client');
    expect(config!.lockFile).toBe(path.join(path.dirname(configFile), 'mgkit-lock.json'));
  });

  it('reports every wrong key with its line and the keys allowed there', async () => {
    const { config, diagnostics } = await load(['version: 1', 'units:', '  - name: a', '    openapi: x.yaml', '    inculde: {}', '    url:', '      keepPrefix: true', 'extra: 1', ''].join('\n'));
    expect(config).toBeUndefined();
    const lines = diagnostics.map((d) => [d.code, d.line, d.message]);
    expect(lines).toEqual(
      expect.arrayContaining([
        ['config/unknown-key', 5, "unknown key 'inculde' in units[0]"],
        ['config/unknown-key', 7, "unknown key 'keepPrefix' in units[0].url"],
        ['config/unknown-key', 8, "unknown key 'extra' in the config"],
      ]),
    );
    const inculde = diagnostics.find((d) => d.message.includes('inculde'))!;
    expect(inculde.hint).toMatch(/include/);
    expect(formatDiagnostic(inculde)).toMatch(/^.+\.yaml:5:5: error config\/unknown-key: unknown key 'inculde' in units\[0\] \(fix: use one of: .*include.*\)$/);
  });

  it('reports wrong types, missing keys and a wrong version', async () => {
    const { diagnostics } = await load(['version: 2', 'units:', '  - name: Bad Name', '    url: { keepActionPrefix: "yes" }', ''].join('\n'));
    const codes = diagnostics.map((d) => `${d.code}@${d.line}`);
    expect(codes).toEqual(expect.arrayContaining(['config/invalid-value@1', 'config/missing-key@3', 'config/invalid-value@3', 'config/invalid-value@4']));
  });

  it('reports broken YAML at its position', async () => {
    const { diagnostics } = await load('version: 1\nunits: [\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'config/parse-error', line: 3 });
  });

  it('refuses an output folder that holds an input (generate would overwrite what it reads)', async () => {
    const { config, diagnostics } = await load(
      [
        'version: 1',
        'units:',
        '  - name: a',
        '    openapi: specs/api.yaml',
        '    cmdlets: [help]',
        '    outputs:',
        '      docs:',
        '        dir: .',
        '      cli:',
        '        dir: help/cli',
        '        packageName: cli',
        '      client:',
        '        dir: out/client',
        '        packageName: client',
        '',
      ].join('\n'),
    );
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['config/output-overlaps-input', 10],
      ['config/output-overlaps-input', 8],
    ]);
    expect(formatDiagnostic(diagnostics[1]!)).toMatch(
      /:8:\d+: error config\/output-overlaps-input: outputs\.docs\.dir \. overlaps the input config-\w+\.yaml: generate would overwrite what it reads \(fix: /,
    );
    expect(diagnostics[0]!.message).toBe('outputs.cli.dir help/cli overlaps the input help: generate would overwrite what it reads');
  });

  it('remembers a config it found valid, and only such a config, so that the next run skips the validator', async () => {
    const cache = await mkdtemp(path.join(os.tmpdir(), 'mgkit-config-cache-'));
    const previous = process.env['MGKIT_GEN_CACHE_DIR'];
    process.env['MGKIT_GEN_CACHE_DIR'] = cache;
    const markers = async () => (await readdir(path.join(cache, 'valid-configs')).catch(() => [] as string[])).length;
    try {
      const valid = ['version: 1', 'units:', '  - name: one', '    openapi: one.yaml', ''].join('\n');
      expect((await load(valid)).config?.units.map((unit) => unit.name)).toEqual(['one']);
      expect(await markers()).toBe(1);
      // the same config again: the same result from the remembered validation, no second marker
      expect((await load(valid)).config?.units.map((unit) => unit.name)).toEqual(['one']);
      expect(await markers()).toBe(1);
      // an invalid config is reported every time and never remembered
      for (let run = 0; run < 2; run += 1) expect((await load(valid.replace('openapi', 'openpai'))).diagnostics.map((d) => d.code)).toContain('config/unknown-key');
      expect(await markers()).toBe(1);
    } finally {
      if (previous === undefined) delete process.env['MGKIT_GEN_CACHE_DIR'];
      else process.env['MGKIT_GEN_CACHE_DIR'] = previous;
      await rm(cache, { recursive: true, force: true });
    }
  });

  it('reports a missing config file with a hint', async () => {
    const { diagnostics } = await loadConfig(path.join(scratch, 'nope.yaml'));
    expect(diagnostics[0]).toMatchObject({ code: 'config/not-found' });
    expect(diagnostics[0]!.hint).toMatch(/--config/);
  });
});
