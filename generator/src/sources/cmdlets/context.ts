import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import { linesOf } from '../text-encoding.js';
import type { LineColumn } from './markdown.js';
import type { SourcePosition } from './types.js';

/** State shared by the section readers of one file: its lines and the diagnostics found so far. */
export interface ParseContext {
  readonly file: string;
  /** The file's lines, without their line ends. */
  readonly lines: readonly string[];
  /** The lines joined with LF (made on first use: a reader rarely needs it). */
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

/** From the file's text, or from its lines as `decodeUtf8Lines` gives them. */
export function createParseContext(source: string | readonly string[], file: string): ParseContext {
  const lines = typeof source === 'string' ? linesOf(source.replace(/^\uFEFF/, '')) : source;
  let text: string | undefined;
  return {
    file,
    lines,
    get text() {
      text ??= lines.join('\n');
      return text;
    },
    diagnostics: [],
  };
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
