/**
 * Lazy loading: `mgkit --help` and one call import only what they use (the command index is
 * tiny; the client, Kiota, auth, YAML and JMESPath load on demand).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaptureServer, PLANTED_TOKEN, freshConfigHome, spawnCli, startCaptureServer } from './helpers.js';

const hooks = fileURLToPath(new URL('./fixtures/trace-imports.mjs', import.meta.url));
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(async () => {
  await server.close();
});

async function importsOf(args: readonly string[], env: Record<string, string> = {}): Promise<string[]> {
  const file = join(freshConfigHome(), 'imports.txt');
  const result = await spawnCli(args, { nodeArgs: ['--import', hooks], env: { MGKIT_TRACE_IMPORTS: file, ...env } });
  expect(result.code, result.stderr).toBe(0);
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

const has = (urls: readonly string[], pattern: RegExp): boolean => urls.some((url) => pattern.test(url));

describe('lazy loading', () => {
  it('--help loads no command module, client, Kiota, identity, YAML or JMESPath', async () => {
    const urls = await importsOf(['--help']);
    expect(has(urls, /generated\/command-index\.js$/)).toBe(true);
    for (const heavy of [
      /generated\/commands\//,
      /@azure\/identity/,
      /kiota/,
      /graph-client/,
      /http-stack/,
      /\/yaml\//,
      /jmespath/,
      /run-command\.js$/,
      /runtime\/plan\.js$/,
      /runtime\/http\.js$/,
      /node-fetch\.js$/,
      /runtime\/auth\//,
      /completion\.js$/,
      /^node:https$/,
    ]) {
      expect(has(urls, heavy), String(heavy)).toBe(false);
    }
  });

  it('a command --help loads that command module only', async () => {
    const urls = await importsOf(['applications', 'synchronization', 'acquire-access-token', 'post', '--help']);
    expect(has(urls, /commands\/applications-synchronization-acquire-access-token-post\.js$/)).toBe(true);
    expect(has(urls, /commands\/service-principals-/)).toBe(false);
    for (const heavy of [/@azure\/identity/, /kiota/, /graph-client/, /http-stack/, /\/yaml\//, /jmespath/]) expect(has(urls, heavy), String(heavy)).toBe(false);
  });

  it("a call with MGKIT_ACCESS_TOKEN loads Kiota and the client's serializers, but no request builder, identity, YAML or JMESPath", async () => {
    const urls = await importsOf(['applications', 'synchronization', 'acquire-access-token', 'post', '--application-id', 'lazy', '--base-url', server.url], {
      MGKIT_ACCESS_TOKEN: PLANTED_TOKEN,
    });
    // the Kiota runtime, its JSON writer (the call has a body) and the client's model serializers,
    // bundled by the build; the request is built from the command's data, so no builder module
    // loads (one imports every model its operations reach), nor the client's navigation or its
    // Node.js entry (whose `require` would escape the bundle)
    expect(has(urls, /runtime\/http-stack\.js$/)).toBe(true);
    expect(has(urls, /runtime\/json-writer\.js$/)).toBe(true);
    expect(has(urls, /generated\/client-modules\.js$/)).toBe(true);
    const clientModules = readFileSync(fileURLToPath(new URL('../dist/generated/client-modules.js', import.meta.url)), 'utf8');
    // minified: \`serializers=()=>import(\`../chunks/x.js\`)\`
    const serializersChunk = /import\([`"]\.\.\/(chunks\/[^`"]+)[`"]\)/.exec(clientModules)?.[1] ?? 'missing';
    expect(serializersChunk).not.toBe('missing');
    expect(has(urls, new RegExp(`${serializersChunk}$`))).toBe(true);
    const loaded = urls.filter((url) => /\/dist\/(chunks\/|runtime\/(http-stack|json-writer)\.js|generated\/client-modules\.js)/.test(url));
    for (const url of loaded) {
      const code = readFileSync(fileURLToPath(url), 'utf8');
      // string literals survive minifying: a builder's URI template would come with its module
      expect(code, url).not.toContain('/synchronization/acquireAccessToken');
      expect(code, url).not.toContain('createRequire');
    }
    expect(has(urls, /runtime\/auth\/token\.js$/)).toBe(true);
    for (const heavy of [
      /@azure\/identity/,
      /\/yaml\//,
      /jmespath/,
      /commands\/service-principals-/,
      /runtime\/auth\/(credentials|commands)\.js$/,
      /completion\.js$/,
      /^node:readline/,
      /^node:https$/,
    ]) {
      expect(has(urls, heavy), String(heavy)).toBe(false);
    }
  });

  it('a call never loads undici (the global fetch and Headers): the CLI sends with node:http', async () => {
    const file = join(freshConfigHome(), 'builtins.json');
    const probe = fileURLToPath(new URL('./fixtures/builtin-modules.mjs', import.meta.url));
    const result = await spawnCli(['applications', 'synchronization', 'acquire-access-token', 'post', '--application-id', 'lazy', '--base-url', server.url], {
      nodeArgs: ['--import', probe],
      env: { MGKIT_ACCESS_TOKEN: PLANTED_TOKEN, MGKIT_TRACE_BUILTINS: file },
    });
    expect(result.code, result.stderr).toBe(0);
    const loaded = JSON.parse(readFileSync(file, 'utf8')) as string[];
    expect(loaded.length).toBeGreaterThan(50);
    expect(loaded.filter((name) => /undici/.test(name))).toEqual([]);
  });

  it('-o yaml and --query load their libraries only when asked', async () => {
    const urls = await importsOf(['status', '-o', 'yaml', '--query', 'account'], { MGKIT_ACCESS_TOKEN: PLANTED_TOKEN });
    expect(has(urls, /\/yaml\//)).toBe(true);
    expect(has(urls, /jmespath/)).toBe(true);
    expect(has(urls, /@azure\/identity/)).toBe(false);
  });
});
