import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { DiagnosticError } from '../diagnostics/index.js';
import { inBatches } from '../util/batches.js';
import { sha256 } from './lock.js';
import { GENERATED_MARKER, type GeneratedFile } from './types.js';

/**
 * A generated file once compared with the disk. What the file had to say is kept only where it
 * differs from the disk: staged in a temporary file beside it (`temporary`) or held (`contents`).
 * A module's outputs are tens of megabytes of strings; held until the write, they were most of
 * the run's memory.
 */
export interface ComparedFile {
  readonly path: string;
  /** Of the new contents: what the lock records. */
  readonly sha256: string;
  /**
   * What was at this path before the run; absent when nothing was. `generated`: it carries the
   * do-not-edit header (looked for only when it differs from the new contents).
   */
  readonly current?: { readonly sha256: string; readonly generated?: boolean };
  /** The new contents, written beside the file (`generate`); absent when they equal the current ones. */
  readonly temporary?: string;
  /** The new contents, held (`--check`, the lock files); absent when staged or unchanged. */
  readonly contents?: string;
}

/** What `generate` does with the files its targets make: compares them with the disk (--check), or stages them beside it too. */
export type OutputHandling = 'compare' | 'stage';

const COMPARE_BATCH = 64;

/** Where the new contents of `file` wait until every file of the run is ready: a sibling, per run and thread. */
export function temporaryFor(file: string): string {
  return `${file}.${runTag()}.mgkit-tmp`;
}

/** This run's temporaries end with `.<pid>.mgkit-tmp` (the main thread) or `.<pid>-<thread>.mgkit-tmp`. */
const RUN_TEMPORARY = new RegExp(`\\.${process.pid}(?:-\\d+)?\\.mgkit-tmp$`);

export function isRunTemporary(file: string): boolean {
  return RUN_TEMPORARY.test(file);
}

/** The file a temporary stands for. */
export function targetOfTemporary(file: string): string {
  return file.replace(/\.\d+(?:-\d+)?\.mgkit-tmp$/, '');
}

function runTag(): string {
  return threadId === 0 ? String(process.pid) : `${process.pid}-${threadId}`;
}

/** A file's text, or undefined when there is none (missing, or a folder in its place). */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    // missing, or a folder in its place: the write says so, before anything is put in place
    return undefined;
  }
}

/**
 * Each file against what is on disk, a few at a time. With `stage`, new contents are written to
 * their temporaries now, so that nothing holds them; `applyChanges` renames them into place, and
 * a run that stops before removes them (`discardRunTemporaries`).
 */
export async function compareWithDisk(files: readonly GeneratedFile[], handling: OutputHandling): Promise<ComparedFile[]> {
  const folders = new Set<string>();
  return inBatches(files, COMPARE_BATCH, async (file) => {
    const hash = sha256(file.contents);
    const existing = await readIfExists(file.path);
    if (existing === file.contents) return { path: file.path, sha256: hash, current: { sha256: hash } };
    const current = existing === undefined ? undefined : { sha256: sha256(existing), generated: existing.includes(GENERATED_MARKER) };
    const compared = { path: file.path, sha256: hash, ...(current && { current }) };
    if (handling === 'compare') return { ...compared, contents: file.contents };
    return { ...compared, temporary: await stage(file, folders) };
  });
}

/** Stagings under way in this thread, and whether `stopStaging` was called. */
const stagingNow = new Set<Promise<unknown>>();
let stagingStopped = false;

/**
 * No file is staged from now on in this thread (a stage after this fails); resolves once the
 * stagings under way have settled, so that a sweep after it finds every temporary.
 */
export async function stopStaging(): Promise<void> {
  stagingStopped = true;
  await Promise.allSettled(stagingNow);
}

function stage(file: GeneratedFile, folders: Set<string>): Promise<string> {
  if (stagingStopped) return Promise.reject(new Error('the run was interrupted'));
  const staging = writeTemporary(file, folders);
  stagingNow.add(staging);
  return staging.finally(() => stagingNow.delete(staging));
}

async function writeTemporary(file: GeneratedFile, folders: Set<string>): Promise<string> {
  const temporary = temporaryFor(file.path);
  try {
    const folder = path.dirname(file.path);
    if (!folders.has(folder)) await mkdir(folder, { recursive: true });
    folders.add(folder);
    await writeFile(temporary, file.contents, 'utf8');
    return temporary;
  } catch (error) {
    throw unwritable((error as { path?: string }).path ?? file.path, error);
  }
}

export function unwritable(file: string, error: unknown): DiagnosticError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new DiagnosticError([
    {
      severity: 'error',
      code: 'output/unwritable',
      file: targetOfTemporary(file),
      message: `cannot write the file (${code}); nothing was changed`,
      hint: 'make its folder writable, or move away what is in its place',
    },
  ]);
}
