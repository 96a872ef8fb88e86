// Types of examples.mjs, for the generator's tests that share its checks.
import type ts from 'typescript';

export interface ExamplePage {
  readonly unit: string;
  readonly file: string;
  readonly tabs: Map<string, string>;
}
export function codeGroupTabs(page: string): Map<string, string>;
export function operationPages(root: string, units: readonly string[]): ExamplePage[];
export function strictCompilerOptions(baseUrl: string, paths: Readonly<Record<string, string[]>>, projectRoot: string): ts.CompilerOptions;
export function checkTypeScriptTabs(options: { root: string; pages: readonly ExamplePage[]; units: readonly string[]; projectRoot: string; folder?: string }): { checked: number; problems: string[] };
export function shellWords(commands: readonly string[]): string[][];
export function checkCliTabs(options: { cli: string; pages: readonly ExamplePage[]; workDir: string }): Promise<{ ran: number; whatIf: number; problems: string[] }>;
