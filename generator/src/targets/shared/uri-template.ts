/**
 * RFC 6570 URI templates the way Kiota writes them: `{+baseurl}` followed by the request path,
 * every variable name percent-encoded so that it is a valid `varname`
 * (`application-id` → `application%2Did`, `$select` → `%24select`).
 */
import { compareOrdinal } from './compare.js';

/**
 * Kiota's `SanitizeParameterNameForUrlTemplate`: .NET's `Uri.EscapeDataString` (every character
 * but `A-Z a-z 0-9 - . _ ~` percent-encoded as UTF-8), then `-`, `.` and `~` encoded too, since
 * RFC 6570 does not allow them in variable names.
 */
export function templateVariableName(name: string): string {
  return encodeURIComponent(name)
    .replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/-/g, '%2D')
    .replace(/\./g, '%2E')
    .replace(/~/g, '%7E');
}

/** One path segment with its `{variables}` renamed: `{application-id}` → `{application%2Did}`. */
export function templatePathSegment(segment: string): string {
  return segment.replace(/\{([^}]+)\}/g, (_match, name: string) => `{${templateVariableName(name)}}`);
}

/** Variable names inside one path segment, in order: `x(a='{a-b}')` → `['a-b']`. */
export function segmentVariables(segment: string): string[] {
  return [...segment.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

export interface QueryTemplateParameter {
  readonly wireName: string;
  /** Form-style expansion of every array item (`{?tags*}`). */
  readonly explode: boolean;
}

/** `{+baseurl}/applications/{application%2Did}` for the URL segments of a request path. */
export function pathTemplate(urlSegments: readonly string[]): string {
  return `{+baseurl}${urlSegments.map((segment) => `/${templatePathSegment(segment)}`).join('')}`;
}

/** The order Kiota's query template puts parameters in, and so the order they go on the wire: by template name. */
export function compareQueryParameters(wireNameA: string, wireNameB: string): number {
  return compareOrdinal(templateVariableName(wireNameA), templateVariableName(wireNameB));
}

/** `{?%24expand,%24select}`, sorted like Kiota sorts them; empty without query parameters. */
export function queryTemplate(parameters: readonly QueryTemplateParameter[]): string {
  if (parameters.length === 0) return '';
  const names = parameters.map((parameter) => `${templateVariableName(parameter.wireName)}${parameter.explode ? '*' : ''}`).sort(compareOrdinal);
  return `{?${[...new Set(names)].join(',')}}`;
}
