import type { Yaml } from 'mdast';
import { report, type ParseContext } from './context.js';
import type { FrontMatter } from './front-matter.js';
import { startOf } from './markdown.js';
import type { PlatyPsDialect } from './types.js';

/**
 * The declared dialect, or the one the content looks like when the front matter is missing or
 * names no known schema. That is a warning when the rest of the file parsed cleanly, else an error.
 */
export function resolveDialect(frontMatter: FrontMatter, node: Yaml | undefined, hasAliasesSection: boolean, context: ParseContext): PlatyPsDialect {
  if (frontMatter.declaredDialect) return frontMatter.declaredDialect;
  // Only 2024-05-01 files have a `## ALIASES` section.
  const guessed: PlatyPsDialect = hasAliasesSection ? 'platyps-2024-05-01' : 'platyps-0.14';
  const severity = context.diagnostics.some((d) => d.severity === 'error') ? 'error' : 'warning';
  const schema = frontMatter.values['PlatyPS schema version'] ?? frontMatter.values['schema'];
  report(context, severity, {
    code: node ? 'cmdlet/unknown-dialect' : 'cmdlet/missing-front-matter',
    message: node
      ? `Front matter names ${schema === undefined ? 'no platyPS schema' : `unknown platyPS schema '${schema}'`}; read as ${guessed}.`
      : `The file has no front matter, so its platyPS dialect is unknown; read as ${guessed}.`,
    hint: "Start the file with front matter declaring 'schema: 2.0.0' (platyPS 0.14) or 'PlatyPS schema version: 2024-05-01'.",
    at: node ? startOf(node) : { line: 1, column: 1 },
  });
  return guessed;
}
