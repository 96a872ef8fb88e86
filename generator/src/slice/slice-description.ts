import { isMap, isPair, isScalar, parseDocument, visit, type Document } from 'yaml';
import { parsePathPattern, type PathPattern } from '../model/select.js';
import { HTTP_METHODS, mappingRef, unescapePointerSegment } from '../sources/openapi/index.js';

export interface SliceOptions {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export interface SliceResult {
  readonly text: string;
  readonly paths: number;
  readonly operations: number;
  /** `schemas/microsoft.graph.application`, … */
  readonly components: readonly string[];
  /** Refs to other files, kept as they are (the slice does not follow them). */
  readonly externalRefs: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const matches = (patterns: readonly PathPattern[], method: string, path: string) => patterns.some((pattern) => (pattern.method === undefined || pattern.method === method) && pattern.matches(path));

/**
 * Cut a description down to the matching paths (and methods) and every component they reach,
 * transitively. Works on the YAML document itself, so what is kept stays verbatim.
 */
export function sliceDescription(text: string, options: SliceOptions): SliceResult {
  const document = parseDocument(text, { keepSourceTokens: false });
  if (document.errors.length > 0) throw new Error(document.errors[0]?.message ?? 'invalid YAML');
  const includes = options.include.map(parsePathPattern);
  const excludes = options.exclude.map(parsePathPattern);
  const root = document.toJS({ maxAliasCount: -1 }) as { [key: string]: Json };
  const paths = (root['paths'] ?? {}) as { [path: string]: { [key: string]: Json } };

  let keptPaths = 0;
  let keptOperations = 0;
  for (const [path, item] of Object.entries(paths)) {
    const methods = HTTP_METHODS.filter((method) => item[method] !== undefined);
    const kept = methods.filter((method) => matches(includes, method, path) && !matches(excludes, method, path));
    if (kept.length === 0) {
      document.deleteIn(['paths', path]);
      delete paths[path];
      continue;
    }
    for (const method of methods.filter((m) => !kept.includes(m))) {
      document.deleteIn(['paths', path, method]);
      delete item[method];
    }
    keptPaths += 1;
    keptOperations += kept.length;
  }

  const reached = reachableComponents(root, paths);
  const components = (root['components'] ?? {}) as { [kind: string]: { [name: string]: Json } };
  for (const [kind, entries] of Object.entries(components)) {
    if (kind === 'securitySchemes') continue;
    for (const name of Object.keys(entries ?? {})) {
      if (!reached.local.has(`${kind}/${name}`)) document.deleteIn(['components', kind, name]);
    }
    const remaining = document.getIn(['components', kind]);
    if (isMap(remaining) && remaining.items.length === 0) document.deleteIn(['components', kind]);
  }
  dropDanglingMappings(document, reached.local);
  dropUnusedTags(document, paths);
  return {
    text: document.toString({ lineWidth: 0 }),
    paths: keptPaths,
    operations: keptOperations,
    components: [...reached.local].sort(),
    externalRefs: [...reached.external].sort(),
  };
}

/** Components reached from the kept paths: `$ref: '#/components/<kind>/<name>'`, followed transitively. */
export function reachableComponents(root: { [key: string]: Json }, paths: Json): { local: Set<string>; external: Set<string> } {
  const local = new Set<string>();
  const external = new Set<string>();
  const components = (root['components'] ?? {}) as { [kind: string]: { [name: string]: Json } };
  const queue: Json[] = [paths];
  while (queue.length > 0) {
    const node = queue.pop();
    if (Array.isArray(node)) {
      queue.push(...node);
    } else if (node && typeof node === 'object') {
      const ref = node['$ref'];
      if (typeof ref === 'string') {
        const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
        if (match) {
          const key = `${match[1]}/${decodePointer(match[2] ?? '')}`;
          if (!local.has(key)) {
            local.add(key);
            const target = components[match[1] ?? '']?.[decodePointer(match[2] ?? '')];
            if (target !== undefined) queue.push(target);
          }
        } else if (!ref.startsWith('#')) {
          external.add(ref);
        }
      }
      for (const [key, value] of Object.entries(node)) if (key !== '$ref') queue.push(value);
    }
  }
  return { local, external };
}

/**
 * A discriminator mapping may name every derived type (Graph's `entity` names a thousand); the
 * slice keeps the entries whose schema it kept and drops the others, so the result stays valid
 * and small. Derived types the kept paths reach are kept, and so are their entries.
 */
function dropDanglingMappings(document: Document, kept: ReadonlySet<string>): void {
  visit(document, {
    Pair(_, pair, ancestors) {
      const owner = ancestors.at(-2);
      const grandOwner = ancestors.at(-4);
      if (!isPair(owner) || !isScalar(owner.key) || owner.key.value !== 'mapping') return undefined;
      if (!isPair(grandOwner) || !isScalar(grandOwner.key) || grandOwner.key.value !== 'discriminator') return undefined;
      const target = isScalar(pair.value) && typeof pair.value.value === 'string' ? mappingRef(pair.value.value) : undefined;
      const match = target ? /^#\/components\/([^/]+)\/(.+)$/.exec(target) : null;
      if (match && !kept.has(`${match[1]}/${decodePointer(match[2] ?? '')}`)) return visit.REMOVE;
      return undefined;
    },
  });
  // a mapping left empty says nothing
  visit(document, {
    Pair(_, pair, ancestors) {
      const owner = ancestors.at(-2);
      const inDiscriminator = isPair(owner) && isScalar(owner.key) && owner.key.value === 'discriminator';
      return inDiscriminator && isScalar(pair.key) && pair.key.value === 'mapping' && isMap(pair.value) && pair.value.items.length === 0 ? visit.REMOVE : undefined;
    },
  });
}

function decodePointer(segment: string): string {
  return unescapePointerSegment(decodeURIComponent(segment));
}

/** Keep only the top-level tags some kept operation uses. */
function dropUnusedTags(document: Document, paths: { [path: string]: { [key: string]: Json } }): void {
  const used = new Set<string>();
  for (const item of Object.values(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation && typeof operation === 'object' && !Array.isArray(operation) && Array.isArray(operation['tags'])) {
        operation['tags'].forEach((tag) => used.add(String(tag)));
      }
    }
  }
  const tags = document.get('tags');
  if (!tags || typeof tags !== 'object' || !('items' in tags) || !Array.isArray(tags.items)) return;
  tags.items = tags.items.filter((tag: unknown) => {
    if (!isMap(tag)) return true;
    const name = tag.get('name');
    return isScalar(name) ? used.has(String(name.value)) : used.has(String(name));
  });
}
