/** `specs/permissions.yaml`: read, validated with one-line errors that name the line, and fed to the docs. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics/index.js';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { findUncoveredOperations, parsePermissions, readPermissionsFile } from '../src/sources/permissions/index.js';
import { configFile, specsDir } from './helpers/paths.js';
import { expectOneLineDiagnostic } from './helpers/diagnostics.js';
import { makeTempProject } from './helpers/project.js';

const VALID = `version: 1
operations:
  applications.synchronization.acquireAccessToken.post:
    delegatedWorkOrSchool:
      leastPrivileged: [Synchronization.ReadWrite.All]
    delegatedPersonal: not-supported
    application:
      leastPrivileged: [Application.ReadWrite.OwnedBy]
      higherPrivileged: [Synchronization.ReadWrite.All]
`;

describe('the permissions reader', () => {
  it('reads the project file', async () => {
    const { permissions, diagnostics } = await readPermissionsFile(path.join(specsDir, 'permissions.yaml'));
    expect(diagnostics).toEqual([]);
    expect(permissions?.operations['applications.synchronization.acquireAccessToken.post']).toEqual({
      delegatedWorkOrSchool: { leastPrivileged: ['Synchronization.ReadWrite.All'], higherPrivileged: [] },
      delegatedPersonal: 'not-supported',
      application: { leastPrivileged: ['Application.ReadWrite.OwnedBy'], higherPrivileged: ['Synchronization.ReadWrite.All'] },
    });
    expect(Object.keys(permissions?.operations ?? {})).toEqual(['applications.synchronization.acquireAccessToken.post', 'servicePrincipals.synchronization.acquireAccessToken.post']);
  });

  it('defaults higherPrivileged to none', () => {
    const { permissions } = parsePermissions(VALID, 'p.yaml');
    const entry = permissions?.operations['applications.synchronization.acquireAccessToken.post']?.delegatedWorkOrSchool;
    expect(entry).toEqual({ leastPrivileged: ['Synchronization.ReadWrite.All'], higherPrivileged: [] });
  });

  it.each([
    [
      'an unknown key',
      VALID.replace('delegatedPersonal:', 'delegatedPrivate:'),
      /p\.yaml:6:5: error permissions\/unknown-key: unknown key 'delegatedPrivate' .*\(fix: use one of: delegatedWorkOrSchool, delegatedPersonal, application\)/,
    ],
    [
      'a missing account kind',
      VALID.replace('    delegatedPersonal: not-supported\n', ''),
      /p\.yaml:4:5: error permissions\/missing-key: operation applications\.synchronization\.acquireAccessToken\.post needs the key 'delegatedPersonal'/,
    ],
    [
      'a bad permission name',
      VALID.replace('[Application.ReadWrite.OwnedBy]', '[Application ReadWrite]'),
      /p\.yaml:8:25: error permissions\/invalid-value: .*application\.leastPrivileged has 'Application ReadWrite', which is not a permission name/,
    ],
    [
      'a scalar instead of levels',
      VALID.replace('delegatedPersonal: not-supported', 'delegatedPersonal: nope'),
      /p\.yaml:6:24: error permissions\/invalid-value: .*delegatedPersonal must be 'not-supported' or a mapping/,
    ],
    ['broken YAML', VALID.replace('operations:', 'operations: ['), /p\.yaml:\d+:\d+: error permissions\/parse-error: invalid YAML/],
    ['a wrong version', VALID.replace('version: 1', 'version: 2'), /p\.yaml:1:10: error permissions\/invalid-value: version must be 1/],
    [
      'an empty least-privileged list',
      VALID.replace('[Synchronization.ReadWrite.All]\n    delegatedPersonal', '[]\n    delegatedPersonal'),
      /error permissions\/invalid-value: .*delegatedWorkOrSchool\.leastPrivileged lists no permission/,
    ],
  ])('reports %s on one line with its position', (_, text, expected) => {
    const { permissions, diagnostics } = parsePermissions(text, 'p.yaml');
    expect(permissions).toBeUndefined();
    expectOneLineDiagnostic(diagnostics, expected);
  });

  it('names the operations it does not cover', () => {
    const { permissions } = parsePermissions(VALID, 'p.yaml');
    expect(findUncoveredOperations(permissions!, ['b.post', 'applications.synchronization.acquireAccessToken.post', 'a.get'])).toEqual(['a.get', 'b.post']);
  });
});

describe('the permissions input in the pipeline', () => {
  it('is a lock input and reaches the docs target', async () => {
    const result = await runPipeline({ configFile, modelOnly: true });
    expect(result.diagnostics.items).toEqual([]);
    const unit = result.units[0];
    expect(unit?.inputFiles).toContain(path.join(specsDir, 'permissions.yaml'));
    expect(unit?.permissions?.operations).toHaveProperty(['servicePrincipals.synchronization.acquireAccessToken.post']);
  });

  it('stops the run with the file and line of an invalid entry, and warns about an uncovered operation', async () => {
    const project = await makeTempProject();
    try {
      const file = path.join(project.root, 'specs/permissions.yaml');
      await writeFile(file, VALID.replace('not-supported', 'maybe'));
      const failed = await runPipeline({ configFile: project.configFile, modelOnly: true });
      expect(failed.diagnostics.errors.map((d) => d.code)).toEqual(['permissions/invalid-value']);
      expect(failed.diagnostics.errors[0]?.line).toBe(6);

      await writeFile(file, VALID);
      const warned = await runPipeline({ configFile: project.configFile, modelOnly: true });
      expect(warned.diagnostics.errors).toEqual([]);
      expect(warned.diagnostics.warnings.map((d) => `${d.code} ${d.message}`)).toEqual([
        'permissions/missing-operation permissions.yaml lists no permissions for operation servicePrincipals.synchronization.acquireAccessToken.post',
      ]);
    } finally {
      await project.dispose();
    }
  });

  it('rejects a misspelt config key next to permissions', async () => {
    const project = await makeTempProject();
    try {
      const config = await import('node:fs/promises').then((fs) => fs.readFile(project.configFile, 'utf8'));
      await writeFile(project.configFile, config.replace('permissions: permissions.yaml', 'permisions: permissions.yaml'));
      const result = await runPipeline({ configFile: project.configFile, modelOnly: true });
      expect(result.diagnostics.errors.map(formatDiagnostic).join('\n')).toMatch(/unknown key 'permisions' .*use one of: [^)]*\bpermissions\b/);
    } finally {
      await project.dispose();
    }
  });
});
