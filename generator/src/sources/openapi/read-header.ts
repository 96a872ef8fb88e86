import { describeJsonKind, isJsonObject, objectField, stringField } from './json.js';
import type { ReaderContext } from './reader-context.js';
import type { JsonObject, JsonValue, NodeAddress, OpenApiServer } from './types.js';

export interface DocumentHeader {
  readonly openapiVersion: string;
  readonly title: string;
  readonly version: string;
  readonly servers: readonly OpenApiServer[];
  readonly paths: JsonObject;
}

/** Checks that the entry file is an OpenAPI 3.x document with `paths`; reports errors and returns undefined when not. */
export function readDocumentHeader(root: JsonValue, file: string, context: ReaderContext): DocumentHeader | undefined {
  const at = (pointer: string): NodeAddress => ({ file, pointer });
  if (!isJsonObject(root)) {
    context.error(at(''), {
      code: 'openapi/not-openapi',
      message: `Not an OpenAPI document: the top level is ${describeJsonKind(root)}, not a mapping.`,
      hint: 'point mgkit at an OpenAPI 3.x description (a mapping with `openapi`, `info` and `paths`)',
    });
    return undefined;
  }
  const openapiVersion = readOpenApiVersion(root, file, context);
  if (openapiVersion === undefined) return undefined;
  const paths = readPaths(root, file, context);
  if (!paths) return undefined;
  const { title, version } = readInfo(root, file, context);
  return { openapiVersion, title, version, servers: readServers(root), paths };
}

function readOpenApiVersion(root: JsonObject, file: string, context: ReaderContext): string | undefined {
  const declared = root.openapi;
  if (declared === undefined) {
    const swagger = root.swagger !== undefined;
    context.error(
      { file, pointer: swagger ? '/swagger' : '' },
      {
        code: swagger ? 'openapi/unsupported-version' : 'openapi/not-openapi',
        message: swagger ? `This is a Swagger ${String(root.swagger)} document; only OpenAPI 3.x is supported.` : 'Not an OpenAPI document: there is no `openapi` field.',
        hint: swagger ? 'convert it to OpenAPI 3 (for example with swagger2openapi)' : "add `openapi: '3.0.3'` (or the version it follows) at the top",
      },
    );
    return undefined;
  }
  const address = { file, pointer: '/openapi' };
  if (typeof declared === 'number' && Math.trunc(declared) === 3) {
    context.warning(address, {
      code: 'openapi/version-not-string',
      message: `\`openapi: ${declared}\` is a number; the version must be a string such as '3.0.3'.`,
      hint: "quote it: `openapi: '3.0.3'`",
    });
    return String(declared);
  }
  if (typeof declared !== 'string' || !/^3\.\d+(\.\d+)?(-[\w.]+)?$/.test(declared)) {
    context.error(address, {
      code: 'openapi/unsupported-version',
      message: `\`openapi: ${JSON.stringify(declared)}\` is not an OpenAPI 3.x version; only 3.x documents are supported.`,
      hint: "use an OpenAPI 3.x description, e.g. `openapi: '3.0.3'`",
    });
    return undefined;
  }
  return declared;
}

function readPaths(root: JsonObject, file: string, context: ReaderContext): JsonObject | undefined {
  const paths = root.paths;
  if (isJsonObject(paths)) return paths;
  const missing = paths === undefined;
  context.error(
    { file, pointer: missing ? '' : '/paths' },
    {
      code: 'openapi/missing-paths',
      message: missing ? 'The document has no `paths`, so there are no operations to read.' : `\`paths\` is ${describeJsonKind(paths)}, not a mapping of path → path item.`,
      hint: 'add a `paths:` mapping such as `/applications: { get: … }`',
    },
  );
  return undefined;
}

function readInfo(root: JsonObject, file: string, context: ReaderContext): { title: string; version: string } {
  const info = objectField(root, 'info');
  const address = { file, pointer: info ? '/info' : '' };
  const title = info && stringField(info, 'title');
  const version = info && readInfoVersion(info, file, context);
  if (title === undefined || version === undefined) {
    const missing = [title === undefined ? '`title`' : undefined, version === undefined ? '`version`' : undefined].filter(Boolean);
    context.warning(address, {
      code: 'openapi/missing-info',
      message: `\`info\` lacks ${missing.join(' and ')}.`,
      hint: 'add `info: { title: …, version: … }`; they name the generated packages and docs',
    });
  }
  return { title: title ?? '', version: version ?? '' };
}

/** `version: 1.0` is the number 1 in YAML; take it, but say so. */
function readInfoVersion(info: JsonObject, file: string, context: ReaderContext): string | undefined {
  const version = info.version;
  if (typeof version !== 'number') return stringField(info, 'version');
  context.warning(
    { file, pointer: '/info/version' },
    {
      code: 'openapi/version-not-string',
      message: `\`info.version\` is the number ${version}; YAML may have changed what was written (1.0 becomes 1).`,
      hint: "quote it: `version: '1.0'`",
    },
  );
  return String(version);
}

function readServers(root: JsonObject): OpenApiServer[] {
  const servers = root.servers;
  if (!Array.isArray(servers)) return [];
  return servers.filter(isJsonObject).flatMap((server) => {
    const url = stringField(server, 'url');
    if (url === undefined) return [];
    const description = stringField(server, 'description');
    return [description === undefined ? { url } : { url, description }];
  });
}
