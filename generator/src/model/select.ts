import picomatch from 'picomatch';
import type { SelectionConfig } from '../config/types.js';
import type { OpenApiOperation } from '../sources/openapi/index.js';

export interface PathPattern {
  readonly text: string;
  readonly method?: string;
  readonly matches: (path: string) => boolean;
}

/** `POST /a/*`, `/a/*#POST` (Kiota's form) or `/a/**`. */
export function parsePathPattern(text: string): PathPattern {
  const leading = /^([A-Za-z]+)\s+(\/.*)$/.exec(text.trim());
  const trailing = /^(\/.*)#([A-Za-z]+)$/.exec(text.trim());
  const glob = leading?.[2] ?? trailing?.[1] ?? text.trim();
  const method = (leading?.[1] ?? trailing?.[2])?.toLowerCase();
  // Graph writes keys in segments, `/applications(appId='{appId}')`: parentheses (and `|`, `+`)
  // are literal path characters here, never regex groups.
  const isMatch = picomatch(
    glob.replace(/[()|+]/g, (char) => `\\${char}`),
    { dot: true, nobrace: true, noextglob: true },
  );
  return { text, ...(method !== undefined && { method }), matches: isMatch };
}

function patternMatches(pattern: PathPattern, operation: OpenApiOperation): boolean {
  return (pattern.method === undefined || pattern.method === operation.method) && pattern.matches(operation.path);
}

export interface OperationSelection {
  readonly selected: OpenApiOperation[];
  /** Include patterns that matched no operation. */
  readonly unmatched: string[];
}

export function selectOperations(operations: readonly OpenApiOperation[], include: SelectionConfig, exclude: SelectionConfig): OperationSelection {
  const includes = include.paths.map(parsePathPattern);
  const excludes = exclude.paths.map(parsePathPattern);
  const used = new Set<PathPattern>();
  const selected = operations.filter((operation) => {
    const including = includes.filter((pattern) => patternMatches(pattern, operation));
    including.forEach((pattern) => used.add(pattern));
    return including.length > 0 && !excludes.some((pattern) => patternMatches(pattern, operation));
  });
  return { selected, unmatched: includes.filter((pattern) => !used.has(pattern)).map((pattern) => pattern.text) };
}

/** Cmdlet include patterns that match none of `names` (a typo selects nothing, silently otherwise). */
export function unmatchedCmdletPatterns(names: readonly string[], include: SelectionConfig): string[] {
  return include.cmdlets.filter((pattern) => {
    const matches = picomatch(pattern, { nocase: true, nobrace: true });
    return !names.some((name) => matches(name));
  });
}

export function selectCmdletNames(names: readonly string[], include: SelectionConfig, exclude: SelectionConfig): Set<string> {
  const options = { nocase: true, nobrace: true };
  const included = picomatch(include.cmdlets.length ? [...include.cmdlets] : ['*'], options);
  const excluded = exclude.cmdlets.length ? picomatch([...exclude.cmdlets], options) : () => false;
  return new Set(names.filter((name) => included(name) && !excluded(name)));
}
