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
    outputs: {
      type: 'object',
      additionalProperties: false,
      properties: {
        client: {
          type: 'object',
          additionalProperties: false,
          required: ['dir', 'packageName'],
          properties: { dir: { type: 'string' }, packageName: { type: 'string' } },
        },
        cli: {
          type: 'object',
          additionalProperties: false,
          required: ['dir', 'packageName'],
          properties: { dir: { type: 'string' }, packageName: { type: 'string' }, binName: { type: 'string' } },
        },
        docs: {
          type: 'object',
          additionalProperties: false,
          required: ['dir'],
          properties: { dir: { type: 'string' } },
        },
      },
    },
  },
} as const;

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
