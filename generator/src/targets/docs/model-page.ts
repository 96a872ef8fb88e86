/** The page of one model type: an object's properties, or an enum's members. */
import type { TypeModel } from '../../model/index.js';
import { generatedHeader } from '../shared/generated-file.js';
import { describeByType, operationsReaching, typeLabel, type DocsContext } from './context.js';
import { exampleOf, exampleWalk, toJson } from './example-value.js';
import { operationTitle, pagePaths, relativeLink } from './names.js';
import { render } from './templates.js';

export function renderModelPage(context: DocsContext, type: TypeModel): string {
  const page = pagePaths.model(type);
  const usedBy = (operationsReaching(context).get(type.name) ?? []).map((operation) => ({ label: operationTitle(operation), href: relativeLink(page, pagePaths.operation(operation)) }));
  const example = exampleOf({ kind: 'named', name: type.name }, exampleWalk(context.types));
  const view = {
    header: generatedHeader('html'),
    name: type.name,
    description: type.description,
    isEnum: type.kind === 'enum',
    packageName: context.clientPackage,
    importLine: `import type { ${type.name} } from "${context.clientPackage}/models";`,
    members: type.kind === 'enum' ? type.members.map((member) => ({ value: member.value, description: member.description ?? '' })) : [],
    memberDescriptions: type.kind === 'enum' && type.members.some((member) => member.description),
    isFlags: type.kind === 'enum' && type.isFlags,
    baseType: type.kind === 'object' && type.baseType ? { name: type.baseType, href: relativeLink(page, pagePaths.model(type.baseType)) } : undefined,
    odataType: type.kind === 'object' ? type.odataType : undefined,
    properties:
      type.kind === 'object'
        ? type.properties.map((property) => ({
            name: property.name,
            wireName: property.wireName,
            typeMd: typeLabel(context, property.type, page),
            jsonName: property.wireName !== property.name ? property.wireName : undefined,
            description: property.description ?? describeByType(property.type),
            facts: [property.required ? 'Required.' : '', property.nullable ? 'Nullable.' : ''].filter(Boolean).join(' '),
          }))
        : [],
    additionalProperties: type.kind === 'object' && type.additionalProperties !== false,
    json: type.kind === 'object' && example ? JSON.stringify(toJson(example), null, 2) : undefined,
    usedBy,
  };
  return render('model', view);
}
