/**
 * How a cmdlet parameter set (and the CLI command mirroring it) is called with an operation's
 * example value: which parameter gets which part of the value. Shared by the PowerShell and CLI
 * renderings, so both pass the same values as the HTTP and TypeScript tabs.
 */
import type { ApiModel, CommandModel, CommandParameterModel, OperationModel, ParameterRole, ParameterSetModel } from '../../model/index.js';
import type { ExampleValue, OperationExample } from './example-value.js';

export type SetStyle = 'expanded' | 'body' | 'identity-expanded' | 'identity-body';

export interface Invocation {
  readonly command: CommandModel;
  readonly set: ParameterSetModel;
  readonly style: SetStyle;
  readonly arguments: readonly InvocationArgument[];
}

export interface InvocationArgument {
  readonly parameter: CommandParameterModel;
  readonly role: ParameterRole;
  readonly value: ExampleValue;
}

export function setStyle(set: ParameterSetModel): SetStyle {
  const kinds = new Set(set.parameters.map((binding) => binding.role?.kind));
  const identity = kinds.has('identity');
  if (kinds.has('body')) return identity ? 'identity-body' : 'body';
  return identity ? 'identity-expanded' : 'expanded';
}

/** Parameter sets bound to the operation, by command, in a stable order. */
export function invocationsOf(model: ApiModel, operation: OperationModel, example: OperationExample): Invocation[] {
  const result: Invocation[] = [];
  for (const command of model.commands) {
    for (const set of command.parameterSets) {
      if (set.operationKey !== operation.key) continue;
      const invocation = invocationOf(command, set, example);
      if (invocation) result.push(invocation);
    }
  }
  return result;
}

/** Which kind of set an example prefers: separate values first, identity objects last. */
export const STYLE_ORDER: readonly SetStyle[] = ['expanded', 'body', 'identity-expanded', 'identity-body'];

/** The invocation an operation page shows: the expanded set (the default one when it is), else the first. */
export function preferredInvocation(invocations: readonly Invocation[]): Invocation | undefined {
  return [...invocations].sort((a, b) => STYLE_ORDER.indexOf(a.style) - STYLE_ORDER.indexOf(b.style) || Number(b.set.isDefault) - Number(a.set.isDefault))[0];
}

export function invocationOf(command: CommandModel, set: ParameterSetModel, example: OperationExample): Invocation | undefined {
  const parameters = new Map(command.parameters.map((parameter) => [parameter.name, parameter]));
  const args: InvocationArgument[] = [];
  // a set may take the body two ways (Set-MgApplicationLogo: -InFile and -BodyParameter): show one
  const bodies = set.parameters.filter((binding) => binding.role?.kind === 'body').map((binding) => binding.parameter);
  const shownBody = bodies.includes('InFile') ? 'InFile' : bodies[0];
  for (const binding of set.parameters) {
    const parameter = parameters.get(binding.parameter);
    if (!parameter || !binding.role) continue;
    if (binding.role.kind === 'body' && binding.parameter !== shownBody) continue;
    const value = argumentValue(binding.role, example);
    if (value) args.push({ parameter, role: binding.role, value });
    else if (binding.required) return undefined;
  }
  // Get-MgSecurityAttackSimulation with no argument is its Get1 set (the singleton), not List1
  // (its collection): a list set that the same arguments would not pick says -All to be chosen
  const all = set.parameters.find((binding) => binding.role?.kind === 'behaviour' && binding.role.behaviour === 'All');
  const allParameter = all ? parameters.get(all.parameter) : undefined;
  if (all?.role && allParameter && command.parameterSets.some((other) => other !== set && acceptsAll(other, args))) {
    args.push({ parameter: allParameter, role: all.role, value: { kind: 'boolean', value: true } });
  }
  return { command, set, style: setStyle(set), arguments: args };
}

/** Whether a set takes exactly these arguments: each is one of its parameters, and it requires no other. */
function acceptsAll(set: ParameterSetModel, args: readonly InvocationArgument[]): boolean {
  const given = new Set(args.map((argument) => argument.parameter.name));
  const names = new Set(set.parameters.map((binding) => binding.parameter));
  return [...given].every((name) => names.has(name)) && set.parameters.every((binding) => !binding.required || given.has(binding.parameter));
}

function argumentValue(role: ParameterRole, example: OperationExample): ExampleValue | undefined {
  switch (role.kind) {
    case 'path-key': {
      const found = example.pathValues.find((entry) => entry.parameter.wireName === role.pathParameter);
      return found ? { kind: 'string', value: found.value } : undefined;
    }
    case 'identity': {
      const properties = role.keys
        .filter((key) => !key.alternate)
        .flatMap((key) => {
          const found = example.pathValues.find((entry) => entry.parameter.wireName === key.pathParameter);
          return found ? [{ wireName: key.property, name: key.property, value: { kind: 'string' as const, value: found.value } }] : [];
        });
      return properties.length ? { kind: 'object', properties } : undefined;
    }
    case 'query': {
      const found = example.queryValues.find((entry) => entry.parameter.wireName === role.queryParameter);
      return found ? { kind: 'string', value: found.value } : undefined;
    }
    case 'body':
      return example.body;
    case 'body-property': {
      if (example.body?.kind !== 'object') return undefined;
      return example.body.properties.find((property) => property.wireName === role.property)?.value;
    }
    default:
      return undefined;
  }
}

/** The role of each parameter, from the first set that binds it. */
export function rolesOf(command: CommandModel): Map<string, ParameterRole> {
  const roles = new Map<string, ParameterRole>();
  for (const set of command.parameterSets) {
    for (const binding of set.parameters) {
      if (binding.role && !roles.has(binding.parameter)) roles.set(binding.parameter, binding.role);
    }
  }
  return roles;
}
