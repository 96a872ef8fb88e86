/** Documentation of models: from the description, else the cmdlet help, else what the type is. */
import { operationByKey, type ApiModel, type PropertyModel, type TypeModel } from '../../model/index.js';
import type { HelpIndex } from './help-index.js';

/** What a type is, for its JSDoc when the description says nothing. */
export function typeDescription(type: TypeModel, model: ApiModel): string {
  if (type.description !== undefined && type.description.trim() !== '') return type.description;
  if (type.origin.kind === 'component') {
    return type.kind === 'enum' ? `Values of \`${type.origin.schemaName}\`.` : `The \`${type.origin.schemaName}\` object.`;
  }
  const origin = type.origin;
  const operation = operationByKey(model, origin.operationKey);
  const where = operation ? `\`${operation.method} ${operation.path}\`` : `\`${origin.operationKey}\``;
  if (origin.role === 'parameter') return `A value of the \`${origin.parameterName}\` parameter of ${where}.`;
  return origin.role === 'request-body' ? `The request body of ${where}.` : `The response body of ${where}.`;
}

/**
 * The OData error payload's members (OData JSON Format 4.01, section 21): Graph's description
 * leaves them undocumented, and they are what a user reads when a call fails.
 */
const ODATA_ERROR_PROPERTIES: Readonly<Record<string, string>> = {
  error: 'The error: its code, message, target, details and inner error.',
  code: 'A service-defined error code, for programs to act on (e.g. `Request_ResourceNotFound`).',
  message: 'A human-readable message about the error, for developers.',
  target: 'The target of the error (e.g. the name of the property in error).',
  details: 'More errors, each with a code, message and target, when the service reports several.',
  innerError: 'Service-specific details: Graph puts the `request-id`, `client-request-id` and `date` of the failed request here.',
};

function isODataErrorType(typeName: string): boolean {
  return ['ODataError', 'MainError', 'ErrorDetails', 'InnerError'].includes(typeName);
}

/** What a property holds, from its type, when neither the description nor the help says. */
function describeByType(property: PropertyModel, types: ReadonlyMap<string, TypeModel>): string {
  const many = property.type.kind === 'collection';
  const ref = property.type.kind === 'collection' ? property.type.items : property.type;
  const name = `\`${property.wireName}\``;
  if (ref.kind !== 'named') {
    const shape = ref.kind === 'primitive' ? (ref.format ?? ref.primitive) : ref.kind;
    return many ? `The ${name} values (${shape}).` : `The ${name} value (${shape}).`;
  }
  const type = types.get(ref.name);
  const about = type?.description !== undefined && type.description.trim() !== '' ? `: ${type.description.trim().replace(/\.$/, '')}` : '';
  if (type?.kind === 'enum') return many ? `The ${name} values, each one of {@link ${ref.name}}${about}.` : `The ${name}: one of {@link ${ref.name}}${about}.`;
  return many ? `The ${name}: a list of {@link ${ref.name}}${about}.` : `The ${name}: a {@link ${ref.name}}${about}.`;
}

export function propertyDescription(typeName: string, property: PropertyModel, help: HelpIndex, types: ReadonlyMap<string, TypeModel>): string {
  if (property.description !== undefined && property.description.trim() !== '') return property.description;
  const fromHelp = help.propertyDescription(typeName, property.wireName);
  if (fromHelp !== undefined) return fromHelp;
  if (isODataErrorType(typeName) && ODATA_ERROR_PROPERTIES[property.wireName] !== undefined) return ODATA_ERROR_PROPERTIES[property.wireName] as string;
  return describeByType(property, types);
}
