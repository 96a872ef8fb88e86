/** The 33 Graph v1.0 modules of ../shared's corpus, unpacked once into a cache folder (never into the project). */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusDir } from './paths.js';

const extractScript = path.join(corpusDir, 'extract.sh');

export interface CorpusModule {
  readonly name: string;
  readonly openapi: string;
  readonly cmdlets: string;
}

/** The modules, or undefined (with the reason logged) when ../shared has no corpus. */
export function corpus33Modules(): readonly CorpusModule[] | undefined {
  if (!existsSync(extractScript)) {
    console.warn(`SKIPPED 33-module tests: ${extractScript} is absent (the corpus lives in ../shared beside the project).`);
    return undefined;
  }
  const cache = process.env['MGKIT_CORPUS_CACHE'] ?? path.join(os.tmpdir(), 'mgkit-corpus33');
  const root = execFileSync('bash', [extractScript, cache], { encoding: 'utf8' }).trim().split('\n').pop() ?? cache;
  return readdirSync(path.join(root, 'openapi'))
    .filter((file) => file.endsWith('.yml'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.yml'.length);
      return { name, openapi: path.join(root, 'openapi', file), cmdlets: path.join(root, 'cmdlets', name) };
    });
}
