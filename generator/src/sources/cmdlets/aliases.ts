import { blockText } from './markdown.js';
import type { HelpSection } from './sections.js';

/**
 * `## ALIASES` (2024-05-01): "This cmdlet has the following aliases," then the aliases, or the
 * `{{Insert list of aliases}}` placeholder when there are none.
 */
export function readAliases(section: HelpSection | undefined, frontMatterAliases: readonly string[]): string[] {
  const text = section ? blockText(section.body) : '';
  const listed = text
    .replace(/this cmdlet has the following aliases,?/i, '')
    .replace(/\{\{[^{}]*\}\}/g, '')
    .split(/[\s,]+/)
    // A markdown list of aliases reads as `- alias` lines.
    .filter((alias) => alias !== '' && alias !== '-');
  return [...new Set([...frontMatterAliases, ...listed])];
}
