import type { DiagnosticBag } from '../diagnostics/index.js';
import { appendPointer, type JsonObject, type JsonValue, type NodeAddress, type OpenApiDocument } from '../sources/openapi/index.js';
import { enumMemberName, propertyName, qualifiedTypeName, typeNameFromSchemaName } from './names.js';
import type { DiscriminatorModel, EnumTypeModel, ObjectTypeModel, PropertyModel, TypeModel, TypeOrigin, TypeRef } from './types.js';

export interface ResolvedTypeRef {
  readonly type: TypeRef;
  readonly nullable: boolean;
}

const ANY: TypeRef = { kind: 'primitive', primitive: 'any' };

/**
 * How deep schemas may nest inline (properties of properties…). Each level lengthens the inline
 * type's name, which names files too; far deeper nesting overflows the stack. Real Graph
 * descriptions nest a handful of levels.
 */
export const MAX_INLINE_DEPTH = 32;
const NESTING_KEYS: ReadonlySet<string> = new Set(['properties', 'items', 'additionalProperties', 'allOf', 'anyOf', 'oneOf']);

function inlineDepth(address: NodeAddress): number {
  return address.pointer.split('/').filter((segment) => NESTING_KEYS.has(segment)).length;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(address: NodeAddress, ...keys: (string | number)[]): NodeAddress {
  return { file: address.file, pointer: appendPointer(address.pointer, ...keys) };
}

function addressKey(address: NodeAddress): string {
  return `${address.file}#${address.pointer}`;
}

/** `{ type: object, nullable: true }`: Graph's way of saying "or null" inside anyOf. */
function isNullMarker(schema: JsonObject): boolean {
  return schema['nullable'] === true && !schema['properties'] && !schema['$ref'] && !schema['enum'] && !schema['items'];
}

/**
 * Turns schemas into `TypeRef`s, registering a named `TypeModel` for every component object or
 * enum reached (and for inline objects/enums, named from their context). Cycles are safe:
 * a type's name is registered before its properties are visited.
 */
export class TypeRegistry {
  readonly #document: OpenApiDocument;
  /** Files already reported for nesting too deep (once each). */
  readonly #tooDeep = new Set<string>();
  readonly #diagnostics: DiagnosticBag;
  readonly #types = new Map<string, TypeModel>();
  readonly #nameByAddress = new Map<string, string>();
  readonly #componentNames: ReadonlyMap<string, string>;
  readonly #inlineShapes = new Map<string, string>();
  readonly #errorTypes = new Set<string>();

  constructor(document: OpenApiDocument, diagnostics: DiagnosticBag) {
    this.#document = document;
    this.#diagnostics = diagnostics;
    this.#componentNames = assignComponentNames(document.schemaNames);
  }

  /** `nameHint` names an inline object or enum if the schema turns out to need one. */
  typeOf(schema: JsonValue | undefined, from: NodeAddress, nameHint: string, origin: TypeOrigin): ResolvedTypeRef {
    if (!isObject(schema)) return { type: ANY, nullable: false };
    if (inlineDepth(from) > MAX_INLINE_DEPTH) {
      if (!this.#tooDeep.has(from.file)) {
        this.#tooDeep.add(from.file);
        this.#diagnostics.error({
          code: 'model/nesting-too-deep',
          message: `a schema nests more than ${MAX_INLINE_DEPTH} levels deep inline (at ${from.pointer.split('/').slice(0, 12).join('/')}/…)`,
          file: from.file,
          hint: 'move the inner schemas to components/schemas and refer to them with $ref',
        });
      }
      return { type: ANY, nullable: false };
    }
    if (typeof schema['$ref'] === 'string') return this.#typeOfRef(schema, from, nameHint, origin);
    const nullable = schema['nullable'] === true;
    const union = (schema['anyOf'] ?? schema['oneOf']) as JsonValue | undefined;
    if (Array.isArray(union)) return this.#typeOfUnion(union, from, schema['anyOf'] ? 'anyOf' : 'oneOf', nameHint, origin, nullable);
    if (Array.isArray(schema['enum'])) return { type: this.#inlineEnum(schema, from, nameHint, origin), nullable };
    if (schema['type'] === 'array' || schema['items'] !== undefined) {
      const items = this.typeOf(schema['items'], child(from, 'items'), `${nameHint}Item`, origin);
      return { type: { kind: 'collection', items: items.type }, nullable };
    }
    if (schema['properties'] !== undefined || Array.isArray(schema['allOf'])) {
      return { type: this.#namedObject(schema, from, nameHint, origin), nullable };
    }
    if (schema['type'] === 'object') {
      const values = schema['additionalProperties'];
      if (isObject(values) && Object.keys(values).some((key) => key !== 'type' || values[key] !== 'object')) {
        const valueType = this.typeOf(values, child(from, 'additionalProperties'), `${nameHint}Value`, origin);
        return { type: { kind: 'map', values: valueType.type }, nullable };
      }
      return { type: { kind: 'map', values: ANY }, nullable };
    }
    return { type: primitiveOf(schema), nullable };
  }

  markError(type: TypeRef): void {
    if (type.kind === 'named') this.#errorTypes.add(type.name);
  }

  /** Every type registered, sorted by name, with error flags applied. */
  types(): TypeModel[] {
    return [...this.#types.values()]
      .map((type) => (type.kind === 'object' && this.#errorTypes.has(type.name) ? { ...type, isError: true } : type))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  #typeOfRef(schema: JsonObject, from: NodeAddress, nameHint: string, origin: TypeOrigin): ResolvedTypeRef {
    const resolved = this.#document.resolve<JsonValue>(schema, from);
    const target = resolved.value;
    const known = this.#nameByAddress.get(addressKey(resolved.address));
    if (known) return { type: { kind: 'named', name: known }, nullable: false };
    const componentName = resolved.componentName;
    if (!componentName || !isObject(target) || !needsNamedType(target)) {
      const inner = this.typeOf(target, resolved.address, nameHint, origin);
      return { type: inner.type, nullable: false };
    }
    const name = this.#componentNames.get(componentName) ?? typeNameFromSchemaName(componentName);
    const componentOrigin: TypeOrigin = { kind: 'component', schemaName: componentName };
    this.#nameByAddress.set(addressKey(resolved.address), name);
    if (Array.isArray(target['enum'])) {
      this.#types.set(name, this.#enumModel(target, name, componentOrigin));
    } else {
      this.#types.set(name, placeholderObject(name, componentOrigin));
      this.#types.set(name, this.#objectModel(target, resolved.address, name, componentOrigin, componentName));
    }
    return { type: { kind: 'named', name }, nullable: false };
  }

  #typeOfUnion(members: JsonValue[], from: NodeAddress, keyword: 'anyOf' | 'oneOf', nameHint: string, origin: TypeOrigin, nullable: boolean): ResolvedTypeRef {
    let isNullable = nullable;
    const types: TypeRef[] = [];
    members.forEach((member, index) => {
      if (isObject(member) && isNullMarker(member)) {
        isNullable = true;
        return;
      }
      const resolved = this.typeOf(member, child(from, keyword, index), `${nameHint}Member${index + 1}`, origin);
      isNullable ||= resolved.nullable;
      types.push(resolved.type);
    });
    if (types.length === 0) return { type: ANY, nullable: isNullable };
    if (types.length === 1) return { type: types[0] ?? ANY, nullable: isNullable };
    return { type: { kind: 'union', members: types }, nullable: isNullable };
  }

  #inlineEnum(schema: JsonObject, from: NodeAddress, nameHint: string, origin: TypeOrigin): TypeRef {
    const known = this.#nameByAddress.get(addressKey(from));
    if (known) return { kind: 'named', name: known };
    const model = this.#enumModel(schema, nameHint, origin);
    const name = this.#registerInline(model, from);
    return { kind: 'named', name };
  }

  #namedObject(schema: JsonObject, from: NodeAddress, nameHint: string, origin: TypeOrigin): TypeRef {
    const known = this.#nameByAddress.get(addressKey(from));
    if (known) return { kind: 'named', name: known };
    const model = this.#objectModel(schema, from, nameHint, origin, undefined);
    const name = this.#registerInline(model, from);
    return { kind: 'named', name };
  }

  /** Identical inline shapes (the same request body on two paths) share one type. */
  #registerInline(model: TypeModel, from: NodeAddress): string {
    const shape = JSON.stringify({ ...model, origin: undefined });
    const shared = this.#inlineShapes.get(shape);
    if (shared) {
      this.#nameByAddress.set(addressKey(from), shared);
      return shared;
    }
    let name = model.name;
    for (let counter = 2; this.#types.has(name); counter += 1) name = `${model.name}${counter}`;
    if (name !== model.name) {
      this.#diagnostics.warning({
        code: 'model/renamed-type',
        message: `inline type ${model.name} at ${from.pointer} is named ${name} because another type has that name`,
        file: from.file,
      });
    }
    const named = { ...model, name };
    this.#types.set(name, named);
    this.#inlineShapes.set(shape, name);
    this.#nameByAddress.set(addressKey(from), name);
    return name;
  }

  #enumModel(schema: JsonObject, name: string, origin: TypeOrigin): EnumTypeModel {
    const declared = schema['enum'] as JsonValue[];
    const warn = (code: string, message: string): void => this.#diagnostics.warning({ code, message, file: this.#document.file });
    const nonStrings = declared.filter((value) => typeof value !== 'string');
    if (nonStrings.length > 0)
      warn(
        'model/non-string-enum-value',
        `enum ${name}: ${nonStrings.map((value) => JSON.stringify(value)).join(', ')} ${nonStrings.length === 1 ? 'is not a string and is' : 'are not strings and are'} left out (enums are generated as string unions)`,
      );
    const values: string[] = [];
    for (const value of declared) {
      if (typeof value !== 'string') continue;
      if (values.includes(value)) warn('model/duplicate-enum-value', `enum ${name}: the value ${JSON.stringify(value)} is listed twice; it is generated once`);
      else values.push(value);
    }
    const seen = new Set<string>();
    const documented = enumValueDescriptions(schema);
    const members = values.map((value) => {
      let memberName = enumMemberName(value);
      const wanted = memberName;
      while (seen.has(memberName)) memberName = `${memberName}_`;
      if (memberName !== wanted) warn('model/enum-member-renamed', `enum ${name}: ${JSON.stringify(value)} would be named ${wanted} like an earlier value, so it is named ${memberName}`);
      seen.add(memberName);
      const description = documented.get(value);
      return { value, name: memberName, ...(description !== undefined && { description }) };
    });
    return {
      kind: 'enum',
      name,
      origin,
      ...(typeof schema['description'] === 'string' && { description: schema['description'] }),
      members,
      isFlags: isObject(schema['x-ms-enum-flags']) && schema['x-ms-enum-flags']['isFlags'] === true,
    };
  }

  #objectModel(schema: JsonObject, from: NodeAddress, name: string, origin: TypeOrigin, componentName: string | undefined): ObjectTypeModel {
    let baseType: string | undefined;
    const parts: { schema: JsonObject; address: NodeAddress }[] = [{ schema, address: from }];
    if (Array.isArray(schema['allOf'])) {
      schema['allOf'].forEach((member, index) => {
        const memberAddress = child(from, 'allOf', index);
        if (isObject(member) && typeof member['$ref'] === 'string' && baseType === undefined) {
          const base = this.typeOf(member, memberAddress, `${name}Base`, origin).type;
          if (base.kind === 'named') {
            baseType = base.name;
            return;
          }
        }
        if (isObject(member)) parts.push({ schema: this.#deref(member, memberAddress), address: this.#addressOf(member, memberAddress) });
      });
    }
    const properties: PropertyModel[] = [];
    let additionalProperties: boolean | TypeRef = true;
    let description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
    for (const part of parts) {
      properties.push(...this.#properties(part.schema, part.address, name, origin));
      const declared = part.schema['additionalProperties'];
      if (declared === false) additionalProperties = false;
      else if (isObject(declared) && Object.keys(declared).length > 0 && additionalProperties === true) {
        // Graph writes `additionalProperties: { type: object }`: extra values must be objects.
        additionalProperties = this.typeOf(declared, child(part.address, 'additionalProperties'), `${name}AdditionalValue`, origin).type;
      }
      description ??= typeof part.schema['description'] === 'string' ? part.schema['description'] : undefined;
    }
    const discriminator = this.#discriminator(schema, from, parts);
    const odataType = odataTypeOf(properties, componentName);
    return {
      kind: 'object',
      name,
      origin,
      ...(description !== undefined && { description }),
      properties,
      additionalProperties,
      ...(baseType !== undefined && { baseType }),
      ...(discriminator && { discriminator }),
      ...(odataType !== undefined && { odataType }),
      isError: false,
    };
  }

  #properties(schema: JsonObject, from: NodeAddress, ownerName: string, origin: TypeOrigin): PropertyModel[] {
    const declared = schema['properties'];
    if (!isObject(declared)) return [];
    const required = new Set(Array.isArray(schema['required']) ? schema['required'].map(String) : []);
    return Object.entries(declared).map(([wireName, propertySchema]) => {
      const address = child(from, 'properties', wireName);
      const hint = `${ownerName}${typeNameFromSchemaName(propertyName(wireName))}`;
      const resolved = this.typeOf(propertySchema, address, hint, origin);
      const description = isObject(propertySchema) ? propertySchema['description'] : undefined;
      return {
        wireName,
        name: propertyName(wireName),
        ...(typeof description === 'string' && { description }),
        type: resolved.type,
        nullable: resolved.nullable,
        required: required.has(wireName),
        readOnly: isObject(propertySchema) && propertySchema['readOnly'] === true,
      };
    });
  }

  #discriminator(schema: JsonObject, from: NodeAddress, parts: readonly { schema: JsonObject; address: NodeAddress }[]): DiscriminatorModel | undefined {
    const owner = [schema, ...parts.map((part) => part.schema)].find((candidate) => isObject(candidate['discriminator']));
    const declared = owner?.['discriminator'];
    if (!isObject(declared) || typeof declared['propertyName'] !== 'string') return undefined;
    const mapping: { value: string; typeName: string }[] = [];
    if (isObject(declared['mapping'])) {
      for (const [value, target] of Object.entries(declared['mapping'])) {
        if (typeof target !== 'string') continue;
        const resolved = this.typeOf({ $ref: target }, child(from, 'discriminator', 'mapping', value), value, {
          kind: 'component',
          schemaName: value,
        });
        if (resolved.type.kind === 'named') mapping.push({ value, typeName: resolved.type.name });
      }
    }
    mapping.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return { propertyName: declared['propertyName'], mapping };
  }

  #deref(node: JsonObject, from: NodeAddress): JsonObject {
    const resolved = this.#document.resolve<JsonValue>(node, from).value;
    return isObject(resolved) ? resolved : {};
  }

  #addressOf(node: JsonObject, from: NodeAddress): NodeAddress {
    return this.#document.resolve<JsonValue>(node, from).address;
  }
}

function needsNamedType(schema: JsonObject): boolean {
  return (
    Array.isArray(schema['enum']) ||
    schema['properties'] !== undefined ||
    Array.isArray(schema['allOf']) ||
    (schema['type'] === 'object' && !Array.isArray(schema['anyOf']) && !Array.isArray(schema['oneOf']))
  );
}

function placeholderObject(name: string, origin: TypeOrigin): ObjectTypeModel {
  return { kind: 'object', name, origin, properties: [], additionalProperties: true, isError: false };
}

function primitiveOf(schema: JsonObject): TypeRef {
  const format = typeof schema['format'] === 'string' ? schema['format'] : undefined;
  const withFormat = (primitive: 'string' | 'integer' | 'number'): TypeRef => (format ? { kind: 'primitive', primitive, format } : { kind: 'primitive', primitive });
  switch (schema['type']) {
    case 'string':
      return withFormat('string');
    case 'integer':
      return withFormat('integer');
    case 'number':
      return withFormat('number');
    case 'boolean':
      return { kind: 'primitive', primitive: 'boolean' };
    default:
      return ANY;
  }
}

function odataTypeOf(properties: readonly PropertyModel[], componentName: string | undefined): string | undefined {
  if (componentName?.startsWith('microsoft.graph.') && !componentName.startsWith('microsoft.graph.ODataErrors.')) {
    return `#${componentName}`;
  }
  return properties.some((property) => property.wireName === '@odata.type') && componentName ? `#${componentName}` : undefined;
}

/** Short names where unique across the document's components, qualified names where not. */
function assignComponentNames(schemaNames: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const schemaName of schemaNames) {
    const short = typeNameFromSchemaName(schemaName);
    counts.set(short, (counts.get(short) ?? 0) + 1);
  }
  return new Map(
    schemaNames.map((schemaName) => {
      const short = typeNameFromSchemaName(schemaName);
      return [schemaName, (counts.get(short) ?? 0) > 1 ? qualifiedTypeName(schemaName) : short];
    }),
  );
}

/** Per-value descriptions of an enum, as AutoRest's `x-ms-enum.values[].description` gives them. */
function enumValueDescriptions(schema: JsonObject): Map<string, string> {
  const described = new Map<string, string>();
  const extension = schema['x-ms-enum'];
  if (!isObject(extension) || !Array.isArray(extension['values'])) return described;
  for (const entry of extension['values']) {
    if (isObject(entry) && typeof entry['value'] === 'string' && typeof entry['description'] === 'string' && entry['description'].trim() !== '')
      described.set(entry['value'], entry['description'].trim());
  }
  return described;
}
