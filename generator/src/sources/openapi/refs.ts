import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRefObject } from './json.js';
import { evaluatePointer, pointerFromSegments, segmentsFromPointer } from './json-pointer.js';
import type { SourceFiles } from './source-files.js';
import type { JsonValue, NodeAddress, ResolvedNode } from './types.js';

/** A `$ref` string taken apart: which file (as written, decoded) and which JSON pointer in it. */
export type ParsedRef =
  | { readonly kind: 'local-or-file'; readonly file?: string; readonly pointer: string }
  | { readonly kind: 'remote'; readonly url: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/** One hop from a `$ref` object to what it designates. */
export type RefHop =
  | { readonly kind: 'found'; readonly value: JsonValue; readonly address: NodeAddress }
  | { readonly kind: 'missing-target'; readonly target: NodeAddress }
  | { readonly kind: 'file-unavailable'; readonly file: string }
  | { readonly kind: 'remote'; readonly url: string }
  | { readonly kind: 'invalid'; readonly reason: string };

export type RefChain =
  | { readonly kind: 'resolved'; readonly value: JsonValue; readonly address: NodeAddress }
  /** `at` is the `$ref` object whose hop failed. */
  | { readonly kind: 'broken'; readonly at: NodeAddress; readonly ref: string; readonly hop: Exclude<RefHop, { kind: 'found' }> }
  /** The `$ref` objects of the loop, in the order they were followed. */
  | { readonly kind: 'cycle'; readonly loop: readonly NodeAddress[] };

export function parseRef(ref: string): ParsedRef {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart) && !/^[a-z]:[\\/]/i.test(filePart)) {
    if (!filePart.toLowerCase().startsWith('file:')) return { kind: 'remote', url: filePart };
  }
  try {
    const pointer = decodeURIComponent(fragment);
    if (pointer !== '' && !pointer.startsWith('/')) {
      return { kind: 'invalid', reason: `the fragment '#${fragment}' is not a JSON pointer (it must start with '#/')` };
    }
    if (/~(?![01])/.test(pointer)) {
      return { kind: 'invalid', reason: `'~' in '#${fragment}' must be escaped as '~0' ('/' as '~1')` };
    }
    const canonical = pointerFromSegments(segmentsFromPointer(pointer));
    if (filePart === '') return { kind: 'local-or-file', pointer: canonical };
    const file = filePart.toLowerCase().startsWith('file:') ? fileURLToPath(filePart) : decodeURIComponent(filePart);
    return { kind: 'local-or-file', file, pointer: canonical };
  } catch (error) {
    return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The file a ref designates, spelled relative to the referring file's directory like the entry was. */
export function refTargetFile(ref: ParsedRef & { kind: 'local-or-file' }, from: NodeAddress): string {
  if (ref.file === undefined) return from.file;
  return isAbsolute(ref.file) ? ref.file : join(dirname(from.file), ref.file);
}

export function followRefOnce(files: SourceFiles, ref: string, from: NodeAddress): RefHop {
  const parsed = parseRef(ref);
  if (parsed.kind !== 'local-or-file') return parsed;
  const target = files.get(refTargetFile(parsed, from));
  if (!target) return { kind: 'file-unavailable', file: refTargetFile(parsed, from) };
  const address = { file: target.path, pointer: parsed.pointer };
  const value = evaluatePointer(target.value, parsed.pointer);
  return value === undefined ? { kind: 'missing-target', target: address } : { kind: 'found', value, address };
}

/** Chains already followed, by the address of each `$ref` object on them (the files never change once loaded). */
const followedChains = new WeakMap<SourceFiles, Map<string, RefChain>>();

/**
 * Follows `node` through `$ref` objects until a non-ref node; `from` is where `node` sits.
 * Every `$ref` on the way remembers where its chain ends, so following all the refs of a
 * document stays linear in their number even when they form long chains (a → b → … → z).
 */
export function followRefChain(files: SourceFiles, node: JsonValue, from: NodeAddress): RefChain {
  let known = followedChains.get(files);
  if (!known) {
    known = new Map();
    followedChains.set(files, known);
  }
  const visited = new Set<string>();
  const followed: NodeAddress[] = [];
  let value = node;
  let address = from;
  let result: RefChain | undefined;
  while (isRefObject(value)) {
    const key = addressKey(address);
    result = known.get(key);
    if (result) break;
    if (visited.has(key)) {
      result = { kind: 'cycle', loop: followed.slice(followed.findIndex((a) => addressKey(a) === key)) };
      break;
    }
    visited.add(key);
    followed.push(address);
    const hop = followRefOnce(files, value.$ref, address);
    if (hop.kind !== 'found') {
      result = { kind: 'broken', at: address, ref: value.$ref, hop };
      break;
    }
    value = hop.value;
    address = hop.address;
  }
  result ??= { kind: 'resolved', value, address };
  for (const visitedKey of visited) known.set(visitedKey, result);
  return result;
}

export function addressKey(address: NodeAddress): string {
  return `${address.file}#${address.pointer}`;
}

/** `components/<kind>/<name>` → `<name>`. */
export function componentNameOf(address: NodeAddress): string | undefined {
  const segments = segmentsFromPointer(address.pointer);
  return segments.length === 3 && segments[0] === 'components' ? segments[2] : undefined;
}

/**
 * `OpenApiDocument.resolve`: all refs were validated at load, so a failure here means the caller
 * passed a node that did not come from this document (or the wrong `from`) — a programming error.
 */
export function createResolver(files: SourceFiles) {
  return function resolve<T extends JsonValue = JsonValue>(node: JsonValue, from: NodeAddress): ResolvedNode<T> {
    const chain = followRefChain(files, node, from);
    if (chain.kind === 'cycle') throw new Error(`$ref cycle through ${chain.loop.map(addressKey).join(' → ')}`);
    if (chain.kind === 'broken') throw new Error(`Unresolvable $ref '${chain.ref}' at ${addressKey(chain.at)} (${chain.hop.kind})`);
    const componentName = componentNameOf(chain.address);
    const resolved = { value: chain.value as T, address: chain.address };
    return componentName === undefined ? resolved : { ...resolved, componentName };
  };
}
