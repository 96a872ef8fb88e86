import { appendPointer } from './json-pointer.js';
import type { ReaderContext } from './reader-context.js';
import type { OpenApiOperation } from './types.js';

export type OperationDraft = Omit<OpenApiOperation, 'operationId'>;

/** `post` + `/applications/{application-id}/owners/$ref` → `post_applications_application-id_owners_ref`. */
export function synthesizeOperationId(method: string, path: string): string {
  const words = path
    .split('/')
    .map((segment) => segment.replace(/[{}$]/g, '').replace(/[^A-Za-z0-9._-]+/g, '_'))
    .filter((segment) => segment !== '');
  return [method, ...(words.length > 0 ? words : ['root'])].join('_');
}

/**
 * Gives every operation a unique id. Drafts must be in document order (path, then method): the
 * first holder of a declared id keeps it, later ones get `_2`, `_3`… and a warning naming both.
 * Synthesised ids never take an id some operation declares.
 */
export function assignOperationIds(drafts: readonly OperationDraft[], context: ReaderContext): OpenApiOperation[] {
  const declared = new Set(drafts.flatMap((draft) => (draft.declaredOperationId === undefined ? [] : [draft.declaredOperationId])));
  const holders = new Map<string, OperationDraft>();
  return drafts.map((draft) => {
    const wanted = draft.declaredOperationId ?? synthesizeOperationId(draft.method, draft.path);
    const free = !holders.has(wanted) && (draft.declaredOperationId !== undefined || !declared.has(wanted));
    const operationId = free ? wanted : nextFreeId(wanted, holders, declared);
    holders.set(operationId, draft);
    if (draft.declaredOperationId === undefined) reportMissingId(draft, operationId, context);
    else if (!free) reportDuplicateId(draft, holders.get(wanted), operationId, context);
    const { key, method, path, ...rest } = draft;
    return { key, method, path, operationId, ...rest };
  });
}

function nextFreeId(base: string, holders: ReadonlyMap<string, OperationDraft>, declared: ReadonlySet<string>): string {
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}_${suffix}`;
    if (!holders.has(candidate) && !declared.has(candidate)) return candidate;
  }
}

function reportDuplicateId(draft: OperationDraft, holder: OperationDraft | undefined, operationId: string, context: ReaderContext): void {
  const holderAt = holder && context.locate({ file: holder.address.file, pointer: appendPointer(holder.address.pointer, 'operationId') });
  const holderText = holder ? ` by ${holder.key}${holderAt ? ` (${holderAt.file}:${holderAt.line}:${holderAt.column})` : ''}` : '';
  context.warning(idAddress(draft), {
    code: 'openapi/duplicate-operation-id',
    message: `operationId '${draft.declaredOperationId}' of ${draft.key} is already used${holderText}; this one becomes '${operationId}'.`,
    hint: 'give each operation a unique operationId',
  });
}

function reportMissingId(draft: OperationDraft, operationId: string, context: ReaderContext): void {
  context.warning(draft.address, {
    code: 'openapi/missing-operation-id',
    message: `${draft.key} has no operationId; using '${operationId}'.`,
    hint: 'add an operationId so generated names stay stable when paths change',
  });
}

function idAddress(draft: OperationDraft) {
  return { file: draft.address.file, pointer: appendPointer(draft.address.pointer, 'operationId') };
}
