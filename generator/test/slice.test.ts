import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadOpenApiDocument, type JsonObject, type JsonValue, type NodeAddress, type OpenApiDocument } from '../src/sources/openapi/index.js';
import { corpusAvailable, corpusOpenApi, specsDir } from './helpers/paths.js';
import { runGenerator } from './helpers/project.js';

const SYNCHRONIZATION = ['/applications/*/synchronization/**', '/servicePrincipals/*/synchronization/**'];

/** Components the given operations reach, found by following refs with the reader's own resolver. */
function referencedComponents(document: OpenApiDocument, keep: (path: string) => boolean): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (node: JsonValue, from: NodeAddress) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, { file: from.file, pointer: `${from.pointer}/${index}` }));
      return;
    }
    if (typeof node['$ref'] === 'string') {
      const target = document.resolve(node, from);
      const [, kind, name] = /^\/components\/([^/]+)\/([^/]+)$/.exec(target.address.pointer) ?? [];
      const key = `${target.address.file}#${target.address.pointer}`;
      if (kind && name) found.add(`${kind}/${name.replace(/~1/g, '/').replace(/~0/g, '~')}`);
      if (seen.has(key)) return;
      seen.add(key);
      visit(target.value, target.address);
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      visit(child, { file: from.file, pointer: `${from.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    }
  };
  const paths = document.root['paths'] as JsonObject;
  for (const [path, item] of Object.entries(paths)) {
    if (keep(path)) visit(item, { file: document.files[0]!, pointer: `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}` });
  }
  return found;
}

function componentKeys(root: JsonObject): Set<string> {
  const keys = new Set<string>();
  for (const [kind, entries] of Object.entries((root['components'] ?? {}) as JsonObject)) {
    for (const name of Object.keys((entries ?? {}) as JsonObject)) keys.add(`${kind}/${name}`);
  }
  return keys;
}

describe.skipIf(!corpusAvailable())('mgkit-gen slice on the whole Applications module', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'mgkit-slice-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('keeps the synchronization paths and exactly the components they reference, verbatim', async () => {
    const output = path.join(scratch, 'sync.yaml');
    const args = ['slice', '--from', corpusOpenApi, '--output', output, ...SYNCHRONIZATION.flatMap((glob) => ['--include', glob])];
    const result = await runGenerator(args, scratch);
    expect(result.stderr).toMatch(/^Sliced \d+ operation/);
    expect(result.status).toBe(0);

    const { document: original } = await loadOpenApiDocument(corpusOpenApi);
    const { document: sliced, diagnostics } = await loadOpenApiDocument(output);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const isSynchronization = (p: string) => /^\/(applications|servicePrincipals)\/[^/]+\/synchronization(\/|$)/.test(p);
    expect(sliced!.operations.map((op) => op.key)).toEqual(original!.operations.filter((op) => isSynchronization(op.path)).map((op) => op.key));
    expect(sliced!.operations.length).toBeGreaterThan(50);

    const expected = referencedComponents(original!, isSynchronization);
    // Security schemes are named by `security:` requirements, not $refs: the slice keeps them all.
    const kept = componentKeys(sliced!.root);
    expect([...kept].filter((key) => key.startsWith('securitySchemes/'))).toEqual(['securitySchemes/azureaadv2']);
    expect(new Set([...kept].filter((key) => !key.startsWith('securitySchemes/')))).toEqual(expected);
    const originalComponents = original!.root['components'] as Record<string, Record<string, JsonValue>>;
    const slicedComponents = sliced!.root['components'] as Record<string, Record<string, JsonValue>>;
    for (const key of expected) {
      const [kind, name] = key.split('/') as [string, string];
      expect(slicedComponents[kind]![name]).toEqual(originalComponents[kind]![name]);
    }
  });

  it('filters methods Kiota-style and writes JSON when asked', async () => {
    const output = path.join(scratch, 'jobs.json');
    const result = await runGenerator(['slice', '--from', corpusOpenApi, '--output', output, '--include', '/applications/*/synchronization/jobs#POST'], scratch);
    expect(result.status).toBe(0);
    const root = JSON.parse(await readFile(output, 'utf8')) as JsonObject;
    expect(Object.keys(root['paths'] as JsonObject)).toEqual(['/applications/{application-id}/synchronization/jobs']);
    expect(Object.keys((root['paths'] as Record<string, JsonObject>)['/applications/{application-id}/synchronization/jobs']!)).not.toContain('get');
  });
});

describe('mgkit-gen slice from a URL', () => {
  let server: Server;
  let baseUrl: string;
  let scratch: string;
  const requests: string[] = [];

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'mgkit-slice-url-'));
    const body = await readFile(path.join(specsDir, 'openapi/acquireAccessToken.yaml'));
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/v1.0/openapi.yaml') {
        response.writeHead(200, { 'content-type': 'application/yaml' }).end(body);
      } else {
        response.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(scratch, { recursive: true, force: true });
  });

  it('downloads the description and slices it', async () => {
    const output = path.join(scratch, 'sp.yaml');
    const result = await runGenerator(['slice', '--from', `${baseUrl}/v1.0/openapi.yaml`, '--output', output, '--include', '/servicePrincipals/**'], scratch);
    expect(result.status).toBe(0);
    expect(requests).toContain('/v1.0/openapi.yaml');
    const root = parse(await readFile(output, 'utf8')) as JsonObject;
    expect(Object.keys(root['paths'] as JsonObject)).toEqual(['/servicePrincipals/{servicePrincipal-id}/synchronization/microsoft.graph.acquireAccessToken']);
    expect(Object.keys((root['components'] as Record<string, JsonObject>)['schemas']!).sort()).toEqual([
      'microsoft.graph.ODataErrors.ErrorDetails',
      'microsoft.graph.ODataErrors.InnerError',
      'microsoft.graph.ODataErrors.MainError',
      'microsoft.graph.ODataErrors.ODataError',
      'microsoft.graph.synchronizationSecret',
      'microsoft.graph.synchronizationSecretKeyStringValuePair',
    ]);
  });

  it('reports a failed download in one line and writes nothing', async () => {
    const output = path.join(scratch, 'missing.yaml');
    const result = await runGenerator(['slice', '--from', `${baseUrl}/nope.yaml`, '--output', output, '--include', '/**'], scratch);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/404/);
    await expect(readFile(output)).rejects.toThrow();
  });
});
