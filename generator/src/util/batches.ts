/**
 * `work` on every item, `size` at a time, the results in the items' order. For file I/O over a
 * module's thousands of files: never all opened at once (EMFILE), never all held in memory
 * together. Each batch settles before the next starts, and the first failure is thrown only once
 * its batch has settled, so nothing is still running when the caller cleans up.
 */
export async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    const settled = await Promise.allSettled(items.slice(start, start + size).map(work));
    for (const outcome of settled) {
      if (outcome.status === 'rejected') throw outcome.reason;
      results.push(outcome.value);
    }
  }
  return results;
}
