import type { DiagnosticBag, DiagnosticInit } from '../../diagnostics/index.js';
import { createResolver } from './refs.js';
import type { SourceFiles } from './source-files.js';
import type { JsonObject, NodeAddress, SourceLocation } from './types.js';

type Report = Omit<DiagnosticInit, 'file' | 'line' | 'column'>;

/** What the readers of document parts share: ref resolution, positions and the diagnostics bag. */
export class ReaderContext {
  readonly resolve: ReturnType<typeof createResolver>;
  readonly #files: SourceFiles;
  readonly #diagnostics: DiagnosticBag;

  constructor(files: SourceFiles, diagnostics: DiagnosticBag) {
    this.#files = files;
    this.#diagnostics = diagnostics;
    this.resolve = createResolver(files);
  }

  locate(address: NodeAddress): SourceLocation | undefined {
    const position = this.#files.get(address.file)?.locator.locate(address.pointer);
    return position && { file: address.file, ...position };
  }

  /** Keys of `object` (found at `address`) in source order; JS objects move integer-like keys such as `200` first. */
  keysInOrder(object: JsonObject, address: NodeAddress): string[] {
    const written = this.#files.get(address.file)?.locator.keysInOrder(address.pointer, object) ?? [];
    const ordered = new Set(written.filter((key) => Object.hasOwn(object, key)));
    for (const key of Object.keys(object)) ordered.add(key);
    return [...ordered];
  }

  warning(address: NodeAddress, report: Report): void {
    this.#diagnostics.warning({ ...report, ...this.#where(address) });
  }

  error(address: NodeAddress, report: Report): void {
    this.#diagnostics.error({ ...report, ...this.#where(address) });
  }

  #where(address: NodeAddress): Pick<DiagnosticInit, 'file' | 'line' | 'column'> {
    return this.locate(address) ?? { file: address.file };
  }
}
