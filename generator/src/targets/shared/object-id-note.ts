/**
 * Which id a key wants when the item also has alternate keys: `byApplicationId` and
 * `--application-id` take the object ID, and people pass the `appId` by mistake. The client's
 * JSDoc, the CLI's option help and the docs say it the same way.
 */
export function objectIdNote(alternateKeys: readonly string[]): string {
  if (alternateKeys.length === 0) return '';
  const names = alternateKeys.map((key) => `\`${key.charAt(0).toLowerCase()}${key.slice(1)}\``).join(' or ');
  return `: its object ID (the \`id\` property), not its ${names} (an alternate key)`;
}
