/**
 * What the project's small YAML input files (`permissions.yaml`, `descriptions.yaml`) share: read
 * the file, parse it with line positions, check `version: 1` and the top-level keys, and report
 * each problem as one diagnostic at its line, coded `<kind>/<problem>`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostics/index.js';

/** Where a YAML node starts in its text (0 when it has no range: a missing node). */
export function offsetOf(node: YamlNode | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

/** A file as diagnostics name it: relative to the working folder. */
export function displayFile(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** The file's text, or the one diagnostic saying it is missing and how to fix that. */
export async function readOverlayText(file: string, kind: string): Promise<{ text: string } | { diagnostic: Diagnostic }> {
  try {
    return { text: await readFile(file, 'utf8') };
  } catch {
    const shown = displayFile(file);
    return {
      diagnostic: {
        severity: 'error',
        code: `${kind}/not-found`,
        message: `${kind} file ${shown} does not exist`,
        file: shown,
        hint: `create it (see specs/README.md) or remove the unit's ${kind}: key`,
      },
    };
  }
}

export abstract class YamlOverlayReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly #lines = new LineCounter();
  readonly #displayFile: string;

  constructor(
    private readonly kind: string,
    private readonly text: string,
    protected readonly file: string,
  ) {
    this.#displayFile = displayFile(file);
  }

  /** The `listKey` mapping, once the file parses and has `version: 1` beside it; else undefined. */
  protected rootMap(listKey: string, entries: string, hint: string): YAMLMap | undefined {
    const document = parseDocument(this.text, { lineCounter: this.#lines, prettyErrors: false });
    for (const error of document.errors) {
      this.report('parse-error', `invalid YAML: ${error.message.split('\n')[0] ?? ''}`, error.pos[0], 'fix the YAML syntax at this position');
    }
    if (document.errors.length > 0) return undefined;
    const root = document.contents;
    if (!isMap(root)) {
      this.report('invalid-value', `the file must be a mapping with version and ${listKey}`, 0, `start with "version: 1" and "${listKey}:"`);
      return undefined;
    }
    this.checkKeys(root, ['version', listKey], 'the file');
    const version = root.get('version', true) as YamlNode | undefined;
    if (!isScalar(version) || version.value !== 1) this.report('invalid-value', 'version must be 1', offsetOf(version ?? root), 'write "version: 1"');
    const list = root.get(listKey, true) as YamlNode | undefined;
    if (!isMap(list)) {
      this.report('missing-key', `${listKey} must be a mapping of ${entries}`, offsetOf(list ?? root), hint);
      return undefined;
    }
    return list;
  }

  protected checkKeys(node: YAMLMap, allowed: readonly string[], where: string): void {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) this.report('unknown-key', `unknown key '${key}' in ${where}`, offsetOf(pair.key as YamlNode), `use one of: ${allowed.join(', ')}`);
    }
  }

  protected position(offset: number): { line: number; column: number } {
    const position = this.#lines.linePos(offset);
    return { line: position.line, column: position.col };
  }

  protected report(code: string, message: string, offset: number, hint: string): void {
    this.diagnostics.push({ severity: 'error', code: `${this.kind}/${code}`, message, file: this.#displayFile, ...this.position(offset), hint });
  }
}
