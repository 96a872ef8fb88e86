/**
 * Whole runs through turbo: the scratch project (bench/whole-graph/scratch.mjs) declares one
 * turbo task per module, with that module's description and help as inputs and its outputs and
 * lock as outputs. Run on two corpus modules: both generate, a second run is FULL TURBO, and
 * editing one module's description misses the cache for that module alone.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus33Modules } from './helpers/corpus33.js';
import { projectRoot } from './helpers/paths.js';

const MODULES = ['Compliance', 'WindowsUpdates'];
const modules = corpus33Modules();
const available = modules !== undefined;
let dest = '';

interface ScratchModule {
  writeScratchProject(dest: string, root: string, modules: readonly string[], options?: { copied?: readonly string[] }): string;
}

function turbo(): string {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !name.startsWith('TURBO_')) env[name] = value;
  return execFileSync(path.join(projectRoot, 'node_modules/.bin/turbo'), ['run', ...MODULES.map((module) => `generate:${module.toLowerCase()}`), '--no-color'], {
    cwd: dest,
    env: { ...env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  if (!available) return;
  const scratch = (await import(/* @vite-ignore */ path.join(projectRoot, 'bench/whole-graph/scratch.mjs'))) as ScratchModule;
  // the corpus folder the helper unpacked: <root>/openapi/<Module>.yml
  const root = path.dirname(path.dirname(modules?.[0]?.openapi ?? ''));
  dest = mkdtempSync(path.join(os.tmpdir(), 'mgkit-turbo-units-'));
  scratch.writeScratchProject(dest, root, MODULES, { copied: ['Compliance'] });
}, 300_000);

afterAll(() => {
  if (dest) rmSync(dest, { recursive: true, force: true });
});

describe.skipIf(!available)('the whole-Graph scratch project: one cached turbo task per module', () => {
  it('generates each module as its own task; a second run is FULL TURBO; one edited module misses alone', () => {
    const first = turbo();
    expect(first).toMatch(/Tasks: +2 successful, 2 total/);
    for (const unit of ['compliance', 'windowsupdates']) {
      expect(existsSync(path.join(dest, 'locks', `${unit}.json`))).toBe(true);
      expect(existsSync(path.join(dest, 'out', unit, 'client', 'index.ts'))).toBe(true);
    }
    expect(turbo()).toContain('FULL TURBO');
    appendFileSync(path.join(dest, 'corpus/openapi/Compliance.yml'), '\n# an edit\n');
    const edited = turbo();
    expect(edited).toMatch(/Cached: +1 cached, 2 total/);
    expect(edited).toMatch(/generate:compliance: cache miss, executing/);
    expect(edited).toMatch(/generate:windowsupdates: cache hit/);
  }, 300_000);
});
