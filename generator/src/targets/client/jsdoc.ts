/** JSDoc text for the emitted code: escaping, paragraphs, tags. */
import type { JSDocStructure, JSDocTagStructure, OptionalKind } from 'ts-morph';

/** Text safe inside a `/** … *\/` block: no comment terminator, LF only, trimmed lines. */
export function docText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\*\//g, '*\\/')
      // code-block-writer reads `/*` inside a JSDoc as a comment opening and garbles what follows
      .replace(/\/\*/g, '/\\*')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim()
  );
}

/** Whether help text says anything (platyPS uses `.` and empty strings as placeholders). */
export function isMeaningful(text: string | undefined): text is string {
  if (text === undefined) return false;
  const trimmed = text.trim();
  return trimmed !== '' && trimmed !== '.' && !/^\{\{.*\}\}$/.test(trimmed);
}

/** First line of platyPS help (drops "To construct, see NOTES…" follow-ups). */
export function firstHelpLine(text: string): string {
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

export interface DocTag {
  readonly tag: string;
  readonly text?: string;
}

/** One JSDoc block: description paragraphs (empty ones dropped, blank lines between) and tags. */
export function jsDoc(paragraphs: readonly (string | undefined)[], tags: readonly DocTag[] = []): OptionalKind<JSDocStructure> {
  const description = paragraphs
    .filter((paragraph): paragraph is string => paragraph !== undefined && paragraph.trim() !== '')
    .map(docText)
    .join('\n\n');
  const tagStructures: OptionalKind<JSDocTagStructure>[] = tags.map((tag) => ({
    tagName: tag.tag,
    ...(tag.text !== undefined && { text: docText(tag.text) }),
  }));
  return { description, ...(tagStructures.length > 0 && { tags: tagStructures }) };
}

/** `{@link url|text}` for `@see`. */
export function seeLink(url: string, text: string): DocTag {
  return { tag: 'see', text: `{@link ${url}|${text.replace(/[|}]/g, ' ').trim()}}` };
}
