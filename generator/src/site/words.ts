/**
 * Search words of a text: each word as written, and its parts where a name joins words in
 * camelCase, PascalCase or kebab-case, so that "acquire token" finds acquireAccessToken and
 * `Get-MgApplication` is found by "application". The site's page script gets this function's
 * source, so a query is split as the index was: keep it self-contained, plain JavaScript.
 */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const word of text.split(/[^\p{L}\p{N}_-]+/u)) {
    if (!word) continue;
    const parts = word.split(/[-_]+|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u).filter(Boolean);
    words.push(...parts);
    if (parts.length > 1) words.push(word.replace(/[-_]/g, ''));
  }
  return words;
}
