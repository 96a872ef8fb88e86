/**
 * `…GetQueryParameters` interfaces (symbol names users write) and the `…QueryParametersMapper`
 * constants that map them to the names in the URI template (`select` → `%24select`).
 */
import type { InterfaceDeclarationStructure, VariableStatementStructure } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { TypeModel } from '../../model/index.js';
import { propertyKey, quote } from '../shared/client-surface/identifiers.js';
import type { ImportCollector } from './imports.js';
import { jsDoc } from './jsdoc.js';
import type { OperationFacts } from './operation-facts.js';
import { shapeOf, tsTypeOf } from './type-shapes.js';
import { queryNameMapping } from '../shared/uri-template.js';

export function queryParametersInterface(facts: OperationFacts, types: ReadonlyMap<string, TypeModel>, imports: ImportCollector, modelModule: string): InterfaceDeclarationStructure | undefined {
  if (facts.queryParametersName === undefined) return undefined;
  const { operation } = facts;
  return {
    kind: StructureKind.Interface,
    name: facts.queryParametersName,
    isExported: true,
    docs: [jsDoc([`Query parameters of \`${operation.method} ${operation.path}\`.`])],
    properties: facts.queryParameters.map((parameter) => ({
      name: propertyKey(parameter.name),
      hasQuestionToken: !parameter.required,
      type: tsTypeOf(shapeOf(parameter.type, types), imports, modelModule),
      docs: [jsDoc([parameter.description ?? `The ${parameter.wireName} query parameter`, `Sent as \`${parameter.wireName}\`.`])],
    })),
  };
}

/** The mapper's name, when some symbol name differs from its template name. */
export function queryParametersMapperName(facts: OperationFacts): string | undefined {
  if (facts.queryParametersName === undefined) return undefined;
  return Object.keys(queryNameMapping(facts.queryParameters)).length > 0 ? `${facts.queryParametersName}Mapper` : undefined;
}

export function queryParametersMapper(facts: OperationFacts): VariableStatementStructure | undefined {
  const name = queryParametersMapperName(facts);
  if (name === undefined) return undefined;
  const entries = Object.entries(queryNameMapping(facts.queryParameters)).map(([name, templateName]) => `  ${propertyKey(name)}: ${quote(templateName)},`);
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, type: 'Record<string, string>', initializer: `{\n${entries.join('\n')}\n}` }],
    docs: [jsDoc(['Mapper for query parameters from symbol name to serialization name represented as a constant.'])],
  };
}
