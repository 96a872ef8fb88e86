/** Documentation of models: from the description, else the cmdlet help, else what the type is. */
import type { ApiModel, PropertyModel, TypeModel } from '../../model/index.js';
import type { HelpIndex } from './help-index.js';

/** What a type is, for its JSDoc when the description says nothing. */
export function typeDescription(type: TypeModel, model: ApiModel): string {
  if (type.description !== undefined && type.description.trim() !== '') return type.description;
  if (type.origin.kind === 'component') {
    return type.kind === 'enum' ? `Values of \`${type.origin.schemaName}\`.` : `The \`${type.origin.schemaName}\` object.`;
  }
  const origin = type.origin;
  const operation = model.operations.find((candidate) => candidate.key === origin.operationKey);
  const where = operation ? `\`${operation.method} ${operation.path}\`` : `\`${origin.operationKey}\``;
  return origin.role === 'request-body' ? `The request body of ${where}.` : `The response body of ${where}.`;
}

export function propertyDescription(typeName: string, property: PropertyModel, help: HelpIndex): string {
  if (property.description !== undefined && property.description.trim() !== '') return property.description;
  return help.propertyDescription(typeName, property.wireName) ?? `The ${property.wireName} property`;
}
