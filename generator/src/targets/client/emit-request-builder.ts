/**
 * One request builder module, Kiota style: the builder interface (navigation getters,
 * indexers, operations), query-parameter interfaces, `…UriTemplate`, `…RequestsMetadata` and
 * `…NavigationMetadata` for `apiClientProxifier`.
 */
import type { GetAccessorDeclarationStructure, InterfaceDeclarationStructure, MethodSignatureStructure, OptionalKind, StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { ApiModel, TypeModel } from '../../model/index.js';
import { builderDescription, navigationMethodDoc, operationDoc, requestInformationDoc } from './builder-docs.js';
import type { HelpIndex } from './help-index.js';
import { quote } from '../shared/client-surface/identifiers.js';
import { ImportCollector, KIOTA_ABSTRACTIONS, relativeModule } from './imports.js';
import { jsDoc } from './jsdoc.js';
import { MODELS_FILE } from './emit-models.js';
import type { BuilderNode } from '../shared/client-surface/navigation-tree.js';
import { operationFacts, type OperationFacts } from './operation-facts.js';
import { queryParametersInterface, queryParametersMapper, queryParametersMapperName } from './query-parameters.js';
import { requestMetadataEntry } from './request-metadata.js';
import { tsTypeOf } from './type-shapes.js';
import { operationUriTemplate, templateVariableName } from '../shared/uri-template.js';

export interface BuilderContext {
  readonly model: ApiModel;
  readonly types: ReadonlyMap<string, TypeModel>;
  readonly help: HelpIndex;
}

/** Output-relative module file of a node: `applications/item/index.ts`. */
export function builderFile(node: BuilderNode, rootFile: string): string {
  return node.dir ? `${node.dir}/index.ts` : rootFile;
}

/** Exported names of a builder module. */
export const builderNames = {
  uriTemplate: (node: BuilderNode) => `${node.builderName}UriTemplate`,
  requestsMetadata: (node: BuilderNode) => `${node.builderName}RequestsMetadata`,
  navigationMetadata: (node: BuilderNode) => `${node.builderName}NavigationMetadata`,
};

function childModule(parent: BuilderNode, child: BuilderNode): string {
  return relativeModule(parent.dir, `${child.dir}/index.js`);
}

/** Where a builder's module imports the models from (their values move to their chunks once those are cut). */
export function modelModuleFor(node: BuilderNode): string {
  return relativeModule(node.dir, MODELS_FILE.replace(/\.ts$/, '.js'));
}

function navigationMembers(node: BuilderNode, context: BuilderContext, imports: ImportCollector) {
  const getAccessors: OptionalKind<GetAccessorDeclarationStructure>[] = [];
  const methods: OptionalKind<MethodSignatureStructure>[] = [];
  for (const child of node.children) {
    const member = child.member;
    if (!member) continue;
    imports.type(childModule(node, child), child.builderName);
    const description = builderDescription(child, context.model);
    if (member.kind === 'property') {
      getAccessors.push({ name: member.name, returnType: child.builderName, docs: [jsDoc([description])] });
    } else {
      methods.push({
        name: member.name,
        parameters: member.parameters.map((parameter) => ({ name: parameter.name, type: 'string' })),
        returnType: child.builderName,
        docs: [navigationMethodDoc(child, member.parameters, context.help, description)],
      });
    }
  }
  return { getAccessors, methods };
}

function operationMembers(facts: OperationFacts, builderName: string, context: BuilderContext, imports: ImportCollector, modelModule: string): OptionalKind<MethodSignatureStructure>[] {
  const { body, response } = facts;
  const parameters: { name: string; type: string; hasQuestionToken?: boolean }[] = [];
  if (body) {
    const bodyType = body.kind === 'stream' ? 'ArrayBuffer' : tsTypeOf(body.shape, imports, modelModule);
    parameters.push({ name: 'body', type: bodyType });
  }
  imports.type(KIOTA_ABSTRACTIONS, 'RequestConfiguration', 'RequestInformation');
  parameters.push({
    name: 'requestConfiguration',
    hasQuestionToken: true,
    type: `RequestConfiguration<${facts.queryParametersName ?? 'object'}> | undefined`,
  });
  const resultType = response.kind === 'none' ? undefined : response.kind === 'stream' ? 'ArrayBuffer' : tsTypeOf(response.shape, imports, modelModule);
  const returnType = resultType === undefined ? 'Promise<void>' : `Promise<${resultType} | undefined>`;
  return [
    { name: facts.methodName, parameters, returnType, docs: [operationDoc(facts, returnType, context.model, context.help)] },
    { name: facts.requestInformationName, parameters, returnType: 'RequestInformation', docs: [requestInformationDoc(facts, builderName)] },
  ];
}

/** The builder interface and every constant of a node's module, in declaration order. */
export function requestBuilderStatements(node: BuilderNode, context: BuilderContext, imports: ImportCollector): StatementStructures[] {
  const modelModule = modelModuleFor(node);
  const facts = node.operations.map((operation) => operationFacts(operation, node.builderName, context.types));
  imports.type(KIOTA_ABSTRACTIONS, 'BaseRequestBuilder');
  const navigation = navigationMembers(node, context, imports);
  const builder: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: node.builderName,
    isExported: true,
    extends: [`BaseRequestBuilder<${node.builderName}>`],
    getAccessors: navigation.getAccessors,
    methods: [...navigation.methods, ...facts.flatMap((fact) => operationMembers(fact, node.builderName, context, imports, modelModule))],
    docs: [jsDoc([builderDescription(node, context.model)])],
  };
  const statements: StatementStructures[] = [builder];
  for (const fact of facts) {
    const queryInterface = queryParametersInterface(fact, context.types, imports, modelModule);
    if (queryInterface) statements.push(queryInterface);
  }

  const builderTemplate = operationUriTemplate(
    node.urlSegments,
    facts.flatMap((fact) => fact.queryParameters),
  );
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: builderNames.uriTemplate(node), initializer: quote(builderTemplate) }],
    docs: [jsDoc(['Uri template for the request builder.'])],
  });
  for (const fact of facts) {
    const mapper = queryParametersMapper(fact);
    if (mapper) statements.push(mapper);
  }
  if (facts.length > 0) {
    imports.type(KIOTA_ABSTRACTIONS, 'RequestsMetadata');
    const entries = facts.map((fact) => {
      const own = operationUriTemplate(node.urlSegments, fact.queryParameters);
      const template = own === builderTemplate ? builderNames.uriTemplate(node) : quote(own);
      return requestMetadataEntry(fact, template, queryParametersMapperName(fact), context.types, imports, modelModule);
    });
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: builderNames.requestsMetadata(node), type: 'RequestsMetadata', initializer: `{\n${indent(entries.join(',\n'))},\n}` }],
      docs: [jsDoc(['Metadata for all the requests in the request builder.'])],
    });
  }
  const navigationMetadata = navigationMetadataStatement(node, imports);
  if (navigationMetadata) statements.push(navigationMetadata);
  return statements;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}

function navigationMetadataStatement(node: BuilderNode, imports: ImportCollector): StatementStructures | undefined {
  if (node.children.length === 0) return undefined;
  imports.type(KIOTA_ABSTRACTIONS, 'KeysToExcludeForNavigationMetadata', 'NavigationMetadata');
  const entries = node.children.flatMap((child) => {
    const member = child.member;
    if (!member) return [];
    const module = childModule(node, child);
    const lines: string[] = [];
    if (child.operations.length > 0) {
      imports.value(module, builderNames.requestsMetadata(child));
      lines.push(`requestsMetadata: ${builderNames.requestsMetadata(child)},`);
    }
    if (child.children.length > 0) {
      imports.value(module, builderNames.navigationMetadata(child));
      lines.push(`navigationMetadata: ${builderNames.navigationMetadata(child)},`);
    }
    if (member.kind !== 'property') {
      const mappings = member.parameters.map((parameter) => quote(templateVariableName(parameter.wireName)));
      lines.push(`pathParametersMappings: [${mappings.join(', ')}],`);
    }
    return [`  ${member.name}: {\n${lines.map((line) => `    ${line}`).join('\n')}\n  },`];
  });
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: builderNames.navigationMetadata(node),
        type: `Record<Exclude<keyof ${node.builderName}, KeysToExcludeForNavigationMetadata>, NavigationMetadata>`,
        initializer: `{\n${entries.join('\n')}\n}`,
      },
    ],
    docs: [jsDoc(['Metadata for all the navigation properties in the request builder.'])],
  };
}
