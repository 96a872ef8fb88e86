import { readFile } from 'node:fs/promises';
import { decodeUtf8 } from '../text-encoding.js';
import { resolve as resolvePath } from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.js';
import { parseSourceText } from './parse-file.js';
import type { ParsedFile } from './parse-file.js';

export type LoadOutcome =
  | { readonly kind: 'loaded'; readonly file: ParsedFile }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  /** Read but not parseable; the parse diagnostics came back from the first `load`. */
  | { readonly kind: 'invalid' };

/** Every file of one description, each read and parsed once, keyed by absolute path. */
export class SourceFiles {
  readonly #pending = new Map<string, Promise<LoadOutcome>>();
  readonly #settled = new Map<string, LoadOutcome>();
  readonly #loaded: ParsedFile[] = [];

  /** Reads and parses `path` the first time; later calls return the same outcome and no diagnostics. */
  async load(path: string): Promise<{ outcome: LoadOutcome; diagnostics: Diagnostic[] }> {
    const key = resolvePath(path);
    const pending = this.#pending.get(key);
    if (pending) return { outcome: await pending, diagnostics: [] };
    const diagnostics: Diagnostic[] = [];
    const loading = this.#read(path, diagnostics).then((outcome) => {
      this.#settled.set(key, outcome);
      if (outcome.kind === 'loaded') this.#loaded.push(outcome.file);
      return outcome;
    });
    this.#pending.set(key, loading);
    return { outcome: await loading, diagnostics };
  }

  /** The parsed file at `path` if `load` succeeded for it (any spelling of the same path). */
  get(path: string): ParsedFile | undefined {
    const outcome = this.#settled.get(resolvePath(path));
    return outcome?.kind === 'loaded' ? outcome.file : undefined;
  }

  outcome(path: string): LoadOutcome | undefined {
    return this.#settled.get(resolvePath(path));
  }

  /** Parsed files in the order they were loaded (entry first). */
  get files(): readonly ParsedFile[] {
    return this.#loaded;
  }

  async #read(path: string, diagnostics: Diagnostic[]): Promise<LoadOutcome> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
      return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
    }
    const decoded = decodeUtf8(bytes, path, 'openapi');
    if (decoded.diagnostic) {
      diagnostics.push(decoded.diagnostic);
      return { kind: 'invalid' };
    }
    const result = parseSourceText(decoded.text, path);
    diagnostics.push(...result.diagnostics);
    return result.parsed ? { kind: 'loaded', file: result.parsed } : { kind: 'invalid' };
  }
}
