/** The in-memory ts-morph project every emitted file is printed with: LF, two spaces, single quotes. */
import { IndentationText, NewLineKind, Node, Project, QuoteKind, type SourceFile } from 'ts-morph';
import { generatedHeader } from '../shared/generated-file.js';

export function createEmitProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });
}

export function createEmitFile(project: Project, relativePath: string): SourceFile {
  return project.createSourceFile(`/${relativePath}`, '', { overwrite: true });
}

/**
 * File text: the do-not-edit header, the imports, then one blank line between top-level
 * declarations; LF endings and one trailing newline.
 */
export function printEmitFile(file: SourceFile): string {
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  const statements = file.getStatements();
  const imports = statements.filter(Node.isImportDeclaration).map((statement) => statement.getFullText().trim());
  const others = statements.filter((statement) => !Node.isImportDeclaration(statement)).map((statement) => statement.getFullText().trim());
  const blocks = [generatedHeader(), ...(imports.length > 0 ? [imports.join('\n')] : []), ...others];
  const text = `${blocks.join('\n\n').replace(/\r\n?/g, '\n')}\n`;
  // printed: its syntax tree is dropped, so a module's thousands of builders are not all held at once
  file.forget();
  return text;
}
