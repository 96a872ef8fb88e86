/**
 * Past one machine: turbo's cache shared through a self-hosted remote cache, the
 * `turborepo-remote-cache` server from npm, on 127.0.0.1. One clone builds and uploads; a second
 * clone with an empty local cache replays everything from the remote (FULL TURBO) and gets the
 * outputs; a clone that may only read (`TURBO_CACHE=local:rw,remote:r`, as pull requests run)
 * uploads nothing.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/paths.js';

const serverCli = path.join(projectRoot, 'node_modules/turborepo-remote-cache/dist/cli.js');
const isGitCheckout = existsSync(path.join(projectRoot, '.git'));
const TOKEN = 'mgkit-remote-cache-test-token';
const TEAM = 'mgkit';
/** A real build of two workspaces: the CLI contract and, on it, the generator. */
const BUILD = ['turbo', 'run', 'build', '--filter=@mgkit/generator', '--output-logs=new-only'];
/** The pull request's build: the contract alone (what its change touches first). */
const CONTRACT_BUILD = ['turbo', 'run', 'build', '--filter=@mgkit/cli-contract', '--output-logs=new-only'];

let work = '';
let storage = '';
let server: ChildProcess | undefined;
let api = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      const response = await fetch(`${url}/v8/artifacts/status`, { headers: { authorization: `Bearer ${TOKEN}` } });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`turborepo-remote-cache did not answer on ${url}`);
}

/** A fresh clone of this repository's HEAD, with the installed dependencies and no local turbo cache. */
function clone(name: string): string {
  const dir = path.join(work, name);
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', projectRoot, dir]);
  // the root's and each workspace's own (npm nests a dependency whose version the root cannot hold)
  for (const folder of ['.', 'generator', 'docs', ...readdirSync(path.join(projectRoot, 'packages')).map((name) => `packages/${name}`)]) {
    const installed = path.join(projectRoot, folder, 'node_modules');
    if (existsSync(installed) && existsSync(path.join(dir, folder))) symlinkSync(installed, path.join(dir, folder, 'node_modules'), 'dir');
  }
  return dir;
}

/** Runs turbo in a clone against the remote cache; the parent turbo's own variables are not passed on. */
function turbo(dir: string, extraEnv: Record<string, string> = {}, task: readonly string[] = BUILD): { status: number; output: string } {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !name.startsWith('TURBO_')) env[name] = value;
  Object.assign(env, { TURBO_API: api, TURBO_TOKEN: TOKEN, TURBO_TEAM: TEAM, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', ...extraEnv });
  try {
    const output = execFileSync('npx', [...task, '--no-color'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failed.status ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

function storedArtifacts(): string[] {
  if (!existsSync(storage)) return [];
  return readdirSync(storage, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

const runnable = isGitCheckout && existsSync(serverCli);
if (!runnable) console.warn(`SKIPPED remote cache test: ${isGitCheckout ? `${serverCli} is not installed (npm ci installs it)` : 'the project is not a git checkout'}`);

beforeAll(async () => {
  if (!runnable) return;
  work = mkdtempSync(path.join(os.tmpdir(), 'mgkit-remote-cache-'));
  storage = path.join(work, 'storage');
  const port = await freePort();
  api = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [serverCli], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: storage,
      STORAGE_PATH_USE_TMP_FOLDER: 'false',
      TURBO_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
      ENABLE_STATUS_LOG: 'false',
    },
    stdio: 'ignore',
  });
  await waitForServer(api);
}, 300_000);

afterAll(() => {
  server?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!runnable)('turbo remote cache through a self-hosted turborepo-remote-cache on 127.0.0.1', () => {
  it('one clone builds and uploads; a second clone with an empty local cache gets FULL TURBO from the remote', () => {
    const first = clone('first');
    const built = turbo(first);
    expect(built.output).not.toContain('FULL TURBO');
    expect(built.status, built.output).toBe(0);
    expect(storedArtifacts().length).toBeGreaterThanOrEqual(2);

    const second = clone('second');
    expect(existsSync(path.join(second, '.turbo/cache'))).toBe(false);
    expect(existsSync(path.join(second, 'generator/dist'))).toBe(false);
    const replayed = turbo(second);
    expect(replayed.status, replayed.output).toBe(0);
    expect(replayed.output).toContain('FULL TURBO');
    expect(replayed.output).toMatch(/Cached: +2 cached, 2 total/);
    expect(replayed.output).toMatch(/@mgkit\/generator:build: cache hit/);
    // the outputs come back with the hit: the built generator is there without a compiler run
    expect(existsSync(path.join(second, 'generator/dist/cli.js'))).toBe(true);
    expect(existsSync(path.join(second, 'packages/cli-contract/dist/index.js'))).toBe(true);
  }, 300_000);

  it('a read-only client (TURBO_CACHE=local:rw,remote:r, as pull requests run) builds a change and uploads nothing', () => {
    const before = storedArtifacts();
    const reader = clone('pull-request');
    appendFileSync(path.join(reader, 'packages/cli-contract/src/index.ts'), '\n// a pull request changes the contract\n');
    const result = turbo(reader, { TURBO_CACHE: 'local:rw,remote:r' }, CONTRACT_BUILD);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/cache miss, executing/);
    expect(storedArtifacts()).toEqual(before);
  }, 300_000);
});
