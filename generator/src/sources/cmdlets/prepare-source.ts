/**
 * A line scan run before remark, for speed: remark tokenises every character, and two parts of a
 * help file are most of its bytes yet need no markdown parsing — the NOTES complex-parameter trees
 * (64% of the 2023 corpus) and the bodies of fenced code blocks (mostly parameter yaml). Each run
 * of their lines becomes one empty line in the text remark sees (hundreds of thousands of blank
 * lines still cost remark most of its time), `originalLines` maps the lines back, and the lines
 * are handed over as they are: the trees to the NOTES reader, the fence bodies put back into
 * remark's `code` nodes.
 */
export interface PreparedSource {
  /** The lines for remark: the file's lines, each run of the parts below replaced by one empty line. */
  readonly markdownLines: readonly string[];
  /** 1-based line of the file for each of `markdownLines` (index 0 is line 1). */
  readonly originalLines: readonly number[];
  /** Bodies of column-1 fenced code blocks, by the 1-based line of the opening fence. */
  readonly fencedCode: ReadonlyMap<number, FencedCodeBody>;
  /** The lines after `COMPLEX PARAMETER PROPERTIES` in NOTES, up to the next `#`/`##` heading. */
  readonly complexParameterLines: readonly string[];
  /**
   * Indexes in `markdownLines` where a `##` or `###` heading outside fenced code starts a part
   * remark reads the same alone (markdown-sections.ts). Empty when something could tie the parts
   * together: an indented fence, an HTML block or a link reference definition.
   */
  readonly sectionStarts: readonly number[];
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
const SECTION_HEADING = /^#{2,3}(?:[ \t]|$)/;
// outside fences: a fence the scan does not follow (indented, or `~~~` with a backtick in its info
// string), an HTML block (it may run past a heading) or a link reference definition (it applies
// to the whole file; markdown-sections.ts also checks the parsed trees for those two)
const TIES_SECTIONS = /^(?: {1,3}(?:`{3,}|~{3,})|~{3,}.*`| {0,3}<| {0,3}\[[^\]]*\]:)/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;

interface OpenFence {
  readonly marker: string;
  readonly openingLine: number;
  readonly body: string[];
}

/** From the file's LF text, or from its lines. */
export function prepareSource(source: string | readonly string[], options: { readonly emptyFencedCode: boolean }): PreparedSource {
  const lines = typeof source === 'string' ? source.split('\n') : source;
  const fencedCode = new Map<number, FencedCodeBody>();
  const complexParameterLines: string[] = [];
  let fence: OpenFence | undefined;
  let inNotes = false;
  let inComplexParameters = false;
  let seenMarker = false;

  const kept: boolean[] = lines.map(() => true);
  const startsSection: boolean[] = lines.map(() => false);
  let sectionsTied = false;

  lines.forEach((line, index) => {
    if (fence) {
      if (closesFence(fence.marker, line)) {
        fencedCode.set(fence.openingLine, { value: fence.body.join('\n'), closingLine: index + 1 });
        fence = undefined;
      } else {
        fence.body.push(line);
        if (options.emptyFencedCode) kept[index] = false;
      }
    } else if (LEVEL_1_OR_2_HEADING.test(line)) {
      inNotes = NOTES_HEADING.test(line);
      inComplexParameters = false;
    } else if (inComplexParameters) {
      complexParameterLines.push(line);
      kept[index] = false;
    } else if (inNotes && !seenMarker && COMPLEX_PARAMETERS_MARKER.test(line)) {
      inComplexParameters = seenMarker = true;
    } else {
      const marker = FENCE_OPENING.exec(line)?.[1];
      if (marker) fence = { marker, openingLine: index + 1, body: [] };
      else if (TIES_SECTIONS.test(line)) sectionsTied = true;
    }
    if (!fence && SECTION_HEADING.test(line)) startsSection[index] = true;
  });
  if (fence) fencedCode.set(fence.openingLine, { value: fence.body.join('\n') });
  const { markdownLines, originalLines } = collapseDroppedRuns(lines, kept);
  // a `##` line inside front matter is a YAML comment, not a heading
  const bodyStart = FRONT_MATTER_FENCE.test(lines[0] ?? '') ? lines.findIndex((line, index) => index > 0 && FRONT_MATTER_FENCE.test(line)) : 0;
  const sectionStarts = sectionsTied || bodyStart < 0 ? [] : originalLines.flatMap((line, index) => (line - 1 > bodyStart && startsSection[line - 1] && kept[line - 1] ? [index] : []));
  return { markdownLines, originalLines, fencedCode: options.emptyFencedCode ? fencedCode : new Map(), complexParameterLines, sectionStarts };
}

/** Keeps the kept lines and one empty line per run of dropped ones (blank lines mean the same to CommonMark). */
function collapseDroppedRuns(lines: readonly string[], kept: readonly boolean[]): { markdownLines: string[]; originalLines: number[] } {
  const output: string[] = [];
  const originalLines: number[] = [];
  lines.forEach((line, index) => {
    if (kept[index]) output.push(line);
    else if (kept[index - 1] === false) return;
    else output.push('');
    originalLines.push(index + 1);
  });
  return { markdownLines: output, originalLines };
}

function closesFence(marker: string, line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= marker.length && trimmed === (marker[0] ?? '').repeat(trimmed.length) && line.search(/\S/) <= 3;
}
