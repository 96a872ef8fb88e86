/**
 * Inflating a packed command or schema group. zlib loads on the first call: `mgkit --help`
 * inflates nothing, and loading zlib (with the streams it pulls in) was about 5 ms of its start.
 */
import { createRequire } from 'node:module';

let zlib: typeof import('node:zlib') | undefined;

export function inflateRaw(bytes: Uint8Array): Buffer {
  zlib ??= createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib');
  return zlib.inflateRawSync(bytes);
}
