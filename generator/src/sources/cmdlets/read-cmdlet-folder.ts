import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { decodeUtf8Lines } from '../text-encoding.js';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { SharedReading } from './shared-reading.js';
import { parseCmdletHelp } from './parse-cmdlet-help.js';
import type { CmdletHelp } from './types.js';

export interface ReadCmdletHelpFolderOptions {
  /** Which `*.md` files to read, by file name; all of them when absent. */
  readonly include?: (name: string) => boolean;
}

export interface CmdletHelpFolder {
  /** One per cmdlet help file, in file-name order. */
  readonly cmdlets: CmdletHelp[];
  readonly diagnostics: Diagnostic[];
  /** Module pages (`Module Guid` front matter) found in the folder and left out. */
  readonly skippedModulePages: string[];
}

/**
 * Reads every `*.md` in `dir` (not recursive), sorted by file name so results are deterministic.
 * File paths are `dir` joined with the file name, as relative or absolute as `dir` is.
 */
export async function readCmdletHelpFolder(dir: string, options: ReadCmdletHelpFolderOptions = {}): Promise<CmdletHelpFolder> {
  const names = await listMarkdownFiles(dir);
  if (names === undefined) {
    return { cmdlets: [], diagnostics: [unreadableFolder(dir)], skippedModulePages: [] };
  }
  const included = names.filter((name) => options.include?.(name) ?? true);
  const files = included.map((name) => path.join(dir, name));
  const cmdlets: CmdletHelp[] = [];
  const diagnostics: Diagnostic[] = [];
  const skippedModulePages: string[] = [];
  // the folder's cmdlets share their equal NOTES subtrees and markdown sections
  const shared = new SharedReading();
  // one file at a time, read synchronously: a module's help is up to 68 MB, and no file's text is
  // held past its parse (the shared sections keep the distinct ones, a few MB); an asynchronous
  // read waited on the parse before each of its steps
  for (const file of files) {
    const bytes = readIfReadable(file);
    if (bytes === undefined) {
      diagnostics.push(unreadableFile(file));
      continue;
    }
    const decoded = decodeUtf8Lines(bytes, file, 'cmdlet');
    if (decoded.diagnostic) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    const result = parseCmdletHelp(decoded.lines, file, shared);
    if (result.isModulePage) {
      skippedModulePages.push(file);
      continue;
    }
    diagnostics.push(...result.diagnostics);
    if (result.help) cmdlets.push(result.help);
  }
  diagnostics.push(...duplicateCmdletNames(cmdlets));
  return { cmdlets, diagnostics, skippedModulePages };
}

function readIfReadable(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

async function listMarkdownFiles(dir: string): Promise<string[] | undefined> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch {
    return undefined;
  }
}

function unreadableFolder(dir: string): Diagnostic {
  return {
    severity: 'error',
    code: 'cmdlet/unreadable-folder',
    message: `Cannot read the cmdlet help folder '${dir}'.`,
    hint: 'Check the cmdlets path in mgkit.config.yaml; it must be a folder of platyPS *.md files.',
    file: dir,
  };
}

function unreadableFile(file: string): Diagnostic {
  return {
    severity: 'error',
    code: 'cmdlet/unreadable-file',
    message: `Cannot read the cmdlet help file '${file}'.`,
    hint: 'Check that the file exists and is readable, or remove it from the folder.',
    file,
  };
}

function duplicateCmdletNames(cmdlets: readonly CmdletHelp[]): Diagnostic[] {
  const firstFile = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const help of cmdlets) {
    const key = help.name.toLowerCase();
    const earlier = firstFile.get(key);
    if (earlier === undefined) {
      firstFile.set(key, help.file);
      continue;
    }
    diagnostics.push({
      severity: 'error',
      code: 'cmdlet/duplicate-cmdlet',
      message: `Cmdlet ${help.name} is documented twice: here and in ${earlier}.`,
      hint: 'Keep one help file per cmdlet.',
      file: help.file,
      line: help.position.line,
      column: help.position.column,
    });
  }
  return diagnostics;
}
