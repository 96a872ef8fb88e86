/**
 * A module's schemas as a built binary of several modules stores them (`schemas.pack`, written by
 * scripts/bundle-runtime.mjs): a header line, `{"types": {name: group}, "groups": [[offset,
 * length]]}`, then the groups, each a deflated JSON object of a few dozen schemas that refer to
 * each other. Validating a body reads the groups of the types it meets, not the module's 400 KB
 * of schemas (5 to 10 ms of a call with a body).
 */
import { readFileSync } from 'node:fs';
import { inflateRaw } from './inflate.js';
import type { JsonSchema } from './definition.js';

interface SchemasHeader {
  readonly types: Readonly<Record<string, number>>;
  readonly groups: readonly (readonly [offset: number, length: number])[];
}

type Schemas = Readonly<Record<string, JsonSchema>>;

/** The schemas in `file` by name, each group inflated on the first lookup of one of its types. */
export function packedSchemas(file: URL): Schemas {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.subarray(0, headerEnd).toString('utf8')) as SchemasHeader;
  const loaded = new Map<number, Schemas>();
  const group = (index: number): Schemas => {
    let schemas = loaded.get(index);
    if (!schemas) {
      const [offset, length] = header.groups[index] ?? [0, 0];
      const start = headerEnd + 1 + offset;
      schemas = JSON.parse(inflateRaw(bytes.subarray(start, start + length)).toString('utf8')) as Schemas;
      loaded.set(index, schemas);
    }
    return schemas;
  };
  const has = (name: string | symbol): name is string => typeof name === 'string' && Object.hasOwn(header.types, name);
  const lookup = (name: string): JsonSchema | undefined => group(header.types[name] ?? -1)[name];
  // an object to the code that reads it (`defs[name]`), that inflates a group when a name is read
  return new Proxy({} as Schemas, {
    get: (_target, name) => (has(name) ? lookup(name) : undefined),
    has: (_target, name) => has(name),
    ownKeys: () => Object.keys(header.types),
    getOwnPropertyDescriptor: (_target, name) => (has(name) ? { value: lookup(name), enumerable: true, configurable: true, writable: false } : undefined),
  });
}
