import { isJsonObject, isRefObject } from './json.js';
import { escapePointerSegment } from './json-pointer.js';
import type { JsonValue, NodeAddress } from './types.js';

export interface RefSite {
  /** The `{ $ref }` object, or for a discriminator mapping the object holding `discriminator`. */
  readonly address: NodeAddress;
  readonly ref: string;
  /** Where the reference is written, when it is not the `$ref` key of `address`: a mapping value. */
  readonly at?: string;
}

/** A discriminator mapping value as a reference: `#/components/schemas/x` as is, a bare `x` as that schema. */
export function mappingRef(value: string): string {
  return value.includes('#') || value.includes('/') ? value : `#/components/schemas/${value}`;
}

/** Every `$ref` object in a raw tree, in document order (iterative: deep trees cannot overflow the stack). */
export function collectRefSites(root: JsonValue, file: string): RefSite[] {
  const sites: RefSite[] = [];
  const stack: { value: JsonValue; pointer: string }[] = [{ value: root, pointer: '' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, pointer } = item;
    if (isRefObject(value)) sites.push({ address: { file, pointer }, ref: value.$ref });
    const mapping = isJsonObject(value) && isJsonObject(value['discriminator']) ? value['discriminator']['mapping'] : undefined;
    if (isJsonObject(mapping)) {
      for (const [name, target] of Object.entries(mapping)) {
        if (typeof target === 'string') sites.push({ address: { file, pointer }, ref: mappingRef(target), at: `${pointer}/discriminator/mapping/${escapePointerSegment(name)}` });
      }
    }
    const children: { value: JsonValue; pointer: string }[] = [];
    if (Array.isArray(value)) {
      value.forEach((child, index) => children.push({ value: child, pointer: `${pointer}/${index}` }));
    } else if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        children.push({ value: child, pointer: `${pointer}/${escapePointerSegment(key)}` });
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return sites;
}
