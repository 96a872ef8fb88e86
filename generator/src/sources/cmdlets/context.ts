import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { LineColumn } from './markdown.js';
import type { SourcePosition } from './types.js';

/** State shared by the section readers of one file: its text and the diagnostics found so far. */
export interface ParseContext {
  readonly file: string;
  /** The file's text with line endings normalised to LF. */
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

export function createParseContext(text: string, file: string): ParseContext {
  return { file, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), diagnostics: [] };
}

export interface Finding {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly at: LineColumn;
}

export function report(context: ParseContext, severity: Severity, finding: Finding): void {
  const { at, ...rest } = finding;
  context.diagnostics.push({ severity, ...rest, file: context.file, line: at.line, column: at.column });
}

export function reportError(context: ParseContext, finding: Finding): void {
  report(context, 'error', finding);
}

export function reportWarning(context: ParseContext, finding: Finding): void {
  report(context, 'warning', finding);
}

export function sourcePosition(context: ParseContext, at: LineColumn): SourcePosition {
  return { file: context.file, line: at.line, column: at.column };
}
