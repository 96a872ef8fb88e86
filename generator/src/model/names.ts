/** Name derivation shared by every target: done once, here. */

const GRAPH_PREFIX = 'microsoft.graph.';

export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function pascalCase(text: string): string {
  return splitWords(text)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** `acquire-access-token` from `acquireAccessToken`. */
export function kebabCase(text: string): string {
  return splitWords(text)
    .map((word) => word.toLowerCase())
    .join('-');
}

export function hasGraphPrefix(segment: string): boolean {
  return segment.startsWith(GRAPH_PREFIX);
}

export function dropGraphPrefix(segment: string): string {
  return hasGraphPrefix(segment) ? segment.slice(GRAPH_PREFIX.length) : segment;
}

/** Identifier-safe name for code: keep the first character a letter. */
function identifierSafe(name: string, fallback: string): string {
  if (!name) return fallback;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/**
 * Clean name of one path segment, as Kiota derives it:
 * `microsoft.graph.acquireAccessToken` → `acquireAccessToken`, `{application-id}` → `applicationId`,
 * `microsoft.graph.delta()` → `delta`, `applications(appId='{appId}')` → `applicationsWithAppId`,
 * `$value` → `content`, `$ref` → `ref`, `$count` → `count`.
 */
export function segmentName(raw: string): string {
  if (raw === '$value') return 'content';
  if (raw.startsWith('$')) return camelCase(raw.slice(1));
  if (raw.startsWith('{') && raw.endsWith('}')) return camelCase(raw.slice(1, -1));
  const open = raw.indexOf('(');
  const base = dropGraphPrefix(open >= 0 ? raw.slice(0, open) : raw);
  const baseName = camelCase(
    base
      .split('.')
      .map((part, index) => (index === 0 ? part : pascalCase(part)))
      .join(' '),
  );
  if (open < 0) return identifierSafe(baseName, 'segment');
  const argumentNames = [...raw.slice(open).matchAll(/([A-Za-z0-9_]+)\s*=/g)].map((match) => pascalCase(match[1] ?? ''));
  return identifierSafe(baseName + argumentNames.map((name) => `With${name}`).join(''), 'segment');
}

/** Type name from a component schema name: `microsoft.graph.ODataErrors.ODataError` → `ODataError`. */
export function typeNameFromSchemaName(schemaName: string): string {
  const last = schemaName.split('.').pop() ?? schemaName;
  return identifierSafe(pascalCase(last), 'Model');
}

/** Longer, namespace-qualified type name used when two schemas share their last segment. */
export function qualifiedTypeName(schemaName: string): string {
  return identifierSafe(pascalCase(dropGraphPrefix(schemaName).split('.').join(' ')), 'Model');
}

/** Property identifier: `@odata.type` → `odataType`, `displayName` kept. */
export function propertyName(wireName: string): string {
  const cleaned = camelCase(wireName.replace(/^@/, ''));
  return identifierSafe(cleaned, 'property');
}

/** Enum member identifier: `Oauth2AccessToken` kept, `none` → `None`, `sign-in` → `SignIn`. */
export function enumMemberName(value: string): string {
  return identifierSafe(pascalCase(value), 'Value');
}
