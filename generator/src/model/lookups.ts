import type { ApiModel, OperationModel, TypeModel } from './types.js';

// Tables built once per model (the model is frozen), for every target that looks things up: a
// search of a list per parameter set or page made the targets quadratic in a module's size.

const typeTables = new WeakMap<ApiModel, ReadonlyMap<string, TypeModel>>();

/** The model's types by name. */
export function typesByName(model: ApiModel): ReadonlyMap<string, TypeModel> {
  let types = typeTables.get(model);
  if (!types) typeTables.set(model, (types = new Map(model.types.map((type) => [type.name, type]))));
  return types;
}

const operationTables = new WeakMap<ApiModel, ReadonlyMap<string, OperationModel>>();

/** The model's operations by key. */
export function operationsByKey(model: ApiModel): ReadonlyMap<string, OperationModel> {
  let operations = operationTables.get(model);
  if (!operations) operationTables.set(model, (operations = new Map(model.operations.map((operation) => [operation.key, operation]))));
  return operations;
}

/** The operation with this key, if the model has it. */
export function operationByKey(model: ApiModel, key: string | undefined): OperationModel | undefined {
  return key === undefined ? undefined : operationsByKey(model).get(key);
}
