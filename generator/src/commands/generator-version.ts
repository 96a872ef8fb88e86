import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** `@mgkit/generator@0.1.0`, recorded in the lock so a new generator regenerates. */
export function generatorVersion(): string {
  if (cached) return cached;
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  cached = `${manifest.name}@${manifest.version}`;
  return cached;
}
