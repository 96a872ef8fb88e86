/** `specs/descriptions.yaml`: texts the description lacks, validated at their line, filling gaps only. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CREDENTIAL_KEY_KINDS } from '@mgkit/cli-contract';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics/index.js';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { parseDescriptions, readDescriptionsFile } from '../src/sources/descriptions/index.js';
import { configFile, specsDir } from './helpers/paths.js';
import { expectOneLineDiagnostic } from './helpers/diagnostics.js';
import { makeTempProject } from './helpers/project.js';

const SECRET_ENUM = 'microsoft.graph.synchronizationSecret';

describe('the descriptions reader', () => {
  it('reads the project file: one text per synchronizationSecret key', async () => {
    const { descriptions, diagnostics } = await readDescriptionsFile(path.join(specsDir, 'descriptions.yaml'));
    expect(diagnostics).toEqual([]);
    expect(descriptions?.schemas.get(SECRET_ENUM)?.members.size).toBe(45);
  });

  it('says "A secret." of exactly the keys the CLI masks', async () => {
    const { descriptions } = await readDescriptionsFile(path.join(specsDir, 'descriptions.yaml'));
    const members = [...(descriptions?.schemas.get(SECRET_ENUM)?.members ?? [])];
    const saidSecret = members.filter(([, member]) => member.text.endsWith('A secret.')).map(([value]) => value);
    expect(saidSecret.sort()).toEqual([...CREDENTIAL_KEY_KINDS.secret].sort());
    const saidShown = members.filter(([, member]) => member.text.endsWith('Not a secret.')).map(([value]) => value);
    for (const value of saidShown) expect(CREDENTIAL_KEY_KINDS.secret).not.toContain(value);
  });

  it.each([
    [
      'an unknown key',
      'version: 1\nschemas:\n  a.b:\n    member:\n      X: y\n',
      /d\.yaml:4:5: error descriptions\/unknown-key: unknown key 'member' in schema a\.b \(fix: use one of: description, members\)/,
    ],
    ['an empty text', 'version: 1\nschemas:\n  a.b:\n    members:\n      X: ""\n', /d\.yaml:5:10: error descriptions\/invalid-value: a\.b\.members\.X must be a non-empty text/],
    ['a wrong version', 'version: 2\nschemas: {}\n', /d\.yaml:1:10: error descriptions\/invalid-value: version must be 1/],
    ['broken YAML', 'version: 1\nschemas: [\n', /d\.yaml:\d+:\d+: error descriptions\/parse-error: invalid YAML/],
  ])('reports %s on one line with its position', (_, text, expected) => {
    const { descriptions, diagnostics } = parseDescriptions(text, 'd.yaml');
    expect(descriptions).toBeUndefined();
    expectOneLineDiagnostic(diagnostics, expected);
  });
});

describe('the descriptions in the model', () => {
  it('give the enum and its members their texts, and are a lock input', async () => {
    const result = await runPipeline({ configFile, modelOnly: true });
    expect(result.diagnostics.items).toEqual([]);
    const unit = result.units[0];
    expect(unit?.inputFiles).toContain(path.join(specsDir, 'descriptions.yaml'));
    const secret = unit?.model?.types.find((type) => type.name === 'SynchronizationSecret');
    expect(secret?.kind).toBe('enum');
    if (secret?.kind !== 'enum') return;
    expect(secret.description).toMatch(/credential or setting/);
    expect(secret.members.find((member) => member.value === 'BaseAddress')?.description).toMatch(/base URL .*Not a secret\./);
    expect(secret.members.every((member) => member.description)).toBe(true);
  });

  it.each([
    ['a schema the description lacks', (text: string) => text.replace(`  ${SECRET_ENUM}:`, '  microsoft.graph.synchronizationSecrets:'), 'descriptions/unknown-schema', 8],
    ['a member the enum lacks', (text: string) => text.replace('      Sandbox:', '      SandBox:'), 'descriptions/unknown-member', 20],
    ['members of an object type', (text: string) => text.replace(`  ${SECRET_ENUM}:`, '  microsoft.graph.synchronizationSecretKeyStringValuePair:'), 'descriptions/not-an-enum', 8],
  ])('stop the run at the line of %s', async (_, edit, code, line) => {
    const project = await makeTempProject();
    try {
      const file = path.join(project.root, 'specs/descriptions.yaml');
      await writeFile(file, edit(await readFile(file, 'utf8')));
      const result = await runPipeline({ configFile: project.configFile, modelOnly: true });
      const errors = result.diagnostics.errors;
      expect(errors.map((d) => d.code)).toEqual([code]);
      expect(errors[0]?.line).toBe(line);
      expect(formatDiagnostic(errors[0]!)).toMatch(new RegExp(`descriptions\\.yaml:${line}:\\d+: error ${code}: `));
    } finally {
      await project.dispose();
    }
  });

  it('leave a text the description already has, and warn that the entry is redundant', async () => {
    const project = await makeTempProject();
    try {
      const openapi = path.join(project.root, 'specs/openapi/acquireAccessToken.yaml');
      const text = await readFile(openapi, 'utf8');
      await writeFile(openapi, text.replace('      title: synchronizationSecret\n', '      title: synchronizationSecret\n      description: Keys of provisioning secrets.\n'));
      const result = await runPipeline({ configFile: project.configFile, modelOnly: true });
      expect(result.diagnostics.errors).toEqual([]);
      expect(result.diagnostics.warnings.map((d) => d.code)).toContain('descriptions/redundant');
      const secret = result.units[0]?.model?.types.find((type) => type.name === 'SynchronizationSecret');
      expect(secret?.description).toBe('Keys of provisioning secrets.');
    } finally {
      await project.dispose();
    }
  });
});
