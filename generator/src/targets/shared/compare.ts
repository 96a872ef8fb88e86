/** Byte-order comparison of strings: the same order on every machine and locale. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
