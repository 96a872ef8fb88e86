import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from './capture-server.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const distUrl = pathToFileURL(path.join(packageDir, 'dist/')).href;

interface EntryReport {
  /** Every URL the ES module loader resolved while importing `@mgkit/graph-client`. */
  readonly onImport: string[];
  readonly exports: string[];
  readonly result: string;
}

/**
 * The built package, imported by name in a plain node process (no bundler, no vitest), with a
 * resolve hook logging what each import loads; then one call against the capture server.
 */
async function importAndCall(work: string, origin: string, nodeArgs: readonly string[] = []): Promise<EntryReport> {
  const log = path.join(work, `resolved-${Date.now()}.log`);
  await writeFile(
    path.join(work, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.RESOLVED_LOG) appendFileSync(process.env.RESOLVED_LOG, resolved.url + '\\n');
  return resolved;
}
`,
  );
  await writeFile(path.join(work, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  const script = `
import { readFileSync } from 'node:fs';
const entry = await import('@mgkit/graph-client');
const onImport = readFileSync(process.env.RESOLVED_LOG, 'utf8').trim().split('\\n');
const { AnonymousAuthenticationProvider } = await import('@microsoft/kiota-abstractions');
const { FetchRequestAdapter } = await import('@microsoft/kiota-http-fetchlibrary');
const client = entry.createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider()), { baseUrl: ${JSON.stringify(`${origin}/v1.0`)} });
const result = await client.servicePrincipals.byServicePrincipalId('sp 1').synchronization.acquireAccessToken.post({
  credentials: [{ key: entry.SynchronizationSecretObject.UserName, value: 'admin' }],
});
console.log(JSON.stringify({ onImport, exports: Object.keys(entry).sort(), result: String(result) }));
`;
  // Run from the package folder so that `@mgkit/graph-client` resolves through the workspace link.
  const { stdout } = await run(process.execPath, [...nodeArgs, `--import=${pathToFileURL(path.join(work, 'register.mjs')).href}`, '--input-type=module', '-e', script], {
    cwd: packageDir,
    env: { ...process.env, RESOLVED_LOG: log },
    timeout: 30_000,
  });
  return JSON.parse(stdout) as EntryReport;
}

const fromPackage = (urls: readonly string[]) => urls.filter((url) => url.startsWith(distUrl)).map((url) => url.slice(distUrl.length));
const fromDependencies = (urls: readonly string[]) => urls.filter((url) => url.includes('/node_modules/'));

/** `@mgkit/graph-client` bundled by rolldown with the given conditions: the bundle's code. */
async function bundleWith(work: string, conditionNames: string[]): Promise<string> {
  const { rolldown } = await import('rolldown');
  const input = path.join(packageDir, 'test', `.bundle-entry-${process.pid}.mjs`);
  await writeFile(input, "export { createGraphClient } from '@mgkit/graph-client';\n");
  try {
    const bundle = await rolldown({ input, platform: 'node', logLevel: 'silent', cwd: work, resolve: { conditionNames } });
    const { output } = await bundle.generate({ format: 'esm' });
    await bundle.close();
    return output.map((item) => (item.type === 'chunk' ? item.code : '')).join('\n');
  } finally {
    await rm(input, { force: true });
  }
}

describe('entries: Node.js loads the client on first use, bundlers get the static entry', () => {
  let work: string | undefined;
  let server: CaptureServer;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'mgkit-entries-'));
    server = await startCaptureServer();
  });
  afterAll(async () => {
    await server.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('in Node.js, importing the package loads its entry and the models only — no Kiota runtime, no request builder', async () => {
    const report = await importAndCall(work ?? '', server.origin);
    // redirect-guard.js, errors.js and paging.js are a few lines with no runtime imports of their own
    expect(fromPackage(report.onImport)).toEqual([
      'index.node.js',
      'generated/index.node.js',
      'redirect-guard.js',
      'generated/models/index.js',
      'generated/errors.js',
      'generated/paging.js',
      'generated/models/serializers/index.js',
    ]);
    expect(fromDependencies(report.onImport)).toEqual([]);
    // …and createGraphClient then loads the client and the runtime, and the call goes out.
    expect(report.result).toBe('undefined');
    expect(server.requests.at(-1)?.url).toBe('/v1.0/servicePrincipals/sp%201/synchronization/microsoft.graph.acquireAccessToken');
    expect(server.requests.at(-1)?.body).toBe('{"credentials":[{"key":"UserName","value":"admin"}]}');
  });

  it('with the `module` condition (what bundlers resolve), the static entry loads everything up front and exports the same names', async () => {
    const inNode = await importAndCall(work ?? '', server.origin);
    const bundled = await importAndCall(work ?? '', server.origin, ['--conditions=module']);
    expect(fromPackage(bundled.onImport)).toContain('index.js');
    expect(fromPackage(bundled.onImport)).toContain('generated/graphClient.js');
    expect(fromPackage(bundled.onImport)).not.toContain('index.node.js');
    expect(fromDependencies(bundled.onImport).some((url) => url.includes('/@microsoft/kiota-abstractions/'))).toBe(true);
    expect(bundled.exports).toEqual(inNode.exports);
    expect(inNode.exports).toEqual(expect.arrayContaining(['createGraphClient', 'GraphClientDefaultBaseUrl', 'SynchronizationSecretObject']));
    expect(bundled.result).toBe('undefined');
  });

  it('resolvers that do not promise a synchronous `require` of ES modules (no `module-sync`: Jest, esbuild or rolldown with their own conditions) get the static entry', async () => {
    for (const conditionNames of [
      ['node', 'import', 'default'],
      ['node', 'node-addons', 'import', 'default'],
      ['production', 'import', 'default'],
    ]) {
      const code = await bundleWith(work ?? '', conditionNames);
      expect(code, conditionNames.join(',')).toContain('GraphClientNavigationMetadata');
      expect(code, conditionNames.join(',')).not.toContain('createRequire');
    }
  });
});
