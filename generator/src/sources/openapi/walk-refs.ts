import { isJsonObject, isRefObject } from './json.js';
import { escapePointerSegment } from './json-pointer.js';
import type { JsonValue, NodeAddress } from './types.js';

export interface RefSite {
  /** The `{ $ref }` object. */
  readonly address: NodeAddress;
  readonly ref: string;
}

/** Every `$ref` object in a raw tree, in document order (iterative: deep trees cannot overflow the stack). */
export function collectRefSites(root: JsonValue, file: string): RefSite[] {
  const sites: RefSite[] = [];
  const stack: { value: JsonValue; pointer: string }[] = [{ value: root, pointer: '' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, pointer } = item;
    if (isRefObject(value)) sites.push({ address: { file, pointer }, ref: value.$ref });
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
