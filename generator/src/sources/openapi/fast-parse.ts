/**
 * The usual description, read by js-yaml: its loader builds the values straight from the parser's
 * events, where `yaml` builds a document of nodes first. Reading the 33 v1.0 modules' descriptions
 * took 6.6 s with `yaml` and 1.8 s this way. Positions, which only diagnostics ask for, come from
 * the parser's events on the first such question (`event-locator.ts`).
 *
 * This path is taken only where the two parsers give the same values and `yaml` has nothing to
 * warn about: the YAML 1.2 core schema (js-yaml's default, `yaml`'s too), no tags, anchors,
 * aliases or directives, and no flow collection closed at the start of a line (which `yaml`
 * warns about inside a block). Anything else, and any error, goes the `yaml` way
 * (`parse-file.ts`), which reports it with its position.
 */
import { CORE_SCHEMA, defineMappingTag, load } from 'js-yaml';
import { EventLocator } from './event-locator.js';
import type { SourceLocator } from './node-locator.js';
import type { JsonObject, JsonValue } from './types.js';

/** A tag (`!x`, `!!str`), a directive, or a flow collection's end where `yaml` would warn. */
const NEEDS_YAML_DOCUMENT = /(?:^|[\s[{,])!\S|^%|^[ \t]*[\]}]/m;
/** An anchor (`&x`): harmless alone, but `yaml` warns about some, and aliases need one. */
const MAY_HAVE_ANCHOR = /(?:^|[\s[{,])&[^\s[\]{},]/m;
/** Keys JavaScript objects list first, in numeric order, whatever order they were written in. */
const INTEGER_LIKE = /^(?:0|[1-9][0-9]*)$/;

interface MappingCarrier {
  readonly object: JsonObject;
  readonly keys: string[];
  integerLike: boolean;
}

/**
 * The value of `text`, or undefined when it must be read with `yaml` (see above). `json` says
 * whether the file was already checked as strict JSON: pretty-printed JSON closes its brackets at
 * the start of lines, where `yaml` warns only about a flow collection inside a block one.
 */
export function parseFast(text: string, json: boolean): { readonly value: JsonValue; readonly locator: SourceLocator } | undefined {
  if (!json && (NEEDS_YAML_DOCUMENT.test(text) || MAY_HAVE_ANCHOR.test(text))) return undefined;
  const writtenOrder = new WeakMap<JsonObject, readonly string[]>();
  try {
    const value = load(text, { schema: schemaRecording(writtenOrder), maxAliases: 0 }) as JsonValue | undefined;
    if (value === undefined) return undefined;
    return { value, locator: new LazyLocator(text, writtenOrder) };
  } catch {
    return undefined;
  }
}

/**
 * The core schema with mappings as plain objects, keyed as `yaml` keys them (`null` → `''`, a
 * scalar → its string), that remembers the written order of those with integer-like keys. A
 * collection as a key is left to `yaml`.
 */
function schemaRecording(writtenOrder: WeakMap<JsonObject, readonly string[]>) {
  const mapping = defineMappingTag<MappingCarrier, JsonObject>('tag:yaml.org,2002:map', {
    create: () => ({ object: {}, keys: [], integerLike: false }),
    addPair: (carrier, key, value) => {
      if (key !== null && typeof key === 'object') return 'a collection as a mapping key';
      const name = key === null ? '' : String(key);
      // `1` and `'1'`: one key here, two for `yaml` (which reports neither)
      if (Object.hasOwn(carrier.object, name)) return `the key '${name}' appears twice`;
      // `__proto__` as an own property, as `yaml` sets it, not the object's prototype
      if (name in carrier.object) Object.defineProperty(carrier.object, name, { value, writable: true, enumerable: true, configurable: true });
      else carrier.object[name] = value as JsonValue;
      carrier.keys.push(name);
      if (!carrier.integerLike && INTEGER_LIKE.test(name)) carrier.integerLike = true;
      return '';
    },
    has: (carrier, key) => Object.hasOwn(carrier.object, key === null ? '' : String(key)),
    keys: (result) => Object.keys(result),
    get: (result, key) => result[String(key)],
    finalize: (carrier) => {
      if (carrier.integerLike) writtenOrder.set(carrier.object, carrier.keys);
      return carrier.object;
    },
    identify: () => false,
  });
  return CORE_SCHEMA.withTags(mapping);
}

/** Key order from the parse; positions from the parser's events, read on the first question. */
class LazyLocator implements SourceLocator {
  readonly #text: string;
  readonly #writtenOrder: WeakMap<JsonObject, readonly string[]>;
  #positions: EventLocator | undefined;

  constructor(text: string, writtenOrder: WeakMap<JsonObject, readonly string[]>) {
    this.#text = text;
    this.#writtenOrder = writtenOrder;
  }

  locate(pointer: string) {
    this.#positions ??= new EventLocator(this.#text);
    return this.#positions.locate(pointer);
  }

  keysInOrder(_pointer: string, object: JsonObject): readonly string[] {
    return this.#writtenOrder.get(object) ?? Object.keys(object);
  }
}
