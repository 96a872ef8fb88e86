#!/usr/bin/env node
// What a browser app pays for one call (rolldown, minified, browser platform, Kiota runtime
// included): through createGraphClient and through requestBuilderAt with the builder imported by
// its subpath. For @mgkit/graph-client (goal: ≤ 30 KB gzip) and, when the whole-Graph bench has
// generated it, the largest module's client (Files), where the navigation reaches ~400 builders.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const clientDir = path.join(root, 'packages/graph-client');
const { build } = await import(path.join(root, 'node_modules/rolldown/dist/index.mjs'));
const GOAL_GZIP = 30 * 1024;
const work = mkdtempSync(path.join(os.tmpdir(), 'mgkit-bench-bundle-'));
const adapter = `import { AnonymousAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter } from '@microsoft/kiota-http-fetchlibrary';
const adapter = new FetchRequestAdapter(new AnonymousAuthenticationProvider());
`;

/** Bundles `source` from the client package's folder (so that its dependencies resolve). */
async function bundle(name, source) {
  const entry = path.join(clientDir, `.bench-entry-${name}-${process.pid}.mjs`);
  const file = path.join(work, `${name}.js`);
  writeFileSync(entry, source);
  try {
    await build({ input: entry, cwd: clientDir, platform: 'browser', logLevel: 'silent', output: { file, format: 'esm', minify: true } });
  } finally {
    rmSync(entry, { force: true });
  }
  const code = readFileSync(file);
  return { bytes: code.length, gzip: gzipSync(code).length };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [];
rows.push([
  '@mgkit/graph-client, createGraphClient',
  await bundle(
    'client',
    `${adapter}import { createGraphClient } from '@mgkit/graph-client';
await createGraphClient(adapter).applications.byApplicationId('x').synchronization.acquireAccessToken.post({ credentials: [] });
`,
  ),
]);
rows.push([
  '@mgkit/graph-client, requestBuilderAt + subpath',
  await bundle(
    'builder',
    `${adapter}import { requestBuilderAt } from '@mgkit/graph-client';
import { AcquireAccessTokenRequestBuilderRequestsMetadata } from '@mgkit/graph-client/applications/item/synchronization/acquireAccessToken';
await requestBuilderAt(adapter, AcquireAccessTokenRequestBuilderRequestsMetadata, { 'application%2Did': 'x' }).post({ credentials: [] });
`,
  ),
]);

const files = ['largest-files', '33-modules']
  .map((scratch) => path.join(os.tmpdir(), 'mgkit-bench-whole-graph', scratch, 'out/files/client'))
  .find((folder) => existsSync(path.join(folder, 'requestBuilder.ts')));
if (files) {
  rows.push([
    'Files module, createGraphClient (drive GET)',
    await bundle(
      'files-client',
      `${adapter}import { createGraphClient } from '${files}/index.ts';
console.log(await createGraphClient(adapter).drives.byDriveId('x').get());
`,
    ),
  ]);
  rows.push([
    'Files module, requestBuilderAt (drive GET)',
    await bundle(
      'files-builder',
      `${adapter}import { requestBuilderAt } from '${files}/index.ts';
import { DriveItemRequestBuilderRequestsMetadata } from '${files}/drives/item/index.ts';
console.log(await requestBuilderAt(adapter, DriveItemRequestBuilderRequestsMetadata, { 'drive%2Did': 'x' }).get());
`,
    ),
  ]);
} else {
  console.log('client-bundle: the Files rows need the whole-Graph scratch (node bench/whole-graph.mjs); skipped');
}
rmSync(work, { recursive: true, force: true });

console.log('client-bundle: one call bundled for a browser (rolldown, minified, Kiota runtime included)');
for (const [label, size] of rows) console.log(`  ${label.padEnd(50)} ${kb(size.bytes).padStart(10)} minified, ${kb(size.gzip).padStart(9)} gzip`);
const [first, second] = rows;
const met = first[1].gzip <= GOAL_GZIP && second[1].gzip <= GOAL_GZIP;
console.log(`  goal: one call of @mgkit/graph-client ≤ ${kb(GOAL_GZIP)} gzip: ${met ? 'met' : 'not met'}`);
if (!met) process.exitCode = 1;
