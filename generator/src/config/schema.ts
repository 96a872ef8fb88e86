import { TARGETS } from '../targets/registry.js';
/** JSON Schema of `mgkit.config.yaml`. Every object is closed so a misspelt key is an error. */
const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

const selection = {
  type: 'object',
  additionalProperties: false,
  properties: { paths: stringList, cmdlets: stringList },
} as const;

const unit = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'openapi'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    openapi: { type: 'string', minLength: 1 },
    lockFile: { type: 'string', minLength: 1 },
    cmdlets: stringList,
    permissions: { type: 'string', minLength: 1 },
    descriptions: { type: 'string', minLength: 1 },
    include: selection,
    exclude: selection,
    bindings: {
      type: 'object',
      additionalProperties: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    },
    url: {
      type: 'object',
      additionalProperties: false,
      properties: { keepActionPrefix: { type: 'boolean' } },
    },
    // assembled from the targets: each declares its options (targets/registry.ts)
    outputs: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        TARGETS.map((target) => [
          target.name,
          { type: 'object', additionalProperties: false, required: ['dir', ...target.options.required], properties: { dir: { type: 'string' }, ...target.options.properties } },
        ]),
      ),
    },
  },
};

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'units'],
  properties: {
    version: { const: 1 },
    lockFile: { type: 'string' },
    units: { type: 'array', minItems: 1, items: unit },
  },
} as const;
