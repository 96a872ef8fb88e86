/**
 * The client's surface, computed once per model and read by every target: the request-builder
 * tree with its builder, indexer and member names (escapes applied), and how code reaches each
 * operation. The client target prints it; the CLI calls through it; the docs show it. None of
 * them derives a name again.
 */
import type { ApiModel, OperationModel } from '../../../model/index.js';
import { allNodes, type BuilderNode, buildNavigationTree, memberAccess, type NavigationParameter } from './navigation-tree.js';

export type { BuilderNode, NavigationMember, NavigationParameter } from './navigation-tree.js';
export { allNodes, memberAccess, urlSegmentsOf } from './navigation-tree.js';

/** The client factory's type name, the root of the tree. */
export const CLIENT_NAME = 'GraphClient';

export interface ClientSurface {
  readonly root: BuilderNode;
  /** Every node, parents before children. */
  readonly nodes: readonly BuilderNode[];
  /** The node an operation lives on. */
  nodeOf(operation: OperationModel): BuilderNode | undefined;
  /** The nodes from the root's child down to the operation's node. */
  pathOf(operation: OperationModel): readonly BuilderNode[];
  /**
   * `client.applications.byApplicationId(<arg>).synchronization.acquireAccessToken`: the
   * expression that reaches the operation's builder, each path argument from `argument`.
   */
  expression(operation: OperationModel, argument: (parameter: NavigationParameter) => string, receiver?: string): string;
  /** The same for a builder: the expression that reaches `node`. */
  nodeExpression(node: BuilderNode, argument: (parameter: NavigationParameter) => string, receiver?: string): string;
  /** The builder `node` is a member of; undefined for the root. */
  parentOf(node: BuilderNode): BuilderNode | undefined;
}

const surfaces = new WeakMap<ApiModel, ClientSurface>();

export function clientSurface(model: ApiModel): ClientSurface {
  const known = surfaces.get(model);
  if (known) return known;
  const root = buildNavigationTree(model, CLIENT_NAME);
  const paths = new Map<OperationModel, BuilderNode[]>();
  const nodePaths = new Map<BuilderNode, BuilderNode[]>();
  const parents = new Map<BuilderNode, BuilderNode>();
  const walk = (node: BuilderNode, path: BuilderNode[]): void => {
    nodePaths.set(node, path);
    for (const operation of node.operations) paths.set(operation, path);
    for (const child of node.children) {
      parents.set(child, node);
      walk(child, [...path, child]);
    }
  };
  walk(root, []);
  const access = (path: readonly BuilderNode[], argument: (parameter: NavigationParameter) => string): string => path.map((node) => (node.member ? memberAccess(node.member, argument) : '')).join('');
  const surface: ClientSurface = {
    root,
    nodes: allNodes(root),
    nodeOf: (operation) => {
      const path = paths.get(operation);
      return path === undefined ? undefined : (path.at(-1) ?? root);
    },
    pathOf: (operation) => paths.get(operation) ?? [],
    expression: (operation, argument, receiver = 'client') => receiver + access(paths.get(operation) ?? [], argument),
    nodeExpression: (node, argument, receiver = 'client') => receiver + access(nodePaths.get(node) ?? [], argument),
    parentOf: (node) => parents.get(node),
  };
  surfaces.set(model, surface);
  return surface;
}
