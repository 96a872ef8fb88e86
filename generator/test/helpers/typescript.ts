/** How the tests type-check generated code and examples: tsc strict, as a consumer's project would. */
import type ts from 'typescript';
import { strictCompilerOptions as optionsFor } from '../../../bench/whole-graph/examples.mjs';
import { projectRoot } from './paths.js';

/** Compiler options for generated sources and examples under `baseUrl`, packages mapped by `paths` (the bench's long run uses the same). */
export function strictCompilerOptions(baseUrl: string, paths: Readonly<Record<string, string[]>>): ts.CompilerOptions {
  return optionsFor(baseUrl, paths, projectRoot);
}
