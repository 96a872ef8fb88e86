import { isAlias, isMap, isNode, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { parentPointer } from './json-pointer.js';

export interface LinePosition {
  readonly line: number;
  readonly column: number;
}

/** Where things are in one parsed file. */
export interface SourceLocator {
  /** Position of the node at `pointer` (of its key, for a mapping member). */
  locate(pointer: string): LinePosition | undefined;
  /** Keys of `object`, the mapping at `pointer`, in source order (JS objects put integer-like keys first). */
  keysInOrder(pointer: string, object: object): readonly string[] | undefined;
}

/**
 * Maps JSON pointers to positions in one parsed YAML/JSON file. Lookups walk the yaml AST and
 * memoise every node they pass, so only the parts of a large file that are asked about are indexed.
 */
export class NodeLocator implements SourceLocator {
  readonly #document: Document.Parsed;
  readonly #lineCounter: LineCounter;
  readonly #nodes = new Map<string, Node | undefined>();
  readonly #mapKeys = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(document: Document.Parsed, lineCounter: LineCounter) {
    this.#document = document;
    this.#lineCounter = lineCounter;
  }

  /**
   * Position of the node at `pointer`: for a mapping member the position of its key (the line a
   * reader looks for), for a list item the item itself.
   */
  locate(pointer: string): LinePosition | undefined {
    const offset = this.#offsetOf(pointer);
    if (offset === undefined) return undefined;
    const { line, col } = this.#lineCounter.linePos(offset);
    return { line, column: col };
  }

  /** Keys of the mapping at `pointer` in source order (JS objects put integer-like keys first). */
  keysInOrder(pointer: string): readonly string[] | undefined {
    const node = this.#nodeAt(pointer);
    return isMap(node) ? node.items.map((pair) => keyText(pair.key)) : undefined;
  }

  #offsetOf(pointer: string): number | undefined {
    const split = parentPointer(pointer);
    if (!split) return this.#document.contents?.range[0];
    const parent = this.#nodeAt(split.parent);
    if (isMap(parent)) {
      const pair = this.#keyIndex(parent).get(split.last);
      const key = pair?.key;
      return isNode(key) ? key.range?.[0] : undefined;
    }
    return this.#nodeAt(pointer)?.range?.[0];
  }

  #nodeAt(pointer: string): Node | undefined {
    if (this.#nodes.has(pointer)) return this.#nodes.get(pointer);
    const node = this.#findNode(pointer);
    this.#nodes.set(pointer, node);
    return node;
  }

  #findNode(pointer: string): Node | undefined {
    const split = parentPointer(pointer);
    if (!split) return this.#dealias(this.#document.contents ?? undefined);
    const parent = this.#nodeAt(split.parent);
    if (isMap(parent)) return this.#dealias(this.#keyIndex(parent).get(split.last)?.value);
    if (isSeq(parent) && /^(0|[1-9][0-9]*)$/.test(split.last)) {
      return this.#dealias(parent.items[Number(split.last)]);
    }
    return undefined;
  }

  #keyIndex(map: YAMLMap): Map<string, Pair> {
    let index = this.#mapKeys.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const key = keyText(pair.key);
        if (!index.has(key)) index.set(key, pair);
      }
      this.#mapKeys.set(map, index);
    }
    return index;
  }

  #dealias(value: unknown): Node | undefined {
    if (isAlias(value)) return value.resolve(this.#document);
    return isNode(value) ? value : undefined;
  }
}

/** The key as `toJS` turns it into an object key. */
function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return String(key);
}
