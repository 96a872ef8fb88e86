/**
 * A line scan run before remark, for speed: remark tokenises every character, and two parts of a
 * help file are most of its bytes yet need no markdown parsing — the NOTES complex-parameter trees
 * (64% of the 2023 corpus) and the bodies of fenced code blocks (mostly parameter yaml). Their
 * lines are emptied in the text remark sees (every line keeps its number) and handed over as they
 * are: the trees to the NOTES reader, the fence bodies put back into remark's `code` nodes.
 */
export interface PreparedSource {
  /** The text for remark: same lines, with the parts below emptied. */
  readonly markdown: string;
  /** Bodies of column-1 fenced code blocks, by the 1-based line of the opening fence. */
  readonly fencedCode: ReadonlyMap<number, FencedCodeBody>;
  /** The lines after `COMPLEX PARAMETER PROPERTIES` in NOTES, up to the next `#`/`##` heading. */
  readonly complexParameterLines: readonly string[];
}

export interface FencedCodeBody {
  readonly value: string;
  /** 1-based line of the closing fence; undefined when the fence runs to the end of the file. */
  readonly closingLine?: number;
}

const FENCE_OPENING = /^(`{3,}|~{3,})([^`]*)$/;
const LEVEL_1_OR_2_HEADING = /^ {0,3}#{1,2}(?:\s|$)/;
const NOTES_HEADING = /^ {0,3}##\s+NOTES\s*#*\s*$/i;
const COMPLEX_PARAMETERS_MARKER = /^ {0,3}COMPLEX PARAMETER PROPERTIES\s*$/;

interface OpenFence {
  readonly marker: string;
  readonly openingLine: number;
  readonly body: string[];
}

export function prepareSource(text: string, options: { readonly emptyFencedCode: boolean }): PreparedSource {
  const lines = text.split('\n');
  const fencedCode = new Map<number, FencedCodeBody>();
  const complexParameterLines: string[] = [];
  let fence: OpenFence | undefined;
  let inNotes = false;
  let inComplexParameters = false;
  let seenMarker = false;

  lines.forEach((line, index) => {
    if (fence) {
      if (closesFence(fence.marker, line)) {
        fencedCode.set(fence.openingLine, { value: fence.body.join('\n'), closingLine: index + 1 });
        fence = undefined;
      } else {
        fence.body.push(line);
        if (options.emptyFencedCode) lines[index] = '';
      }
    } else if (LEVEL_1_OR_2_HEADING.test(line)) {
      inNotes = NOTES_HEADING.test(line);
      inComplexParameters = false;
    } else if (inComplexParameters) {
      complexParameterLines.push(line);
      lines[index] = '';
    } else if (inNotes && !seenMarker && COMPLEX_PARAMETERS_MARKER.test(line)) {
      inComplexParameters = seenMarker = true;
    } else {
      const marker = FENCE_OPENING.exec(line)?.[1];
      if (marker) fence = { marker, openingLine: index + 1, body: [] };
    }
  });
  if (fence) fencedCode.set(fence.openingLine, { value: fence.body.join('\n') });
  return { markdown: lines.join('\n'), fencedCode: options.emptyFencedCode ? fencedCode : new Map(), complexParameterLines };
}

function closesFence(marker: string, line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= marker.length && trimmed === (marker[0] ?? '').repeat(trimmed.length) && line.search(/\S/) <= 3;
}
