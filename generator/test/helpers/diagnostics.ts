/** Assertions on diagnostics as users read them. */
import { expect } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/index.js';

/** One of the diagnostics, printed, matches `expected`, and each prints as one line. */
export function expectOneLineDiagnostic(diagnostics: readonly Diagnostic[], expected: RegExp): void {
  const lines = diagnostics.map(formatDiagnostic);
  expect(
    lines.some((line) => expected.test(line)),
    lines.join('\n'),
  ).toBe(true);
  for (const line of lines) expect(line).not.toContain('\n');
}
