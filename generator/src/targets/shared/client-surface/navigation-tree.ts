/**
 * The request-builder tree: one node per URL path prefix of the selected operations, the way
 * Kiota lays out its fluent API (`client.applications.byApplicationId(id).synchronization…`).
 * Pure data, computed once from the model; the emitters only read it.
 */
import type { ApiModel, OperationModel, ParameterModel, PathSegmentModel } from '../../../model/index.js';
import { compareOrdinal, singularize, upperFirst } from './identifiers.js';
import { segmentVariables } from '../uri-template.js';

/** A path parameter a navigation member takes: `byApplicationId(applicationId)`. */
export interface NavigationParameter {
  /** camelCase argument name: `applicationId`. */
  readonly name: string;
  /** As in the description: `application-id`. */
  readonly wireName: string;
  readonly description?: string;
}

/** How the parent reaches a node. */
export type NavigationMember =
  /** `get synchronization(): SynchronizationRequestBuilder` */
  | { readonly kind: 'property'; readonly name: string }
  /** `byApplicationId(applicationId: string): ApplicationItemRequestBuilder` */
  | { readonly kind: 'indexer'; readonly name: string; readonly parameters: readonly NavigationParameter[] }
  /** `applicationsWithAppId(appId: string)` for a segment with keys inside (`applications(appId='{appId}')`). */
  | { readonly kind: 'method'; readonly name: string; readonly parameters: readonly NavigationParameter[] };

export interface BuilderNode {
  /** Folder relative to the output root, POSIX separators; `''` for the root. */
  readonly dir: string;
  /** `AcquireAccessTokenRequestBuilder`; the client's name for the root. */
  readonly builderName: string;
  /** URL segments from the root, as the client sends them (the config's action-prefix switch applied). */
  readonly urlSegments: readonly string[];
  /** The description's path of this node, for documentation: `/applications/{application-id}`. */
  readonly displayPath: string;
  /** The parent's `displayPath`; absent for the root. */
  readonly parentDisplayPath?: string;
  /** The model segment this node stands for; absent for the root. */
  readonly segment?: PathSegmentModel;
  /** Absent for the root. */
  readonly member?: NavigationMember;
  /** Sorted by member name. */
  readonly children: readonly BuilderNode[];
  /** Operations on exactly this path, sorted by method. */
  readonly operations: readonly OperationModel[];
}

interface DraftNode {
  dir: string;
  builderName: string;
  urlSegments: string[];
  displayPath: string;
  parentDisplayPath?: string;
  segment?: PathSegmentModel;
  member?: NavigationMember;
  children: Map<string, DraftNode>;
  operations: OperationModel[];
}

/** URL segments of an operation as sent: its `requestPath` (which honours the action-prefix switch). */
export function urlSegmentsOf(operation: OperationModel): string[] {
  const sent = operation.requestPath.split('/').filter(Boolean);
  if (sent.length === operation.segments.length) return sent;
  return operation.segments.map((segment) => segment.raw);
}

function navigationParameters(operation: OperationModel, wireNames: readonly string[]): NavigationParameter[] {
  return wireNames.map((wireName) => {
    const declared: ParameterModel | undefined = operation.pathParameters.find((parameter) => parameter.wireName === wireName);
    const name = declared?.name ?? wireName.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ?? '').toUpperCase());
    return {
      name,
      wireName,
      ...(declared?.description !== undefined && { description: declared.description }),
    };
  });
}

/**
 * Type names every request builder module imports from the Kiota runtime: a builder named like
 * one (a `base` segment → `BaseRequestBuilder`) would clash with it, so it takes Kiota's
 * `Escaped` suffix before `RequestBuilder`.
 */
const KIOTA_RUNTIME_TYPES: ReadonlySet<string> = new Set([
  'BaseRequestBuilder',
  'RequestConfiguration',
  'RequestInformation',
  'RequestsMetadata',
  'NavigationMetadata',
  'KeysToExcludeForNavigationMetadata',
  'RequestAdapter',
  'Parsable',
  'ParseNode',
  'SerializationWriter',
]);

function builderNameFor(base: string): string {
  const name = `${base}RequestBuilder`;
  return KIOTA_RUNTIME_TYPES.has(name) ? `${base}EscapedRequestBuilder` : name;
}

function childFor(parent: DraftNode, segment: PathSegmentModel, urlSegment: string, operation: OperationModel): DraftNode {
  const variables = segmentVariables(urlSegment);
  const isIndexer = segment.kind === 'parameter';
  const parentName = parent.segment?.name ?? '';
  const builderBase = isIndexer ? `${upperFirst(singularize(parentName))}Item` : upperFirst(segment.name);
  const parameters = navigationParameters(operation, variables);
  const member: NavigationMember = isIndexer
    ? { kind: 'indexer', name: `by${upperFirst(segment.name)}`, parameters }
    : variables.length > 0
      ? { kind: 'method', name: segment.name, parameters }
      : { kind: 'property', name: segment.name };
  const folder = isIndexer ? 'item' : segment.name;
  return {
    dir: parent.dir ? `${parent.dir}/${folder}` : folder,
    builderName: builderNameFor(builderBase),
    urlSegments: [...parent.urlSegments, urlSegment],
    displayPath: `${parent.displayPath}/${segment.raw}`,
    parentDisplayPath: parent.displayPath || '/',
    segment,
    member,
    children: new Map(),
    operations: [],
  };
}

/**
 * Two segments can clean up to the same name (`manager` and `microsoft.graph.manager`), and a
 * child can be named like its parent (`…/synchronization/synchronization`): number the later one
 * so that members, folders and the names a module imports stay distinct.
 */
function withUniqueNames(child: DraftNode, parent: DraftNode): DraftNode {
  const siblings = [...parent.children.values()];
  const taken = (memberName: string, builderName: string, folder: string) =>
    builderName === parent.builderName || siblings.some((sibling) => sibling.member?.name === memberName || sibling.builderName === builderName || sibling.dir === folder);
  const member = child.member;
  if (!member || !taken(member.name, child.builderName, child.dir)) return child;
  for (let counter = 2; ; counter += 1) {
    const builderName = child.builderName.replace(/RequestBuilder$/, `${counter}RequestBuilder`);
    const memberName = `${member.name}${counter}`;
    const dir = `${child.dir}${counter}`;
    if (!taken(memberName, builderName, dir)) return { ...child, builderName, dir, member: { ...member, name: memberName } };
  }
}

function freeze(node: DraftNode): BuilderNode {
  const children = [...node.children.values()].map(freeze).sort((a, b) => compareOrdinal(a.member?.name ?? '', b.member?.name ?? ''));
  const operations = [...node.operations].sort((a, b) => compareOrdinal(a.method, b.method));
  return {
    dir: node.dir,
    builderName: node.builderName,
    urlSegments: node.urlSegments,
    displayPath: node.displayPath || '/',
    ...(node.parentDisplayPath !== undefined && { parentDisplayPath: node.parentDisplayPath }),
    ...(node.segment && { segment: node.segment }),
    ...(node.member && { member: node.member }),
    children,
    operations,
  };
}

/** The tree of request builders for the model's operations; `rootName` names the client. */
export function buildNavigationTree(model: ApiModel, rootName: string): BuilderNode {
  const root: DraftNode = { dir: '', builderName: rootName, urlSegments: [], displayPath: '', children: new Map(), operations: [] };
  for (const operation of model.operations) {
    const urlSegments = urlSegmentsOf(operation);
    let node = root;
    operation.segments.forEach((segment, index) => {
      const urlSegment = urlSegments[index] ?? segment.raw;
      let child = node.children.get(urlSegment);
      if (!child) {
        child = withUniqueNames(childFor(node, segment, urlSegment, operation), node);
        node.children.set(urlSegment, child);
      }
      node = child;
    });
    node.operations.push(operation);
  }
  return freeze(root);
}

/** How a member is reached in code: `.name`, or `.name(arg, …)` with each argument from `argument`. */
export function memberAccess(member: NavigationMember, argument: (parameter: NavigationParameter) => string): string {
  return member.kind === 'property' ? `.${member.name}` : `.${member.name}(${member.parameters.map(argument).join(', ')})`;
}

/** Every node of the tree, parents before children, siblings in member order. */
export function allNodes(root: BuilderNode): BuilderNode[] {
  return [root, ...root.children.flatMap(allNodes)];
}
