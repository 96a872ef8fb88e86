/** Line wrapping for usage and syntax blocks. */

/** Join items into lines of at most `width` characters (an item longer than that gets its own line). */
export function wrapItems(items: readonly string[], width: number, indent: string): string {
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    if (current && current.length + 1 + item.length > width) {
      lines.push(current);
      current = `${indent}${item}`;
    } else {
      current = current ? `${current} ${item}` : item;
    }
  }
  if (current) lines.push(current);
  return lines.join('\n');
}
