import type { OpenApiOperation } from '../sources/openapi/index.js';
import { operationKind } from './build-operations.js';
import { dropGraphPrefix, splitWords } from './names.js';

/**
 * How AutoRest names cmdlets after paths, turned around: which operation a cmdlet noun, verb
 * and parameter-set name point at.
 */
export const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Plurals AutoRest singularises that no suffix rule catches (`…/children` → `Get-MgDriveItemChild`). */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = { children: 'child', people: 'person' };

function singular(word: string): string {
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * Lower-case singular words. A letter after a digit stays with it: the noun `B2XUserFlow` splits
 * into `B2`, `X`, … where the path `b2xUserFlows` gives `b2x`, so `B2` + `X` join again.
 */
function words(text: string): string[] {
  const parts = splitWords(text);
  const joined: string[] = [];
  for (const part of parts) {
    const previous = joined.at(-1);
    if (previous !== undefined && /\d$/.test(previous) && /^[A-Za-z]$/.test(part)) joined[joined.length - 1] = `${previous}${part}`;
    else joined.push(part);
  }
  return joined.map((word) => singular(word.toLowerCase()));
}

/**
 * Words of the literal path segments: `/applications/{id}/synchronization/microsoft.graph.acquireAccessToken`.
 * A media resource's `$value` is `Content` in AutoRest's nouns (`/users/{id}/photo/$value` → `Get-MgUserPhotoContent`).
 */
function pathWords(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment && !segment.startsWith('{'))
    .flatMap((segment) => (segment === '$value' ? ['content'] : words(dropGraphPrefix(segment.replace(/\(.*$/, '').replace(/^\$/, '')))));
}

/** How a cmdlet noun may name a path, best first. */
export interface NounForms {
  /** All the path's words (repeats said once, as AutoRest does: `…/agentGroups/{id}/agents/{id}/agentGroups`). */
  readonly exact: string;
  /** For actions and functions: the words without the action's own verb (`acquire`, `check`), and that verb. */
  readonly withoutActionVerb?: { readonly bag: string; readonly verb: string };
}

export function nounFormsOfPath(operation: OpenApiOperation): NounForms {
  const segmentWords = pathWords(operation.path);
  const exact = bag(segmentWords);
  if (operationKind(operation) === 'operation') return { exact };
  const lastSegment = operation.path.split('/').pop() ?? '';
  const verb = words(dropGraphPrefix(lastSegment.replace(/\(.*$/, '')))[0];
  if (!verb) return { exact };
  const index = segmentWords.lastIndexOf(verb);
  return { exact, withoutActionVerb: { bag: bag(segmentWords.filter((_, other) => other !== index)), verb } };
}

/**
 * 3: the noun says every path word; 2: all but the action's verb, which the cmdlet verb or the
 * set name repeats (`Remove-MgApplicationKey` → `removeKey`, set `Unset1` → `unsetVerifiedPublisher`);
 * 1: all but the action's verb.
 */
export function nounScore(forms: NounForms, noun: string, verbHints: readonly string[]): number {
  if (forms.exact === noun) return 3;
  if (forms.withoutActionVerb?.bag !== noun) return 0;
  return verbHints.includes(forms.withoutActionVerb.verb) ? 2 : 1;
}

/** Words as an unordered set: AutoRest moves some action words to the front (`Invoke-MgFilter…SchemaOperator`). */
function bag(wordList: readonly string[]): string {
  return [...new Set(wordList)].sort().join(' ');
}

export function nounBag(noun: string): string {
  const nounWords = words(noun.replace(/^Mg/, ''));
  const last = nounWords.length - 1;
  if (nounWords[last - 1] === 'by' && nounWords[last] === 'ref') nounWords.splice(last - 1, 1);
  return bag(nounWords);
}

/** Entity operations map to the CRUD verbs; any verb may front an action or function. */
export function verbAllowsMethod(verb: string, operation: OpenApiOperation): boolean {
  if (operationKind(operation) !== 'operation') return true;
  const allowed: Readonly<Record<string, readonly string[]>> = {
    Get: ['get'],
    New: ['post'],
    Update: ['patch', 'put'],
    Set: ['put', 'patch'],
    Remove: ['delete'],
  };
  return allowed[verb]?.includes(operation.method) ?? false;
}

/** `Acquire` from `AcquireViaIdentityExpanded`: sets of one base name call the same operation. */
export function baseSetName(setName: string): string {
  return setName.replace(/ViaIdentity|Expanded/g, '') || setName;
}
