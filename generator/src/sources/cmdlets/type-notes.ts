import { blockText, isPlaceholderText } from './markdown.js';
import type { HelpSection } from './sections.js';
import type { TypeNote } from './types.js';

/** INPUTS / OUTPUTS: one `### TypeName` per type, with an optional description. */
export function readTypeNotes(section: HelpSection | undefined): TypeNote[] {
  return (section?.subsections ?? []).map((subsection) => {
    const description = blockText(subsection.body);
    return { typeName: subsection.title, description: isPlaceholderText(description) ? '' : description };
  });
}
