/**
 * Inheritance facts the model emitters need: ancestors, descendants, which types dispatch on
 * the discriminator, the code names of properties (escaped where they would clash with a
 * member Kiota adds), and where an error type's primary message lives.
 */
import { typesByName, type ApiModel, type ObjectTypeModel, type PropertyModel, type TypeModel } from '../../model/index.js';
import { compareOrdinal } from '../shared/client-surface/identifiers.js';

/** Members Kiota's model interfaces carry besides the described properties. */
const MODEL_MEMBERS = new Set(['additionalData', 'backingStoreEnabled', 'backingStore']);
/** Members of `ApiError` (and `Error`), which error models extend. */
const ERROR_MEMBERS = new Set(['name', 'message', 'stack', 'cause', 'responseStatusCode', 'responseHeaders']);

const DEFAULT_DISCRIMINATOR = '@odata.type';

export interface DispatchCase {
  /** `#microsoft.graph.user` */
  readonly value: string;
  readonly typeName: string;
}

export class ModelHierarchy {
  readonly types: ReadonlyMap<string, TypeModel>;
  readonly #children = new Map<string, string[]>();

  constructor(model: ApiModel) {
    this.types = typesByName(model);
    for (const type of model.types) {
      if (type.kind !== 'object' || type.baseType === undefined) continue;
      const children = this.#children.get(type.baseType) ?? [];
      children.push(type.name);
      this.#children.set(type.baseType, children);
    }
  }

  object(name: string | undefined): ObjectTypeModel | undefined {
    const type = name === undefined ? undefined : this.types.get(name);
    return type?.kind === 'object' ? type : undefined;
  }

  /** Base first: `[entity, directoryObject]` for `user`. */
  ancestors(type: ObjectTypeModel): ObjectTypeModel[] {
    const chain: ObjectTypeModel[] = [];
    const seen = new Set([type.name]);
    for (let base = this.object(type.baseType); base && !seen.has(base.name); base = this.object(base.baseType)) {
      seen.add(base.name);
      chain.unshift(base);
    }
    return chain;
  }

  /** Every type deriving from `type`, directly or not, sorted by name. */
  descendants(type: ObjectTypeModel): ObjectTypeModel[] {
    const found = new Map<string, ObjectTypeModel>();
    const visit = (name: string) => {
      for (const child of this.#children.get(name) ?? []) {
        const childType = this.object(child);
        if (!childType || found.has(child) || child === type.name) continue;
        found.set(child, childType);
        visit(child);
      }
    };
    visit(type.name);
    return [...found.values()].sort((a, b) => compareOrdinal(a.name, b.name));
  }

  /** Whether another type of the model derives from this one. */
  isBase(type: ObjectTypeModel): boolean {
    return (this.#children.get(type.name)?.length ?? 0) > 0;
  }

  /** Error types and types deriving from one: they extend `ApiError`. */
  isErrorType(type: ObjectTypeModel): boolean {
    return type.isError || this.ancestors(type).some((ancestor) => ancestor.isError);
  }

  /** Whether the root of the chain keeps undeclared properties in `additionalData`. */
  holdsAdditionalData(type: ObjectTypeModel): boolean {
    const root = this.ancestors(type)[0] ?? type;
    return root.additionalProperties !== false;
  }

  /**
   * Properties a type declares beyond its ancestors (Graph repeats `@odata.type` in every
   * `allOf` part; it is declared, read and written once, on the first type that has it).
   */
  ownProperties(type: ObjectTypeModel): PropertyModel[] {
    const inherited = new Set(this.ancestors(type).flatMap((ancestor) => ancestor.properties.map((property) => property.wireName)));
    return type.properties.filter((property) => !inherited.has(property.wireName));
  }

  /** Every property, inherited ones first. */
  allProperties(type: ObjectTypeModel): PropertyModel[] {
    return [...this.ancestors(type), type].flatMap((owner) => this.ownProperties(owner));
  }

  /** Code name of a property on `owner`: `message` → `messageEscaped` on error types, like Kiota. */
  memberName(owner: ObjectTypeModel, property: PropertyModel): string {
    const reserved = MODEL_MEMBERS.has(property.name) || (this.isErrorType(owner) && ERROR_MEMBERS.has(property.name));
    return reserved ? `${property.name}Escaped` : property.name;
  }

  /** The wire name of the discriminator property in force for a type (its own or inherited). */
  discriminatorProperty(type: ObjectTypeModel): string | undefined {
    for (const candidate of [type, ...this.ancestors(type).reverse()]) {
      if (candidate.discriminator) return candidate.discriminator.propertyName;
    }
    return undefined;
  }

  /**
   * Discriminator values that select a derived type when reading or writing `type`: the
   * mappings of the type and of its descendants, plus each descendant's own `@odata.type`,
   * restricted to types that really derive from it. Empty when no discriminator applies.
   */
  dispatchCases(type: ObjectTypeModel): DispatchCase[] {
    const propertyName = this.discriminatorProperty(type);
    const descendants = this.descendants(type);
    if (propertyName === undefined || descendants.length === 0) return [];
    const derived = new Set(descendants.map((descendant) => descendant.name));
    const cases = new Map<string, string>();
    for (const source of [type, ...descendants]) {
      for (const entry of source.discriminator?.mapping ?? []) {
        if (derived.has(entry.typeName) && !cases.has(entry.value)) cases.set(entry.value, entry.typeName);
      }
    }
    if (propertyName === DEFAULT_DISCRIMINATOR) {
      for (const descendant of descendants) {
        if (descendant.odataType !== undefined && !cases.has(descendant.odataType)) cases.set(descendant.odataType, descendant.name);
      }
    }
    return [...cases.entries()].map(([value, typeName]) => ({ value, typeName })).sort((a, b) => compareOrdinal(a.value, b.value));
  }

  /**
   * Where `Error.message` comes from for an error type: its own string `message`, or the
   * `message` of an object property (`ODataError.error.message`, Graph's primary error message).
   */
  primaryMessage(type: ObjectTypeModel): { readonly property: PropertyModel; readonly path: string } | undefined {
    if (!this.isErrorType(type)) return undefined;
    for (const property of this.ownProperties(type)) {
      if (property.name === 'message' && property.type.kind === 'primitive' && property.type.primitive === 'string') {
        return { property, path: this.memberName(type, property) };
      }
    }
    for (const property of this.ownProperties(type)) {
      const target = property.type.kind === 'named' ? this.object(property.type.name) : undefined;
      const message = target ? this.allProperties(target).find((candidate) => candidate.name === 'message') : undefined;
      if (target && message && message.type.kind === 'primitive' && message.type.primitive === 'string') {
        return { property, path: `${this.memberName(type, property)}?.${this.memberName(target, message)}` };
      }
    }
    return undefined;
  }
}
