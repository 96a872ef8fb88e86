/**
 * The parts of ts-morph the client target uses at run time, loaded with `require`. Imported as an
 * ES module, the CommonJS package is first scanned for its export names, and for ts-morph that
 * scan reads the whole TypeScript compiler: about 90 ms of every run that emits a client.
 * Types come from `import type 'ts-morph'`, which costs nothing at run time.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;

export const printStructure = tsMorph.printStructure;
export const StructureKind = tsMorph.StructureKind;
export const VariableDeclarationKind = tsMorph.VariableDeclarationKind;
