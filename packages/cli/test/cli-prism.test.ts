/**
 * Contract: Prism (`prism mock --errors`) on specs/openapi/acquireAccessToken.yaml accepts
 * every request the CLI sends, for every parameter set of both cmdlets.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PLANTED_CREDENTIAL, PLANTED_TOKEN, SPEC_FILE, captured, findLeaks, freshConfigHome, runCli } from './helpers.js';

const prismCli = join(dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startPrism(port: number): Promise<{ child: ChildProcessWithoutNullStreams; log: () => string }> {
  const child = spawn(process.execPath, [prismCli, 'mock', '--errors', '-h', '127.0.0.1', '-p', String(port), SPEC_FILE], {
    stdio: 'pipe',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${output}`));
    });
  });
  return { child, log: () => output };
}

const APP = ['applications', 'synchronization', 'acquire-access-token', 'post'];
const SP = ['service-principals', 'synchronization', 'acquire-access-token', 'post'];

describe('contract: Prism (--errors) accepts every request the CLI sends', () => {
  let prism: Awaited<ReturnType<typeof startPrism>> | undefined;
  let baseUrl = '';
  let files = '';
  beforeAll(async () => {
    const port = await freePort();
    prism = await startPrism(port);
    baseUrl = `http://127.0.0.1:${port}`;
    files = freshConfigHome();
    writeFileSync(
      join(files, 'body.json'),
      JSON.stringify({
        credentials: [
          { key: 'AppKey', value: PLANTED_CREDENTIAL },
          { key: 'Password', value: null },
        ],
      }),
    );
  });
  afterAll(async () => {
    const child = prism?.child;
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
  });

  const cases: [string, string[], string?][] = [
    [
      'application AcquireExpanded',
      [
        ...APP,
        '--application-id',
        'a b/cü',
        '--credentials',
        'BaseAddress=https://scim.example.com',
        '--credentials',
        `SecretToken=${PLANTED_CREDENTIAL}`,
        '--additional-properties',
        '{"extra":{"note":"x"}}',
      ],
    ],
    ['application Acquire', [...APP, '--application-id', 'app-2', '--body', '@BODY']],
    ['application AcquireViaIdentity', [...APP, '--input-object', '{"ApplicationId":"app-3"}', '--body', '-'], '{"credentials":[{"key":"UserName","value":"admin"}]}'],
    ['application AcquireViaIdentityExpanded (NDJSON, two records)', [...APP, '--input-object', '-', '--credentials', 'Domain=contoso'], '{"ApplicationId":"r1"}\n{"ApplicationId":"r2"}\n'],
    ['service principal AcquireExpanded', [...SP, '--service-principal-id', 'sp-1', '--credentials', `SecretToken=${PLANTED_CREDENTIAL}`, '--header', 'X-Test: 1']],
    ['service principal Acquire', [...SP, '--service-principal-id', 'sp-2', '--body', '@BODY']],
    ['service principal AcquireViaIdentity', [...SP, '--input-object', '{"ServicePrincipalId":"sp-3"}', '--body', '{"credentials":[]}']],
    ['service principal AcquireViaIdentityExpanded', [...SP, '--input-object', '{"ServicePrincipalId":"sp-4"}', '--pass-thru']],
  ];

  for (const [name, args, input] of cases) {
    it(name, async () => {
      const before = prism?.log().length ?? 0;
      const resolved = args.map((arg) => (arg === '@BODY' ? `@${join(files, 'body.json')}` : arg));
      const result = await runCli([...resolved, '--base-url', baseUrl], { env: { MGKIT_ACCESS_TOKEN: PLANTED_TOKEN }, ...(input !== undefined && { input }) });
      expect(result.stderr.replace(/^record \d\/\d \(.*\): ok\n/gm, '')).toBe('');
      expect(result.code).toBe(0);
      // Prism may log its answer a moment after the CLI has it
      const log = await vi.waitFor(
        () => {
          const text = prism?.log().slice(before) ?? '';
          expect(text).toMatch(/Responding with/);
          return text;
        },
        { timeout: 30_000, interval: 20 },
      );
      expect(log).not.toContain('Request did not pass the validation rules');
    });
  }

  it('the check can fail: Prism rejects (422) what the description forbids, and so does the CLI, before sending', async () => {
    // The description types additional properties as objects; a string there is a violation.
    const body = { credentials: [{ key: 'UserName', value: 'x' }], note: 'a string' };
    const direct = await fetch(`${baseUrl}/applications/x/synchronization/microsoft.graph.acquireAccessToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test' },
      body: JSON.stringify(body),
    });
    expect(direct.status).toBe(422);
    const result = await runCli([...APP, '--application-id', 'x', '--additional-properties', '{"note":"a string"}', '--base-url', baseUrl], {
      env: { MGKIT_ACCESS_TOKEN: PLANTED_TOKEN },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/note/);
  });

  it('no planted secret in any output of this file', () => {
    expect(findLeaks(captured)).toEqual([]);
  });
});
