/**
 * The no-op check resolves tens of thousands of lock entries, so `lockAbsolutePath` and
 * `isWithin` take shortcuts for the common shapes. They must agree with plain `path.resolve`
 * and `path.relative` on every shape, odd ones included (`..`, `.`, empty segments, dot files).
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockAbsolutePath } from '../src/output/index.js';
import { isWithin } from '../src/util/paths.js';

const segment = fc.constantFrom('a', 'b', 'specs', '..', '.', '', '.vitepress', 'x.y', 'c d');
const relativePath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));
const absolutePath = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`);

function slowIsWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

describe('path shortcuts of the up-to-date check', () => {
  it('lockAbsolutePath equals path.resolve for any relative entry', () => {
    fc.assert(
      fc.property(absolutePath, relativePath, (lockFolder, entry) => {
        const lockFile = path.join(path.resolve(lockFolder), 'mgkit-lock.json');
        expect(lockAbsolutePath(lockFile, entry)).toBe(path.resolve(path.dirname(lockFile), ...entry.split('/')));
      }),
      { numRuns: 2000 },
    );
  });

  it('isWithin agrees with path.relative, for normalised and odd paths alike', () => {
    fc.assert(
      fc.property(absolutePath, absolutePath, (inner, outer) => {
        expect(isWithin(inner, outer)).toBe(slowIsWithin(inner, outer));
        expect(isWithin(path.resolve(inner), path.resolve(outer))).toBe(slowIsWithin(path.resolve(inner), path.resolve(outer)));
      }),
      { numRuns: 2000 },
    );
  });
});
