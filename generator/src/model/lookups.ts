import type { ApiModel, OperationModel } from './types.js';

const operationTables = new WeakMap<ApiModel, ReadonlyMap<string, OperationModel>>();

/**
 * The model's operations by key, built once per model (the model is frozen). A search of the list
 * per parameter set or page made the targets quadratic in a module's operations.
 */
export function operationsByKey(model: ApiModel): ReadonlyMap<string, OperationModel> {
  let operations = operationTables.get(model);
  if (!operations) operationTables.set(model, (operations = new Map(model.operations.map((operation) => [operation.key, operation]))));
  return operations;
}

/** The operation with this key, if the model has it. */
export function operationByKey(model: ApiModel, key: string | undefined): OperationModel | undefined {
  return key === undefined ? undefined : operationsByKey(model).get(key);
}
