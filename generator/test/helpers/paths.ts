import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const projectRoot = path.resolve(here, '../../..');
export const specsDir = path.join(projectRoot, 'specs');
export const configFile = path.join(specsDir, 'mgkit.config.yaml');
export const sharedDir = path.resolve(projectRoot, '../shared');
export const corpusDir = path.join(sharedDir, 'corpus/graph-powershell-2023');
export const corpusOpenApi = path.join(corpusDir, 'openapi/Applications.beta.yml');
export const corpusCmdlets = path.join(corpusDir, 'cmdlets/Applications');

/** True when ../shared/corpus is present; logs why the corpus tests are skipped otherwise. */
export function corpusAvailable(): boolean {
  const present = existsSync(corpusOpenApi) && existsSync(corpusCmdlets);
  if (!present) console.warn(`SKIPPED corpus tests: ${corpusDir} is absent (it lives in ../shared beside the project).`);
  return present;
}

/** A unit's selection that takes every operation and every cmdlet, joined by the usual rules. */
export const SELECT_EVERYTHING = {
  include: { paths: ['**'], cmdlets: ['*'] },
  exclude: { paths: [], cmdlets: [] },
  bindings: {},
  keepActionPrefixInUrl: true,
} as const;
