import { childOf } from './json.js';
import type { JsonValue } from './types.js';

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointerFromSegments(segments: readonly string[]): string {
  return segments.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}

/** `''` (the whole document) → `[]`; throws on a pointer not starting with `/` (callers check first). */
export function segmentsFromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON pointer: ${pointer}`);
  return pointer.slice(1).split('/').map(unescapePointerSegment);
}

export function appendPointer(pointer: string, ...segments: readonly (string | number)[]): string {
  return pointer + pointerFromSegments(segments.map(String));
}

export function parentPointer(pointer: string): { parent: string; last: string } | undefined {
  if (pointer === '') return undefined;
  const cut = pointer.lastIndexOf('/');
  return { parent: pointer.slice(0, cut), last: unescapePointerSegment(pointer.slice(cut + 1)) };
}

/** The node a pointer designates in a raw tree (refs are not followed), or undefined. */
export function evaluatePointer(root: JsonValue, pointer: string): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const segment of segmentsFromPointer(pointer)) {
    if (node === undefined) return undefined;
    node = childOf(node, segment);
  }
  return node;
}
