import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/index.js';

/** Where the user ran the command from (npm scripts change cwd; INIT_CWD keeps the original). */
export function displayRoot(): string {
  return process.env['INIT_CWD'] ?? process.cwd();
}

export function displayPath(file: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(displayRoot(), file);
  return relative && !relative.startsWith('..' + path.sep + '..' + path.sep + '..') ? relative : file;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], options: { quiet?: boolean } = {}): void {
  for (const diagnostic of diagnostics) {
    if (options.quiet && diagnostic.severity === 'warning') continue;
    const shown = diagnostic.file ? { ...diagnostic, file: displayPath(diagnostic.file) } : diagnostic;
    process.stderr.write(`${formatDiagnostic(shown)}\n`);
  }
}

export function summariseDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
