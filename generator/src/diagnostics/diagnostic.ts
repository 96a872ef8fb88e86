/** One problem found while reading inputs or building the model. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `openapi/dangling-ref`. */
  readonly code: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it, when we can say. */
  readonly hint?: string;
  /** Input file, relative to the working directory when possible. */
  readonly file?: string;
  /** 1-based line and column. */
  readonly line?: number;
  readonly column?: number;
}

export interface DiagnosticInit extends Omit<Diagnostic, 'severity'> {}

/** Collects diagnostics during one run; stages append, nobody removes. */
export class DiagnosticBag {
  readonly #items: Diagnostic[] = [];

  error(init: DiagnosticInit): void {
    this.#items.push({ severity: 'error', ...init });
  }

  warning(init: DiagnosticInit): void {
    this.#items.push({ severity: 'warning', ...init });
  }

  addAll(diagnostics: readonly Diagnostic[]): void {
    this.#items.push(...diagnostics);
  }

  get items(): readonly Diagnostic[] {
    return this.#items;
  }

  get errors(): readonly Diagnostic[] {
    return this.#items.filter((d) => d.severity === 'error');
  }

  get warnings(): readonly Diagnostic[] {
    return this.#items.filter((d) => d.severity === 'warning');
  }

  get hasErrors(): boolean {
    return this.#items.some((d) => d.severity === 'error');
  }
}

/** `file:line:column: error code: message (fix: hint)` — one line, like a compiler. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = [diagnostic.file, diagnostic.line, diagnostic.column].filter((part) => part !== undefined).join(':');
  const head = where ? `${where}: ` : '';
  const hint = diagnostic.hint ? ` (fix: ${diagnostic.hint})` : '';
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
  return `${head}${diagnostic.severity} ${diagnostic.code}: ${oneLine(diagnostic.message)}${oneLine(hint)}`;
}

/** Thrown when a stage cannot go on; carries the diagnostics gathered so far. */
export class DiagnosticError extends Error {
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    /** The diagnostics say themselves how much was written (a failure while files were put in place). */
    readonly reportsWrites = false,
  ) {
    super(
      diagnostics
        .filter((d) => d.severity === 'error')
        .map(formatDiagnostic)
        .join('\n'),
    );
    this.name = 'DiagnosticError';
  }
}
