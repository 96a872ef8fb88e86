import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitClientSources } from '../src/targets/client/index.js';
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
