/** Names and page paths of the docs target. Every page path is relative to the reference folder. */
import type { CommandModel, OperationModel, TypeModel } from '../../model/index.js';
import type { BuilderNode } from '../shared/client-surface/index.js';

/**
 * `SynchronizationRequestBuilder (servicePrincipals/item/synchronization)`: builder names repeat
 * across paths, so titles, the sidebar and links carry the folder too.
 */
export function clientNodeLabel(node: BuilderNode): string {
  return node.dir ? `${node.builderName} (${node.dir})` : node.builderName;
}

export function upperFirst(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}

/** `acquireAccessToken` → `acquire-access-token`, `ApplicationId` → `application-id`, `OAuth2Grant` → `o-auth2-grant`. */
export function kebab(value: string): string {
  let kebabbed = kebabCache.get(value);
  if (kebabbed === undefined) {
    kebabbed = value
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
    kebabCache.set(value, kebabbed);
  }
  return kebabbed;
}

/** The same few thousand names are kebab-cased for every page that links them. */
const kebabCache = new Map<string, string>();

/** `applicationId` → `ApplicationId`; `application-id` → `ApplicationId`. */
export function pascal(value: string): string {
  return value
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(upperFirst)
    .join('');
}

export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `applications.synchronization.acquireAccessToken.post` → `applications-synchronization-acquire-access-token-post`. */
export function operationSlug(operation: OperationModel): string {
  return operation.key.split('.').map(kebab).join('-');
}

export const pagePaths = {
  index: 'index.md',
  operation: (operation: OperationModel) => `operations/${operationSlug(operation)}.md`,
  cmdlet: (command: CommandModel) => `cmdlets/${command.name}.md`,
  cliCommand: (file: string) => `cli/${file}.md`,
  clientIndex: 'client/index.md',
  clientBuilder: (dir: string) => `client/${dir.split('/').map(kebab).join('-')}.md`,
  model: (type: TypeModel | string) => `models/${kebab(typeof type === 'string' ? type : type.name)}.md`,
} as const;

/** Relative link from one page to another (both relative to the reference folder). */
export function relativeLink(from: string, to: string): string {
  // pages one folder deep (`operations/x.md` → `models/y.md`), nearly every link: no splitting
  const fromSlash = from.indexOf('/');
  const toSlash = to.indexOf('/');
  if (fromSlash > 0 && toSlash > 0 && from.indexOf('/', fromSlash + 1) < 0 && to.indexOf('/', toSlash + 1) < 0) {
    return from.slice(0, fromSlash) === to.slice(0, toSlash) ? `./${to.slice(toSlash + 1)}` : `../${to}`;
  }
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common += 1;
  const up = fromParts.slice(common).map(() => '..');
  const rest = toParts.slice(common);
  const joined = [...up, ...rest].join('/');
  return up.length === 0 ? `./${joined}` : joined;
}

/** Site route of a page (for the sidebar): `/reference/operations/x`. */
export function route(referenceRoute: string, page: string): string {
  const withoutExtension = page.replace(/\.md$/, '');
  return `${referenceRoute}/${withoutExtension.replace(/(^|\/)index$/, '$1')}`;
}

/** `acquireAccessToken (applications, POST)`; a path ending in a key reads `applications item (GET)`. */
export function operationTitle(operation: OperationModel): string {
  const named = operation.segments.filter((segment) => segment.kind !== 'parameter');
  const name = named[named.length - 1]?.name ?? operation.key;
  const subject = operation.segments[operation.segments.length - 1]?.kind === 'parameter' ? `${name} item` : name;
  const root = operation.segments[0]?.name;
  return root && root !== name ? `${subject} (${root}, ${operation.method})` : `${subject} (${operation.method})`;
}
