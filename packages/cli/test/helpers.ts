/**
 * Test helpers: run the BUILT `mgkit` in-process through its IO seam (`main(argv, io)`), or as
 * a subprocess for what only a process shows (exit status, signals, a terminal, Node flags).
 * Every byte it prints is kept for the secret-leak scan. Also a capture server on 127.0.0.1,
 * and the planted secrets.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(PACKAGE_DIR, 'bin', 'mgkit.js');
export const SPEC_FILE = fileURLToPath(new URL('../../../specs/openapi/acquireAccessToken.yaml', import.meta.url));

if (!existsSync(join(PACKAGE_DIR, 'dist', 'main.js'))) {
  throw new Error('packages/cli/dist is missing: run `npm run build -w @mgkit/cli` before the tests');
}

/** A JWT-shaped token with recognisable claims; its signature part is planted. */
export const PLANTED_TOKEN = [
  Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
  Buffer.from(JSON.stringify({ tid: 'tenant-from-token', upn: 'ci@contoso.example', scp: 'Synchronization.ReadWrite.All Application.Read.All', exp: 4102444800 })).toString('base64url'),
  'PlantedTokenSignature0a1b2c3d',
].join('.');
export const PLANTED_CREDENTIAL = 'Pl4nted-Credential-Value-5e9d';
export const PLANTED_CREDENTIAL_2 = 'Pl4nted-Second-Secret-c0ffee';
export const PLANTED_CLIENT_SECRET = 'Pl4nted-Client-Secret-77aa';

/** Every value that must never appear in anything the CLI prints. */
export const PLANTED_SECRETS: string[] = [PLANTED_TOKEN, 'PlantedTokenSignature0a1b2c3d', PLANTED_CREDENTIAL, PLANTED_CREDENTIAL_2, PLANTED_CLIENT_SECRET];

export function plantSecret(value: string): void {
  if (!PLANTED_SECRETS.includes(value)) PLANTED_SECRETS.push(value);
  persistPlanted();
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Everything the CLI printed in this test file. */
export const captured: string[] = [];

function captureFile(): string | undefined {
  const dir = process.env['MGKIT_TEST_CAPTURE_DIR'];
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  return join(dir, `${basename(process.env['VITEST_WORKER_ID'] ?? 'w')}-${process.pid}.log`);
}

export function record(text: string): void {
  captured.push(text);
  const file = captureFile();
  if (file) appendFileSync(file, `${text}\n`);
}

/**
 * Tells the suite-wide scan (test/global-setup.ts) every secret this worker planted, including
 * those planted at run time (issued tokens, the fake identity's secrets).
 */
function persistPlanted(): void {
  const file = captureFile();
  if (file) writeFileSync(file.replace(/\.log$/, '.secrets.json'), JSON.stringify(PLANTED_SECRETS));
}
persistPlanted();

export interface RunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly input?: string;
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** Node options before the script (`--import …`). */
  readonly nodeArgs?: readonly string[];
  /** Called once the child is spawned (to signal it, or to write stdin later). */
  readonly onSpawn?: (child: ChildProcess) => void;
  /** Leave stdin open (without `input`): `onSpawn` writes and ends it. */
  readonly keepStdinOpen?: boolean;
}

let configRoot: string | undefined;
export function freshConfigHome(): string {
  configRoot ??= mkdtempSync(join(tmpdir(), 'mgkit-cli-test-'));
  return mkdtempSync(join(configRoot, 'xdg-'));
}

export function baseEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(MGKIT_|AZURE_|XDG_CONFIG_HOME$|NODE_OPTIONS$|VITEST)/.test(name)) continue;
    env[name] = value;
  }
  env['NO_COLOR'] = '1';
  env['XDG_CONFIG_HOME'] = freshConfigHome();
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface InProcessOptions {
  readonly env?: Record<string, string | undefined>;
  readonly input?: string;
}

interface CliMain {
  main(argv: readonly string[], io: unknown): Promise<number>;
}
let loaded: Promise<CliMain> | undefined;

/**
 * Runs the built CLI in this process: `main(argv, io)` with a piped stdin (ended, or holding
 * `input`), captured stdout/stderr and the test's environment. Same result shape as a spawn.
 */
export async function runCli(args: readonly string[], options: InProcessOptions = {}): Promise<RunResult> {
  loaded ??= import(join(PACKAGE_DIR, 'dist', 'main.js')) as Promise<CliMain>;
  const { main } = await loaded;
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
    env: baseEnv(options.env),
    platform: process.platform,
  };
  const code = await main(args, io);
  record(`${stdout}\n${stderr}`);
  return { code, signal: null, stdout, stderr };
}

/** Runs the built `mgkit` binary as a subprocess. */
export function spawnCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd ?? PACKAGE_DIR,
      env: baseEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      record(`${stdout}\n${stderr}`);
      resolve({ code, signal, stdout, stderr });
    });
    // a CLI that exits before reading its input closes the pipe: EPIPE here is no test error
    child.stdin.on('error', () => {});
    if (options.input !== undefined) child.stdin.end(options.input);
    else if (!options.keepStdinOpen) child.stdin.end();
    options.onSpawn?.(child);
  });
}

export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type Handler = (request: CapturedRequest, response: ServerResponse) => void;

export interface CaptureServer {
  readonly url: string;
  readonly requests: CapturedRequest[];
  close(): Promise<void>;
}

function odataError(response: ServerResponse, status: number, code: string, message: string, requestId: string): void {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId });
  response.end(JSON.stringify({ error: { code, message, innerError: { 'request-id': requestId, date: '2026-01-01T00:00:00' } } }));
}

/**
 * Graph-like behaviour keyed on the id in the path: missing → 404, boom → 500, denied → 401,
 * hang → no answer, throttled-long → 429 asking for an hour, throttled-once → 429 then 204.
 */
export const graphLike: Handler = (request, response) => {
  if (request.url.includes('/missing/')) return odataError(response, 404, 'Request_ResourceNotFound', "Resource 'missing' does not exist.", 'req-404');
  if (request.url.includes('/boom/')) return odataError(response, 500, 'InternalServerError', 'Something went wrong.', 'req-500');
  if (request.url.includes('/bad/')) return odataError(response, 400, 'BadRequest', 'Invalid credentials key.', 'req-400');
  if (request.url.includes('/denied/')) return odataError(response, 401, 'InvalidAuthenticationToken', 'Access token is empty.', 'req-401');
  if (request.url.includes('/forbidden/')) return odataError(response, 403, 'Authorization_RequestDenied', 'Insufficient privileges.', 'req-403');
  if (request.url.includes('/gateway/')) {
    // a proxy's HTML page, not an OData error
    response.writeHead(502, { 'content-type': 'text/html', 'request-id': 'req-502' });
    response.end('<html><head><style>p{}</style></head><body><h1>Bad Gateway</h1><p>upstream timed out</p></body></html>');
    return;
  }
  if (request.url.includes('/plainjson/')) {
    // JSON, but not an OData error
    response.writeHead(500, { 'content-type': 'application/json', 'request-id': 'req-500j' });
    response.end('{"message":"database down"}');
    return;
  }
  if (request.url.includes('/hang/')) return; // never answers
  if (request.url.includes('/echo-auth/')) {
    // a careless service that quotes the credential it refuses
    return odataError(response, 401, 'InvalidAuthenticationToken', `Token '${String(request.headers['authorization'] ?? '')}' is not valid.`, 'req-echo');
  }
  if (request.url.includes('/throttled-long/')) {
    response.writeHead(429, { 'content-type': 'application/json', 'request-id': 'req-429', 'retry-after': '3600' });
    response.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests.', innerError: { 'request-id': 'req-429' } } }));
    return;
  }
  if (request.url.includes('/throttled-once/') && !request.headers['retry-attempt']) {
    response.writeHead(429, { 'content-type': 'application/json', 'request-id': 'req-429', 'retry-after': '1' });
    response.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests.' } }));
    return;
  }
  response.writeHead(204, { 'request-id': 'req-ok-1', 'client-request-id': 'client-1', 'x-ms-ags-diagnostic': '{"ServerInfo":{}}' });
  response.end();
};

export async function startCaptureServer(handler: Handler = graphLike): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server: Server = createServer((incoming, response) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
    incoming.on('end', () => {
      const request = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body };
      requests.push(request);
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1.0`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Planted secrets found in the given texts (empty when none leaked). */
export function findLeaks(texts: readonly string[]): string[] {
  const all = texts.join('\n');
  return PLANTED_SECRETS.filter((secret) => all.includes(secret));
}

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), typing `answer` once `prompt`
 * appears in its output. Undefined when `script` is not installed.
 */
export async function runCliOnTerminal(args: readonly string[], prompt: string, answer: string, env: Record<string, string | undefined> = {}): Promise<RunResult | undefined> {
  const { existsSync: exists } = await import('node:fs');
  if (!exists('/usr/bin/script')) return undefined;
  const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: PACKAGE_DIR, env: baseEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let answered = false;
    // the CLI may exit before it reads the answer (`--help` prints the "prompt" and exits): writing
    // to its closed stdin then fails with EPIPE, which must not be an unhandled error; what it
    // printed decides the test
    child.stdin.on('error', () => {});
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!answered && output.includes(prompt)) {
        answered = true;
        child.stdin.write(answer);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      record(output);
      resolve({ code, signal, stdout: output, stderr: '' });
    });
  });
}
