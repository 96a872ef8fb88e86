/** How the tests type-check generated code and examples: tsc strict, as a consumer's project would. */
import path from 'node:path';
import ts from 'typescript';
import { projectRoot } from './paths.js';

/** Compiler options for generated sources and examples under `baseUrl`, packages mapped by `paths`. */
export function strictCompilerOptions(baseUrl: string, paths: Readonly<Record<string, string[]>>): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    typeRoots: [path.join(projectRoot, 'node_modules/@types')],
    baseUrl,
    paths: { ...paths },
  };
}
