/**
 * What a browser app pays for one call: the package bundled with rolldown (minified, browser
 * platform, the Kiota runtime included) for a call through `createGraphClient` and for one
 * through `requestBuilderAt` with the builder imported by its subpath. The second keeps that one
 * builder: the other path's builder is tree-shaken away, no side-effect import needed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const GZIP_BUDGET = 30 * 1024;
let work = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mgkit-bundle-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Bundles `source` as an app in this package's folder would (it resolves `@mgkit/graph-client` by name). */
async function bundle(name: string, source: string): Promise<string> {
  const entry = path.join(packageDir, `.bundle-entry-${name}-${process.pid}.mjs`);
  const file = path.join(work, `${name}.js`);
  await writeFile(entry, source);
  try {
    await build({ input: entry, cwd: packageDir, platform: 'browser', logLevel: 'silent', output: { file, format: 'esm', minify: true } });
  } finally {
    await rm(entry, { force: true });
  }
  return readFile(file, 'utf8');
}

const adapter = `import { AnonymousAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter } from '@microsoft/kiota-http-fetchlibrary';
const adapter = new FetchRequestAdapter(new AnonymousAuthenticationProvider());
`;

describe('one call, bundled for a browser (rolldown, minified, Kiota runtime included)', () => {
  it(`through createGraphClient: at most ${GZIP_BUDGET / 1024} KB gzip`, async () => {
    const code = await bundle(
      'client',
      `${adapter}import { createGraphClient } from '@mgkit/graph-client';
await createGraphClient(adapter).applications.byApplicationId('x').synchronization.acquireAccessToken.post({ credentials: [] });
`,
    );
    expect(code).toContain('microsoft.graph.acquireAccessToken');
    expect(code).toContain('servicePrincipals');
    console.log(`createGraphClient: ${code.length} bytes, ${gzipSync(code).length} gzip`);
    expect(gzipSync(code).length).toBeLessThanOrEqual(GZIP_BUDGET);
  });

  it('through requestBuilderAt and the builder subpath: that builder only, within the budget', async () => {
    const code = await bundle(
      'builder',
      `${adapter}import { requestBuilderAt } from '@mgkit/graph-client';
import { AcquireAccessTokenRequestBuilderRequestsMetadata } from '@mgkit/graph-client/applications/item/synchronization/acquireAccessToken';
await requestBuilderAt(adapter, AcquireAccessTokenRequestBuilderRequestsMetadata, { 'application%2Did': 'x' }).post({ credentials: [] });
`,
    );
    expect(code).toContain('{+baseurl}/applications/{application%2Did}/synchronization/microsoft.graph.acquireAccessToken');
    // the other builders, and the client's navigation, are not in the bundle
    expect(code).not.toContain('servicePrincipals');
    expect(code).not.toContain('byApplicationId');
    console.log(`requestBuilderAt: ${code.length} bytes, ${gzipSync(code).length} gzip`);
    expect(gzipSync(code).length).toBeLessThanOrEqual(GZIP_BUDGET);
  });
});
