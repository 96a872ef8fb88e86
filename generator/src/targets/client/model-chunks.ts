/**
 * Splits a module's model code (factories, readers, enum objects; or its serializers) into
 * chunks, so that a request builder imported on its own loads the code its operations reach and
 * not the whole module's: in Node.js an `import` loads a file whole, and Files' models are 440 KB
 * of JavaScript that every builder would load for its error factory alone.
 *
 * Each type's code is a node; it reaches the types its code names. Types reached by the same
 * set of builders are one group: a builder then loads exactly the groups it reaches. The exact
 * groups are many (46 for Files, about 1,000 for the 33 modules, three files each once built:
 * past npm's comfort and the 10,000-file goal), so the closest groups are merged until at most
 * `maxChunks` are left, each merge the one that makes builders load the fewest bytes they do
 * not reach, and never one that would make two chunks import each other.
 */

export interface ChunkInput {
  /** Type names in the models' order. */
  readonly types: readonly string[];
  /** Bytes of each type's code. */
  readonly sizeOf: (type: string) => number;
  /** The types each type's code names (its edges). */
  readonly referencesOf: (type: string) => Iterable<string>;
  /** Per builder, the types it imports code of. */
  readonly roots: readonly (readonly string[])[];
  readonly maxChunks: number;
}

/** Chunks as lists of type names (models' order), ordered by their first type; types no builder reaches are in none. */
export function modelChunks(input: ChunkInput): string[][] {
  const { types, roots } = input;
  const index = new Map(types.map((type, at) => [type, at]));
  const words = Math.max(1, Math.ceil(roots.length / 32));
  const reachedBy = types.map(() => new Uint32Array(words));
  const edges = types.map((type) => [...new Set([...input.referencesOf(type)].map((name) => index.get(name)).filter((at): at is number => at !== undefined))]);

  roots.forEach((builderRoots, builder) => {
    const seen = new Set<number>();
    const stack = builderRoots.map((name) => index.get(name)).filter((at): at is number => at !== undefined);
    for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
      if (seen.has(at)) continue;
      seen.add(at);
      const reach = reachedBy[at] as Uint32Array;
      reach[builder >>> 5] = (reach[builder >>> 5] as number) | (1 << (builder & 31));
      stack.push(...(edges[at] as number[]));
    }
  });

  // exact groups: types reached by the same builders
  const groupOfKey = new Map<string, number>();
  const groups: Group[] = [];
  const groupOfType = types.map((_, at) => {
    const reach = reachedBy[at] as Uint32Array;
    if (reach.every((word) => word === 0)) return -1;
    const key = reach.join(',');
    let group = groupOfKey.get(key);
    if (group === undefined) {
      group = groups.length;
      groupOfKey.set(key, group);
      groups.push({ members: [], size: 0, reach, builders: popCount(reach), next: new Set(), alive: true });
    }
    const entry = groups[group] as Group;
    entry.members.push(at);
    entry.size += input.sizeOf(types[at] as string);
    return group;
  });
  types.forEach((_, at) => {
    const from = groupOfType[at] as number;
    for (const to of edges[at] as number[]) {
      const target = groupOfType[to] as number;
      if (from >= 0 && target >= 0 && target !== from) (groups[from] as Group).next.add(target);
    }
  });

  mergeGroups(groups, input.maxChunks);
  return groups
    .filter((group) => group.alive)
    .map((group) => group.members.sort((a, b) => a - b))
    .sort((a, b) => (a[0] as number) - (b[0] as number))
    .map((members) => members.map((at) => types[at] as string));
}

interface Group {
  members: number[];
  size: number;
  /** Bit per builder that reaches it. */
  reach: Uint32Array;
  builders: number;
  /** Groups its code imports from. */
  next: Set<number>;
  alive: boolean;
}

function popCount(words: Uint32Array): number {
  let count = 0;
  for (let word of words) {
    while (word !== 0) {
      word &= word - 1;
      count += 1;
    }
  }
  return count;
}

function unionCount(a: Uint32Array, b: Uint32Array): number {
  let count = 0;
  for (let at = 0; at < a.length; at += 1) {
    let word = ((a[at] as number) | (b[at] as number)) >>> 0;
    while (word !== 0) {
      word &= word - 1;
      count += 1;
    }
  }
  return count;
}

/** Bytes builders would load without reaching them, were `a` and `b` one chunk. */
function mergeCost(a: Group, b: Group): number {
  const union = unionCount(a.reach, b.reach);
  return a.size * (union - a.builders) + b.size * (union - b.builders);
}

/** Whether `to` is reachable from `from` through at least one other group (merging them would make a loop). */
function reachesThroughAnother(groups: readonly Group[], from: number, to: number): boolean {
  const seen = new Set<number>([from]);
  const stack = [...(groups[from] as Group).next].filter((at) => at !== to);
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (at === to) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(groups[at] as Group).next);
  }
  return false;
}

function mergeGroups(groups: Group[], maxChunks: number): void {
  const count = groups.length;
  // each pair's cost, kept up to date as groups merge: a merge changes only the merged group's row
  const costs = new Float64Array(count * count);
  const setCosts = (a: number) => {
    for (let b = 0; b < count; b += 1) {
      if (b === a || !(groups[b] as Group).alive) continue;
      const cost = mergeCost(groups[a] as Group, groups[b] as Group);
      costs[a * count + b] = cost;
      costs[b * count + a] = cost;
    }
  };
  for (let a = 0; a < count; a += 1) setCosts(a);
  let alive = count;
  while (alive > maxChunks) {
    let best: { a: number; b: number; cost: number } | undefined;
    for (let a = 0; a < count; a += 1) {
      if (!(groups[a] as Group).alive) continue;
      for (let b = a + 1; b < count; b += 1) {
        if (!(groups[b] as Group).alive) continue;
        const cost = costs[a * count + b] as number;
        if (best !== undefined && cost >= best.cost) continue;
        if (reachesThroughAnother(groups, a, b) || reachesThroughAnother(groups, b, a)) continue;
        best = { a, b, cost };
      }
    }
    if (best === undefined) return;
    const into = groups[best.a] as Group;
    const from = groups[best.b] as Group;
    into.members.push(...from.members);
    into.size += from.size;
    into.reach = into.reach.map((word, at) => (word | (from.reach[at] as number)) >>> 0);
    into.builders = popCount(into.reach);
    for (const next of from.next) into.next.add(next);
    into.next.delete(best.a);
    into.next.delete(best.b);
    from.alive = false;
    for (const group of groups) {
      if (group.next.delete(best.b) && group !== into) group.next.add(best.a);
    }
    setCosts(best.a);
    alive -= 1;
  }
}
