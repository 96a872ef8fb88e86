/**
 * The client's request builders as the docs describe them: one node per URL path prefix of the
 * selected operations, named the way Kiota names them (`ApplicationItemRequestBuilder`,
 * reached by `byApplicationId(applicationId)`).
 */
import type { ApiModel, OperationModel, PathSegmentModel } from '../../model/index.js';
import { compareOrdinal, upperFirst } from './names.js';

export interface ClientNode {
  /** Kiota folder from the root, `''` for the client itself: `applications/item/synchronization`. */
  readonly dir: string;
  /** `SynchronizationRequestBuilder`; `GraphClient` for the root. */
  readonly builderName: string;
  /** `client.applications.byApplicationId(applicationId).synchronization`. */
  readonly expression: string;
  /** The description's path of this node: `/applications/{application-id}/synchronization`. */
  readonly path: string;
  /** How the parent reaches it: `applications`, `byApplicationId(applicationId: string)`. */
  readonly member?: string;
  readonly segment?: PathSegmentModel;
  readonly children: ClientNode[];
  readonly operations: OperationModel[];
}

/**
 * `SynchronizationRequestBuilder (servicePrincipals/item/synchronization)`: builder names repeat
 * across paths, so titles, the sidebar and links carry the folder too.
 */
export function clientNodeLabel(node: ClientNode): string {
  return node.dir ? `${node.builderName} (${node.dir})` : node.builderName;
}

/** `applications` → `application`: Kiota names an item builder after the singular collection. */
function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (name.endsWith('sses')) return name.slice(0, -2);
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

/** All nodes, parents before children, siblings sorted by member. */
export function buildClientTree(model: ApiModel): ClientNode[] {
  const root: ClientNode = { dir: '', builderName: 'GraphClient', expression: 'client', path: '', children: [], operations: [] };
  const byDir = new Map<string, ClientNode>([['', root]]);
  for (const operation of model.operations) {
    let parent = root;
    let previous: PathSegmentModel | undefined;
    for (const segment of operation.segments) {
      const dirPart = segment.kind === 'parameter' ? 'item' : segment.name;
      const dir = parent.dir ? `${parent.dir}/${dirPart}` : dirPart;
      let node = byDir.get(dir);
      if (!node) {
        const isItem = segment.kind === 'parameter';
        const indexer = `by${upperFirst(segment.name)}`;
        node = {
          dir,
          builderName: isItem ? `${upperFirst(singular(previous?.name ?? 'item'))}ItemRequestBuilder` : `${upperFirst(segment.name)}RequestBuilder`,
          expression: isItem ? `${parent.expression}.${indexer}(${segment.name})` : `${parent.expression}.${segment.name}`,
          path: `${parent.path}/${segment.raw}`,
          member: isItem ? `${indexer}(${segment.name}: string)` : segment.name,
          segment,
          children: [],
          operations: [],
        };
        byDir.set(dir, node);
        parent.children.push(node);
      }
      parent = node;
      previous = segment;
    }
    parent.operations.push(operation);
  }
  const ordered: ClientNode[] = [];
  const visit = (node: ClientNode) => {
    ordered.push(node);
    node.children.sort((a, b) => compareOrdinal(a.member ?? '', b.member ?? ''));
    node.operations.sort((a, b) => compareOrdinal(a.method, b.method));
    node.children.forEach(visit);
  };
  visit(root);
  return ordered;
}

/** The node an operation lives on. */
export function nodeOfOperation(nodes: readonly ClientNode[], operation: OperationModel): ClientNode | undefined {
  return nodes.find((node) => node.operations.includes(operation));
}
