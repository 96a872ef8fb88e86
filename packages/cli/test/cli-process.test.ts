/**
 * The thin process layer: what only the real binary shows. Everything else about the CLI is
 * tested in-process (runCli); these spawn bin/mgkit.js and check that its exit status, a real
 * stdin pipe and stdout/stderr carry what main() returned and printed.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CaptureServer, PLANTED_CREDENTIAL, PLANTED_TOKEN, runCli, spawnCli, startCaptureServer } from './helpers.js';

const APP = ['applications', 'synchronization', 'acquire-access-token', 'post'];
let server: CaptureServer;

beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(async () => {
  await server.close();
});

describe('the mgkit binary', () => {
  it.each([
    ['0 on success', ['--application-id', 'ok', '--credentials', 'BaseAddress=https://scim.example.com'], 0],
    ['2 on a usage error', ['--application-id', 'ok', '--credentials', 'NoSuchKey=1'], 2],
    ['3 when not found', ['--application-id', 'missing', '--credentials', 'BaseAddress=x'], 3],
    ['1 on a server error', ['--application-id', 'boom', '--credentials', 'BaseAddress=x'], 1],
  ])('exits %s, as main() returns in-process', async (_label, args, code) => {
    const argv = [...APP, ...args, '--base-url', server.url];
    const env = { MGKIT_ACCESS_TOKEN: PLANTED_TOKEN };
    const spawned = await spawnCli(argv, { env });
    const inProcess = await runCli(argv, { env });
    expect(spawned.code).toBe(code);
    expect(inProcess.code).toBe(code);
    expect(spawned.stdout).toBe(inProcess.stdout);
    // each call sends its own client-request-id, which an error line names
    const sameBut = (stderr: string) => stderr.replace(/client-request-id: [0-9a-f-]{36}/g, 'client-request-id: …');
    expect(sameBut(spawned.stderr)).toBe(sameBut(inProcess.stderr));
  });

  it('reads --body - from a real pipe', async () => {
    const before = server.requests.length;
    const body = JSON.stringify({ credentials: [{ key: 'SecretToken', value: PLANTED_CREDENTIAL }] });
    const result = await spawnCli([...APP, '--application-id', 'piped', '--body', '-', '--base-url', server.url], { env: { MGKIT_ACCESS_TOKEN: PLANTED_TOKEN }, input: body });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(server.requests[before]?.body ?? '')).toEqual(JSON.parse(body));
  });

  it('stops quietly with exit 0 when the reader of its output goes away (| true)', async () => {
    // three records, one call and one printed result each: the reader is gone after the first
    const records = ['one', 'two', 'three'].map((id) => JSON.stringify({ ApplicationId: id })).join('\n');
    const line = `node ${JSON.stringify(BIN)} ${APP.join(' ')} --input-object - --credentials BaseAddress=x --pass-thru --base-url ${server.url} | true; echo "status=\${PIPESTATUS[0]}" >&2`;
    const child = spawn('bash', ['-c', line], { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', MGKIT_ACCESS_TOKEN: PLANTED_TOKEN } });
    child.stdin.end(records);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|node:events|Unhandled/);
    expect(stderr).toMatch(/status=0$/m);
  });

  it('prints the version and help on stdout with exit 0', async () => {
    const version = await spawnCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const help = await spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:');
  });
});
