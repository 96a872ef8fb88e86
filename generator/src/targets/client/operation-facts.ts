/**
 * Everything the request-builder emitters need to know about one operation, derived once:
 * method names, body and response handling in Kiota's runtime terms, query parameters.
 */
import type { OperationModel, ParameterModel, TypeModel } from '../../model/index.js';
import { upperFirst } from '../shared/client-surface/identifiers.js';
import { shapeOf, type TypeShape } from './type-shapes.js';
import { bodyHandling, JSON_CONTENT, type BodyHandling } from '../shared/client-surface/request-body.js';
import { acceptedContentType } from '../shared/uri-template.js';

export type ResponseHandling = { readonly kind: 'none' } | { readonly kind: 'stream' } | { readonly kind: 'shape'; readonly shape: TypeShape };

export interface OperationFacts {
  readonly operation: OperationModel;
  /** `post` */
  readonly methodName: string;
  /** `toPostRequestInformation` */
  readonly requestInformationName: string;
  /** `AcquireAccessTokenRequestBuilderPostQueryParameters`, when the operation has query parameters. */
  readonly queryParametersName?: string;
  readonly queryParameters: readonly ParameterModel[];
  readonly body?: BodyHandling;
  readonly response: ResponseHandling;
  /** Accept header: the response's content type, or JSON when errors come as JSON. */
  readonly responseContentType?: string;
}

function responseHandling(operation: OperationModel, types: ReadonlyMap<string, TypeModel>): ResponseHandling {
  const { success } = operation;
  if (!success.type) return { kind: 'none' };
  if (success.contentType !== undefined && !JSON_CONTENT.test(success.contentType) && !/^text\//i.test(success.contentType)) {
    return { kind: 'stream' };
  }
  return { kind: 'shape', shape: shapeOf(success.type, types) };
}

export function operationFacts(operation: OperationModel, builderName: string, types: ReadonlyMap<string, TypeModel>): OperationFacts {
  const method = operation.method.toLowerCase();
  const queryParameters = operation.queryParameters;
  const body = bodyHandling(operation, types);
  const responseContentType = acceptedContentType(operation);
  return {
    operation,
    methodName: method,
    requestInformationName: `to${upperFirst(method)}RequestInformation`,
    ...(queryParameters.length > 0 && { queryParametersName: `${builderName}${upperFirst(method)}QueryParameters` }),
    queryParameters,
    ...(body && { body }),
    response: responseHandling(operation, types),
    ...(responseContentType !== undefined && { responseContentType }),
  };
}
