/**
 * What the cmdlet help (platyPS) adds to the client's JSDoc: the cmdlets that call an
 * operation, the PowerShell names and aliases of path keys, the parameters that carry the
 * request body, and property descriptions from the NOTES section where the description has none.
 */
import {
  operationByKey,
  typesByName,
  type ApiModel,
  type CommandModel,
  type CommandParameterModel,
  type ComplexPropertyModel,
  type ObjectTypeModel,
  type TypeModel,
  type TypeRef,
} from '../../model/index.js';
import { compareOrdinal } from '../shared/client-surface/identifiers.js';
import { firstHelpLine, isMeaningful } from './jsdoc.js';

export interface PathKeyHelp {
  /** `ApplicationId` */
  readonly parameter: string;
  readonly aliases: readonly string[];
  readonly description?: string;
}

export class HelpIndex {
  readonly #commandsByOperation = new Map<string, CommandModel[]>();
  readonly #pathKeys = new Map<string, PathKeyHelp>();
  /** `operationKey whole|expanded` → cmdlet parameters that carry the request body. */
  readonly #bodyParameters = new Map<string, string[]>();
  /** type name → wire property name (lower case) → description */
  readonly #propertyDocs = new Map<string, Map<string, string>>();
  readonly #types: ReadonlyMap<string, TypeModel>;
  /** path parameter → the identity object's alternate keys for it (`application-id` → `AppId`) */
  readonly #alternateKeys = new Map<string, string[]>();

  constructor(model: ApiModel) {
    this.#types = typesByName(model);
    for (const command of model.commands) this.#indexCommand(command, model);
    for (const commands of this.#commandsByOperation.values()) commands.sort((a, b) => compareOrdinal(a.name, b.name));
  }

  /** Cmdlets with a parameter set bound to the operation, by name. */
  commandsFor(operationKey: string): readonly CommandModel[] {
    return this.#commandsByOperation.get(operationKey) ?? [];
  }

  /** The cmdlet parameter that fills a path parameter of an operation. */
  pathKey(operationKey: string, pathParameter: string): PathKeyHelp | undefined {
    return this.#pathKeys.get(`${operationKey} ${pathParameter}`);
  }

  /**
   * The cmdlet parameters that carry an operation's request body: the whole body
   * (`-BodyParameter`) and, in expanded sets, one parameter per property (`-Credentials`,
   * `-AdditionalProperties`); in help order, without repeats.
   */
  bodyParameters(operationKey: string): { readonly whole: readonly string[]; readonly expanded: readonly string[] } {
    return {
      whole: this.#bodyParameters.get(`${operationKey} whole`) ?? [],
      expanded: this.#bodyParameters.get(`${operationKey} expanded`) ?? [],
    };
  }

  /** Alternate keys (`AppId`) the cmdlet help names for the item a path parameter addresses. */
  alternateKeys(pathParameter: string): readonly string[] {
    return this.#alternateKeys.get(pathParameter) ?? [];
  }

  /** A property description from the cmdlet help, when it has one. */
  propertyDescription(typeName: string, wireName: string): string | undefined {
    return this.#propertyDocs.get(typeName)?.get(wireName.toLowerCase());
  }

  #indexCommand(command: CommandModel, model: ApiModel): void {
    const parameters = new Map(command.parameters.map((parameter) => [parameter.name, parameter]));
    for (const set of command.parameterSets) {
      const operation = operationByKey(model, set.operationKey);
      if (!operation) continue;
      const listed = this.#commandsByOperation.get(operation.key) ?? [];
      if (!listed.includes(command)) listed.push(command);
      this.#commandsByOperation.set(operation.key, listed);
      for (const binding of set.parameters) {
        const parameter = parameters.get(binding.parameter);
        const role = binding.role;
        if (!parameter || !role) continue;
        if (role.kind === 'path-key') this.#addPathKey(operation.key, role.pathParameter, parameter);
        if (role.kind === 'identity') for (const key of role.keys) if (key.alternate) this.#addAlternateKey(key.pathParameter, key.property);
        if (role.kind === 'body') this.#addBodyParameter(`${operation.key} whole`, parameter.name);
        if (role.kind === 'body-property' || role.kind === 'additional-properties') this.#addBodyParameter(`${operation.key} expanded`, parameter.name);
        const bodyType = operation.requestBody?.type;
        if (role.kind === 'body' && bodyType) this.#addComplex(bodyType, parameter.complexProperties ?? []);
        if (role.kind === 'body-property' && bodyType?.kind === 'named') {
          this.#addDoc(bodyType.name, role.property, firstHelpLine(parameter.description));
          const property = this.#objectType(bodyType.name)?.properties.find((candidate) => candidate.wireName === role.property);
          if (property) this.#addComplex(property.type, parameter.complexProperties ?? []);
        }
      }
    }
  }

  #addPathKey(operationKey: string, pathParameter: string, parameter: CommandParameterModel): void {
    const key = `${operationKey} ${pathParameter}`;
    if (this.#pathKeys.has(key)) return;
    const description = firstHelpLine(parameter.description);
    this.#pathKeys.set(key, {
      parameter: parameter.name,
      aliases: parameter.aliases,
      ...(isMeaningful(description) && { description }),
    });
  }

  #addAlternateKey(pathParameter: string, property: string): void {
    const keys = this.#alternateKeys.get(pathParameter) ?? [];
    if (!keys.includes(property)) keys.push(property);
    this.#alternateKeys.set(pathParameter, keys.sort(compareOrdinal));
  }

  #addBodyParameter(key: string, parameterName: string): void {
    const names = this.#bodyParameters.get(key) ?? [];
    if (!names.includes(parameterName)) names.push(parameterName);
    this.#bodyParameters.set(key, names);
  }

  /** Walk NOTES property trees along the type they describe. */
  #addComplex(ref: TypeRef, properties: readonly ComplexPropertyModel[]): void {
    const target = ref.kind === 'collection' ? ref.items : ref;
    if (target.kind !== 'named') return;
    const type = this.#objectType(target.name);
    if (!type) return;
    for (const complex of properties) {
      const property = type.properties.find((candidate) => candidate.wireName.toLowerCase() === complex.name.toLowerCase());
      if (!property) continue;
      this.#addDoc(type.name, property.wireName, complex.description.trim());
      if (complex.properties.length > 0) this.#addComplex(property.type, complex.properties);
    }
  }

  /** Keeps real sentences only: not platyPS placeholders, not a bare type name (`synchronizationSecret`). */
  #addDoc(typeName: string, wireName: string, description: string): void {
    if (!isMeaningful(description) || /^[A-Za-z][A-Za-z0-9.]*$/.test(description)) return;
    const docs = this.#propertyDocs.get(typeName) ?? new Map<string, string>();
    if (!docs.has(wireName.toLowerCase())) docs.set(wireName.toLowerCase(), description);
    this.#propertyDocs.set(typeName, docs);
  }

  #objectType(name: string): ObjectTypeModel | undefined {
    const type = this.#types.get(name);
    return type?.kind === 'object' ? type : undefined;
  }
}
