import type { Diagnostic } from '../../diagnostics/index.js';
import { evaluatePointer, parentPointer } from './json-pointer.js';
import { addressKey, followRefChain, followRefOnce, parseRef, refTargetFile } from './refs.js';
import type { RefChain, RefHop } from './refs.js';
import type { SourceFiles } from './source-files.js';
import type { NodeAddress } from './types.js';
import { collectRefSites } from './walk-refs.js';
import type { RefSite } from './walk-refs.js';

export interface RefValidation {
  readonly diagnostics: Diagnostic[];
  /** How many `$ref`s were checked across all files. */
  readonly refCount: number;
}

/**
 * Loads every file reachable through `$ref`s from the entry (already loaded) and checks that each
 * `$ref` in each file leads to a definition: no dangling target, no missing file, no pure-ref loop.
 * Recursive schemas are fine: the walk never follows a ref into its target's subtree.
 */
export async function validateRefs(files: SourceFiles, entry: string): Promise<RefValidation> {
  const diagnostics: Diagnostic[] = [];
  const sites = await collectSitesAcrossFiles(files, entry, diagnostics);
  const reportedLoops = new Set<string>();
  for (const site of sites) {
    const problem = checkRefSite(files, site, reportedLoops);
    if (problem) diagnostics.push(problem);
  }
  return { diagnostics, refCount: sites.length };
}

async function collectSitesAcrossFiles(files: SourceFiles, entry: string, diagnostics: Diagnostic[]): Promise<RefSite[]> {
  const sites: RefSite[] = [];
  const queue = [entry];
  const queued = new Set(queue);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const file = files.get(next);
    if (!file) continue;
    const fileSites = collectRefSites(file.value, file.path);
    sites.push(...fileSites);
    for (const target of referencedFiles(fileSites)) {
      const { outcome, diagnostics: loadDiagnostics } = await files.load(target);
      diagnostics.push(...loadDiagnostics);
      const loaded = outcome.kind === 'loaded' ? outcome.file.path : undefined;
      if (loaded !== undefined && !queued.has(loaded)) {
        queued.add(loaded);
        queue.push(loaded);
      }
    }
  }
  return sites;
}

function referencedFiles(sites: readonly RefSite[]): string[] {
  const targets = new Set<string>();
  for (const site of sites) {
    const parsed = parseRef(site.ref);
    if (parsed.kind === 'local-or-file' && parsed.file !== undefined) targets.add(refTargetFile(parsed, site.address));
  }
  return [...targets];
}

function checkRefSite(files: SourceFiles, site: RefSite, reportedLoops: Set<string>): Diagnostic | undefined {
  const hop = followRefOnce(files, site.ref, site.address);
  if (hop.kind !== 'found') return brokenRefDiagnostic(files, site, hop);
  const chain = followRefChain(files, hop.value, hop.address);
  // A failure further down the chain is reported at the `$ref` where it happens.
  if (chain.kind !== 'cycle') return undefined;
  const loopKey = chain.loop.map(addressKey).sort().join('\n');
  if (reportedLoops.has(loopKey)) return undefined;
  reportedLoops.add(loopKey);
  return cycleDiagnostic(files, chain);
}

function brokenRefDiagnostic(files: SourceFiles, site: RefSite, hop: Exclude<RefHop, { kind: 'found' }>): Diagnostic | undefined {
  const where = site.at !== undefined ? locationOf(files, site.address.file, site.at) : refLocation(files, site.address);
  const quoted = site.at !== undefined ? `discriminator mapping '${site.ref}'` : `\`$ref\` '${site.ref}'`;
  switch (hop.kind) {
    case 'missing-target':
      return {
        severity: 'error',
        code: 'openapi/dangling-ref',
        message: `${quoted} points to nothing: ${hop.target.file === site.address.file ? 'there is' : `${hop.target.file} has`} no '${hop.target.pointer}'${closestExisting(files, hop.target)}.`,
        hint: 'correct the name in the `$ref` or add the missing definition',
        ...where,
      };
    case 'file-unavailable':
      return fileUnavailableDiagnostic(files, quoted, hop.file, where);
    case 'remote':
      return {
        severity: 'error',
        code: 'openapi/unsupported-ref',
        message: `${quoted} points to a remote document; only local files are read.`,
        hint: 'save the referenced document next to this one and refer to it by a relative path',
        ...where,
      };
    case 'invalid':
      return {
        severity: 'error',
        code: 'openapi/invalid-ref',
        message: `${quoted} is not a valid reference: ${hop.reason}.`,
        hint: "write it as '#/components/<kind>/<name>' or '<relative-file>#/<pointer>'",
        ...where,
      };
  }
}

function fileUnavailableDiagnostic(files: SourceFiles, quoted: string, file: string, where: Location): Diagnostic | undefined {
  const outcome = files.outcome(file);
  // A file that failed to parse already has its own parse error.
  if (outcome?.kind === 'invalid') return undefined;
  if (outcome?.kind === 'unreadable') {
    return { severity: 'error', code: 'openapi/read-error', message: `${quoted}: cannot read ${file}: ${outcome.reason}.`, ...where };
  }
  return {
    severity: 'error',
    code: 'openapi/file-not-found',
    message: `${quoted} points to ${file}, which does not exist.`,
    hint: 'a file `$ref` is relative to the directory of the file containing it',
    ...where,
  };
}

function cycleDiagnostic(files: SourceFiles, chain: RefChain & { kind: 'cycle' }): Diagnostic {
  const first = chain.loop[0]!;
  const names = [...chain.loop, first].map((address) => (address.file === first.file ? `#${address.pointer}` : addressKey(address)));
  return {
    severity: 'error',
    code: 'openapi/ref-cycle',
    message: `\`$ref\` cycle: ${names.join(' → ')} never reaches a definition.`,
    hint: 'replace one of these `$ref`s with the definition it stands for',
    ...refLocation(files, first),
  };
}

type Location = Pick<Diagnostic, 'file' | 'line' | 'column'>;

/** Where the `$ref` key of a ref object is written. */
function refLocation(files: SourceFiles, address: NodeAddress): Location {
  return locationOf(files, address.file, `${address.pointer}/$ref`);
}

function locationOf(files: SourceFiles, file: string, pointer: string): Location {
  const position = files.get(file)?.locator.locate(pointer);
  return { file, ...position };
}

/** `' (/components/schemas exists)'` — tells the reader which part of the pointer went wrong. */
function closestExisting(files: SourceFiles, target: NodeAddress): string {
  const root = files.get(target.file)?.value;
  if (root === undefined) return '';
  for (let split = parentPointer(target.pointer); split; split = parentPointer(split.parent)) {
    if (split.parent !== '' && evaluatePointer(root, split.parent) !== undefined) {
      return ` ('${split.parent}' exists, '${split.last}' is not in it)`;
    }
  }
  return '';
}
