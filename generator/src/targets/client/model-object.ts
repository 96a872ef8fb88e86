/**
 * One object model, Kiota style: an interface, `createXFromDiscriminatorValue`,
 * `deserializeIntoX` and `serializeX`.
 */
import type { FunctionDeclarationStructure, InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure } from 'ts-morph';
import { StructureKind } from './ts-morph.js';
import type { ApiModel, ObjectTypeModel } from '../../model/index.js';
import type { HelpIndex } from './help-index.js';
import { lowerFirst, propertyKey, quote, safeVariableName } from '../shared/client-surface/identifiers.js';
import { KIOTA_ABSTRACTIONS, type ImportCollector } from './imports.js';
import { jsDoc } from './jsdoc.js';
import { propertyDescription, typeDescription } from './model-docs.js';
import type { ModelHierarchy } from './model-hierarchy.js';
import { readExpression, writeStatement } from './property-io.js';
import { modelNames, shapeOf, tsTypeOf } from './type-shapes.js';

export interface ModelContext {
  readonly model: ApiModel;
  readonly hierarchy: ModelHierarchy;
  readonly help: HelpIndex;
  readonly imports: ImportCollector;
  /** Where the file imports the models' types from: `undefined` in the models module itself. */
  readonly typesFrom: string | undefined;
  /**
   * Where a model's code imports other models' code from (factories, readers, enum objects,
   * serializers): `undefined` where it is all in the same module. Set, every name is recorded, so
   * that the code can be cut into chunks by what reaches it (`model-chunks.ts`).
   */
  readonly valuesFrom?: string | undefined;
}

const DESERIALIZER_MAP = 'Record<string, (node: ParseNode) => void>';

/** Names the emitted functions already use for their other parameters and locals. */
const TAKEN_LOCALS = new Set(['writer', 'n', 'isSerializingDerivedType', 'parseNode', '_parseNode']);

/** `oDataError` for `ODataError`: the parameter name of the model's functions. */
function instanceName(type: ObjectTypeModel): string {
  const name = safeVariableName(lowerFirst(type.name));
  return TAKEN_LOCALS.has(name) ? `${name}Value` : name;
}

export function objectInterface(type: ObjectTypeModel, context: ModelContext): InterfaceDeclarationStructure {
  const { hierarchy, imports } = context;
  const isRoot = type.baseType === undefined || !hierarchy.object(type.baseType);
  const extendsList: string[] = [];
  const properties: OptionalKind<PropertySignatureStructure>[] = [];
  if (isRoot) {
    if (hierarchy.holdsAdditionalData(type)) extendsList.push('AdditionalDataHolder');
    if (hierarchy.isErrorType(type)) extendsList.push('ApiError');
    extendsList.push('BackedModel', 'Parsable');
    imports.type(KIOTA_ABSTRACTIONS, ...extendsList);
    if (hierarchy.holdsAdditionalData(type)) {
      properties.push({
        name: 'additionalData',
        hasQuestionToken: true,
        type: 'Record<string, unknown>',
        docs: [jsDoc(['Stores additional data not described in the OpenAPI description found when deserializing. Can be used for serialization as well.'])],
      });
    }
    properties.push({ name: 'backingStoreEnabled', hasQuestionToken: true, type: 'boolean | null', docs: [jsDoc(['Stores model information.'])] });
  } else {
    extendsList.push(type.baseType ?? '', 'Parsable');
    if (hierarchy.isErrorType(type) && !hierarchy.ancestors(type).some((ancestor) => hierarchy.isErrorType(ancestor))) extendsList.push('ApiError');
    imports.type(KIOTA_ABSTRACTIONS, ...extendsList.slice(1));
  }
  for (const property of hierarchy.ownProperties(type)) {
    const tsType = tsTypeOf(shapeOf(property.type, hierarchy.types), imports, undefined);
    properties.push({
      name: propertyKey(hierarchy.memberName(type, property)),
      hasQuestionToken: true,
      type: property.nullable ? `${tsType} | null` : tsType,
      docs: [jsDoc([propertyDescription(type.name, property, context.help, hierarchy.types)], property.readOnly ? [{ tag: 'readonly' }] : [])],
    });
  }
  return {
    kind: StructureKind.Interface,
    name: type.name,
    isExported: true,
    extends: extendsList,
    properties,
    docs: [jsDoc([typeDescription(type, context.model)])],
  };
}

export function objectFactory(type: ObjectTypeModel, context: ModelContext): FunctionDeclarationStructure {
  const { hierarchy, imports } = context;
  imports.type(KIOTA_ABSTRACTIONS, 'ParseNode', 'Parsable');
  const cases = hierarchy.dispatchCases(type);
  const discriminator = hierarchy.discriminatorProperty(type);
  const statements: string[] = [];
  if (cases.length > 0 && discriminator !== undefined) {
    statements.push(
      `if (!parseNode) throw new Error('parseNode cannot be undefined');`,
      [
        `switch (parseNode.getChildNode(${quote(discriminator)})?.getStringValue()) {`,
        ...cases.map((entry) => `  case ${quote(entry.value)}:\n    return ${modelNames.deserializer(entry.typeName)};`),
        '}',
      ].join('\n'),
    );
  }
  statements.push(`return ${modelNames.deserializer(type.name)};`);
  if (context.valuesFrom !== undefined) imports.value(context.valuesFrom, modelNames.deserializer(type.name), ...cases.map((entry) => modelNames.deserializer(entry.typeName)));
  const parameterName = cases.length > 0 ? 'parseNode' : '_parseNode';
  return {
    kind: StructureKind.Function,
    name: modelNames.factory(type.name),
    isExported: true,
    parameters: [{ name: parameterName, type: 'ParseNode | undefined' }],
    returnType: `(instance?: Parsable) => ${DESERIALIZER_MAP}`,
    statements,
    // one line: the signature says what goes in and out (a doc block per model function was a tenth of the package)
    docs: [
      jsDoc([
        cases.length > 0 ? `Creates the deserializer for {@link ${type.name}}, or for the derived type the \`${discriminator}\` value names.` : `Creates the deserializer for {@link ${type.name}}.`,
      ]),
    ],
  };
}

/** Names an object literal inherits from `Object.prototype`: TypeScript types such a member from it, not from the map's signature. */
const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The key of a deserializer map entry: quoted, except `__proto__`, which in an object literal
 * would set the map's prototype instead of adding an entry, so it is computed.
 */
function deserializerKey(wireName: string): string {
  return wireName === '__proto__' ? `[${quote(wireName)}]` : quote(wireName);
}

/** `n`, typed where the wire name is also an `Object.prototype` member (`toString`, `constructor`). */
function parseNodeParameter(wireName: string): string {
  return OBJECT_MEMBER_NAMES.has(wireName) ? 'n: ParseNode' : 'n';
}

export function objectDeserializer(type: ObjectTypeModel, context: ModelContext): FunctionDeclarationStructure {
  const { hierarchy, imports, typesFrom, valuesFrom } = context;
  imports.type(KIOTA_ABSTRACTIONS, 'ParseNode');
  if (typesFrom !== undefined) imports.type(typesFrom, type.name);
  const instance = instanceName(type);
  const base = hierarchy.object(type.baseType);
  const primaryMessage = hierarchy.primaryMessage(type);
  const entries: string[] = [];
  if (base && valuesFrom !== undefined) imports.value(valuesFrom, modelNames.deserializer(base.name));
  if (base) entries.push(`...${modelNames.deserializer(base.name)}(${instance}),`);
  else entries.push(`'backingStoreEnabled': () => { ${instance}.backingStoreEnabled = true; },`);
  for (const property of hierarchy.ownProperties(type)) {
    const member = `${instance}.${hierarchy.memberName(type, property)}`;
    const read = readExpression(shapeOf(property.type, hierarchy.types), imports, typesFrom, valuesFrom);
    const message = primaryMessage?.property === property ? ` ${instance}.message = ${instance}.${primaryMessage.path} ?? '';` : '';
    entries.push(`${deserializerKey(property.wireName)}: (${parseNodeParameter(property.wireName)}) => { ${member} = ${read};${message} },`);
  }
  return {
    kind: StructureKind.Function,
    name: modelNames.deserializer(type.name),
    isExported: true,
    parameters: [{ name: instance, type: `Partial<${type.name}> | undefined`, initializer: '{}' }],
    returnType: DESERIALIZER_MAP,
    statements: [['return {', ...entries.map((entry) => `  ${entry}`), '};'].join('\n')],
    docs: [jsDoc([`The deserialization information for {@link ${type.name}}: one reader per property on the wire.`])],
  };
}

export function objectSerializer(type: ObjectTypeModel, context: ModelContext): FunctionDeclarationStructure {
  const { hierarchy, imports, typesFrom, valuesFrom } = context;
  imports.type(KIOTA_ABSTRACTIONS, 'SerializationWriter');
  if (typesFrom !== undefined) imports.type(typesFrom, type.name);
  const instance = instanceName(type);
  const base = hierarchy.object(type.baseType);
  const isBase = hierarchy.isBase(type);
  const statements: string[] = [`if (!${instance}) return;`];
  const discriminator = hierarchy.discriminatorProperty(type);
  const switchProperty =
    discriminator === undefined
      ? undefined
      : [type, ...hierarchy.ancestors(type)].flatMap((owner) =>
          hierarchy
            .ownProperties(owner)
            .filter((property) => property.wireName === discriminator)
            .map((property) => hierarchy.memberName(owner, property)),
        )[0];
  const cases = switchProperty === undefined ? [] : hierarchy.dispatchCases(type);
  if (cases.length > 0 && switchProperty !== undefined) {
    if (typesFrom !== undefined) imports.type(typesFrom, ...cases.map((entry) => entry.typeName));
    if (valuesFrom !== undefined) imports.value(valuesFrom, ...cases.map((entry) => modelNames.serializer(entry.typeName)));
    statements.push(
      [
        'if (!isSerializingDerivedType) {',
        `  switch (${instance}.${switchProperty}) {`,
        ...cases.map((entry) => `    case ${quote(entry.value)}:\n      ${modelNames.serializer(entry.typeName)}(writer, ${instance} as Partial<${entry.typeName}>);\n      return;`),
        '  }',
        '}',
      ].join('\n'),
    );
  }
  if (base && valuesFrom !== undefined) imports.value(valuesFrom, modelNames.serializer(base.name));
  if (base) statements.push(`${modelNames.serializer(base.name)}(writer, ${instance}, true);`);
  for (const property of hierarchy.ownProperties(type)) {
    if (property.readOnly) continue;
    const shape = shapeOf(property.type, hierarchy.types);
    statements.push(writeStatement(shape, property.wireName, `${instance}.${hierarchy.memberName(type, property)}`, imports, typesFrom, valuesFrom));
  }
  if (hierarchy.holdsAdditionalData(type)) {
    const write = `writer.writeAdditionalData(${instance}.additionalData);`;
    statements.push(isBase ? `if (!isSerializingDerivedType) ${write}` : write);
  }
  const tags = isBase ? [{ tag: 'param', text: "isSerializingDerivedType Whether a derived type's serializer is writing the inherited properties." }] : [];
  return {
    kind: StructureKind.Function,
    name: modelNames.serializer(type.name),
    isExported: true,
    parameters: [
      { name: 'writer', type: 'SerializationWriter' },
      { name: instance, type: `Partial<${type.name}> | undefined | null`, initializer: '{}' },
      ...(isBase ? [{ name: 'isSerializingDerivedType', initializer: 'false' }] : []),
    ],
    returnType: 'void',
    statements,
    docs: [jsDoc([`Serializes {@link ${type.name}}: every property that is not read-only, then the additional data.`], tags)],
  };
}
