import type { OpenApiOperation } from '../sources/openapi/index.js';
import { isTypeCast, operationKind } from './build-operations.js';
import { dropGraphPrefix, hasGraphPrefix, splitWords } from './names.js';

/**
 * How AutoRest names cmdlets after paths, turned around: which operation a cmdlet noun, verb
 * and parameter-set name point at.
 */
export const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Plurals AutoRest singularises that no suffix rule catches (`…/children` → `Get-MgDriveItemChild`). */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = { children: 'child', people: 'person' };

/** Words AutoRest shortens in nouns: `/deviceAppManagement` → `Get-MgDeviceAppMgt…`. */
const NOUN_ABBREVIATIONS: Readonly<Record<string, string>> = { mgt: 'management' };

/**
 * One stem for a word's singular and plural, compared on both sides: a trailing run of `e` and
 * `s` goes, so `classes`/`class`, `searches`/`search`, `caches`/`cache` and `aliases`/`alias`
 * meet (AutoRest's singulariser knows English; a rule that only drops `s` made `classe`).
 */
function stem(word: string): string {
  const irregular = IRREGULAR_PLURALS[word] ?? NOUN_ABBREVIATIONS[word];
  if (irregular) return irregular;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word;
  return singular.replace(/[es]+$/, '') || singular;
}

/**
 * Lower-case singular words. A letter after a digit stays with it: the noun `B2XUserFlow` splits
 * into `B2`, `X`, … where the path `b2xUserFlows` gives `b2x`, so `B2` + `X` join again.
 */
function words(text: string): string[] {
  const parts = splitWords(text.replace(/iOS/g, 'Ios'));
  const joined: string[] = [];
  for (const part of parts) {
    const previous = joined.at(-1);
    if (previous !== undefined && /\d$/.test(previous) && /^[A-Za-z]$/.test(part)) joined[joined.length - 1] = `${previous}${part}`;
    else joined.push(part);
  }
  return joined.map((word) => stem(word.toLowerCase()));
}

/**
 * Words of the literal path segments: `/applications/{id}/synchronization/microsoft.graph.acquireAccessToken`.
 * A media resource's `$value` is `Content` in AutoRest's nouns (`/users/{id}/photo/$value` → `Get-MgUserPhotoContent`);
 * a namespaced action (`microsoft.graph.security.close`) is named by its last part.
 */
function segmentWords(segment: string): string[] {
  if (segment === '$value') return ['content'];
  const name = segment.replace(/\(.*$/, '').replace(/^\$/, '');
  return words(name.startsWith('microsoft.graph.') ? (name.split('.').pop() ?? name) : dropGraphPrefix(name));
}

function literalSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment && !segment.startsWith('{'));
}

/** Words AutoRest drops from some nouns: `disableSmsSignIn` → `Disable-Mg…SmSign`, `removeAllDevicesFromManagement` → `Remove-MgUserDeviceFromManagement`. */
const FILLER_WORDS = new Set(['in', 'all']);

/** One way a cmdlet noun may name a path, and how sure a match on it is (higher is better). */
interface NounForm {
  readonly bag: string;
  readonly score: number;
  /** The action word the noun leaves out, said by the cmdlet verb or set name instead (scores higher when it is). */
  readonly verb?: string;
}

/** How a cmdlet noun may name a path, best first. */
export interface NounForms {
  /** All the path's words (repeats said once, as AutoRest does: `…/agentGroups/{id}/agents/{id}/agentGroups`). */
  readonly exact: string;
  readonly forms: readonly NounForm[];
}

/**
 * The forms, best first: every path word; for actions and functions, all but one word of the
 * action (`acquire`, or the `lock` of `remoteLock` that `Lock-Mg…Remote` says as its verb); the
 * same without the filler words AutoRest drops (`in`, `all`); then without a leading container segment that has no key, which AutoRest leaves out of some
 * nouns (`/solutions/bookingBusinesses` → `Get-MgBookingBusiness`); a lone root entity set or
 * singleton with its entity type (`/search` → `Get-MgSearchEntity`, `/education` → `Get-MgEducationRoot`);
 * a single-valued navigation with `Default`, which AutoRest adds where a collection of the same
 * name exists (`/users/{id}/drive` → `Get-MgUserDefaultDrive`, beside `/users/{id}/drives`); and a
 * type cast with `As` (`/groups/{id}/members/microsoft.graph.user` → `Get-MgGroupMemberAsUser`); and
 * an alternate key with `By` (`/applications(appId='{appId}')` → `Get-MgApplicationByAppId`).
 */
export function nounFormsOfPath(operation: OpenApiOperation): NounForms {
  const segments = literalSegments(operation.path);
  const perSegment = segments.map(segmentWords);
  const kind = operationKind(operation);
  const isAction = kind !== 'operation';
  const [, root, next] = operation.path.split('/');
  const rootIsContainer = root !== undefined && next !== undefined && !next.startsWith('{') && segments.length > 1;
  const forms: NounForm[] = [];
  const addForms = (wordLists: string[][], scoreOffset: number) => {
    const all = wordLists.flat();
    forms.push({ bag: bag(all), score: scoreOffset + 4 });
    const actionWords = isAction ? (wordLists.at(-1) ?? []) : [];
    const before = all.length - actionWords.length;
    actionWords.forEach((verb, index) => {
      forms.push({ bag: bag(all.filter((_, other) => other !== before + index)), score: scoreOffset + (index === 0 ? 3 : 2), verb });
    });
  };
  addForms(perSegment, 8);
  const withoutFillers = perSegment.map((list) => list.filter((word) => !FILLER_WORDS.has(word)));
  if (withoutFillers.some((list, index) => list.length !== perSegment[index]?.length)) addForms(withoutFillers, 4);
  if (rootIsContainer) addForms(perSegment.slice(1), 0);
  if (segments.length === 1 && !isAction) {
    forms.push({ bag: bag([...(perSegment[0] ?? []), 'entity']), score: 1 });
    const entityType = rootEntityType(operation, segments[0] as string);
    if (entityType) forms.push({ bag: bag([...(perSegment[0] ?? []), ...words(entityType)]), score: 1 });
  }
  const allWords = perSegment.flat();
  // words said twice collapse (`/groups/{id}/groupLifecyclePolicies` is GroupLifecyclePolicy, the
  // root set's name): the SDK tells it apart with `By` + the root (`Get-MgGroupLifecyclePolicyByGroup`)
  if (!isAction && new Set(allWords).size < allWords.length) forms.push({ bag: bag([...allWords, ...words('by')]), score: 1 });
  // an alternate key (`/applications(appId='{appId}')`) is `By` + the key: `Get-MgApplicationByAppId`
  const alternateKeys = segments.flatMap((segment) => (hasGraphPrefix(segment) ? [] : [...segment.matchAll(/[(,]\s*(\w+)\s*=/g)].map((match) => match[1] as string)));
  if (alternateKeys.length > 0) forms.push({ bag: bag([...allWords, ...words('by'), ...alternateKeys.flatMap(words)]), score: 12 });
  // a cast (`…/members/microsoft.graph.user`) is `As` + the type: `Get-MgGroupMemberAsUser`, `…MemberCountAsUser`
  if (segments.some((segment, index) => isTypeCast(segment, index === segments.length - 1, kind))) forms.push({ bag: bag([...allWords, ...words('as')]), score: 12 });
  const last = segments.at(-1);
  if (segments.length > 1 && !isAction && last !== undefined && operation.path.endsWith(`/${last}`) && /^[A-Za-z]+$/.test(last) && !last.endsWith('s')) {
    forms.push({ bag: bag([...allWords, 'default']), score: 1 });
  }
  return { exact: bag(allWords), forms };
}

/**
 * The entity type a root entity set or singleton holds, as its tag names it (`shares.sharedDriveItem`,
 * `education.educationRoot`): AutoRest names their cmdlets after it, `Get-MgShareSharedDriveItemSharedDriveItem`
 * for `GET /shares` and `Get-MgEducationRoot` for `GET /education`.
 */
function rootEntityType(operation: OpenApiOperation, root: string): string | undefined {
  for (const tag of operation.tags) {
    const [entitySet, entityType, ...rest] = tag.split('.');
    if (entitySet === root && entityType && rest.length === 0) return entityType;
  }
  return undefined;
}

/**
 * How well a noun names a path (0: not at all). A form that leaves out an action word counts
 * only when that word is the action's first, or when the cmdlet verb or set name says it
 * (`Remove-MgApplicationKey` → `removeKey`, set `Unset1` → `unsetVerifiedPublisher`); said, it
 * ranks above unsaid.
 */
export function nounScore(forms: NounForms, noun: string, verbHints: readonly string[]): number {
  let best = 0;
  const hints = verbHints.flatMap(words);
  for (const form of forms.forms) {
    if (form.bag !== noun) continue;
    const hinted = form.verb !== undefined && hints.includes(form.verb);
    if (form.verb !== undefined && form.score % 4 !== 3 && !hinted) continue;
    const score = form.score * 2 + (hinted ? 1 : 0);
    if (score > best) best = score;
  }
  return best;
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

/** Prepositions the PowerShell SDK puts in some nouns that its paths do not have (`Remove-MgGroupFromLifecyclePolicy`). */
const PREPOSITIONS = new Set(['from', 'to']);

/** A noun bag (`nounBag`) without those prepositions. */
export function withoutPrepositions(nounWords: string): string {
  return nounWords
    .split(' ')
    .filter((word) => !PREPOSITIONS.has(word))
    .join(' ');
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
