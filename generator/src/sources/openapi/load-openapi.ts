import { DiagnosticBag } from '../../diagnostics/index.js';
import type { Diagnostic } from '../../diagnostics/index.js';
import { isJsonObject, objectField } from './json.js';
import { indexOperations } from './index-operations.js';
import { readDocumentHeader } from './read-header.js';
import type { DocumentHeader } from './read-header.js';
import { ReaderContext } from './reader-context.js';
import { SourceFiles } from './source-files.js';
import type { LoadOutcome } from './source-files.js';
import type { ParsedFile } from './parse-file.js';
import type { JsonObject, OpenApiDocument } from './types.js';
import { validateRefs } from './validate-refs.js';
import { checkSchemaTypes } from './check-schema-types.js';

export interface LoadOpenApiResult {
  /** Present only when there are no errors. */
  readonly document?: OpenApiDocument;
  /** Errors and warnings, in the order found. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads an OpenAPI 3.x description (YAML or JSON, possibly split over files by relative `$ref`s),
 * validates every `$ref` and indexes its operations. Bad input never throws: it comes back as
 * diagnostics, and `document` is left out when any of them is an error.
 */
export async function loadOpenApiDocument(file: string): Promise<LoadOpenApiResult> {
  const diagnostics = new DiagnosticBag();
  const files = new SourceFiles();
  const loaded = await files.load(file);
  diagnostics.addAll(loaded.diagnostics);
  if (loaded.outcome.kind !== 'loaded') {
    const problem = entryUnavailable(file, loaded.outcome);
    if (problem) diagnostics.error(problem);
    return { diagnostics: [...diagnostics.items] };
  }
  const entry = loaded.outcome.file;
  const context = new ReaderContext(files, diagnostics);
  const header = readDocumentHeader(entry.value, entry.path, context);
  if (!header) return { diagnostics: [...diagnostics.items] };
  const refs = await validateRefs(files, entry.path);
  diagnostics.addAll(refs.diagnostics);
  checkSchemaTypes(entry.value as JsonObject, entry.path, context);
  if (diagnostics.hasErrors) return { diagnostics: [...diagnostics.items] };
  const operations = indexOperations(header.paths, entry.path, context);
  // indexing finds errors of its own (a path parameter that is not declared)
  if (diagnostics.hasErrors) return { diagnostics: [...diagnostics.items] };
  return { document: createDocument(entry, header, operations, files, context), diagnostics: [...diagnostics.items] };
}

function entryUnavailable(file: string, outcome: Exclude<LoadOutcome, { kind: 'loaded' }>): Omit<Diagnostic, 'severity'> | undefined {
  switch (outcome.kind) {
    case 'missing':
      return {
        code: 'openapi/file-not-found',
        message: 'The OpenAPI description file does not exist.',
        hint: "check the path: in mgkit.config.yaml it is relative to the config file's folder",
        file,
      };
    case 'unreadable':
      return { code: 'openapi/read-error', message: `Cannot read the file: ${outcome.reason}.`, file };
    case 'invalid':
      return undefined;
  }
}

function createDocument(entry: ParsedFile, header: DocumentHeader, operations: OpenApiDocument['operations'], files: SourceFiles, context: ReaderContext): OpenApiDocument {
  const root = entry.value as JsonObject;
  return {
    file: entry.path,
    openapiVersion: header.openapiVersion,
    title: header.title,
    version: header.version,
    servers: header.servers,
    operations,
    schemaNames: schemaNamesOf(root, entry.path, context),
    files: files.files.map((parsed) => parsed.path),
    root,
    resolve: context.resolve,
    locate: (address) => context.locate(address),
  };
}

function schemaNamesOf(root: JsonObject, file: string, context: ReaderContext): string[] {
  const components = objectField(root, 'components');
  const schemas = components && components.schemas;
  return isJsonObject(schemas) ? context.keysInOrder(schemas, { file, pointer: '/components/schemas' }) : [];
}
