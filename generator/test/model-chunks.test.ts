import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelChunks, type ChunkInput } from '../src/targets/client/model-chunks.js';

/** The types a builder loads: every chunk holding a type it imports, and the chunks those import, transitively. */
function loadedTypes(input: ChunkInput, chunks: readonly string[][], builder: number): Set<string> {
  const chunkOf = new Map(chunks.flatMap((chunk, at) => chunk.map((type) => [type, at] as const)));
  const loaded = new Set<number>();
  const stack = (input.roots[builder] ?? []).map((type) => chunkOf.get(type)).filter((at): at is number => at !== undefined);
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (loaded.has(at)) continue;
    loaded.add(at);
    for (const type of chunks[at] ?? []) for (const next of input.referencesOf(type)) stack.push(chunkOf.get(next) as number);
  }
  return new Set([...loaded].flatMap((at) => chunks[at] ?? []));
}

function reachedTypes(input: ChunkInput, builder: number): Set<string> {
  const seen = new Set<string>();
  const stack = [...(input.roots[builder] ?? [])];
  for (let type = stack.pop(); type !== undefined; type = stack.pop()) {
    if (seen.has(type)) continue;
    seen.add(type);
    stack.push(...input.referencesOf(type));
  }
  return seen;
}

/** Whether the chunks import each other in a loop. */
function chunksLoop(input: ChunkInput, chunks: readonly string[][]): boolean {
  const chunkOf = new Map(chunks.flatMap((chunk, at) => chunk.map((type) => [type, at] as const)));
  const next = chunks.map((chunk, at) => new Set(chunk.flatMap((type) => [...input.referencesOf(type)].map((to) => chunkOf.get(to) as number)).filter((to) => to !== at)));
  const state = chunks.map(() => 0);
  const visit = (at: number): boolean => {
    if (state[at] === 1) return true;
    if (state[at] === 2) return false;
    state[at] = 1;
    for (const to of next[at] ?? []) if (visit(to)) return true;
    state[at] = 2;
    return false;
  };
  return chunks.some((_, at) => visit(at));
}

/** A random model: types t0…tn, references, and builders importing some of them. */
const arbitraryInput = fc
  .record({ types: fc.integer({ min: 1, max: 30 }), builders: fc.integer({ min: 1, max: 40 }), maxChunks: fc.integer({ min: 1, max: 40 }) })
  .chain(({ types, builders, maxChunks }) =>
    fc.record({
      types: fc.constant(types),
      maxChunks: fc.constant(maxChunks),
      edges: fc.array(fc.array(fc.integer({ min: 0, max: types - 1 }), { maxLength: 4 }), { minLength: types, maxLength: types }),
      roots: fc.array(fc.array(fc.integer({ min: 0, max: types - 1 }), { minLength: 1, maxLength: 3 }), { minLength: builders, maxLength: builders }),
      sizes: fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: types, maxLength: types }),
    }),
  )
  .map(({ types, maxChunks, edges, roots, sizes }): ChunkInput => {
    const names = Array.from({ length: types }, (_, at) => `t${at}`);
    return {
      types: names,
      sizeOf: (type) => sizes[Number(type.slice(1))] ?? 0,
      referencesOf: (type) => (edges[Number(type.slice(1))] ?? []).map((at) => `t${at}`),
      roots: roots.map((list) => list.map((at) => `t${at}`)),
      maxChunks,
    };
  });

describe('model chunks', () => {
  it('groups the types by the builders that reach them: each builder loads exactly what it reaches when the cap allows', () => {
    // a and b only for builder 0; c for both (the error type); d for builder 1; e for nobody
    const input: ChunkInput = {
      types: ['a', 'b', 'c', 'd', 'e'],
      sizeOf: () => 100,
      referencesOf: (type) => ({ a: ['b'], b: ['a'], d: ['c'], e: ['a'] })[type] ?? [],
      roots: [['a', 'c'], ['d']],
      maxChunks: 10,
    };
    const chunks = modelChunks(input);
    expect(chunks).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(loadedTypes(input, chunks, 0)).toEqual(new Set(['a', 'b', 'c']));
    expect(loadedTypes(input, chunks, 1)).toEqual(new Set(['c', 'd']));
  });

  it('merges the groups whose merge loads the fewest bytes nobody reaches, down to the cap', () => {
    // x is reached by builders 0 and 1, y by 0 only, z (large) by 2 only: x+y costs 10 bytes for builder 1, anything with z costs 10,000
    const sizes: Record<string, number> = { x: 10, y: 10, z: 10_000 };
    const input: ChunkInput = { types: ['x', 'y', 'z'], sizeOf: (type) => sizes[type] ?? 0, referencesOf: () => [], roots: [['x', 'y'], ['x'], ['z']], maxChunks: 2 };
    expect(modelChunks(input)).toEqual([['x', 'y'], ['z']]);
  });

  it('never merges two chunks into a loop: a chunk between them keeps them apart', () => {
    // p → q → r: merging p and r would make p+r → q → p+r
    const input: ChunkInput = { types: ['p', 'q', 'r'], sizeOf: () => 1, referencesOf: (type) => ({ p: ['q'], q: ['r'] })[type] ?? [], roots: [['p'], ['q'], ['r']], maxChunks: 1 };
    const chunks = modelChunks(input);
    expect(chunksLoop(input, chunks)).toBe(false);
    expect(chunks.flat().sort()).toEqual(['p', 'q', 'r']);
  });

  it('on any model: every reached type in one chunk, a builder loads all it reaches, no loop, never more chunks than the cap (a merge without a loop always exists), the same result twice', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const chunks = modelChunks(input);
        const placed = chunks.flat();
        expect(new Set(placed).size).toBe(placed.length);
        const reachedByAny = new Set(input.roots.flatMap((_, builder) => [...reachedTypes(input, builder)]));
        expect(new Set(placed)).toEqual(reachedByAny);
        input.roots.forEach((_, builder) => {
          const loaded = loadedTypes(input, chunks, builder);
          for (const type of reachedTypes(input, builder)) expect(loaded.has(type)).toBe(true);
        });
        expect(chunksLoop(input, chunks)).toBe(false);
        expect(chunks.length).toBeLessThanOrEqual(input.maxChunks);
        if (input.maxChunks >= reachedByAny.size) {
          // no merge needed: exact, a builder loads nothing it does not reach
          input.roots.forEach((_, builder) => expect(loadedTypes(input, chunks, builder)).toEqual(reachedTypes(input, builder)));
        }
        expect(modelChunks(input)).toEqual(chunks);
      }),
      { numRuns: 300 },
    );
  });
});
