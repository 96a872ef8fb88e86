import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from './capture-server.js';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./jest/', import.meta.url));
const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');

interface JestRun {
  readonly passed: boolean;
  readonly output: string;
}

/** Real Jest, in ESM mode (`--experimental-vm-modules`), on test/jest/client.jest.mjs. */
async function runJest(config: string, origin: string): Promise<JestRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--experimental-vm-modules', jestBin, '--config', path.join(fixture, config), '--ci', '--colors=false'], {
      cwd: fixture,
      env: { ...process.env, CAPTURE_ORIGIN: origin, NO_COLOR: '1' },
      timeout: 120_000,
    });
    return { passed: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { passed: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/**
 * Jest's ESM mode resolves with `module-sync` but, before Node.js 24.9, its `require` cannot load
 * ES modules: the client's Node.js entry must say what to do, and the advice must work.
 */
describe('Jest (ESM mode) users', () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('without a mapping get an error that names the fix (or, on Node.js 24.9+, where Jest requires ES modules, a working call)', async () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    const jestRequiresEsm = major > 24 || (major === 24 && minor >= 9);
    const result = await runJest('jest.config.json', server.origin);
    expect(result.passed).toBe(jestRequiresEsm);
    if (!jestRequiresEsm) {
      expect(result.output).toContain('export condition "module-sync"');
      expect(result.output).toContain('moduleNameMapper');
    }
  });

  it('with moduleNameMapper to the static entry, as the README says, call the service', async () => {
    const before = server.requests.length;
    const result = await runJest('jest.mapped.config.json', server.origin);
    expect(result.output).toContain('1 passed');
    expect(result.passed).toBe(true);
    expect(server.requests.slice(before).map((request) => request.url)).toEqual(['/v1.0/applications/from-jest/synchronization/microsoft.graph.acquireAccessToken']);
  });
});
