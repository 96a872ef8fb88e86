/** One enum, Kiota style: `export const XObject = { … } as const` and the union type `X`. */
import type { TypeAliasDeclarationStructure, VariableStatementStructure } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { ApiModel, EnumTypeModel } from '../../model/index.js';
import { docText, jsDoc } from './jsdoc.js';
import { propertyKey, quote } from '../shared/client-surface/identifiers.js';
import { typeDescription } from './model-docs.js';
import { modelNames } from './type-shapes.js';

export function enumObject(type: EnumTypeModel, model: ApiModel): VariableStatementStructure {
  const members = type.members.map((member) => {
    const doc = member.description !== undefined && member.description.trim() !== '' ? `  /** ${docText(member.description).replace(/\n/g, ' ')} */\n` : '';
    return `${doc}  ${propertyKey(member.name)}: ${quote(member.value)},`;
  });
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: modelNames.enumObject(type.name), initializer: `{\n${members.join('\n')}\n} as const` }],
    docs: [jsDoc([typeDescription(type, model), `The values ${type.name} takes, by name.`])],
  };
}

export function enumType(type: EnumTypeModel, model: ApiModel): TypeAliasDeclarationStructure {
  const object = modelNames.enumObject(type.name);
  return {
    kind: StructureKind.TypeAlias,
    isExported: true,
    name: type.name,
    type: `(typeof ${object})[keyof typeof ${object}]`,
    docs: [jsDoc([typeDescription(type, model)])],
  };
}
