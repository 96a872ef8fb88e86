import { mkdir, readdir, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileChange } from './plan.js';

/** Write via a temporary sibling and rename, so readers never see half a file. */
async function writeAtomically(file: string, contents: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.mgkit-tmp`;
  await writeFile(temporary, contents, 'utf8');
  await rename(temporary, file);
}

async function removeEmptyParents(file: string, stopAt: string): Promise<void> {
  let folder = path.dirname(file);
  while (folder.startsWith(stopAt) && folder !== stopAt) {
    const entries = await readdir(folder).catch(() => ['?']);
    if (entries.length > 0) return;
    await rmdir(folder);
    folder = path.dirname(folder);
  }
}

/** Apply a plan. Callers have already decided the plan is safe (no errors, no unforced conflicts). */
export async function applyChanges(changes: readonly FileChange[], projectRoot: string): Promise<void> {
  for (const change of changes) {
    if (change.kind === 'delete') {
      await unlink(change.path);
      await removeEmptyParents(change.path, projectRoot);
    } else {
      await writeAtomically(change.path, change.contents);
    }
  }
}

export { writeAtomically };
