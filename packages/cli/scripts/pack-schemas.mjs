// A module's schemas as one file of groups (runtime/packed-schemas.ts reads it): scripts/bundle-runtime.mjs
// packs each module's schemas with this.
import { deflateRawSync } from 'node:zlib';

/** Uncompressed bytes per group of schemas: validating a small body inflates one or two. */
const SCHEMA_GROUP_BYTES = 16 * 1024;

/** The `$ref`s a schema holds, by type name, in the order they appear. */
function referencedTypes(schema) {
  return [...JSON.stringify(schema).matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)].map((match) => JSON.parse(`"${match[1]}"`));
}

/**
 * A module's schemas (runtime/packed-schemas.ts reads them): a header line naming each type's
 * group, then the groups, deflated. Types are laid out depth first along their `$ref`s, so that a
 * type and those it refers to tend to share a group.
 */
export function packSchemas(schemas) {
  const ordered = [];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || !Object.hasOwn(schemas, name)) return;
    seen.add(name);
    ordered.push(name);
    for (const referenced of referencedTypes(schemas[name])) visit(referenced);
  };
  for (const name of Object.keys(schemas).sort()) visit(name);
  const groups = [];
  let current = {};
  let currentBytes = 0;
  for (const name of ordered) {
    const bytes = JSON.stringify(schemas[name]).length;
    if (currentBytes > 0 && currentBytes + bytes > SCHEMA_GROUP_BYTES) {
      groups.push(current);
      current = {};
      currentBytes = 0;
    }
    current[name] = schemas[name];
    currentBytes += bytes;
  }
  if (currentBytes > 0) groups.push(current);
  const types = {};
  const places = [];
  const compressed = [];
  let offset = 0;
  groups.forEach((group, index) => {
    for (const name of Object.keys(group)) types[name] = index;
    const bytes = deflateRawSync(JSON.stringify(group), { level: 9 });
    places.push([offset, bytes.length]);
    compressed.push(bytes);
    offset += bytes.length;
  });
  return Buffer.concat([Buffer.from(`${JSON.stringify({ types, groups: places })}\n`), ...compressed]);
}
