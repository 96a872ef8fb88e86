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

/** A query parameter as an operation's requests metadata needs it. */
interface QueryParameterLike {
  /** The symbol name users write: `select`. */
  readonly name: string;
  /** The wire name: `$select`. */
  readonly wireName: string;
  readonly explode: boolean;
  readonly type: { readonly kind: string };
}

/** `{+baseurl}/drives/{drive%2Did}{?%24expand,%24select}`: an operation's URI template, its path and its own query parameters. */
export function operationUriTemplate(urlSegments: readonly string[], queryParameters: readonly QueryParameterLike[]): string {
  return pathTemplate(urlSegments) + queryTemplate(queryParameters.map(queryTemplateParameter));
}

/** Kiota marks a query parameter exploded (`{?tags*}`) only when it is an array. */
function queryTemplateParameter(parameter: QueryParameterLike): QueryTemplateParameter {
  return { wireName: parameter.wireName, explode: parameter.explode && parameter.type.kind === 'collection' };
}

/**
 * The query parameters whose symbol name differs from their template name (`select` →
 * `%24select`), as Kiota's `…QueryParametersMapper` holds them; empty when none differs.
 */
export function queryNameMapping(queryParameters: readonly QueryParameterLike[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const parameter of queryParameters) {
    const templateName = templateVariableName(parameter.wireName);
    if (templateName !== parameter.name) mapping[parameter.name] = templateName;
  }
  return mapping;
}

/** The Accept header an operation's request carries: its response's content type, or JSON when its errors come as JSON. */
export function acceptedContentType(operation: { readonly success: { readonly contentType?: string }; readonly errors: readonly unknown[] }): string | undefined {
  return operation.success.contentType ?? (operation.errors.length > 0 ? 'application/json' : undefined);
}
