import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics/index.js';
import { appendPointer, type JsonObject, type JsonValue, type NodeAddress, type OpenApiDocument, type OpenApiOperation } from '../sources/openapi/index.js';
import type { UnboundCommand } from './build-commands.js';
import { baseSetName, normalise, nounBag, nounFormsOfPath, nounScore, verbAllowsMethod, withoutPrepositions, type NounForms } from './noun-matching.js';
import { splitWords } from './names.js';
import type { BehaviourSwitch, BindingRule, CommandModel, ComplexPropertyModel, IdentityKeyModel, ParameterBindingModel, ParameterRole, ParameterSetModel } from './types.js';

/** An operation a set calls, and the rule that found it. */
interface FoundOperation {
  readonly operation: OpenApiOperation;
  readonly rule: BindingRule;
}

/** Cmdlet name → set name (or `*`) → `METHOD /path` or operationId. */
export type ExplicitBindings = Readonly<Record<string, Readonly<Record<string, string>>>>;

const BEHAVIOURS: readonly BehaviourSwitch[] = [
  'PassThru',
  'WhatIf',
  'Confirm',
  'All',
  'PageSize',
  'CountVariable',
  'OutFile',
  'Break',
  'HttpPipelineAppend',
  'HttpPipelinePrepend',
  'Proxy',
  'ProxyCredential',
  'ProxyUseDefaultCredentials',
];

/** AutoRest names the file parameter of a binary property `<Property>InputFile`. */
const INPUT_FILE = 'inputfile';
/** The string formats of a property that holds bytes (what an `-<Property>InputFile` may fill). */
const BYTE_FORMATS = new Set(['byte', 'base64url', 'binary']);

/** PowerShell parameter names that differ from the OData query option they set. */
const QUERY_ALIASES: Readonly<Record<string, string>> = {
  property: 'select',
  expandproperty: 'expand',
  sort: 'orderby',
};

function pathParameterClash(normalisedName: string, operation: OpenApiOperation): boolean {
  const withoutDigits = normalisedName.replace(/\d+$/, '');
  return withoutDigits !== normalisedName && operation.parameters.some((p) => p.in === 'path' && normalise(p.name) === withoutDigits);
}

/** Where the set's `### Name` block sits in the help file. */
function syntaxPosition(command: UnboundCommand, setName: string | undefined): { line?: number; column?: number } {
  const block = command.help.syntax.find((candidate) => candidate.setName === setName);
  return block ? { line: block.position.line, column: block.position.column } : {};
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class CommandBinder {
  readonly #document: OpenApiDocument;
  readonly #diagnostics: DiagnosticBag;
  readonly #bindings: ExplicitBindings;
  readonly #keyOf = new Map<OpenApiOperation, string>();
  readonly #operationOf = new Map<string, OpenApiOperation>();
  readonly #nounForms = new Map<OpenApiOperation, NounForms>();
  /** Operations by each word bag their path may be named by: a noun looks up its candidates, not every operation. */
  readonly #operationsByNoun = new Map<string, OpenApiOperation[]>();
  readonly #pathKeyNames = new Set<string>();
  readonly #bodyProperties = new Map<OpenApiOperation, string[]>();
  /** `METHOD /path property` of body properties that hold bytes (base64 strings). */
  readonly #byteProperties = new Set<string>();

  constructor(document: OpenApiDocument, diagnostics: DiagnosticBag, bindings: ExplicitBindings, keys: ReadonlyMap<OpenApiOperation, string>) {
    this.#document = document;
    this.#diagnostics = diagnostics;
    this.#bindings = bindings;
    for (const operation of document.operations) {
      this.#keyOf.set(operation, keys.get(operation) ?? '');
      this.#operationOf.set(keys.get(operation) ?? '', operation);
      const forms = nounFormsOfPath(operation);
      this.#nounForms.set(operation, forms);
      for (const bag of new Set(forms.forms.map((form) => form.bag))) {
        const list = this.#operationsByNoun.get(bag);
        if (list) list.push(operation);
        else this.#operationsByNoun.set(bag, [operation]);
      }
      for (const parameter of operation.parameters) if (parameter.in === 'path') this.#pathKeyNames.add(normalise(parameter.name));
    }
  }

  /** The model key of an operation of the document (as `buildOperation` derives it). */
  keyOf(operation: OpenApiOperation): string {
    return this.#keyOf.get(operation) ?? '';
  }

  bind(command: UnboundCommand): { command: CommandModel; operations: OpenApiOperation[] } {
    const operationByBase = new Map<string, { operation: OpenApiOperation; rule: BindingRule } | undefined>();
    for (const set of command.parameterSets) {
      const base = baseSetName(set.name);
      if (!operationByBase.has(base)) operationByBase.set(base, this.#findOperation(command, base));
    }
    const parameterSets: ParameterSetModel[] = command.parameterSets.map((set) => {
      let found = operationByBase.get(baseSetName(set.name));
      if (!found) {
        return { name: set.name, isDefault: set.isDefault, usage: set.usage, parameters: set.parameters };
      }
      let problem = this.#inconsistency(command, set, found.operation);
      if (problem && found.rule !== 'config') {
        // The sets of one base name usually call one operation, but `ApplyExpanded` may call the
        // collection's action where `Apply` calls the item's: look again for this set alone.
        const own = this.#findOperation(command, set.name, [set]);
        if (own && !this.#inconsistency(command, set, own.operation)) found = own;
        else if (own) problem = this.#inconsistency(command, set, own.operation);
        else return { name: set.name, isDefault: set.isDefault, usage: set.usage, parameters: set.parameters };
        if (found === own) problem = undefined;
      }
      if (!problem && found.rule !== 'config') found = this.#fittest(command, set, found, operationByBase.values());
      if (problem) {
        const report = found.rule === 'config' ? this.#diagnostics.error.bind(this.#diagnostics) : this.#diagnostics.warning.bind(this.#diagnostics);
        report({
          code: 'bind/inconsistent',
          message: `parameter set ${set.name} of ${command.name} cannot call ${found.operation.method.toUpperCase()} ${found.operation.path} (found by ${found.rule}): ${problem}`,
          file: command.source.file,
          ...syntaxPosition(command, set.name),
          hint: `name the operation it calls with "bindings: { ${command.name}: { ${set.name}: 'METHOD /path' } }" in mgkit.config.yaml`,
        });
        return { name: set.name, isDefault: set.isDefault, usage: set.usage, parameters: set.parameters };
      }
      return {
        name: set.name,
        isDefault: set.isDefault,
        usage: set.usage,
        operationKey: this.keyOf(found.operation),
        boundBy: found.rule,
        parameters: set.parameters.map((binding) => this.#bindParameter(command, set.name, binding, found.operation)),
      };
    });
    const { help: _help, ...facts } = command;
    const operations = [...new Set(parameterSets.flatMap((set) => (set.operationKey ? [this.#operationOf.get(set.operationKey)] : [])).filter((operation) => operation !== undefined))];
    return { command: { ...facts, parameterSets }, operations };
  }

  /**
   * Of `found`, the set's own look-up and the operations its command's other sets call, the one
   * that gives most of the set's parameters a role (ties keep `found`). An identity fills any
   * item's keys, so `ApplyViaIdentityExpanded` could call the item's `applyHold` that `Apply`
   * calls, but its body (`-Ids`) is the collection action's; and `Get-MgCommunicationOnlineMeeting
   * -ExternalId …` (set `GetExpanded`) is the expanded body of `createOrGet`, which its set `Get1`
   * names by its body type, not a list.
   */
  #fittest(command: UnboundCommand, set: UnboundCommand['parameterSets'][number], found: FoundOperation, siblings: Iterable<FoundOperation | undefined>): FoundOperation {
    let unbound = this.#unboundParameters(command, set, found.operation);
    if (unbound === 0) return found;
    let fittest = found;
    for (const candidate of [this.#findOperation(command, set.name, [set]), ...siblings]) {
      if (!candidate || candidate.operation === fittest.operation || this.#inconsistency(command, set, candidate.operation)) continue;
      const candidateUnbound = this.#unboundParameters(command, set, candidate.operation);
      if (candidateUnbound < unbound) {
        fittest = candidate;
        unbound = candidateUnbound;
      }
    }
    return fittest;
  }

  /** How many of a set's parameters would have no role calling `operation`. */
  #unboundParameters(command: UnboundCommand, set: UnboundCommand['parameterSets'][number], operation: OpenApiOperation): number {
    return set.parameters.filter((binding) => !this.#roleOf(command, binding.parameter, operation)).length;
  }

  /**
   * Why a set cannot call an operation, whichever rule found it: a path key it has no parameter
   * (or identity property) for, or a CRUD verb that says another method (`Get-…` on a POST).
   */
  #inconsistency(command: UnboundCommand, set: UnboundCommand['parameterSets'][number], operation: OpenApiOperation): string | undefined {
    const available = this.#availableKeys(command, [set]);
    const missing = operation.parameters.filter((p) => p.in === 'path' && !available.has(normalise(p.name))).map((p) => `{${p.name}}`);
    if (missing.length > 0) return `nothing in the set fills ${missing.join(', ')}`;
    if (!verbAllowsMethod(command.verb, operation)) return `the verb ${command.verb} does not ${operation.method.toUpperCase()} an entity`;
    return undefined;
  }

  #findOperation(command: UnboundCommand, base: string, sets = command.parameterSets.filter((set) => baseSetName(set.name) === base)): { operation: OpenApiOperation; rule: BindingRule } | undefined {
    const explicit = this.#explicit(
      command,
      sets.map((set) => set.name),
    );
    if (explicit !== undefined) return explicit ? { operation: explicit, rule: 'config' } : undefined;

    const byBodyType = this.#byBodyTypeName(
      command,
      sets.map((set) => set.name),
    );
    if (byBodyType) return { operation: byBodyType, rule: 'body-type-name' };

    const byNoun = this.#byNounAndKeys(command, sets);
    if (byNoun) return { operation: byNoun, rule: 'noun-and-keys' };

    const bySynopsis = this.#bySynopsisAction(command, sets);
    if (bySynopsis) return { operation: bySynopsis, rule: 'synopsis-action' };

    this.#diagnostics.warning({
      code: 'bind/no-operation',
      message: `parameter set ${sets.map((set) => set.name).join('/')} of ${command.name} matches no operation of ${this.#document.file}: no body type names its path and no ${command.verb === 'Get' ? 'GET or action' : command.verb} operation has path words '${command.noun}' with keys ${this.#keyParameters(command, sets).join(', ') || '(none)'}`,
      file: command.source.file,
      ...syntaxPosition(command, sets[0]?.name),
      hint: `add "bindings: { ${command.name}: { ${base}: 'METHOD /path' } }" to mgkit.config.yaml, or include the operation's path in the description`,
    });
    return undefined;
  }

  /** `undefined`: no explicit entry; `null`: an entry naming nothing (reported). */
  #explicit(command: UnboundCommand, setNames: readonly string[]): OpenApiOperation | null | undefined {
    const entry = Object.entries(this.#bindings).find(([name]) => name.toLowerCase() === command.name.toLowerCase())?.[1];
    if (!entry) return undefined;
    const target = setNames.map((name) => entry[name]).find((value) => value !== undefined) ?? entry['*'];
    if (target === undefined) return undefined;
    const match = /^([A-Za-z]+)\s+(\/.*)$/.exec(target.trim());
    const operation = this.#document.operations.find((candidate) =>
      match ? candidate.method === match[1]?.toLowerCase() && candidate.path === match[2] : candidate.operationId === target || candidate.declaredOperationId === target,
    );
    if (operation) return operation;
    this.#diagnostics.error({
      code: 'config/unknown-binding-target',
      message: `bindings for ${command.name} name '${target}', which is not an operation of ${path.basename(this.#document.file)}`,
      hint: `write 'METHOD /path' exactly as in the description, or an operationId`,
    });
    return null;
  }

  /**
   * AutoRest names the body type after the path: `IPaths1Rpqowm` + path words + method +
   * `RequestbodyContent…`. The longest path that matches wins: `POST /groups` is inside the
   * name of `POST /groups/{group-id}/microsoft.graph.checkMemberGroups`'s body too, and a first
   * hit bound Get-MgGroupMemberGroup to creating a group. A candidate whose path keys the set
   * cannot fill is no match; two equally long matches are an error naming both.
   */
  #byBodyTypeName(command: UnboundCommand, setNames: readonly string[]): OpenApiOperation | undefined {
    const typeNames = command.parameters
      .filter((parameter) => parameter.parameterSets.some((set) => setNames.includes(set)))
      .map((parameter) => normalise(parameter.dotnetType.split('.').pop() ?? ''))
      .filter((name) => name.startsWith('ipaths') && name.includes('requestbodycontent'));
    if (typeNames.length === 0) return undefined;
    const sets = command.parameterSets.filter((set) => setNames.includes(set.name));
    const available = new Set([
      ...sets.flatMap((set) => set.parameters.map((p) => normalise(p.parameter))),
      ...(sets.some((set) => /ViaIdentity/.test(set.name)) ? this.#identityTree(command).map((property) => normalise(property.name)) : []),
    ]);
    const matches = this.#document.operations
      .map((operation) => ({ operation, expected: `${normalise(operation.path)}${operation.method}requestbodycontent` }))
      .filter(({ expected }) => typeNames.some((name) => name.includes(expected)))
      .filter(({ operation }) => operation.parameters.filter((p) => p.in === 'path').every((p) => available.has(normalise(p.name))));
    if (matches.length === 0) return undefined;
    const longest = Math.max(...matches.map((match) => match.expected.length));
    const best = matches.filter((match) => match.expected.length === longest);
    if (best.length > 1) {
      this.#diagnostics.error({
        code: 'bind/ambiguous-body-type',
        message: `${command.name} (${setNames.join('/')}): its body type names ${best.map(({ operation }) => `${operation.method.toUpperCase()} ${operation.path}`).join(' and ')} equally well`,
        file: command.source.file,
        ...syntaxPosition(command, setNames[0]),
        hint: `choose one with "bindings: { ${command.name}: { '*': 'METHOD /path' } }" in mgkit.config.yaml`,
      });
      return undefined;
    }
    return best[0]?.operation;
  }

  #keyParameters(command: UnboundCommand, sets: UnboundCommand['parameterSets']): string[] {
    const names = new Set(sets.flatMap((set) => set.parameters.map((p) => p.parameter)));
    return [...names].filter((name) => name.endsWith('Id'));
  }

  /**
   * By noun and keys; failing that, by the noun without the prepositions the PowerShell SDK adds to
   * some action names (`Remove-MgGroupFromLifecyclePolicy` is `removeGroup`, `Add-MgGroupToLifecyclePolicy` `addGroup`).
   */
  #byNounAndKeys(command: UnboundCommand, sets: UnboundCommand['parameterSets']): OpenApiOperation | undefined {
    const noun = nounBag(command.noun);
    const plain = withoutPrepositions(noun);
    return this.#byNounBagAndKeys(command, sets, noun) ?? (plain === noun ? undefined : this.#byNounBagAndKeys(command, sets, plain));
  }

  #byNounBagAndKeys(command: UnboundCommand, sets: UnboundCommand['parameterSets'], noun: string): OpenApiOperation | undefined {
    const parameterNames = new Set(sets.flatMap((set) => set.parameters.map((p) => normalise(p.parameter))));
    const viaIdentity = sets.every((set) => /ViaIdentity/.test(set.name));
    const available = this.#availableKeys(command, sets);
    const verbHints = [command.verb.toLowerCase(), ...sets.map((set) => baseSetName(set.name).replace(/\d+$/, '').toLowerCase())];
    const setParameters = [...new Set(sets.flatMap((set) => set.parameters.map((p) => p.parameter)))];
    let best: { operation: OpenApiOperation; score: number } | undefined;
    for (const operation of this.#operationsByNoun.get(noun) ?? []) {
      const forms = this.#nounForms.get(operation);
      const nameScore = forms ? nounScore(forms, noun, verbHints) : 0;
      if (nameScore === 0 || !verbAllowsMethod(command.verb, operation)) continue;
      const keys = operation.parameters.filter((p) => p.in === 'path').map((p) => normalise(p.name));
      if (!keys.every((key) => available.has(key))) continue;
      const bodyProperties = new Set(this.#bodyPropertyNames(operation).map(normalise));
      const unusedKeyParameters = viaIdentity
        ? 0
        : [...parameterNames].filter((name) => name.endsWith('id') && !keys.includes(name) && !bodyProperties.has(name) && this.#pathKeyNames.has(name)).length;
      if (unusedKeyParameters > 0) continue;
      // Prefer the operation that gives every parameter a role (a List set's -Top needs a collection GET).
      const unboundParameters = setParameters.filter((name) => !this.#roleOf(command, name, operation)).length;
      const score = nameScore * 1000 - unboundParameters * 10 + keys.length;
      if (!best || score > best.score) best = { operation, score };
    }
    return best?.operation;
  }

  /**
   * AutoRest misnames some nouns (`Invoke-MgGraphUserDrive` calls `sharedWithMe`), but its
   * synopsis then says `Invoke function sharedWithMe`: the operations ending in that action whose
   * keys the sets fill, the one using most keys. Two equally good are no match (reported as
   * unbound), never a guess.
   */
  #bySynopsisAction(command: UnboundCommand, sets: UnboundCommand['parameterSets']): OpenApiOperation | undefined {
    const named = /^Invoke (function|action) (\w+)\s*$/.exec(command.synopsis?.trim() ?? '');
    if (!named) return undefined;
    const [, kind, action] = named;
    const available = this.#availableKeys(command, sets);
    const candidates = this.#document.operations.filter((operation) => {
      const last = operation.path.split('/').pop() ?? '';
      const name = last.replace(/\(.*$/, '').split('.').pop() ?? '';
      if (name !== action || (kind === 'function') !== (operation.method === 'get')) return false;
      return operation.parameters.filter((p) => p.in === 'path').every((p) => available.has(normalise(p.name)));
    });
    const keyCount = (operation: OpenApiOperation) => operation.parameters.filter((p) => p.in === 'path').length;
    const most = Math.max(...candidates.map(keyCount));
    const best = candidates.filter((operation) => keyCount(operation) === most);
    return best.length === 1 ? best[0] : undefined;
  }

  #availableKeys(command: UnboundCommand, sets: UnboundCommand['parameterSets']): Set<string> {
    const viaIdentity = sets.every((set) => /ViaIdentity/.test(set.name));
    if (viaIdentity) return new Set(this.#identityTree(command).map((property) => normalise(property.name)));
    return new Set(sets.flatMap((set) => set.parameters.map((p) => normalise(p.parameter))));
  }

  #identityTree(command: UnboundCommand): readonly ComplexPropertyModel[] {
    return command.parameters.find((parameter) => parameter.name === 'InputObject')?.complexProperties ?? [];
  }

  #bindParameter(command: UnboundCommand, setName: string, binding: Omit<ParameterBindingModel, 'role'>, operation: OpenApiOperation): ParameterBindingModel {
    const role = this.#roleOf(command, binding.parameter, operation);
    if (!role) {
      const parameter = command.help.parameters.find((candidate) => candidate.name === binding.parameter);
      this.#diagnostics.warning({
        code: 'bind/unbound-parameter',
        message: `parameter -${binding.parameter} of ${command.name} (set ${setName}) matches nothing of ${operation.method.toUpperCase()} ${operation.path}`,
        file: command.source.file,
        ...(parameter && { line: parameter.position.line, column: parameter.position.column }),
        hint: 'the cmdlet help and the description disagree; regenerate the help or fix the description',
      });
    }
    return role ? { ...binding, role } : binding;
  }

  #roleOf(command: UnboundCommand, name: string, operation: OpenApiOperation): ParameterRole | undefined {
    const wanted = normalise(name);
    const parameter = command.parameters.find((p) => p.name === name);
    const pathParameter = operation.parameters.find((p) => p.in === 'path' && normalise(p.name) === wanted);
    if (pathParameter) return { kind: 'path-key', pathParameter: pathParameter.name };
    if (name === 'InputObject' || (parameter?.dotnetType ?? '').endsWith('Identity')) {
      return { kind: 'identity', keys: this.#identityKeys(command, operation) };
    }
    if (name === 'BodyParameter' || name === 'InFile') return operation.requestBody ? { kind: 'body' } : undefined;
    if (name === 'AdditionalProperties') return operation.requestBody ? { kind: 'additional-properties' } : undefined;
    if (name === 'Headers') return { kind: 'request-headers' };
    if (name === 'ResponseHeadersVariable') return { kind: 'response-headers' };
    const behaviour = BEHAVIOURS.find((candidate) => candidate === name);
    if (behaviour) return { kind: 'behaviour', behaviour };
    const queryName = QUERY_ALIASES[wanted] ?? wanted;
    const query = operation.parameters.find((p) => p.in === 'query' && normalise(p.name) === queryName);
    if (query) return { kind: 'query', queryParameter: query.name };
    const header = operation.parameters.find((p) => p.in === 'header' && normalise(p.name) === wanted);
    if (header) return { kind: 'header', header: header.name };
    // AutoRest appends a digit when a body property's name clashes with a path key: -ApplicationId1.
    const propertyWanted = pathParameterClash(wanted, operation) ? wanted.replace(/\d+$/, '') : wanted;
    const properties = this.#bodyPropertyNames(operation);
    const bodyProperty =
      properties.find((property) => normalise(property) === propertyWanted) ??
      // -Property and -Sort of an action whose body selects and orders (getCachedReport: select, orderBy)
      (QUERY_ALIASES[propertyWanted] !== undefined ? properties.find((property) => normalise(property) === QUERY_ALIASES[propertyWanted]) : undefined);
    if (bodyProperty) return { kind: 'body-property', property: bodyProperty };
    // -LogoInputFile: a file whose bytes fill the `logo` property (AutoRest's stream properties)
    const fileProperty = wanted.endsWith(INPUT_FILE)
      ? properties.find((property) => normalise(property) === wanted.slice(0, -INPUT_FILE.length) && this.#byteProperties.has(`${operation.method} ${operation.path} ${property}`))
      : undefined;
    if (fileProperty) return { kind: 'body-property', property: fileProperty, fromFile: true };
    return undefined;
  }

  #identityKeys(command: UnboundCommand, operation: OpenApiOperation): IdentityKeyModel[] {
    const tree = this.#identityTree(command);
    const keys: IdentityKeyModel[] = [];
    for (const pathParameter of operation.parameters.filter((p) => p.in === 'path')) {
      const wanted = normalise(pathParameter.name);
      const primary = tree.find((property) => normalise(property.name) === wanted);
      keys.push({
        property:
          primary?.name ??
          splitWords(pathParameter.name)
            .map((w) => w[0]?.toUpperCase() + w.slice(1))
            .join(''),
        pathParameter: pathParameter.name,
        alternate: false,
        ...(primary?.description && { description: primary.description }),
      });
      const keyType = pathParameter.keyType?.toLowerCase();
      for (const property of tree) {
        const alternateOf = /^Alternate key of (\w+)/i.exec(property.description)?.[1]?.toLowerCase();
        if (keyType && alternateOf === keyType) {
          keys.push({ property: property.name, pathParameter: pathParameter.name, alternate: true, description: property.description });
        }
      }
    }
    return keys;
  }

  #bodyPropertyNames(operation: OpenApiOperation): string[] {
    let names = this.#bodyProperties.get(operation);
    if (!names) {
      names = this.#collectBodyPropertyNames(operation);
      this.#bodyProperties.set(operation, names);
    }
    return names;
  }

  /** Property names of the JSON request body, through `$ref` and `allOf`. */
  #collectBodyPropertyNames(operation: OpenApiOperation): string[] {
    const media = operation.requestBody?.content.find((m) => /json/.test(m.contentType)) ?? operation.requestBody?.content[0];
    if (!media?.schema || !operation.requestBody) return [];
    const names = new Set<string>();
    const visited = new Set<string>();
    const visit = (node: JsonValue, from: NodeAddress) => {
      const resolved = this.#document.resolve(node, from);
      const id = `${resolved.address.file}#${resolved.address.pointer}`;
      if (visited.has(id) || !isObject(resolved.value)) return;
      visited.add(id);
      const schema = resolved.value;
      if (isObject(schema['properties'])) {
        for (const [key, property] of Object.entries(schema['properties'])) {
          names.add(key);
          if (isObject(property) && BYTE_FORMATS.has(String(property['format']))) this.#byteProperties.add(`${operation.method} ${operation.path} ${key}`);
        }
      }
      if (Array.isArray(schema['allOf'])) {
        schema['allOf'].forEach((member, index) => visit(member, { file: resolved.address.file, pointer: appendPointer(resolved.address.pointer, 'allOf', index) }));
      }
    };
    visit(media.schema, media.schemaAddress);
    return [...names];
  }
}
