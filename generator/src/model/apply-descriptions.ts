import type { DiagnosticBag } from '../diagnostics/index.js';
import type { DescriptionsFile, SourceLine } from '../sources/descriptions/index.js';
import { displayFile } from '../sources/yaml-overlay.js';
import type { TypeModel } from './types.js';

/**
 * Fills the gaps a descriptions file covers: a type's description and its enum members'. The
 * description's own text wins; an entry it makes redundant is a warning, so the file does not
 * silently go stale. A schema the description lacks, or a member its enum lacks, is an error at
 * that line (a typo would otherwise document nothing).
 */
export function applyDescriptions(types: readonly TypeModel[], descriptions: DescriptionsFile, schemaNames: readonly string[], diagnostics: DiagnosticBag): TypeModel[] {
  const file = displayFile(descriptions.file);
  const known = new Set(schemaNames);
  const at = (where: SourceLine) => ({ file, line: where.line, column: where.column });
  for (const [schemaName, entry] of descriptions.schemas) {
    if (!known.has(schemaName))
      diagnostics.error({
        code: 'descriptions/unknown-schema',
        message: `${schemaName} is not a component schema of the description`,
        ...at(entry.at),
        hint: 'use a name from components/schemas, e.g. microsoft.graph.synchronizationSecret',
      });
  }
  return types.map((type) => {
    const entry = type.origin.kind === 'component' ? descriptions.schemas.get(type.origin.schemaName) : undefined;
    if (!entry) return type;
    let description = type.description;
    if (entry.description !== undefined) {
      if (description?.trim())
        diagnostics.warning({
          code: 'descriptions/redundant',
          message: `${type.name} already has a description in the OpenAPI description; the file's is not used`,
          ...at(entry.at),
          hint: 'remove the entry',
        });
      else description = entry.description;
    }
    const withDescription: TypeModel = description === undefined ? type : { ...type, description };
    if (entry.members.size === 0) return withDescription;
    if (withDescription.kind !== 'enum') {
      diagnostics.error({ code: 'descriptions/not-an-enum', message: `${type.name} is not an enum, so it has no members to describe`, ...at(entry.at), hint: 'remove its members: entry' });
      return withDescription;
    }
    const values = new Set(withDescription.members.map((member) => member.value));
    for (const [value, member] of entry.members) {
      if (!values.has(value))
        diagnostics.error({
          code: 'descriptions/unknown-member',
          message: `${type.name} has no member '${value}'`,
          ...at(member.at),
          hint: `use one of its values: ${[...values].slice(0, 8).join(', ')}${values.size > 8 ? ', …' : ''}`,
        });
    }
    const members = withDescription.members.map((member) => {
      const supplied = entry.members.get(member.value);
      if (!supplied) return member;
      if (member.description?.trim()) {
        diagnostics.warning({
          code: 'descriptions/redundant',
          message: `${type.name}.${member.value} already has a description (x-ms-enum); the file's is not used`,
          ...at(supplied.at),
          hint: 'remove the entry',
        });
        return member;
      }
      return { ...member, description: supplied.text };
    });
    return { ...withDescription, members };
  });
}
