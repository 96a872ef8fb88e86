/**
 * Collects the imports one emitted file needs and renders them as ts-morph import structures:
 * sorted modules and names, `import type { … }` when every name is a type, `type` on single
 * names otherwise (the output compiles under `verbatimModuleSyntax`).
 */
import type { ImportDeclarationStructure, OptionalKind } from 'ts-morph';
import { StructureKind } from './ts-morph.js';
import { compareOrdinal } from '../shared/client-surface/identifiers.js';

export const KIOTA_ABSTRACTIONS = '@microsoft/kiota-abstractions';

export class ImportCollector {
  /** module → name → whether only its type is used. */
  readonly #modules = new Map<string, Map<string, boolean>>();
  /** Names declared in the file itself: never imported. */
  readonly #local: ReadonlySet<string>;

  constructor(localNames: Iterable<string> = []) {
    this.#local = new Set(localNames);
  }

  type(moduleSpecifier: string, ...names: string[]): void {
    for (const name of names) this.#add(moduleSpecifier, name, true);
  }

  value(moduleSpecifier: string, ...names: string[]): void {
    for (const name of names) this.#add(moduleSpecifier, name, false);
  }

  #add(moduleSpecifier: string, name: string, typeOnly: boolean): void {
    if (this.#local.has(name)) return;
    let names = this.#modules.get(moduleSpecifier);
    if (!names) {
      names = new Map();
      this.#modules.set(moduleSpecifier, names);
    }
    names.set(name, (names.get(name) ?? true) && typeOnly);
  }

  /** Every import as `[module, name, typeOnly]`. */
  *entries(): IterableIterator<readonly [string, string, boolean]> {
    for (const [moduleSpecifier, names] of this.#modules) for (const [name, typeOnly] of names) yield [moduleSpecifier, name, typeOnly];
  }

  /**
   * Adds another collector's imports, each moved to the module `moduleOf` gives, or dropped
   * where it gives `undefined` (a name the file declares itself).
   */
  addFrom(other: ImportCollector, moduleOf: (moduleSpecifier: string, name: string, typeOnly: boolean) => string | undefined = (moduleSpecifier) => moduleSpecifier): void {
    for (const [moduleSpecifier, name, typeOnly] of other.entries()) {
      const target = moduleOf(moduleSpecifier, name, typeOnly);
      if (target !== undefined) this.#add(target, name, typeOnly);
    }
  }

  /** Packages first, then relative modules; each group sorted. */
  structures(): OptionalKind<ImportDeclarationStructure>[] {
    const isRelative = (specifier: string) => specifier.startsWith('.');
    return [...this.#modules.entries()]
      .sort(([a], [b]) => (isRelative(a) === isRelative(b) ? compareOrdinal(a, b) : isRelative(a) ? 1 : -1))
      .map(([moduleSpecifier, names]) => {
        const entries = [...names.entries()].sort(([a], [b]) => compareOrdinal(a, b));
        const allTypes = entries.every(([, typeOnly]) => typeOnly);
        return {
          kind: StructureKind.ImportDeclaration,
          moduleSpecifier,
          isTypeOnly: allTypes,
          namedImports: entries.map(([name, typeOnly]) => ({ name, isTypeOnly: typeOnly && !allTypes })),
        };
      });
  }
}

/** `../../models/index.js` from folder `applications/item` (POSIX, output-relative paths). */
export function relativeModule(fromDir: string, toFile: string): string {
  const from = fromDir ? fromDir.split('/') : [];
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}
