/**
 * The JSON Schema subset the CLI validates input against, derived from the model's types:
 * `$ref`s into one `$defs` table per command, nullability as a `null` type, the client's
 * property name as `x-name` where it differs from the wire name, secrets marked `x-secret`.
 */
import type { JsonSchema } from '@mgkit/cli-contract';
import type { ObjectTypeModel, PropertyModel, TypeModel, TypeRef } from '../../../model/index.js';

/** The JSON Schema subset the runtime validates with: declared once, in @mgkit/cli-contract. */
export type { JsonSchema };

const SECRET_PROPERTY = /(password|secret|token|credential|privatekey|^value$)/i;
const SECRET_HOLDER = /(secret|credential|password)/i;

/**
 * Whether a property holds a secret: `value` of a secret/credential pair type
 * (`SynchronizationSecretKeyStringValuePair.value`), or a property named like a secret.
 */
export function isSecretProperty(owner: ObjectTypeModel, property: PropertyModel): boolean {
  if (property.type.kind !== 'primitive' || property.type.primitive !== 'string') return false;
  if (/^(password|secret|clientSecret|secretText|token|accessToken|refreshToken)$/i.test(property.wireName)) return true;
  return SECRET_PROPERTY.test(property.wireName) && SECRET_HOLDER.test(owner.name);
}

export class SchemaBuilder {
  readonly defs = new Map<string, JsonSchema>();
  readonly #references = new Map<string, readonly string[]>();
  private readonly types: ReadonlyMap<string, TypeModel>;

  /** `types`: the model's types by name. */
  constructor(types: ReadonlyMap<string, TypeModel>) {
    this.types = types;
  }

  /** Schema of a type reference; named types land in `defs` and are referenced. */
  ref(type: TypeRef, nullable = false): JsonSchema {
    const schema = this.refNonNull(type);
    if (!nullable) return schema;
    if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
    return { anyOf: [schema, { type: 'null' }] };
  }

  private refNonNull(type: TypeRef): JsonSchema {
    switch (type.kind) {
      case 'primitive':
        if (type.primitive === 'any') return {};
        return { type: type.primitive, ...(type.format !== undefined && { format: type.format }) };
      case 'collection':
        return { type: 'array', items: this.ref(type.items) };
      case 'map':
        return { type: 'object', additionalProperties: this.ref(type.values) };
      case 'union':
        return { anyOf: type.members.map((member) => this.ref(member)) };
      case 'named':
        this.define(type.name);
        return { $ref: `#/$defs/${type.name}` };
    }
  }

  /** Adds a named type (and every type it reaches) to `defs`. */
  define(name: string): void {
    if (this.defs.has(name)) return;
    const type = this.types.get(name);
    if (!type) {
      this.defs.set(name, { title: name });
      return;
    }
    if (type.kind === 'enum') {
      this.defs.set(name, {
        title: name,
        type: 'string',
        enum: type.members.map((member) => member.value),
        ...(type.description !== undefined && { description: type.description }),
      });
      return;
    }
    const placeholder: JsonSchema = { title: name };
    this.defs.set(name, placeholder);
    Object.assign(placeholder, this.objectSchema(type));
  }

  private objectSchema(type: ObjectTypeModel): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of this.allProperties(type)) {
      const schema: JsonSchema = {
        ...this.ref(property.type, property.nullable),
        ...(property.description !== undefined && { description: property.description }),
        ...(property.name !== property.wireName && { 'x-name': property.name }),
        ...(isSecretProperty(type, property) && { 'x-secret': true }),
      };
      // defined, not assigned: `properties['__proto__'] = …` would set the prototype
      Object.defineProperty(properties, property.wireName, { value: schema, enumerable: true, writable: true, configurable: true });
      if (property.required) required.push(property.wireName);
    }
    const additional = type.additionalProperties;
    return {
      title: type.name,
      type: 'object',
      ...(type.description !== undefined && { description: type.description }),
      properties,
      ...(required.length > 0 && { required }),
      additionalProperties: typeof additional === 'boolean' ? additional : this.ref(additional),
    };
  }

  /** Own and inherited properties, base first. */
  private allProperties(type: ObjectTypeModel): PropertyModel[] {
    const base = type.baseType ? this.types.get(type.baseType) : undefined;
    const inherited = base?.kind === 'object' ? this.allProperties(base) : [];
    return [...inherited, ...type.properties];
  }

  /** The `defs` table, sorted by name for deterministic output. */
  sortedDefs(): Record<string, JsonSchema> {
    return Object.fromEntries([...this.defs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** The definitions a value's `$ref`s reach, transitively, sorted by name. */
  closureOf(value: unknown): Record<string, JsonSchema> {
    const reached = new Set<string>();
    const pending = referencedNames(value);
    while (pending.length > 0) {
      const name = pending.pop() as string;
      if (reached.has(name) || !this.defs.has(name)) continue;
      reached.add(name);
      pending.push(...this.#directReferences(name));
    }
    return Object.fromEntries([...reached].sort().map((name) => [name, this.defs.get(name) as JsonSchema]));
  }

  /** The names a definition refers to, found once: a module's commands reach the same definitions again and again. */
  #directReferences(name: string): readonly string[] {
    let names = this.#references.get(name);
    if (!names) {
      names = referencedNames(this.defs.get(name));
      this.#references.set(name, names);
    }
    return names;
  }

  /** Resolves a `$ref` schema to its definition (one level). */
  resolve(schema: JsonSchema): JsonSchema {
    if (!schema.$ref) return schema;
    return this.defs.get(schema.$ref.replace('#/$defs/', '')) ?? schema;
  }
}

/** The definition names a schema's `$ref`s name, nested `$defs` tables left out. */
function referencedNames(value: unknown): string[] {
  const names: string[] = [];
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string') names.push(child.replace('#/$defs/', ''));
        else if (key !== '$defs') pending.push(child);
      }
    }
  }
  return names;
}
