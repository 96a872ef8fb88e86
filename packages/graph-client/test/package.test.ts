import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from './capture-server.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly dependencies: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly scripts: Record<string, string>;
}

const consumerSource = `import { AnonymousAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter } from '@microsoft/kiota-http-fetchlibrary';
import { createGraphClient, type GraphClient } from '@mgkit/graph-client';
import { SynchronizationSecretObject, type AcquireAccessTokenPostRequestBody } from '@mgkit/graph-client/models';
import { serializeAcquireAccessTokenPostRequestBody } from '@mgkit/graph-client/models/serializers';

const baseUrl: string = process.argv[2] ?? 'https://graph.microsoft.com/v1.0';
const client: GraphClient = createGraphClient(new FetchRequestAdapter(new AnonymousAuthenticationProvider()), { baseUrl });
const body: AcquireAccessTokenPostRequestBody = {
  credentials: [
    { key: SynchronizationSecretObject.UserName, value: 'admin@contoso.com' },
    { key: 'Password', value: 'secret' },
  ],
};
const results: (void | undefined)[] = [
  await client.applications.byApplicationId('app-1').synchronization.acquireAccessToken.post(body),
  await client.servicePrincipals.byServicePrincipalId('sp-1').synchronization.acquireAccessToken.post(body),
];
// the serializers' own subpath (what the CLI loads for a body) is the models' function
const models = await import('@mgkit/graph-client/models');
console.log(JSON.stringify({ calls: results.length, sameSerializer: models.serializeAcquireAccessTokenPostRequestBody === serializeAcquireAccessTokenPostRequestBody }));
`;

const consumerTsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    types: ['node'],
    outDir: 'dist',
  },
  include: ['index.ts', 'readme-*.ts'],
};

/** The TypeScript examples of the package README, which must compile against the packed package too. */
async function readmeExamples(): Promise<string[]> {
  const readme = await readFile(path.join(packageDir, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/**
 * The package as users get it: `npm pack`, installed into a fresh project outside the
 * workspace, compiled with `tsc`, run against a local server.
 */
describe('packaging: npm pack → fresh consumer project → tsc → calls', () => {
  let work: string | undefined;
  let server: CaptureServer;
  let manifest: PackageJson;
  beforeAll(async () => {
    manifest = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as PackageJson;
    work = await mkdtemp(path.join(tmpdir(), 'mgkit-consumer-'));
    server = await startCaptureServer();
  });
  afterAll(async () => {
    await server.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('packs only dist/, README and package.json', async () => {
    const packDir = path.join(work ?? '', 'pack');
    await mkdir(packDir);
    // prepack (the build) already ran (`npm test` runs turbo's build first), and building again here
    // would delete dist/ under the test files that import it meanwhile
    const { stdout } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: packageDir, timeout: 60_000 });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    expect(packed?.filename).toBe('mgkit-graph-client-0.1.0.tgz');
    expect(manifest.scripts['prepack']).toBe('npm run build');
    const files = (packed?.files ?? []).map((file) => file.path);
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/index.node.js');
    expect(files).toContain('dist/generated/models/index.js');
    expect(files.filter((file) => !file.startsWith('dist/') && file !== 'package.json' && file !== 'README.md')).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    // source maps wherever code runs, so a stack trace points at the TypeScript; a request builder
    // module is data (no stack frame is ever in it) and ships none, which keeps the whole Graph's
    // packages under their file goal (DESIGN.md, "The client at full scale")
    const isBuilderModule = (file: string) => /^dist\/generated\/(?!models\/).+\/index\.js$/.test(file);
    const builderModules = files.filter(isBuilderModule);
    expect(builderModules).toContain('dist/generated/applications/item/synchronization/acquireAccessToken/index.js');
    expect(builderModules.filter((file) => files.includes(`${file}.map`))).toEqual([]);
    const code = files.filter((file) => file.endsWith('.js') && !isBuilderModule(file));
    expect(code).toEqual(expect.arrayContaining(['dist/index.js', 'dist/generated/errors.js', 'dist/generated/models/index.js', 'dist/generated/models/serializers/index.js']));
    expect(code.filter((file) => !files.includes(`${file}.map`))).toEqual([]);
    // the hand-written runtime carries its TypeScript in its map; the generated models their positions only
    const mapOf = async (file: string) => JSON.parse(await readFile(path.join(packageDir, `${file}.map`), 'utf8')) as { sources: string[]; sourcesContent?: string[]; mappings: string };
    const errorsMap = await mapOf('dist/generated/errors.js');
    expect(errorsMap.sources).toEqual(['../../src/generated/errors.ts']);
    expect(errorsMap.sourcesContent?.[0]).toContain('export class ODataError extends Error');
    const modelsMap = await mapOf('dist/generated/models/index.js');
    expect(modelsMap.sources).toEqual(['../../../src/generated/models/index.ts']);
    expect(modelsMap.sourcesContent).toBeUndefined();
    // one position per line (a segment per generated line, `;` between lines, no `,` within one)
    expect(modelsMap.mappings).toMatch(/;[A-Za-z0-9+/]+;/);
    expect(modelsMap.mappings).not.toContain(',');
    // documentation lives in the declarations, where editors show it; the JavaScript carries none
    const [errorsJs, errorsDts] = await Promise.all(['errors.js', 'errors.d.ts'].map((file) => readFile(path.join(packageDir, 'dist/generated', file), 'utf8')));
    expect(errorsJs).toContain('export class ODataError extends Error');
    expect(errorsJs.replace(/\n\/\/# sourceMappingURL=errors\.js\.map\n?$/, '\n')).not.toMatch(/\/\*\*|^\s*\/\//m);
    expect(errorsDts).toMatch(/\/\*\*[\s\S]*?\*\/\s*export declare class ODataError/);
  });

  it('installs into a project outside the workspace, compiles with tsc (with the README examples) and calls both operations', async () => {
    const dir = path.join(work ?? '', 'consumer');
    await mkdir(dir);
    const tarball = path.join(work ?? '', 'pack', 'mgkit-graph-client-0.1.0.tgz');
    await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
    await writeFile(path.join(dir, 'tsconfig.json'), `${JSON.stringify(consumerTsconfig, null, 2)}\n`);
    await writeFile(path.join(dir, 'index.ts'), consumerSource);
    const examples = await readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const [index, example] of examples.entries()) await writeFile(path.join(dir, `readme-${index + 1}.ts`), example);
    const kiota = manifest.dependencies['@microsoft/kiota-abstractions'] ?? 'latest';
    await run(
      npm,
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        tarball,
        `@microsoft/kiota-abstractions@${kiota}`,
        `@microsoft/kiota-http-fetchlibrary@${kiota}`,
        // for the README's Microsoft Entra example
        `@microsoft/kiota-authentication-azure@${kiota}`,
        '@azure/identity@^4',
        'typescript@~5.9.3',
        '@types/node@^20.19.0',
      ],
      { cwd: dir, timeout: 120_000 },
    );
    const installed = JSON.parse(await readFile(path.join(dir, 'node_modules', '@mgkit', 'graph-client', 'package.json'), 'utf8')) as PackageJson;
    expect(installed.version).toBe('0.1.0');
    await run(process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: dir, timeout: 60_000 });
    const { stdout } = await run(process.execPath, [path.join(dir, 'dist', 'index.js'), `${server.origin}/v1.0`], { cwd: dir, timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({ calls: 2, sameSerializer: true });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /v1.0/applications/app-1/synchronization/microsoft.graph.acquireAccessToken',
      'POST /v1.0/servicePrincipals/sp-1/synchronization/microsoft.graph.acquireAccessToken',
    ]);
    expect(server.requests.every((request) => request.body === '{"credentials":[{"key":"UserName","value":"admin@contoso.com"},{"key":"Password","value":"secret"}]}')).toBe(true);
    // with --enable-source-maps a stack through the installed package names its TypeScript
    const { stdout: stack } = await run(
      process.execPath,
      [
        '--enable-source-maps',
        '--input-type=module',
        '-e',
        "const { iteratePages } = await import('@mgkit/graph-client'); try { await iteratePages(undefined).next(); } catch (error) { console.log(error.stack); }",
      ],
      { cwd: dir, timeout: 30_000 },
    );
    expect(stack).toMatch(/at iteratePages \(.*\/src\/generated\/paging\.ts:\d+:\d+\)/);
  });
});
