/**
 * Prints emitted files from ts-morph structures: LF, two spaces, single quotes. Structures are
 * printed straight to text (`printStructure`), never parsed into a syntax tree or run through
 * the formatter: for a module of thousands of builders that took most of the client's time.
 */
import type { ExportDeclarationStructure, ImportDeclarationStructure, OptionalKind, StatementStructures } from 'ts-morph';
import { printStructure, StructureKind } from './ts-morph.js';
import { generatedHeader } from '../shared/generated-file.js';

/** A statement of an emitted file; imports may come from `ImportCollector.structures()`. */
export type EmitStatement = StatementStructures | OptionalKind<ImportDeclarationStructure>;

const PRINT_OPTIONS = { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' } as const;

/**
 * File text: the do-not-edit header, the imports, then one blank line between top-level
 * declarations; LF endings and one trailing newline.
 */
export function printEmitFile(statements: readonly EmitStatement[]): string {
  const imports: OptionalKind<ImportDeclarationStructure>[] = [];
  const others: string[] = [];
  for (const statement of statements) {
    if (isImport(statement)) imports.push(statement);
    else others.push(printStatement(statement));
  }
  return printEmitFileOf(imports, others);
}

/** As `printEmitFile`, for declarations already printed (`printStatement`). */
export function printEmitFileOf(imports: readonly OptionalKind<ImportDeclarationStructure>[], printed: readonly string[]): string {
  const importLines = imports.map((statement) => printStatement({ ...statement, kind: StructureKind.ImportDeclaration }));
  const blocks = [generatedHeader(), ...(importLines.length > 0 ? [importLines.join('\n')] : []), ...printed];
  return `${blocks.join('\n\n').replace(/\r\n?/g, '\n')}\n`;
}

function isImport(statement: EmitStatement): statement is OptionalKind<ImportDeclarationStructure> {
  return statement.kind === undefined || statement.kind === StructureKind.ImportDeclaration;
}

/** Stands for a multi-line initializer while the rest of its statement is printed. */
const INITIALIZER_SLOT = '__mgkitInitializer__';

/**
 * One statement's text. ts-morph gives a variable's initializer a hanging indent, so an object
 * literal written with its own indentation would come out one level too deep: the statement is
 * printed around a slot and the initializer put back as written.
 */
export function printStatement(statement: StatementStructures): string {
  if (statement.kind === StructureKind.VariableStatement && statement.declarations.length === 1) {
    const [declaration] = statement.declarations;
    const initializer = declaration?.initializer;
    if (declaration && typeof initializer === 'string' && initializer.includes('\n')) {
      const printed = printStructure({ ...statement, declarations: [{ ...declaration, initializer: INITIALIZER_SLOT }] }, PRINT_OPTIONS);
      // the last occurrence: the slot text may also appear in the statement's docs, printed before it
      const at = printed.lastIndexOf(INITIALIZER_SLOT);
      return `${printed.slice(0, at)}${initializer}${printed.slice(at + INITIALIZER_SLOT.length)}`.trim();
    }
  }
  return printStructure(statement, PRINT_OPTIONS).trim();
}

/** Export declarations as statements (each `OptionalKind` structure given its kind). */
export function exportDeclarations(declarations: readonly OptionalKind<ExportDeclarationStructure>[]): StatementStructures[] {
  return declarations.map((declaration) => ({ ...declaration, kind: StructureKind.ExportDeclaration }));
}
