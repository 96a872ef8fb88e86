import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { printStructure, StructureKind } from 'ts-morph';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildApiModel } from '../src/model/index.js';
import { loadOpenApiDocument } from '../src/sources/openapi/index.js';
import { emitClientSources } from '../src/targets/client/index.js';
import { docText, jsDoc } from '../src/targets/client/jsdoc.js';
import { richModel, specsModel } from './fixtures/client/kit.js';

/** Declarations (and interface members) without a JSDoc block, as `file: name`. */
function undocumented(sources: ReadonlyMap<string, string>): string[] {
  const missing: string[] = [];
  const hasDoc = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).length > 0;
  for (const [file, contents] of sources) {
    const source = ts.createSourceFile(file, contents, ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
      const name = ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.map((declaration) => declaration.name.getText()).join(',')
        : ((statement as ts.DeclarationStatement).name?.getText() ?? statement.getText().slice(0, 40));
      if (!hasDoc(statement)) missing.push(`${file}: ${name}`);
      if (ts.isInterfaceDeclaration(statement)) {
        for (const member of statement.members) {
          if (!hasDoc(member)) missing.push(`${file}: ${name}.${member.name?.getText() ?? '?'}`);
        }
      }
    }
  }
  return missing;
}

describe('client target: JSDoc on every declaration and interface member', () => {
  it('specs/', async () => {
    expect(undocumented(emitClientSources(await specsModel()))).toEqual([]);
  });
  it('rich.yaml', async () => {
    expect(undocumented(emitClientSources(await richModel()))).toEqual([]);
  });
});

describe('client target: JSDoc says what a user needs', () => {
  it("a parameter's inline enum says which parameter of which operation it is for, not that it is a request body", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mgkit-jsdoc-'));
    try {
      const file = path.join(dir, 'select.yaml');
      await writeFile(file, SELECT_ENUM_DESCRIPTION);
      const loaded = await loadOpenApiDocument(file);
      const unit = { include: { paths: ['/**'], cmdlets: [] }, exclude: { paths: [], cmdlets: [] }, bindings: {}, keepActionPrefixInUrl: true };
      const model = buildApiModel({ document: loaded.document!, cmdlets: [], unit }).model!;
      const models = emitClientSources(model).get('models/index.ts') ?? '';
      const declaration = /\/\*\*([^]*?)\*\/\nexport type (\w+GetSelectItem) =/.exec(models);
      expect(declaration?.[1]).toContain('A value of the `$select` parameter of `GET /items`.');
      expect(models).not.toMatch(/The request body of `GET /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('no property is documented by its own name ("The code property")', async () => {
    for (const model of [await specsModel(), await richModel()]) {
      const sources = [...emitClientSources(model).values()].join('\n');
      expect(sources.match(/\/\*\* The \w+ property \*\//g) ?? []).toEqual([]);
    }
  });

  it('the body property without a description names its type, and the OData error members say what they hold', async () => {
    const models = emitClientSources(await specsModel()).get('models/index.ts') ?? '';
    expect(models).toContain('/** The `credentials`: a list of {@link SynchronizationSecretKeyStringValuePair}. */');
    expect(models).toContain('/** The `key`: one of {@link SynchronizationSecret}: The name of a credential or setting');
    expect(models).toMatch(/\/\*\* A service-defined error code[^*]*\*\/\n\s+code\?: string;/);
    expect(models).toMatch(/\/\*\* Service-specific details: Graph puts the `request-id`[^*]*\*\/\n\s+innerError\?: InnerError;/);
  });

  it('byApplicationId says it takes the object ID, not the appId', async () => {
    const builder = emitClientSources(await specsModel()).get('applications/index.ts') ?? '';
    expect(builder).toMatch(/@param applicationId The unique identifier of application: its object ID \(the `id` property\), not its `appId`/);
  });

  it('enum members carry the descriptions of x-ms-enum values', async () => {
    const models = [...emitClientSources(await richModel()).values()].join('\n');
    expect(models).toMatch(/\/\*\* The account can sign in\. \*\/\n\s+Enabled: 'enabled',/);
    expect(models).toMatch(/\/\*\* The account is deleted in 30 days[^*]*\*\/\n\s+PendingDeletion: 'pendingDeletion',/);
    expect(models).toMatch(/\n\s+Disabled: 'disabled',/);
  });

  it('every synchronizationSecret key says what it holds and whether it is a secret (specs/descriptions.yaml)', async () => {
    const models = emitClientSources(await specsModel()).get('models/index.ts') ?? '';
    const object = models.slice(models.indexOf('export const SynchronizationSecretObject = {'), models.indexOf('} as const;', models.indexOf('SynchronizationSecretObject')));
    const members = object.match(/^ {2}\w+: '\w+',$/gm) ?? [];
    expect(members).toHaveLength(45);
    expect(object.match(/^ {2}\/\*\* .+ \*\/\n {2}\w+: '\w+',$/gm) ?? []).toHaveLength(45);
    expect(object).toMatch(/\/\*\* The password of that account\. A secret\. \*\/\n {2}Password: 'Password',/);
    expect(object).toMatch(/\/\*\* The base URL [^*]*Not a secret\. \*\/\n {2}BaseAddress: 'BaseAddress',/);
  });
});

describe('client target: documentation written once', () => {
  it('toXRequestInformation links the method that sends it instead of repeating its documentation', async () => {
    const builder = emitClientSources(await specsModel()).get('applications/item/synchronization/acquireAccessToken/index.ts') ?? '';
    const link = '{@link AcquireAccessTokenRequestBuilder.post}';
    expect(builder).toContain(
      `* Builds the request that ${link} sends, without sending it.\n   * @param body As for ${link}.\n   * @param requestConfiguration As for ${link}.\n   */\n  toPostRequestInformation(`,
    );
    // the operation's description and its PowerShell names are on post alone
    expect(builder.match(/Acquire an OAuth access token/g)).toHaveLength(1);
    expect(builder.match(/`-Credentials`/g)).toHaveLength(1);
  });

  it("a model's factory, deserializer and serializer have one line each: their signatures say the rest", async () => {
    const sources = emitClientSources(await richModel());
    const models = `${sources.get('models/index.ts') ?? ''}\n${sources.get('models/serializers/index.ts') ?? ''}`;
    const blocks = [...models.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\nexport function (create\w+FromDiscriminatorValue|deserializeInto\w+|serialize\w+)\(/g)];
    expect(blocks.length).toBeGreaterThan(6);
    expect(blocks.filter(([, , name]) => name?.startsWith('serialize')).length).toBeGreaterThan(2);
    for (const [, doc, name] of blocks) {
      const lines = doc?.split('\n') ?? [];
      // a base type's serializer documents its one non-obvious parameter
      if (lines.length > 1) expect(doc, name).toMatch(/@param isSerializingDerivedType /);
      else expect(doc, name).toMatch(/\{@link \w+\}/);
    }
  });
});

/** One list operation whose `$select` items are an enum, as Graph describes them. */
const SELECT_ENUM_DESCRIPTION = `openapi: 3.0.4
info: { title: select, version: v1.0 }
servers: [{ url: https://graph.example.test/v1.0 }]
paths:
  /items:
    get:
      operationId: items.ListItem
      parameters:
        - name: $select
          in: query
          description: Select properties to be returned
          style: form
          explode: false
          schema:
            uniqueItems: true
            type: array
            items:
              enum: [id, displayName]
              type: string
      responses:
        '200':
          description: Retrieved collection
          content:
            application/json:
              schema:
                type: object
                properties:
                  value: { type: array, items: { type: string } }
components: {}
`;

describe('JSDoc given to ts-morph as text', () => {
  it('prints as ts-morph prints the same description and tags given as a structure', () => {
    const piece = fc.constantFrom('word', "it's", 'a "quote"', '`code`', '  indented', '*/ end', '/* open', '{@link X}', '', ' ', '\n', '\n\n', 'é’');
    const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(' '));
    const tag = fc.record({ tag: fc.constantFrom('param', 'returns', 'see', 'deprecated'), text: fc.option(text, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(fc.option(text, { nil: undefined }), { maxLength: 3 }), fc.array(tag, { maxLength: 4 }), (paragraphs, tags) => {
        // the structure jsDoc gave before it gave text
        const description = paragraphs
          .filter((paragraph): paragraph is string => paragraph !== undefined && paragraph.trim() !== '')
          .map(docText)
          .join('\n\n');
        const structure = { description, tags: tags.map((entry) => ({ tagName: entry.tag, ...(entry.text !== undefined && { text: docText(entry.text) }) })) };
        const print = (docs: (string | typeof structure)[]) =>
          printStructure({ kind: StructureKind.Interface, name: 'Widget', isExported: true, docs, properties: [{ name: 'size', type: 'number', docs }] }, { indentNumberOfSpaces: 2, newLine: '\n' });
        expect(print([jsDoc(paragraphs, tags)])).toBe(print([structure]));
      }),
      { numRuns: 300 },
    );
  });
});
